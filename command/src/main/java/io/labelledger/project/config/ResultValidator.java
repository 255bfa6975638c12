package io.labelledger.project.config;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a Label Studio result (a list of result items) against a labeling config and, when given, the task's data,
 * so that no malformed annotation or prediction enters the event store. Errors name the item and key:
 * {@code result[2].value.start}. One pass over the items, then the cross-item rules (relations, per-region
 * classifications, maxUsages, required controls); no allocation per item beyond the error path. A required per-region
 * control needs a result for every region of its object; a rotated rectangle keeps its four corners inside the image
 * when the item carries the image's size (ADR 0022).
 */
public final class ResultValidator {
    private static final int MAX_ITEMS = 10_000;
    /** Label Studio writes percentages as floats: 12.4 + 87.6 may come out as 100.00000000000001. */
    private static final double EPSILON = 1e-3;
    private static final Set<String> REGION_CONTROLS = Set.of("Labels", "RectangleLabels", "Rectangle",
            "PolygonLabels", "Polygon", "KeyPointLabels", "KeyPoint", "EllipseLabels", "Ellipse", "BrushLabels", "Brush",
            "HyperTextLabels", "ParagraphLabels", "TimeSeriesLabels", "VideoRectangle", "MagicWand");
    private static final Set<String> DIRECTIONS = Set.of("right", "left", "bi");

    private ResultValidator() {}

    /** Validates without the task's data: span offsets are checked for shape, not against the text. */
    public static void validate(LabelingConfig config, JsonNode result, String field) {
        validate(config, result, field, null);
    }

    /**
     * @param data the task's data ({@code {"text": "..."}}), or null when unknown; spans on Text objects are then
     *             checked against the text: offsets within it, {@code value.text} equal to the substring
     */
    public static void validate(LabelingConfig config, JsonNode result, String field, JsonNode data) {
        if (result == null || !result.isArray()) throw new InvalidResult(List.of(field), "The result must be a list of result items");
        if (result.size() > MAX_ITEMS) throw new InvalidResult(List.of(field), "The result has more than " + MAX_ITEMS + " items");
        Set<String> regionIds = new HashSet<>();
        Set<String> usedControls = new HashSet<>();
        List<Integer> relations = new ArrayList<>();
        List<Integer> perRegion = new ArrayList<>();
        /** indexes of region items, for required per-region controls */
        List<Integer> regions = new ArrayList<>();
        Map<String, Integer> usages = null;
        for (int i = 0; i < result.size(); i++) {
            JsonNode item = result.get(i);
            Where w = new Where(field, i);
            if (!item.isObject()) throw new InvalidResult(List.of(field, String.valueOf(i)), w.at + " must be an object");
            String type = text(item, "type", w);
            if ("relation".equals(type)) {
                relations.add(i);
                continue;
            }
            String fromName = text(item, "from_name", w);
            String toName = text(item, "to_name", w);
            ControlTag control = config.control(fromName).orElseThrow(() -> w.fail("from_name",
                    "\"" + fromName + "\" is not a control of the labeling config"));
            boolean pairwiseSelf = "Pairwise".equals(control.type()) && control.name().equals(toName);
            if (!control.toName().contains(toName) && !pairwiseSelf) {
                throw w.fail("to_name", "\"" + toName + "\" is not a target of control \"" + fromName + "\"");
            }
            if (!control.resultType().equals(type)) {
                throw w.fail("type", "\"" + type + "\" does not match control \"" + fromName + "\" of type " + control.resultType());
            }
            JsonNode value = item.get("value");
            if (value == null || !value.isObject()) throw w.fail("value", "must be an object");
            ObjectTag target = config.object(toName).orElse(null);
            checkValue(config, control, target, value, item, w, data);
            usedControls.add(fromName);
            JsonNode id = item.get("id");
            if (REGION_CONTROLS.contains(control.type())) {
                regions.add(i);
                if (id != null && id.isString()) regionIds.add(id.asString());
                if (!control.maxUsages().isEmpty()) usages = countUsages(control, value, usages);
            } else if (control.perRegion()) {
                perRegion.add(i);
            }
        }
        for (int i : perRegion) {
            Where w = new Where(field, i);
            JsonNode id = result.get(i).get("id");
            if (id == null || !id.isString() || !regionIds.contains(id.asString())) {
                throw w.fail("id", "must be the id of a region of this result: control \""
                        + result.get(i).get("from_name").asString() + "\" classifies regions (perRegion)");
            }
        }
        for (int i : relations) checkRelation(config, result.get(i), new Where(field, i), regionIds);
        if (usages != null) {
            for (Map.Entry<String, Integer> used : usages.entrySet()) {
                int sep = used.getKey().indexOf('\u0000');
                ControlTag control = config.control(used.getKey().substring(0, sep)).orElseThrow();
                String label = used.getKey().substring(sep + 1);
                Integer limit = control.maxUsages().get(label);
                if (limit != null && used.getValue() > limit) {
                    throw new InvalidResult(List.of(field), "Label \"" + label + "\" of control \"" + control.name()
                            + "\" is used " + used.getValue() + " times; it allows at most " + limit + " per task (maxUsages)");
                }
            }
        }
        for (ControlTag control : config.controls()) {
            if (!control.required()) continue;
            if (control.perRegion()) {
                requireEveryRegion(control, result, field, regions, perRegion); // no region: nothing to classify
            } else if (!usedControls.contains(control.name())) {
                throw new InvalidResult(List.of(field), "Control \"" + control.name() + "\" is required");
            }
        }
    }

