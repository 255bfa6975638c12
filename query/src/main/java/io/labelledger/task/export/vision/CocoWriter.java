package io.labelledger.task.export.vision;

import io.labelledger.task.export.vision.ImageGeometry.Box;
import io.labelledger.task.export.vision.ImageGeometry.Point;
import io.labelledger.task.export.vision.VisionTasks.ImageTask;
import io.labelledger.task.export.vision.VisionTasks.Region;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * Writes one COCO detection file in pieces, so that a project of any size streams: {@link #head()} (info,
 * categories, the opening of {@code images}), then for each page the page's image entries
 * ({@link #images}) and annotation entries ({@link #annotations}) — the caller sends the first and spools the second —
 * then {@link #between()}, the spooled annotations, and {@link #tail()}. Image ids are task numbers, category ids
 * 0..n-1 in config order, annotation ids 1..n in export order. Boxes are {@code [x, y, width, height]} in pixels,
 * clamped to the image; rotated rectangles give the box around their corners. Not thread-safe: one per export.
 */
public final class CocoWriter {
    private final JsonMapper json;
    private final List<String> categories;
    private long nextAnnotationId = 1;
    private boolean firstImage = true;
    private boolean firstAnnotation = true;

    public CocoWriter(JsonMapper json, List<String> categories) {
        this.json = json;
        this.categories = List.copyOf(categories);
    }

    public String head(String description, String createdAt) {
        ObjectNode info = json.createObjectNode();
        info.put("description", description);
        info.put("date_created", createdAt);
        info.put("version", "1.0");
        ArrayNode cats = json.createArrayNode();
        for (int i = 0; i < categories.size(); i++) cats.addObject().put("id", i).put("name", categories.get(i));
        return "{\"info\":" + json.writeValueAsString(info) + ",\n\"categories\":" + json.writeValueAsString(cats) + ",\n\"images\":[";
    }

    public String images(List<ImageTask> page) {
        StringBuilder out = new StringBuilder();
        for (ImageTask image : page) {
            ObjectNode node = json.createObjectNode();
            node.put("id", image.id());
            node.put("file_name", image.fileName());
            if (image.sized()) {
                node.put("width", image.width());
                node.put("height", image.height());
            }
            if (image.url() != null) node.put("coco_url", image.url());
            out.append(firstImage ? "\n" : ",\n").append(json.writeValueAsString(node));
            firstImage = false;
        }
        return out.toString();
    }

    public String annotations(List<ImageTask> page) {
        StringBuilder out = new StringBuilder();
        for (ImageTask image : page) {
            for (Region region : image.regions()) {
                out.append(firstAnnotation ? "\n" : ",\n").append(json.writeValueAsString(annotation(image, region)));
                firstAnnotation = false;
            }
        }
        return out.toString();
    }

    ObjectNode annotation(ImageTask image, Region region) {
        Box box = ImageGeometry.clamp(ImageGeometry.bounds(region.points()), image.width(), image.height());
        ObjectNode node = json.createObjectNode();
        node.put("id", nextAnnotationId++);
        node.put("image_id", image.id());
        node.put("category_id", region.category());
        node.putArray("bbox").add(round(box.x())).add(round(box.y())).add(round(box.width())).add(round(box.height()));
        node.put("area", round(region.area()));
        node.put("iscrowd", 0);
        ArrayNode segmentation = node.putArray("segmentation");
        if (region.shape() == VisionTasks.Shape.POLYGON) {
            ArrayNode polygon = segmentation.addArray();
            for (Point p : region.points()) {
                Point c = ImageGeometry.clamp(p, image.width(), image.height());
                polygon.add(round(c.x())).add(round(c.y()));
            }
        }
        return node;
    }

    public String between() { return "\n],\n\"annotations\":["; }

    public String tail() { return "\n]}\n"; }

    /** Pixels to 1/100 px: enough for training, free of floating-point noise. */
    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
