package io.labelledger.task.export.vision;

import io.labelledger.project.config.ControlTag;
import io.labelledger.project.config.LabelingConfig;
import io.labelledger.project.config.ObjectTag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static io.labelledger.task.export.vision.VisionFixtures.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Brush masks (Label Studio RLE) exported as PNGs: encoded here with our own encoder written from the format's description. */
class BrushMasksTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final LabelingConfig CONFIG = new LabelingConfig("<View/>", null,
            List.of(new ObjectTag("img", "Image", "image", 1)),
            List.of(new ControlTag("mask", "BrushLabels", List.of("img"), List.of("Sky", "Road/Lane"), null, false, null, 2)));

    /** Writes the RLE layout: count, word size, four run-length field sizes, then repeat and literal blocks. */
    static int[] encode(int[] values) {
        int[] runBits = {1, 4, 8, 16};
        Bits out = new Bits();
        out.write(values.length, 32);
        out.write(8 - 1, 5);
        for (int b : runBits) out.write(b - 1, 4);
        int i = 0;
        while (i < values.length) {
            int same = 1;
            while (i + same < values.length && values[i + same] == values[i] && same < 1 << 16) same++;
            if (same >= 2) {
                block(out, true, same, runBits);
                out.write(values[i], 8);
                i += same;
            } else {
                int literal = 1; // up to the next pair of equal values
                while (i + literal < values.length && literal < 1 << 16
                       && !(i + literal + 1 < values.length && values[i + literal] == values[i + literal + 1])) literal++;
                block(out, false, literal, runBits);
                for (int k = 0; k < literal; k++) out.write(values[i + k], 8);
                i += literal;
            }
        }
        return out.bytes();
    }

    static void block(Bits out, boolean repeat, int length, int[] runBits) {
        out.write(repeat ? 1 : 0, 1);
        int k = 0;
        while (length - 1 >= 1 << runBits[k]) k++;
        out.write(k, 2);
        out.write(length - 1, runBits[k]);
    }

    static final class Bits {
        final List<Integer> bits = new ArrayList<>();

        void write(long v, int size) {
            for (int k = size - 1; k >= 0; k--) bits.add((int) (v >>> k) & 1);
        }

        int[] bytes() {
            int[] out = new int[(bits.size() + 7) / 8];
            for (int i = 0; i < bits.size(); i++) out[i / 8] |= bits.get(i) << (7 - i % 8);
            return out;
        }
    }

    /** 7 × 5: a filled square of opaque red at (1..3, 1..3), a half-transparent pixel at (6,4), the rest transparent. */
    static int[] mask() {
        int w = 7, h = 5;
        int[] rgba = new int[w * h * 4];
        for (int y = 1; y <= 3; y++) for (int x = 1; x <= 3; x++) {
            int p = 4 * (y * w + x);
            rgba[p] = 255; rgba[p + 3] = 255;
        }
        int p = 4 * (4 * w + 6);
        rgba[p] = 10; rgba[p + 1] = 20; rgba[p + 2] = 30; rgba[p + 3] = 128;
        return rgba;
    }

    static String result(int[] rle, String label, int w, int h) {
        StringJoiner values = new StringJoiner(",", "[", "]");
        for (int b : rle) values.add(Integer.toString(b));
        return "{\"from_name\":\"mask\",\"to_name\":\"img\",\"type\":\"brushlabels\",\"original_width\":" + w + ",\"original_height\":" + h
               + ",\"value\":{\"format\":\"rle\",\"rle\":" + values + ",\"brushlabels\":[\"" + label + "\"]}}";
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) entries.put(e.getName(), in.readAllBytes());
        }
        return entries;
    }

    @Test
    void decodingWhatTheEncoderWroteGivesTheMaskBack() {
        int[] rgba = mask();
        assertThat(BrushRle.decode(encode(rgba), rgba.length)).isEqualTo(rgba);
        int[] noisy = new int[4000];
        for (int i = 0; i < noisy.length; i++) noisy[i] = (i * 7919 % 13 < 4) ? 255 : (i * 31) & 0xff;
        assertThat(BrushRle.decode(encode(noisy), noisy.length)).isEqualTo(noisy);
    }

    @Test
    void aTruncatedOrOversizedStreamIsRefused() {
        int[] rle = encode(mask());
        assertThatThrownBy(() -> BrushRle.decode(Arrays.copyOf(rle, rle.length - 3), 140)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BrushRle.decode(rle, 100)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachBrushRegionBecomesAPngWithTheSamePixels() throws IOException {
        // given one task with an annotation holding two brush regions (one label with a slash) and a bad one
        int[] rgba = mask();
        int[] rle = encode(rgba);
        String annotation = "[" + result(rle, "Sky", 7, 5) + "," + result(rle, "Road/Lane", 7, 5) + ","
                            + result(new int[]{1, 2, 3}, "Sky", 7, 5) + "," + result(rle, "Sky", 8, 5) + "]";
        BrushMasks masks = BrushMasks.of(CONFIG, JSON).orElseThrow();

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        zip.write(masks.page(List.of(task(3, "https://x/a.png", annotation), task(4, "https://x/b.png"))));
        zip.write(masks.finish());

        Map<String, byte[]> entries = unzip(zip.toByteArray());
        assertThat(entries.keySet()).containsExactly("masks/task-3-a3-0-1-Sky.png", "masks/task-3-a3-0-2-Road_Lane.png");
        for (byte[] png : entries.values()) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(image.getWidth()).isEqualTo(7);
            assertThat(image.getHeight()).isEqualTo(5);
            assertThat(image.getColorModel().hasAlpha()).isTrue();
            for (int y = 0; y < 5; y++) for (int x = 0; x < 7; x++) {
                int p = 4 * (y * 7 + x);
                int argb = image.getRGB(x, y);
                int alpha = argb >>> 24;
                assertThat(alpha).as("alpha at %d,%d", x, y).isEqualTo(rgba[p + 3]);
                if (alpha == 255) assertThat(argb & 0xffffff).as("color at %d,%d", x, y).isEqualTo(rgba[p] << 16 | rgba[p + 1] << 8 | rgba[p + 2]);
            }
        }
    }

    @Test
    void onlyImageProjectsWithBrushLabelsExportMasks() {
        LabelingConfig boxes = new LabelingConfig("<View/>", null, List.of(new ObjectTag("img", "Image", "image", 1)),
                List.of(new ControlTag("box", "RectangleLabels", List.of("img"), List.of("Cat"), null, false, null, 2)));
        assertThat(BrushMasks.of(boxes, JSON)).isEmpty();
        assertThat(BrushMasks.of(CONFIG, JSON)).isPresent();
    }

    @Test
    void namesKeepOnlySafeCharacters() {
        assertThat(BrushMasks.safe("../../etc/passwd")).isEqualTo("_.._etc_passwd");
        assertThat(BrushMasks.safe("...")).isEqualTo("_");
        assertThat(BrushMasks.safe("Ciel bleu é")).isEqualTo("Ciel_bleu__");
    }
}
