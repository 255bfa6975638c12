package io.labelledger.task.export.vision;

import io.labelledger.project.config.ControlTag;
import io.labelledger.project.config.LabelingConfig;
import io.labelledger.project.config.ObjectTag;
import io.labelledger.task.export.ExportQueries.ExportTask;
import io.labelledger.task.read.AnnotationView;
import io.labelledger.task.export.vision.ImageGeometry.Point;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads exported tasks of an image project as images with labeled regions in pixels, the common input of the COCO,
 * YOLO and Pascal VOC writers.
 * <ul>
 * <li>Categories: the labels of the config's RectangleLabels and PolygonLabels controls, in config order, each label
 * once; a category's index (0..n-1) is its COCO {@code category_id} and YOLO class.</li>
 * <li>One annotation per task: its most recently updated live annotation (several annotators' copies of the same
 * object would be duplicates for training). Predictions are not exported.</li>
 * <li>The image size is the {@code original_width}/{@code original_height} of the task's results; regions of a task
 * without them cannot be placed in pixels and are left out. Keypoints and other region types are left out.</li>
 * </ul>
 */
public final class VisionTasks {
    static final Set<String> REGION_CONTROLS = Set.of("RectangleLabels", "PolygonLabels");

    public enum Shape { RECTANGLE, POLYGON }

    /**
     * A labeled region in pixels: a rectangle's four (possibly rotated) corners or a polygon's vertices, not clamped.
     * {@code area} is the shape's own area (w × h for a rectangle, the polygon's for a polygon).
     */
    public record Region(int category, Shape shape, List<Point> points, double area) {
        public Region {
            points = List.copyOf(points);
        }
    }

    /** A task's image: {@code id} is the task number; width/height are null when the results do not tell. */
    public record ImageTask(long id, String fileName, String url, Integer width, Integer height, List<Region> regions) {
        public ImageTask {
            regions = List.copyOf(regions);
        }

        public boolean sized() { return width != null && height != null; }
    }

    private final JsonMapper json;
    private final String imageField;
    private final List<String> categories;
    private final Set<String> controls;

    private VisionTasks(JsonMapper json, String imageField, List<String> categories, Set<String> controls) {
        this.json = json;
        this.imageField = imageField;
        this.categories = List.copyOf(categories);
        this.controls = Set.copyOf(controls);
    }

    /** Empty when the config has no Image object or no RectangleLabels/PolygonLabels control. */
    public static Optional<VisionTasks> of(LabelingConfig config, JsonMapper json) {
        Optional<String> field = config.objects().stream().filter(o -> "Image".equals(o.type()))
                                       .map(ObjectTag::valueField).filter(f -> f != null).findFirst();
        Set<String> labels = new LinkedHashSet<>();
        Set<String> controls = new LinkedHashSet<>();
        for (ControlTag c : config.controls()) {
            if (!REGION_CONTROLS.contains(c.type())) continue;
            controls.add(c.name());
            labels.addAll(c.options());
        }
        if (field.isEmpty() || controls.isEmpty()) return Optional.empty();
        return Optional.of(new VisionTasks(json, field.get(), new ArrayList<>(labels), controls));
    }

    public List<String> categories() { return categories; }

    public ImageTask image(ExportTask t) {
        JsonNode data = json.readTree(t.task().data());
        JsonNode urlNode = data.path(imageField);
        String url = urlNode.isString() ? urlNode.asString() : null;
        String fileName = fileName(url, t.task().number());
        Optional<AnnotationView> latest = t.annotations().stream()
                .max(Comparator.comparing(AnnotationView::updatedAt));
        if (latest.isEmpty()) return new ImageTask(t.task().number(), fileName, url, null, null, List.of());
        JsonNode result = json.readTree(latest.get().result());
        Integer width = null, height = null;
        for (JsonNode item : result) {
            if (item.path("original_width").isNumber() && item.path("original_height").isNumber()
                && item.path("original_width").asInt() > 0 && item.path("original_height").asInt() > 0) {
                width = item.path("original_width").asInt();
                height = item.path("original_height").asInt();
                break;
            }
        }
        List<Region> regions = new ArrayList<>();
        if (width != null) {
            for (JsonNode item : result) region(item, width, height).ifPresent(regions::add);
        }
        return new ImageTask(t.task().number(), fileName, url, width, height, regions);
    }

    private Optional<Region> region(JsonNode item, double width, double height) {
        if (!controls.contains(item.path("from_name").asString(""))) return Optional.empty();
        String type = item.path("type").asString("");
        JsonNode value = item.path("value");
        JsonNode labels = value.path(type);
        if (!labels.isArray() || labels.isEmpty()) return Optional.empty();
        int category = categories.indexOf(labels.get(0).asString(""));
        if (category < 0) return Optional.empty();
        switch (type) {
            case "rectanglelabels" -> {
                double x = ImageGeometry.toPixels(value.path("x").asDouble(), width);
                double y = ImageGeometry.toPixels(value.path("y").asDouble(), height);
                double w = ImageGeometry.toPixels(value.path("width").asDouble(), width);
                double h = ImageGeometry.toPixels(value.path("height").asDouble(), height);
                double rotation = value.path("rotation").asDouble(0);
                return Optional.of(new Region(category, Shape.RECTANGLE, ImageGeometry.corners(x, y, w, h, rotation), w * h));
            }
            case "polygonlabels" -> {
                List<Point> points = new ArrayList<>();
                for (JsonNode p : value.path("points")) {
                    if (p.isArray() && p.size() >= 2) {
                        points.add(new Point(ImageGeometry.toPixels(p.get(0).asDouble(), width),
                                             ImageGeometry.toPixels(p.get(1).asDouble(), height)));
                    }
                }
                if (points.size() < 3) return Optional.empty();
                return Optional.of(new Region(category, Shape.POLYGON, points, ImageGeometry.polygonArea(points)));
            }
            default -> { return Optional.empty(); }
        }
    }

    /**
     * A safe file name for the task's image: the last path segment of its URL (query and fragment dropped,
     * percent-decoded), reduced to letters, digits, '.', '-' and '_', never starting with a dot; {@code task-<number>}
     * when nothing is left. It can never hold a path separator, so it can never leave its folder in an archive.
     */
    public static String fileName(String url, long taskNumber) {
        String fallback = "task-" + taskNumber;
        if (url == null || url.isBlank()) return fallback;
        String path = url;
        int cut = indexOfAny(path, '?', '#');
        if (cut >= 0) path = path.substring(0, cut);
        try {
            path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            // keep it as it is; the characters are replaced below
        }
        path = path.replace('\\', '/');
        String segment = path.substring(path.lastIndexOf('/') + 1);
        String safe = segment.replaceAll("[^A-Za-z0-9._-]", "_");
        if (safe.length() > 120) safe = safe.substring(safe.length() - 120);
        safe = safe.replaceFirst("^\\.+", "");
        return safe.isEmpty() || safe.chars().allMatch(c -> c == '_') ? fallback : safe;
    }

    /** The file name without its last extension. */
    public static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a), j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }
}
