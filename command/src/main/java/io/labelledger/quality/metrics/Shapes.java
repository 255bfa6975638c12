package io.labelledger.quality.metrics;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.util.GeometricShapeFactory;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Shapes of result values and their overlap. Image shapes are JTS geometries in pixels when the item carries the
 * image size ({@code original_width}/{@code original_height}), else in percent (then a rotation is applied as if the
 * image were square: Label Studio's percent units differ per axis, ADR 0022). Area ratios do not depend on the unit.
 */
final class Shapes {
    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private static final int ELLIPSE_POINTS = 64;

    private Shapes() {}

    /** A 1D interval inside a container (HyperText/Paragraphs: the start and end nodes; null elsewhere). */
    record Interval(String container, double start, double end) {}

    record Point(double x, double y) {}

    static double num(JsonNode value, String key) {
        JsonNode n = value == null ? null : value.get(key);
        if (n == null || n.isNull()) return Double.NaN;
        if (n.isNumber()) return n.asDouble();
        if (n.isString()) {
            try { return Double.parseDouble(n.asString()); } catch (NumberFormatException e) { return Double.NaN; }
        }
        return Double.NaN;
    }

    /** Intersection over union of two intervals; two equal points agree fully, anything in another container not at all. */
    static double iou(Interval a, Interval b) {
        if (!java.util.Objects.equals(a.container(), b.container())) return 0;
        double inter = Math.min(a.end(), b.end()) - Math.max(a.start(), b.start());
        double union = Math.max(a.end(), b.end()) - Math.min(a.start(), b.start());
        if (union <= 0) return a.start() == b.start() && a.end() == b.end() ? 1 : 0;
        return inter <= 0 ? 0 : inter / union;
    }

    static Interval interval(String type, JsonNode value) {
        return switch (type) {
            case "hypertextlabels", "paragraphlabels" -> new Interval(
                    value.path("start").asString("") + "|" + value.path("end").asString(""),
                    num(value, "startOffset"), num(value, "endOffset"));
            case "timeserieslabels" -> new Interval(null, time(value.get("start")), time(value.get("end")));
            default -> new Interval(null, num(value, "start"), num(value, "end"));
        };
    }

    /** A time series position: a number, or a date/time (epoch milliseconds). */
    static double time(JsonNode n) {
        if (n == null || n.isNull()) return Double.NaN;
        if (n.isNumber()) return n.asDouble();
        String s = n.asString("");
        try { return Double.parseDouble(s); } catch (NumberFormatException ignored) { /* a date */ }
        Instant at = instant(s);
        return at == null ? Double.NaN : at.toEpochMilli();
    }

    /** Label Studio's date/time values: ISO date-time (with or without offset) or date; null when unreadable. */
    static Instant instant(String s) {
        if (s == null || s.isBlank()) return null;
        try { return OffsetDateTime.parse(s).toInstant(); } catch (DateTimeParseException ignored) { /* next */ }
        try { return Instant.parse(s); } catch (DateTimeParseException ignored) { /* next */ }
        try { return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC); } catch (DateTimeParseException ignored) { /* next */ }
        try { return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC); } catch (DateTimeParseException ignored) { /* next */ }
        return null;
    }

    /** The item's shape as a valid geometry, or null when its value is not a shape. */
    static Geometry geometry(String type, JsonNode item) {
        JsonNode v = item.get("value");
        if (v == null) return null;
        double sx = scale(item, "original_width"), sy = scale(item, "original_height");
        Geometry g = switch (type) {
            case "rectanglelabels", "rectangle" -> rectangle(num(v, "x"), num(v, "y"), num(v, "width"), num(v, "height"),
                    rotation(v), sx, sy);
            case "ellipselabels", "ellipse" -> ellipse(v, sx, sy);
            case "polygonlabels", "polygon" -> polygon(v.get("points"), sx, sy);
            default -> null;
        };
        return g == null || g.isEmpty() ? null : (g.isValid() ? g : GeometryFixer.fix(g));
    }

    private static double rotation(JsonNode v) {
        double r = num(v, "rotation");
        return Double.isNaN(r) ? 0 : r;
    }

    /** Pixels per percent from the image size on the item, else 1 (stay in percent). */
    private static double scale(JsonNode item, String key) {
        double size = num(item, key);
        return size > 0 ? size / 100 : 1;
    }

    /** A box turned clockwise (on screen, y down) by {@code degrees} around its top-left corner, as Label Studio does. */
    static Geometry rectangle(double x, double y, double w, double h, double degrees, double sx, double sy) {
        if (!(w > 0) || !(h > 0) || Double.isNaN(x) || Double.isNaN(y)) return null;
        double ox = x * sx, oy = y * sy, pw = w * sx, ph = h * sy;
        double t = Math.toRadians(degrees), cos = Math.cos(t), sin = Math.sin(t);
        double[][] corners = {{0, 0}, {pw, 0}, {pw, ph}, {0, ph}, {0, 0}};
        Coordinate[] ring = new Coordinate[corners.length];
        for (int i = 0; i < corners.length; i++) {
            double a = corners[i][0], b = corners[i][1];
            ring[i] = new Coordinate(ox + a * cos - b * sin, oy + a * sin + b * cos);
        }
        return GEOMETRY.createPolygon(ring);
    }

    /** An ellipse around its centre (x, y) with radii in percent, turned around the centre. */
    private static Geometry ellipse(JsonNode v, double sx, double sy) {
        double cx = num(v, "x") * sx, cy = num(v, "y") * sy, rx = num(v, "radiusX") * sx, ry = num(v, "radiusY") * sy;
        if (!(rx > 0) || !(ry > 0) || Double.isNaN(cx) || Double.isNaN(cy)) return null;
        GeometricShapeFactory f = new GeometricShapeFactory(GEOMETRY);
        f.setNumPoints(ELLIPSE_POINTS);
        f.setCentre(new Coordinate(cx, cy));
        f.setWidth(2 * rx);
        f.setHeight(2 * ry);
        Geometry e = f.createEllipse();
        double r = rotation(v);
        return r == 0 ? e : AffineTransformation.rotationInstance(Math.toRadians(r), cx, cy).transform(e);
    }

    private static Geometry polygon(JsonNode points, double sx, double sy) {
        if (points == null || !points.isArray() || points.size() < 3) return null;
        Coordinate[] ring = new Coordinate[points.size() + 1];
        for (int i = 0; i < points.size(); i++) {
            JsonNode p = points.get(i);
            if (p == null || !p.isArray() || p.size() < 2) return null;
            ring[i] = new Coordinate(p.get(0).asDouble() * sx, p.get(1).asDouble() * sy);
        }
        ring[points.size()] = new Coordinate(ring[0]);
        return GEOMETRY.createPolygon(ring);
    }

    static double iou(Geometry a, Geometry b) {
        if (!a.intersects(b)) return 0;
        double inter = a.intersection(b).getArea();
        double union = a.getArea() + b.getArea() - inter;
        return union <= 0 ? 0 : inter / union;
    }

    static Point point(JsonNode item) {
        JsonNode v = item.get("value");
        double x = num(v, "x"), y = num(v, "y");
        return Double.isNaN(x) || Double.isNaN(y) ? null : new Point(x, y);
    }

    static double distance(Point a, Point b) { return Math.hypot(a.x() - b.x(), a.y() - b.y()); }
}