    /** Every region on the control's object has a result of the control with the region's id. */
    private static void requireEveryRegion(ControlTag control, JsonNode result, String field, List<Integer> regions, List<Integer> perRegion) {
        Set<String> classified = new HashSet<>();
        for (int i : perRegion) {
            JsonNode item = result.get(i);
            if (control.name().equals(item.get("from_name").asString())) classified.add(item.get("id").asString());
        }
        for (int i : regions) {
            JsonNode item = result.get(i);
            if (!control.toName().contains(item.get("to_name").asString())) continue;
            JsonNode id = item.get("id");
            String regionId = id != null && id.isString() ? id.asString() : null;
            if (regionId == null || !classified.contains(regionId)) {
                throw new RegionResultMissing(List.of(field, String.valueOf(i), "id"), regionId, control.name(),
                        field + "[" + i + "] is a region without a result of the required per-region control \""
                        + control.name() + "\"" + (regionId == null ? "" : " (region " + regionId + ")"));
            }
        }
    }

    private static Map<String, Integer> countUsages(ControlTag control, JsonNode value, Map<String, Integer> usages) {
        JsonNode labels = value.get(control.resultType());
        if (labels == null || !labels.isArray()) return usages;
        Map<String, Integer> counts = usages == null ? new HashMap<>() : usages;
        for (JsonNode label : labels) {
            if (label.isString()) counts.merge(control.name() + '\u0000' + label.asString(), 1, Integer::sum);
        }
        return counts;
    }

    private static void checkValue(LabelingConfig config, ControlTag control, ObjectTag target, JsonNode value,
                                   JsonNode item, Where w, JsonNode data) {
        if (!control.options().isEmpty()) checkOptions(config, control, value, w);
        switch (control.type()) {
            case "Rating" -> {
                JsonNode rating = value.get("rating");
                if (rating == null || !rating.isIntegralNumber() || !rating.canConvertToInt() || rating.asInt() < 1 || rating.asInt() > control.maxRating()) {
                    throw w.fail("value.rating", "must be a whole number from 1 to " + control.maxRating());
                }
            }
            case "TextArea" -> checkTextArea(control, value, w);
            case "Number" -> checkNumber(control, value, w);
            case "DateTime" -> checkDateTime(control, value, w);
            case "Taxonomy" -> checkTaxonomy(control, value, w);
            case "Pairwise" -> {
                JsonNode selected = value.get("selected");
                if (selected == null || !selected.isString() || !("left".equals(selected.asString()) || "right".equals(selected.asString()))) {
                    throw w.fail("value.selected", "must be \"left\" or \"right\"");
                }
            }
            case "Ranker" -> checkRanker(control, target, value, w, data);
            case "RectangleLabels", "Rectangle" -> checkRectangle(value, w, "value.", item);
            case "VideoRectangle" -> checkVideoRectangle(config, item, value, w);
            case "PolygonLabels", "Polygon" -> checkPolygon(value, w);
            case "KeyPointLabels", "KeyPoint" -> checkKeyPoint(value, w);
            case "EllipseLabels", "Ellipse" -> checkEllipse(value, w);
            case "BrushLabels", "Brush" -> checkBrush(value, w);
            case "HyperTextLabels" -> checkHyperTextSpan(value, w);
            case "ParagraphLabels" -> checkParagraphSpan(target, value, w, data);
            case "TimeSeriesLabels" -> checkTimeSeriesRange(value, w);
            case "Labels" -> checkLabelsRegion(target, value, item, w, data);
            default -> { /* Choices and Relations-with-name carry only their options */ }
        }
    }

