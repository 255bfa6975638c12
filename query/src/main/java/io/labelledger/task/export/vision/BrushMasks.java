package io.labelledger.task.export.vision;

import io.labelledger.project.config.ControlTag;
import io.labelledger.project.config.LabelingConfig;
import io.labelledger.project.config.ObjectTag;
import io.labelledger.task.export.ExportQueries.ExportTask;
import io.labelledger.task.read.AnnotationView;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * BRUSH_PNG export: a ZIP with one RGBA PNG per BrushLabels region of every annotation,
 * {@code masks/task-<number>-<annotation>-<region index>-<label>.png}, written page by page (each call returns the
 * archive bytes produced so far). Names are built from numbers, ids and labels reduced to {@code [A-Za-z0-9._-]}, so
 * no annotation content can place a file elsewhere. Regions whose RLE does not fit the image size are skipped.
 */
public final class BrushMasks {
    /** Larger masks are skipped: one region is decoded in memory (4 ints per pixel). */
    static final long MAX_PIXELS = 40_000_000L;

    private final JsonMapper json;
    private final java.util.Set<String> controls;
    private final Drain bytes = new Drain();
    private final ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8);

    private BrushMasks(JsonMapper json, java.util.Set<String> controls) {
        this.json = json;
        this.controls = controls;
    }

    /** Empty when the config has no Image object labeled by a BrushLabels control. */
    public static Optional<BrushMasks> of(LabelingConfig config, JsonMapper json) {
        java.util.Set<String> images = new java.util.HashSet<>();
        for (ObjectTag o : config.objects()) if ("Image".equals(o.type())) images.add(o.name());
        java.util.Set<String> controls = new java.util.LinkedHashSet<>();
        for (ControlTag c : config.controls()) {
            if ("BrushLabels".equals(c.type()) && c.toName().stream().anyMatch(images::contains)) controls.add(c.name());
        }
        return controls.isEmpty() ? Optional.empty() : Optional.of(new BrushMasks(json, controls));
    }

    public byte[] page(List<ExportTask> tasks) {
        for (ExportTask t : tasks) {
            for (AnnotationView a : t.annotations()) {
                int index = 0;
                for (JsonNode item : json.readTree(a.result())) {
                    index++;
                    if (!controls.contains(item.path("from_name").asString(""))) continue;
                    JsonNode value = item.path("value");
                    if (!"rle".equals(value.path("format").asString("")) || !value.path("rle").isArray()) continue;
                    int width = item.path("original_width").asInt(0), height = item.path("original_height").asInt(0);
                    if (width <= 0 || height <= 0 || (long) width * height > MAX_PIXELS) continue;
                    String label = value.path("brushlabels").path(0).asString("mask");
                    Optional<byte[]> png = png(value.path("rle"), width, height);
                    if (png.isEmpty()) continue;
                    entry("masks/task-" + t.task().number() + "-" + safe(a.id()) + "-" + index + "-" + safe(label) + ".png", png.get());
                }
            }
        }
        return bytes.take();
    }

    public byte[] finish() {
        try {
            zip.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.take();
    }

    static Optional<byte[]> png(JsonNode rle, int width, int height) {
        int[] encoded = new int[rle.size()];
        for (int i = 0; i < encoded.length; i++) encoded[i] = rle.get(i).asInt() & 0xff;
        int[] rgba;
        try {
            rgba = BrushRle.decode(encoded, 4L * width * height);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        if (rgba.length != 4 * width * height) return Optional.empty();
        return Optional.of(png(rgba, width, height));
    }

    /** The RGBA values (row by row) as a PNG with an alpha channel. */
    static byte[] png(int[] rgba, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        int[] argb = new int[width * height];
        for (int p = 0; p < argb.length; p++) {
            int r = rgba[4 * p], g = rgba[4 * p + 1], b = rgba[4 * p + 2], alpha = rgba[4 * p + 3];
            argb[p] = (alpha & 0xff) << 24 | (r & 0xff) << 16 | (g & 0xff) << 8 | (b & 0xff);
        }
        image.setRGB(0, 0, width, height, argb, 0, width);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String safe(String s) {
        String cleaned = s.replaceAll("[^A-Za-z0-9._-]", "_").replaceFirst("^\\.+", "");
        if (cleaned.length() > 60) cleaned = cleaned.substring(0, 60);
        return cleaned.isEmpty() ? "_" : cleaned;
    }

    private void entry(String name, byte[] content) {
        try {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Collects what the ZIP writer produced since the last take. */
    private static final class Drain extends OutputStream {
        private ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        @Override public void write(int b) { buffer.write(b); }

        @Override public void write(byte[] b, int off, int len) { buffer.write(b, off, len); }

        byte[] take() {
            byte[] out = buffer.toByteArray();
            buffer = new ByteArrayOutputStream();
            return out;
        }
    }
}
