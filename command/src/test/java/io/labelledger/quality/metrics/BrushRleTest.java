package io.labelledger.quality.metrics;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.BitSet;

import static io.labelledger.quality.metrics.AgreementTestSupport.between;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BrushRleTest {

    /** Packs RGBA bytes the way Label Studio's editor does (literal chunks only, 8-bit words, run sizes 8). */
    static int[] encode(int[] rgba) {
        Writer w = new Writer();
        w.write(rgba.length, 32);
        w.write(8 - 1, 5);
        for (int i = 0; i < 4; i++) w.write(8 - 1, 4);
        for (int i = 0; i < rgba.length; i += 256) {
            int n = Math.min(256, rgba.length - i);
            w.write(0, 1);
            w.write(0, 2);
            w.write(n - 1, 8);
            for (int k = 0; k < n; k++) w.write(rgba[i + k], 8);
        }
        return w.bytes();
    }

    /** A w×h mask with the pixels in [x0, x1) × [y0, y1) set (alpha 255). */
    static int[] rect(int w, int h, int x0, int x1, int y0, int y1) {
        int[] rgba = new int[w * h * 4];
        for (int y = y0; y < y1; y++) for (int x = x0; x < x1; x++) rgba[(y * w + x) * 4 + 3] = 255;
        return rgba;
    }

    @Test void decodesTheAlphaChannelIntoPixels() {
        BitSet mask = BrushRle.decode(toBytes(encode(rect(4, 4, 0, 2, 0, 1))));
        assertThat(mask).isNotNull();
        assertThat(mask.stream().toArray()).containsExactly(0, 1);
    }

    @Test void repeatedRunsFillTheirLength() {
        // header then one repeated chunk: 8 bytes of value 255 → both pixels (alpha bytes 3 and 7) set
        Writer w = new Writer();
        w.write(8, 32); w.write(7, 5);
        for (int i = 0; i < 4; i++) w.write(7, 4);
        w.write(1, 1); w.write(0, 2); w.write(7, 8); w.write(255, 8);
        assertThat(BrushRle.decode(toBytes(w.bytes())).cardinality()).isEqualTo(2);
    }

    @Test void masksOverlapByPixels() {
        // 10×10 image: left half vs top half: intersection 25, union 75
        String a = mask(encode(rect(10, 10, 0, 5, 0, 10)));
        String b = mask(encode(rect(10, 10, 0, 10, 0, 5)));
        assertThat(between(a, b)).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(between(a, a)).isEqualTo(1.0);
    }

    @Test void aTruncatedMaskIsNoRegion() {
        assertThat(BrushRle.decode(new byte[]{0, 0, 0, 8})).isNull();
    }

    private static String mask(int[] rle) {
        StringBuilder s = new StringBuilder();
        for (int b : rle) s.append(s.isEmpty() ? "" : ",").append(b);
        return "[{'id':'m','from_name':'br','to_name':'img','type':'brushlabels','original_width':10,'original_height':10,"
               + "'value':{'format':'rle','rle':[" + s + "],'brushlabels':['Sky']}}]";
    }

    private static byte[] toBytes(int[] in) {
        byte[] out = new byte[in.length];
        for (int i = 0; i < in.length; i++) out[i] = (byte) in[i];
        return out;
    }

    private static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private int current, bits;

        void write(long value, int n) {
            for (int k = n - 1; k >= 0; k--) {
                current = (current << 1) | (int) ((value >> k) & 1);
                if (++bits == 8) { out.write(current); current = 0; bits = 0; }
            }
        }

        int[] bytes() {
            if (bits > 0) { out.write(current << (8 - bits)); current = 0; bits = 0; }
            byte[] b = out.toByteArray();
            int[] r = new int[b.length];
            for (int i = 0; i < b.length; i++) r[i] = b[i] & 0xff;
            return r;
        }
    }
}