    private static void checkOptions(LabelingConfig config, ControlTag control, JsonNode value, Where w) {
        String key = control.resultType();
        JsonNode chosen = value.get(key);
        if (chosen == null || !chosen.isArray() || chosen.isEmpty()) throw w.fail("value." + key, "must be a non-empty list");
        if ("Choices".equals(control.type()) && !control.multiple() && chosen.size() > 1) {
            throw w.fail("value." + key, "allows one choice for control \"" + control.name() + "\"");
        }
        if ("Taxonomy".equals(control.type())) return; // paths, checked by checkTaxonomy
        List<String> unknown = null;
        for (JsonNode v : chosen) {
            if (!v.isString() || !config.offers(control, v.asString())) {
                if (unknown == null) unknown = new ArrayList<>();
                unknown.add(v.isString() ? v.asString() : v.toString());
            }
        }
        if (unknown != null) throw w.fail("value." + key, "has values not in the config: " + unknown);
    }

    private static void checkTextArea(ControlTag control, JsonNode value, Where w) {
        JsonNode text = value.get("text");
        if (text == null || !text.isArray()) throw w.fail("value.text", "must be a list of strings");
        for (int k = 0; k < text.size(); k++) {
            if (!text.get(k).isString()) throw w.fail("value.text", "must be a list of strings; item " + k + " is not a string");
        }
        Integer max = control.maxSubmissions();
        if (max != null && text.size() > max) {
            throw w.fail("value.text", "has " + text.size() + " texts; control \"" + control.name() + "\" allows " + max + " (maxSubmissions)");
        }
    }

    private static void checkNumber(ControlTag control, JsonNode value, Where w) {
        JsonNode number = value.get("number");
        if (number == null || !number.isNumber() || !Double.isFinite(number.asDouble())) throw w.fail("value.number", "must be a number");
        double n = number.asDouble();
        Double min = control.min(), max = control.max(), step = control.step();
        if (min != null && n < min) throw w.fail("value.number", "must be at least " + control.attr("min"));
        if (max != null && n > max) throw w.fail("value.number", "must be at most " + control.attr("max"));
        if (step != null) {
            double steps = (n - (min == null ? 0 : min)) / step;
            if (Math.abs(steps - Math.rint(steps)) > 1e-9 * Math.max(1, Math.abs(steps))) {
                throw w.fail("value.number", "must be a multiple of step " + control.attr("step") + (min == null ? "" : " from " + control.attr("min")));
            }
        }
    }

    private static void checkDateTime(ControlTag control, JsonNode value, Where w) {
        List<String> parts = control.only();
        JsonNode v = value.get("datetime");
        Comparable<Object> parsed = v != null && v.isString() ? DateTimeValue.parse(v.asString(), parts) : null;
        if (parsed == null) throw w.fail("value.datetime", "must be " + DateTimeValue.shape(parts));
        Comparable<Object> min = DateTimeValue.parse(control.attr("min"), parts);
        Comparable<Object> max = DateTimeValue.parse(control.attr("max"), parts);
        if (min != null && parsed.compareTo(min) < 0) throw w.fail("value.datetime", "must not be before " + control.attr("min"));
        if (max != null && parsed.compareTo(max) > 0) throw w.fail("value.datetime", "must not be after " + control.attr("max"));
    }

    private static void checkTaxonomy(ControlTag control, JsonNode value, Where w) {
        JsonNode paths = value.get("taxonomy");
        for (int k = 0; k < paths.size(); k++) {
            JsonNode path = paths.get(k);
            if (!path.isArray() || path.isEmpty()) throw w.fail("value.taxonomy", "item " + k + " must be a non-empty path (a list of values)");
            List<String> steps = new ArrayList<>(path.size());
            for (JsonNode step : path) {
                if (!step.isString()) throw w.fail("value.taxonomy", "item " + k + " has a step that is not a string");
                steps.add(step.asString());
            }
            if (!control.paths().contains(steps)) {
                throw w.fail("value.taxonomy", "has a path not in the config: " + steps);
            }
        }
    }

