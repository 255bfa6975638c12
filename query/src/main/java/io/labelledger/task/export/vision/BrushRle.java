package io.labelledger.task.export.vision;

/**
 * Label Studio's brush RLE ({@code "format": "rle"}), read per its documented layout: a big-endian bit stream of a
 * 32-bit value count, a 5-bit word size minus one, four 4-bit run-length field sizes minus one, then blocks of
 * {1 bit repeat flag, 2 bits choosing a run-length field size, run length minus one, then one word repeated or run
 * length words}. The values are the RGBA bytes of the mask, row by row. Hand-written: no Java library reads it.
 */
public final class BrushRle {
    private BrushRle() {}

    /** The decoded values; refuses a stream that declares more than {@code maxValues} or ends early. */
    public static int[] decode(int[] bytes, long maxValues) {
        Bits in = new Bits(bytes);
        long count = in.read(32);
        if (count > maxValues) throw new IllegalArgumentException("The mask has more values than its image");
        int wordSize = (int) in.read(5) + 1;
        int[] runSizes = new int[4];
        for (int k = 0; k < 4; k++) runSizes[k] = (int) in.read(4) + 1;
        int[] out = new int[(int) count];
        int i = 0;
        while (i < count) {
            boolean repeat = in.read(1) == 1;
            long end = i + 1 + in.read(runSizes[(int) in.read(2)]);
            if (end > count) throw new IllegalArgumentException("A run goes past the end of the mask");
            if (repeat) {
                int v = (int) in.read(wordSize);
                for (; i < end; i++) out[i] = v;
            } else {
                for (; i < end; i++) out[i] = (int) in.read(wordSize);
            }
        }
        return out;
    }

    private static final class Bits {
        private final int[] bytes;
        private long position;

        Bits(int[] bytes) { this.bytes = bytes; }

        long read(int size) {
            long v = 0;
            for (int k = 0; k < size; k++) {
                int index = (int) (position >>> 3);
                if (index >= bytes.length) throw new IllegalArgumentException("The mask ends early");
                int bit = (bytes[index] >>> (7 - (int) (position & 7))) & 1;
                v = (v << 1) | bit;
                position++;
            }
            return v;
        }
    }
}
