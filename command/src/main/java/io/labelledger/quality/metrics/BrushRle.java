package io.labelledger.quality.metrics;

import tools.jackson.databind.JsonNode;

import java.util.BitSet;

/**
 * Decodes Label Studio's brush masks: {@code value.rle} is a bit-packed run-length encoding (the thi.ng rle-pack
 * format Label Studio's editor writes) of the image's RGBA bytes; a pixel belongs to the mask when its alpha byte is
 * not 0. Layout, read most significant bit first: 32 bits value count, 5 bits word size − 1, four 4-bit run-length
 * sizes − 1, then chunks of [1 bit repeat?][2 bits size index][run length − 1][one word if repeated, else run words].
 * Hand-written (ADR 0044): no Java library reads this format.
 */
final class BrushRle {
    /** Bigger masks than this (pixels) are refused rather than allocated: 8192 × 8192. */
    static final long MAX_PIXELS = 8192L * 8192L;

    private BrushRle() {}

    /** The mask's pixels (row-major), or null when the value is no readable mask. */
    static BitSet decode(JsonNode rle) {
        if (rle == null || !rle.isArray() || rle.isEmpty()) return null;
        byte[] bytes = new byte[rle.size()];
        for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) rle.get(i).asInt();
        return decode(bytes);
    }

    static BitSet decode(byte[] bytes) {
        Bits in = new Bits(bytes);
        long count = in.read(32);
        int wordSize = (int) in.read(5) + 1;
        int[] sizes = new int[4];
        for (int i = 0; i < 4; i++) sizes[i] = (int) in.read(4) + 1;
        if (count < 0 || count > MAX_PIXELS * 4 || in.overrun) return null;
        BitSet mask = new BitSet();
        long i = 0;
        while (i < count && !in.overrun) {
            boolean repeat = in.read(1) == 1;
            long end = Math.min(count, i + 1 + in.read(sizes[(int) in.read(2)]));
            if (repeat) {
                long word = in.read(wordSize);
                if (word != 0) for (long k = i; k < end; k++) alpha(mask, k);
                i = end;
            } else {
                for (; i < end && !in.overrun; i++) if (in.read(wordSize) != 0) alpha(mask, i);
            }
        }
        return in.overrun ? null : mask;
    }

    /** Byte k of the RGBA stream is non-zero: only alpha bytes (every fourth) make a pixel part of the mask. */
    private static void alpha(BitSet mask, long k) {
        if (k % 4 == 3) mask.set((int) (k / 4));
    }

    static double iou(BitSet a, BitSet b) {
        BitSet inter = (BitSet) a.clone();
        inter.and(b);
        BitSet union = (BitSet) a.clone();
        union.or(b);
        int u = union.cardinality();
        return u == 0 ? 0 : (double) inter.cardinality() / u;
    }

    private static final class Bits {
        private final byte[] data;
        private long pos;
        boolean overrun;

        Bits(byte[] data) { this.data = data; }

        long read(int n) {
            long out = 0;
            for (int k = 0; k < n; k++) {
                long byteIndex = pos >>> 3;
                if (byteIndex >= data.length) {
                    overrun = true;
                    return 0;
                }
                int bit = (data[(int) byteIndex] >> (7 - (int) (pos & 7))) & 1;
                out = (out << 1) | bit;
                pos++;
            }
            return out;
        }
    }
}