    /**
     * Label Studio's ranker: without buckets one column named after the Ranker itself (the List's name is accepted
     * too, as written before ADR 0035); with buckets a column per bucket and "_" for the items left in the list.
     * With the task's data, every id must be an item of the List (when its items have ids).
     */
    private static void checkRanker(ControlTag control, ObjectTag target, JsonNode value, Where w, JsonNode data) {
        JsonNode ranker = value.get("ranker");
        if (ranker == null || !ranker.isObject()) throw w.fail("value.ranker", "must be an object of lists of item ids");
        Set<String> items = listItemIds(target, data);
        for (Map.Entry<String, JsonNode> column : ranker.properties()) {
            String name = column.getKey();
            boolean known = control.buckets().isEmpty()
                    ? control.name().equals(name) || control.toName().contains(name)
                    : control.buckets().contains(name) || "_".equals(name);
            if (!known) {
                throw w.fail("value.ranker." + name, "is not " + (control.buckets().isEmpty() ? "the ranked list" : "a bucket") + " of control \"" + control.name() + "\"");
            }
            if (!column.getValue().isArray()) throw w.fail("value.ranker." + name, "must be a list of item ids");
            Set<String> seen = new HashSet<>();
            for (JsonNode id : column.getValue()) {
                if (!id.isString()) throw w.fail("value.ranker." + name, "must be a list of item ids (strings)");
                if (!seen.add(id.asString())) throw w.fail("value.ranker." + name, "lists item \"" + id.asString() + "\" twice");
                if (items != null && !items.contains(id.asString())) {
                    throw w.fail("value.ranker." + name, "lists \"" + id.asString() + "\", which is not an item of the list");
                }
            }
        }
    }

    /** The ids of a List object's items in the task's data; null when unknown (no data, or items without string ids). */
    private static Set<String> listItemIds(ObjectTag target, JsonNode data) {
        if (target == null || !"List".equals(target.type()) || target.valueField() == null || data == null) return null;
        JsonNode list = data.get(target.valueField());
        if (list == null || !list.isArray() || list.isEmpty()) return null;
        Set<String> ids = new HashSet<>();
        for (JsonNode item : list) {
            JsonNode id = item.get("id");
            if (id == null || !id.isString()) return null;
            ids.add(id.asString());
        }
        return ids;
    }

    // --- image regions: percentages of the image size, 0..100 ---

    /** @param item the result item (its {@code original_width}/{@code original_height}), null for video frames */
    private static void checkRectangle(JsonNode value, Where w, String base, JsonNode item) {
        double x = percent(value, base, "x", w), y = percent(value, base, "y", w);
        double width = positive(value, base, "width", w), height = positive(value, base, "height", w);
        double rotation = rotation(value, base, w);
        if (rotation == 0) {
            if (x + width > 100 + EPSILON) throw w.fail(base + "width", "makes x + width exceed 100% of the image");
            if (y + height > 100 + EPSILON) throw w.fail(base + "height", "makes y + height exceed 100% of the image");
            return;
        }
        // a rotated box turns clockwise around its top-left corner (x, y); percent of width and of height differ, so its
        // corners can only be placed with the image's aspect ratio. Without the image's size only sizes are checked.
        double imageWidth = pixels(item, "original_width", w), imageHeight = pixels(item, "original_height", w);
        if (Double.isNaN(imageWidth) || Double.isNaN(imageHeight)) return;
        double aspect = imageWidth / imageHeight, rad = Math.toRadians(rotation), cos = Math.cos(rad), sin = Math.sin(rad);
        double[][] corners = {{width, 0}, {width, height}, {0, height}};
        for (double[] c : corners) {
            // in pixels: dx = a·W/100, dy = b·H/100, rotated (y down, clockwise), back to percent of W and H
            double cx = x + c[0] * cos - c[1] / aspect * sin;
            double cy = y + c[0] * aspect * sin + c[1] * cos;
            if (cx < -EPSILON || cx > 100 + EPSILON || cy < -EPSILON || cy > 100 + EPSILON) {
                throw w.fail(base + "rotation", "turns a corner of the rectangle outside the image (at "
                        + Math.round(cx * 100) / 100.0 + "%, " + Math.round(cy * 100) / 100.0 + "%)");
            }
        }
    }

