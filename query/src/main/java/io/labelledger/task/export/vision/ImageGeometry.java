package io.labelledger.task.export.vision;

import java.util.List;

/**
 * Pure conversions between Label Studio's region coordinates and the pixel/normalized coordinates of computer-vision
 * formats. Label Studio stores x, y, width, height and polygon points in percent (0..100) of the image's original
 * size; a rectangle's {@code rotation} is in degrees, clockwise on screen (y grows downwards), around its top-left
 * corner (x, y).
 */
public final class ImageGeometry {
    private ImageGeometry() {}

    public record Point(double x, double y) {}

    /** An axis-aligned box in pixels: top-left corner and size. */
    public record Box(double x, double y, double width, double height) {
        public double xMax() { return x + width; }

        public double yMax() { return y + height; }

        public double area() { return width * height; }
    }

    /** A percentage of {@code size} pixels. */
    public static double toPixels(double percent, double size) {
        return percent * size / 100.0;
    }

    /**
     * The four corners, in order top-left, top-right, bottom-right, bottom-left of the unrotated rectangle, of a
     * rectangle at (x, y) of the given size rotated clockwise by {@code rotationDegrees} around (x, y). Use pixel
     * units: rotating percentages of a non-square image would shear the box.
     */
    public static List<Point> corners(double x, double y, double width, double height, double rotationDegrees) {
        double a = Math.toRadians(rotationDegrees);
        double cos = Math.cos(a);
        double sin = Math.sin(a);
        // the width runs along (cos, sin), the height along (-sin, cos) on a y-down screen
        Point topLeft = new Point(x, y);
        Point topRight = new Point(x + width * cos, y + width * sin);
        Point bottomRight = new Point(topRight.x() - height * sin, topRight.y() + height * cos);
        Point bottomLeft = new Point(x - height * sin, y + height * cos);
        return List.of(clean(topLeft), clean(topRight), clean(bottomRight), clean(bottomLeft));
    }

    /** The smallest axis-aligned box holding the points. */
    public static Box bounds(List<Point> points) {
        double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (Point p : points) {
            minX = Math.min(minX, p.x());
            minY = Math.min(minY, p.y());
            maxX = Math.max(maxX, p.x());
            maxY = Math.max(maxY, p.y());
        }
        return new Box(minX, minY, maxX - minX, maxY - minY);
    }

    /** The part of the box inside a {@code width} × {@code height} image (empty boxes keep a zero size). */
    public static Box clamp(Box b, double width, double height) {
        double x0 = clamp(b.x(), width), y0 = clamp(b.y(), height);
        double x1 = clamp(b.xMax(), width), y1 = clamp(b.yMax(), height);
        return new Box(x0, y0, x1 - x0, y1 - y0);
    }

    public static Point clamp(Point p, double width, double height) {
        return new Point(clamp(p.x(), width), clamp(p.y(), height));
    }

    /** A point divided by the image size (0..1 when inside the image). */
    public static Point normalize(Point p, double width, double height) {
        return new Point(p.x() / width, p.y() / height);
    }

    /** The area enclosed by a simple polygon (shoelace formula), whatever its winding. */
    public static double polygonArea(List<Point> points) {
        double twice = 0;
        for (int i = 0; i < points.size(); i++) {
            Point a = points.get(i), b = points.get((i + 1) % points.size());
            twice += a.x() * b.y() - b.x() * a.y();
        }
        return Math.abs(twice) / 2;
    }

    private static double clamp(double v, double max) {
        return Math.max(0, Math.min(max, v));
    }

    /** Drops the floating-point noise of cos(90°) and friends so that exact inputs give exact corners. */
    private static Point clean(Point p) {
        return new Point(round(p.x()), round(p.y()));
    }

    private static double round(double v) {
        double r = Math.rint(v * 1e9) / 1e9;
        return r == 0 ? 0 : r; // no -0.0
    }
}
