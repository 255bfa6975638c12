package io.labelledger.task.export.vision;

import io.labelledger.task.export.vision.ImageGeometry.Box;
import io.labelledger.task.export.vision.ImageGeometry.Point;
import io.labelledger.task.export.vision.VisionTasks.ImageTask;
import io.labelledger.task.export.vision.VisionTasks.Region;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A ZIP of per-image label files, written page by page: every call returns the archive bytes produced so far, so the
 * caller streams them and only one page is ever held. Entry names are fixed folders plus {@link VisionTasks#fileName}
 * stems (no separators, no leading dot), so task data cannot place a file outside them; a stem used twice (ignoring
 * case) gets {@code -<task number>}, so tasks sharing an image file name each get their own label file. The set of names used so far grows with the images, like the ZIP's own central directory.
 * <ul>
 * <li>{@code YOLO}: {@code classes.txt}, {@code data.yaml}, {@code labels/<stem>.txt} with one line
 * {@code class x_center y_center width height} per region, normalized to 0..1 (the box around a rotated rectangle or
 * a polygon), an empty file for an image without regions.</li>
 * <li>{@code YOLO_OBB}: the same files, lines {@code class x1 y1 x2 y2 x3 y3 x4 y4} — a rectangle's four rotated
 * corners (a polygon's surrounding box), normalized and clamped to 0..1.</li>
 * <li>{@code VOC}: {@code Annotations/<stem>.xml} (Pascal VOC: filename, size, one {@code object} with
 * {@code name} and {@code bndbox} xmin/ymin/xmax/ymax in whole pixels per region) and {@code labels.txt}.</li>
 * </ul>
 * Images whose size is unknown get no YOLO/VOC file. Not thread-safe: one per export.
 */
public final class DetectionArchive {
    public enum Kind { YOLO, YOLO_OBB, VOC }

    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private final Kind kind;
    private final List<String> categories;
    private final Drain bytes = new Drain();
    private final ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8);
    private final Set<String> used = new HashSet<>();

    public DetectionArchive(Kind kind, List<String> categories) {
        this.kind = kind;
        this.categories = List.copyOf(categories);
    }

    /** The class files. */
    public byte[] start() {
        String classes = String.join("\n", categories) + "\n";
        if (kind == Kind.VOC) {
            entry("labels.txt", classes);
        } else {
            entry("classes.txt", classes);
            StringBuilder yaml = new StringBuilder("# class index: label (YOLO). Images are not included: fetch them from the task URLs.\n");
            yaml.append("path: .\ntrain: images\nval: images\nnc: ").append(categories.size()).append("\nnames:\n");
            for (int i = 0; i < categories.size(); i++) yaml.append("  ").append(i).append(": ").append(yamlString(categories.get(i))).append('\n');
            entry("data.yaml", yaml.toString());
        }
        return bytes.take();
    }

    public byte[] page(List<ImageTask> images) {
        for (ImageTask image : images) {
            if (!image.sized()) continue;
            String stem = unique(VisionTasks.stem(image.fileName()), image.id());
            switch (kind) {
                case YOLO, YOLO_OBB -> entry("labels/" + stem + ".txt", yolo(image));
                case VOC -> entry("Annotations/" + stem + ".xml", voc(image));
            }
        }
        return bytes.take();
    }

    /** The central directory: the last bytes of the archive. */
    public byte[] finish() {
        try {
            zip.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.take();
    }

    String yolo(ImageTask image) {
        double w = image.width(), h = image.height();
        StringBuilder out = new StringBuilder();
        for (Region region : image.regions()) {
            out.append(region.category());
            if (kind == Kind.YOLO_OBB) {
                List<Point> corners = region.shape() == VisionTasks.Shape.RECTANGLE ? region.points()
                        : boxCorners(ImageGeometry.bounds(region.points()));
                for (Point p : corners) {
                    Point n = ImageGeometry.normalize(ImageGeometry.clamp(p, w, h), w, h);
                    out.append(' ').append(decimal(n.x())).append(' ').append(decimal(n.y()));
                }
            } else {
                Box b = ImageGeometry.clamp(ImageGeometry.bounds(region.points()), w, h);
                out.append(' ').append(decimal((b.x() + b.width() / 2) / w)).append(' ').append(decimal((b.y() + b.height() / 2) / h))
                   .append(' ').append(decimal(b.width() / w)).append(' ').append(decimal(b.height() / h));
            }
            out.append('\n');
        }
        return out.toString();
    }

    String voc(ImageTask image) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter x = XML.createXMLStreamWriter(text);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("annotation");
            element(x, "folder", "images");
            element(x, "filename", image.fileName());
            x.writeStartElement("source");
            element(x, "url", image.url() == null ? "" : image.url());
            x.writeEndElement();
            x.writeStartElement("size");
            element(x, "width", Integer.toString(image.width()));
            element(x, "height", Integer.toString(image.height()));
            element(x, "depth", "3");
            x.writeEndElement();
            element(x, "segmented", "0");
            for (Region region : image.regions()) {
                Box b = ImageGeometry.clamp(ImageGeometry.bounds(region.points()), image.width(), image.height());
                x.writeStartElement("object");
                element(x, "name", categories.get(region.category()));
                element(x, "pose", "Unspecified");
                element(x, "truncated", "0");
                element(x, "difficult", "0");
                x.writeStartElement("bndbox");
                element(x, "xmin", Long.toString(Math.round(b.x())));
                element(x, "ymin", Long.toString(Math.round(b.y())));
                element(x, "xmax", Long.toString(Math.round(b.xMax())));
                element(x, "ymax", Long.toString(Math.round(b.yMax())));
                x.writeEndElement();
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return text.append('\n').toString();
    }

    private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(text);
        x.writeEndElement();
    }

    private static List<Point> boxCorners(Box b) {
        return List.of(new Point(b.x(), b.y()), new Point(b.xMax(), b.y()), new Point(b.xMax(), b.yMax()), new Point(b.x(), b.yMax()));
    }

    /**
     * One label file per task: a stem already taken (compared without case, so that the files stay apart when unzipped
     * on a case-insensitive file system such as macOS's or Windows') gets the task's number.
     */
    private String unique(String stem, long taskNumber) {
        if (used.add(stem.toLowerCase(Locale.ROOT))) return stem;
        String name = stem + "-" + taskNumber;
        while (!used.add(name.toLowerCase(Locale.ROOT))) name = name + "_";
        return name;
    }

    private void entry(String name, String content) {
        try {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String decimal(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }

    /** A double-quoted YAML scalar (JSON string escapes are valid YAML). */
    static String yamlString(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        return out.append('"').toString();
    }

    /** An in-memory sink emptied by every {@link #take()}. */
    private static final class Drain extends ByteArrayOutputStream {
        byte[] take() {
            byte[] out = toByteArray();
            reset();
            return out;
        }
    }
}