    /** The image's size in pixels from the result item, NaN when absent; refused when present but not a positive number. */
    private static double pixels(JsonNode item, String key, Where w) {
        JsonNode n = item == null ? null : item.get(key);
        if (n == null || n.isNull()) return Double.NaN;
        if (!n.isNumber() || !Double.isFinite(n.asDouble()) || n.asDouble() <= 0) throw w.fail(key, "must be the image's size in pixels (a positive number)");
        return n.asDouble();
    }

    /**
     * Label Studio's tracked box: keyframes (frame from 1... as written, 0 accepted), each a box inside the frame;
     * {@code enabled} true/false; {@code labels} (merged in from the video's Labels control, ADR 0035) must be offered
     * by a label control on the same video.
     */
    private static void checkVideoRectangle(LabelingConfig config, JsonNode item, JsonNode value, Where w) {
        JsonNode sequence = value.get("sequence");
        if (sequence == null || !sequence.isArray() || sequence.isEmpty()) throw w.fail("value.sequence", "must be a non-empty list of frames");
        for (int k = 0; k < sequence.size(); k++) {
            JsonNode frame = sequence.get(k);
            String base = "value.sequence[" + k + "].";
            if (!frame.isObject()) throw w.fail("value.sequence[" + k + "]", "must be an object");
            JsonNode number = frame.get("frame");
            if (number == null || !number.isIntegralNumber() || number.asLong() < 0) throw w.fail(base + "frame", "must be a frame number (0 or more)");
            JsonNode enabled = frame.get("enabled");
            if (enabled != null && !enabled.isNull() && !enabled.isBoolean()) throw w.fail(base + "enabled", "must be true or false");
            checkRectangle(frame, w, base, null);
        }
        JsonNode labels = value.get("labels");
        if (labels == null || labels.isNull()) return;
        if (!labels.isArray()) throw w.fail("value.labels", "must be a list of labels");
        String video = item.get("to_name").asString();
        for (JsonNode label : labels) {
            boolean offered = label.isString() && config.controls().stream().anyMatch(c -> c.toName().contains(video)
                    && REGION_CONTROLS.contains(c.type()) && config.offers(c, label.asString()));
            if (!offered) throw w.fail("value.labels", "has a label no label control of \"" + video + "\" offers: " + label);
        }
    }

    private static void checkPolygon(JsonNode value, Where w) {
        JsonNode points = value.get("points");
        if (points == null || !points.isArray() || points.size() < 3) throw w.fail("value.points", "must be a list of at least 3 [x, y] points");
        for (int k = 0; k < points.size(); k++) {
            JsonNode p = points.get(k);
            if (!p.isArray() || p.size() != 2 || !inPercent(p.get(0)) || !inPercent(p.get(1))) {
                throw w.fail("value.points[" + k + "]", "must be an [x, y] pair of percentages from 0 to 100");
            }
        }
    }

    private static void checkKeyPoint(JsonNode value, Where w) {
        percent(value, "value.", "x", w);
        percent(value, "value.", "y", w);
        if (value.has("width")) positive(value, "value.", "width", w);
    }

    private static void checkEllipse(JsonNode value, Where w) {
        double x = percent(value, "value.", "x", w), y = percent(value, "value.", "y", w);
        double rx = positive(value, "value.", "radiusX", w), ry = positive(value, "value.", "radiusY", w);
        if (rotation(value, "value.", w) == 0) {
            if (x - rx < -EPSILON || x + rx > 100 + EPSILON) throw w.fail("value.radiusX", "reaches outside the image (x ± radiusX)");
            if (y - ry < -EPSILON || y + ry > 100 + EPSILON) throw w.fail("value.radiusY", "reaches outside the image (y ± radiusY)");
        }
    }

    private static void checkBrush(JsonNode value, Where w) {
        JsonNode format = value.get("format");
        if (format == null || !format.isString() || !"rle".equals(format.asString())) {
            throw w.fail("value.format", "must be \"rle\" (Label Studio's run-length encoded mask)");
        }
        JsonNode rle = value.get("rle");
        if (rle == null || !rle.isArray() || rle.isEmpty()) throw w.fail("value.rle", "must be a non-empty list of bytes (0..255)");
        for (int k = 0; k < rle.size(); k++) {
            JsonNode b = rle.get(k);
            if (!b.isIntegralNumber() || b.asLong() < 0 || b.asLong() > 255) throw w.fail("value.rle[" + k + "]", "must be a whole number from 0 to 255");
        }
    }

