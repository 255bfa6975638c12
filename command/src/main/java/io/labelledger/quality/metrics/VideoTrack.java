package io.labelledger.quality.metrics;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A video rectangle's track as Label Studio plays it: keyframes ({@code value.sequence}), the box interpolated
 * linearly between an enabled keyframe and the next, hidden after a disabled one, kept after the last enabled one.
 * Boxes are compared axis-aligned (rotation is not used in video rectangles' agreement).
 */
final class VideoTrack {
    /** At most this many frames are compared per pair (evenly spaced): long videos stay cheap to score. */
    static final int MAX_FRAMES = 2_000;

    record Key(long frame, double x, double y, double w, double h, boolean enabled) {}

    private final List<Key> keys;

    private VideoTrack(List<Key> keys) { this.keys = keys; }

    static VideoTrack of(JsonNode value) {
        JsonNode seq = value.get("sequence");
        if (seq == null || !seq.isArray() || seq.isEmpty()) return null;
        List<Key> keys = new ArrayList<>();
        for (JsonNode f : seq) {
            if (!f.has("frame")) continue;
            JsonNode enabled = f.get("enabled");
            keys.add(new Key(f.get("frame").asLong(), Shapes.num(f, "x"), Shapes.num(f, "y"), Shapes.num(f, "width"),
                    Shapes.num(f, "height"), enabled == null || enabled.isNull() || enabled.asBoolean()));
        }
        if (keys.isEmpty()) return null;
        keys.sort(Comparator.comparingLong(Key::frame));
        return new VideoTrack(keys);
    }

    long first() { return keys.getFirst().frame(); }

    /** The last frame this track decides: its last keyframe (an enabled one lasts at least to the other track's end). */
    long last() { return keys.getLast().frame(); }

    /** The box at {@code frame} as {x, y, w, h}, or null when the track is not shown there. */
    double[] at(long frame) {
        Key prev = null, next = null;
        for (Key k : keys) {
            if (k.frame() <= frame) prev = k;
            else { next = k; break; }
        }
        if (prev == null) return null;
        if (prev.frame() == frame) return new double[]{prev.x(), prev.y(), prev.w(), prev.h()};
        if (!prev.enabled()) return null;
        if (next == null) return new double[]{prev.x(), prev.y(), prev.w(), prev.h()};
        double t = (double) (frame - prev.frame()) / (next.frame() - prev.frame());
        return new double[]{lerp(prev.x(), next.x(), t), lerp(prev.y(), next.y(), t), lerp(prev.w(), next.w(), t),
                lerp(prev.h(), next.h(), t)};
    }

    private static double lerp(double a, double b, double t) { return a + (b - a) * t; }

    /** IoU averaged over the frames where either track shows a box (a frame with only one counts 0). */
    double iou(VideoTrack other) {
        long from = Math.min(first(), other.first()), to = Math.max(last(), other.last());
        long span = to - from + 1, step = Math.max(1, span / MAX_FRAMES + (span % MAX_FRAMES == 0 ? 0 : 1));
        double total = 0;
        int frames = 0;
        for (long f = from; f <= to; f += step) {
            double[] a = at(f), b = other.at(f);
            if (a == null && b == null) continue;
            frames++;
            if (a != null && b != null) total += boxIou(a, b);
        }
        return frames == 0 ? 0 : total / frames;
    }

    static double boxIou(double[] a, double[] b) {
        double ix = Math.min(a[0] + a[2], b[0] + b[2]) - Math.max(a[0], b[0]);
        double iy = Math.min(a[1] + a[3], b[1] + b[3]) - Math.max(a[1], b[1]);
        if (ix <= 0 || iy <= 0) return 0;
        double inter = ix * iy, union = a[2] * a[3] + b[2] * b[3] - inter;
        return union <= 0 ? 0 : inter / union;
    }
}