    private static double percent(JsonNode value, String base, String key, Where w) {
        JsonNode n = value.get(key);
        if (!inPercent(n)) throw w.fail(base + key, "must be a percentage from 0 to 100");
        return n.asDouble();
    }

    private static boolean inPercent(JsonNode n) {
        return n != null && n.isNumber() && Double.isFinite(n.asDouble()) && n.asDouble() >= -EPSILON && n.asDouble() <= 100 + EPSILON;
    }

    private static double positive(JsonNode value, String base, String key, Where w) {
        JsonNode n = value.get(key);
        if (n == null || !n.isNumber() || !Double.isFinite(n.asDouble()) || n.asDouble() < 0 || n.asDouble() > 100 + EPSILON) {
            throw w.fail(base + key, "must be a size from 0 to 100 (percent of the image)");
        }
        return n.asDouble();
    }

    private static double rotation(JsonNode value, String base, Where w) {
        JsonNode r = value.get("rotation");
        if (r == null || r.isNull()) return 0;
        if (!r.isNumber() || !Double.isFinite(r.asDouble()) || Math.abs(r.asDouble()) > 360) {
            throw w.fail(base + "rotation", "must be a number of degrees from -360 to 360");
        }
        return r.asDouble() % 360;
    }

    // --- spans and ranges ---

    private static void checkLabelsRegion(ObjectTag target, JsonNode value, JsonNode item, Where w, JsonNode data) {
        String kind = target == null ? "" : target.type();
        switch (kind) {
            case "Text" -> checkTextSpan(target, value, w, data);
            case "HyperText" -> checkHyperTextSpan(value, w);
            case "Paragraphs" -> checkParagraphSpan(target, value, w, data);
            case "TimeSeries" -> checkTimeSeriesRange(value, w);
            case "Audio", "AudioPlus", "Video" -> {
                double start = nonNegative(value, "start", w), end = nonNegative(value, "end", w);
                if (end < start) throw w.fail("value.end", "must not be before value.start");
            }
            case "Image" -> {
                // <Rectangle>/<Polygon> with a separate <Labels>: the label item repeats the region's geometry
                if (value.has("points")) checkPolygon(value, w);
                else if (value.has("radiusX")) checkEllipse(value, w);
                else if (value.has("width") || value.has("height")) checkRectangle(value, w, "value.", item);
                else if (value.has("x") || value.has("y")) checkKeyPoint(value, w);
            }
            default -> { /* labels only */ }
        }
    }

    private static void checkTextSpan(ObjectTag target, JsonNode value, Where w, JsonNode data) {
        int start = offset(value, "start", w), end = offset(value, "end", w);
        if (end <= start) throw w.fail("value.end", "must be after value.start");
        String text = textOf(target, data);
        JsonNode quoted = value.get("text");
        if (quoted != null && !quoted.isNull() && !quoted.isString()) throw w.fail("value.text", "must be a string");
        if (text == null) return;
        if (end > text.length()) throw w.fail("value.end", "is beyond the end of the text (" + text.length() + " characters)");
        if (quoted != null && quoted.isString() && !quoted.asString().equals(text.substring(start, end))) {
            throw w.fail("value.text", "is not the text between value.start and value.end");
        }
    }

    /** The text a Text object shows: the task's field, or the literal value; null when it is a URL or unknown. */
    private static String textOf(ObjectTag target, JsonNode data) {
        if (!target.inlineValue()) return null;
        if (target.valueField() == null) {
            String literal = target.attr("value");
            return literal != null && literal.indexOf('$') < 0 ? literal : null;
        }
        if (data == null) return null;
        JsonNode field = data.get(target.valueField());
        return field != null && field.isString() ? field.asString() : null;
    }

    private static void checkHyperTextSpan(JsonNode value, Where w) {
        for (String key : List.of("start", "end")) {
            JsonNode xpath = value.get(key);
            if (xpath == null || !xpath.isString()) throw w.fail("value." + key, "must be the XPath of the span's " + key + " node");
        }
        offset(value, "startOffset", w);
        offset(value, "endOffset", w);
        JsonNode quoted = value.get("text");
        if (quoted != null && !quoted.isNull() && !quoted.isString()) throw w.fail("value.text", "must be a string");
    }

    private static void checkParagraphSpan(ObjectTag target, JsonNode value, Where w, JsonNode data) {
        int start = paragraphIndex(value, "start", w), end = paragraphIndex(value, "end", w);
        if (end < start) throw w.fail("value.end", "must not be before value.start");
        offset(value, "startOffset", w);
        offset(value, "endOffset", w);
        if (target != null && target.valueField() != null && data != null) {
            JsonNode paragraphs = data.get(target.valueField());
            if (paragraphs != null && paragraphs.isArray() && end >= paragraphs.size()) {
                throw w.fail("value.end", "is beyond the last paragraph (" + paragraphs.size() + " paragraphs)");
            }
        }
    }

    /** Label Studio writes paragraph indexes as strings ("3"); numbers are accepted too. */
    private static int paragraphIndex(JsonNode value, String key, Where w) {
        JsonNode n = value.get(key);
        if (n != null && n.isIntegralNumber() && n.canConvertToInt() && n.asInt() >= 0) return n.asInt();
        if (n != null && n.isString() && n.asString().matches("\\d{1,9}")) return Integer.parseInt(n.asString());
        throw w.fail("value." + key, "must be a paragraph index (0 or more)");
    }

    private static void checkTimeSeriesRange(JsonNode value, Where w) {
        JsonNode start = value.get("start"), end = value.get("end");
        for (String key : List.of("start", "end")) {
            JsonNode n = value.get(key);
            boolean ok = n != null && ((n.isNumber() && Double.isFinite(n.asDouble())) || (n.isString() && !n.asString().isBlank()));
            if (!ok) throw w.fail("value." + key, "must be a time or a number on the series' time axis");
        }
        if (start.isNumber() && end.isNumber() && end.asDouble() < start.asDouble()) throw w.fail("value.end", "must not be before value.start");
        JsonNode instant = value.get("instant");
        if (instant != null && !instant.isBoolean()) throw w.fail("value.instant", "must be true or false");
    }

    private static int offset(JsonNode value, String key, Where w) {
        JsonNode n = value.get(key);
        if (n == null || !n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() < 0) {
            throw w.fail("value." + key, "must be a character offset (a whole number, 0 or more)");
        }
        return n.asInt();
    }

    private static double nonNegative(JsonNode value, String key, Where w) {
        JsonNode n = value.get(key);
        if (n == null || !n.isNumber() || !Double.isFinite(n.asDouble()) || n.asDouble() < 0) {
            throw w.fail("value." + key, "must be a time in seconds (0 or more)");
        }
        return n.asDouble();
    }

    // --- relations ---

    private static void checkRelation(LabelingConfig config, JsonNode item, Where w, Set<String> regionIds) {
        for (String key : List.of("from_id", "to_id")) {
            JsonNode id = item.get(key);
            if (id == null || !id.isString() || id.asString().isEmpty()) throw w.fail(key, "is required");
            if (!regionIds.contains(id.asString())) throw w.fail(key, "\"" + id.asString() + "\" is not the id of a region of this result");
        }
        JsonNode direction = item.get("direction");
        if (direction != null && !(direction.isString() && DIRECTIONS.contains(direction.asString()))) {
            throw w.fail("direction", "must be \"right\", \"left\" or \"bi\"");
        }
        JsonNode labels = item.get("labels");
        if (labels == null || labels.isNull()) return;
        if (!labels.isArray()) throw w.fail("labels", "must be a list of relation labels");
        Set<String> allowed = config.relationLabels().orElse(Set.of());
        for (JsonNode label : labels) {
            if (!label.isString() || !allowed.contains(label.asString())) {
                throw w.fail("labels", "has a label not in the config's <Relations>: " + label);
            }
        }
    }

    private static String text(JsonNode item, String name, Where w) {
        JsonNode v = item.get(name);
        if (v == null || !v.isString() || v.asString().isEmpty()) throw w.fail(name, "is required");
        return v.asString();
    }

    /** Where in the result an item is: {@code result[2]} in messages, [result, 2, ...] as the error's field path. */
    private record Where(String field, int index, String at) {
        Where(String field, int index) { this(field, index, field + "[" + index + "]"); }

        /** @param key below the item, e.g. "value.points[3]" (path: value, points, 3) */
        InvalidResult fail(String key, String problem) {
            List<String> path = new ArrayList<>();
            path.add(field);
            path.add(String.valueOf(index));
            for (String part : key.split("[.\\[\\]]+")) if (!part.isEmpty()) path.add(part);
            return new InvalidResult(path, at + "." + key + " " + problem);
        }
    }
}
