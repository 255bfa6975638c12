package io.labelledger.task;

import io.labelledger.testing.ApiClient;
import io.labelledger.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** BRUSH_PNG export through the real HTTP stack: imported brush annotations come back as PNG masks in a ZIP. */
class BrushExportIT extends IntegrationTest {
    static final String CONFIG = """
            <View><Image name="img" value="$image"/>
              <BrushLabels name="mask" toName="img"><Label value="Sky"/><Label value="Road"/></BrushLabels></View>""";
    static final int W = 4, H = 3;

    @LocalServerPort
    int port;

    /** The RLE layout written with literal blocks only: count, word size 8, run-length fields of 16 bits. */
    static int[] literalRle(int[] values) {
        StringBuilder bits = new StringBuilder();
        append(bits, values.length, 32);
        append(bits, 7, 5);
        for (int k = 0; k < 4; k++) append(bits, 15, 4);
        append(bits, 0, 1);   // literal block
        append(bits, 0, 2);   // first run-length field (16 bits)
        append(bits, values.length - 1, 16);
        for (int v : values) append(bits, v, 8);
        int[] out = new int[(bits.length() + 7) / 8];
        for (int i = 0; i < bits.length(); i++) if (bits.charAt(i) == '1') out[i / 8] |= 1 << (7 - i % 8);
        return out;
    }

    static void append(StringBuilder bits, long v, int size) {
        for (int k = size - 1; k >= 0; k--) bits.append((v >>> k) & 1);
    }

    /** A diagonal of opaque green pixels, everything else transparent. */
    static int[] diagonal() {
        int[] rgba = new int[W * H * 4];
        for (int i = 0; i < H; i++) {
            int p = 4 * (i * W + i);
            rgba[p + 1] = 200;
            rgba[p + 3] = 255;
        }
        return rgba;
    }

    @Test
    void brushRegionsAreExportedAsPngMasks() throws IOException {
        ApiClient ann = ApiClient.signUp(port, "Ann");
        String project = importBrushTasks(ann);

        byte[] zip = ann.export(project, "format=BRUSH_PNG").expectStatus().isOk()
                        .expectHeader().value(HttpHeaders.CONTENT_DISPOSITION, v -> assertThat(v).contains("-brush-png.zip"))
                        .expectHeader().contentType("application/zip")
                        .expectBody(byte[].class).returnResult().getResponseBody();

        Map<String, byte[]> entries = entries(zip);
        assertThat(entries).hasSize(1);
        String name = entries.keySet().iterator().next();
        assertThat(name).startsWith("masks/task-1-").endsWith("-1-Sky.png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(entries.get(name)));
        int[] rgba = diagonal();
        for (int y = 0; y < H; y++) for (int x = 0; x < W; x++) {
            int p = 4 * (y * W + x);
            int argb = image.getRGB(x, y);
            assertThat(argb >>> 24).as("alpha at %d,%d", x, y).isEqualTo(rgba[p + 3]);
            if (rgba[p + 3] == 255) assertThat((argb >> 8) & 0xff).isEqualTo(200);
        }
    }

    @Test
    void aProjectWithoutBrushLabelsCannotExportMasks() {
        ApiClient ann = ApiClient.signUp(port, "Bo");
        String project = ann.createProject("Text", ApiClient.TEXT_CONFIG);
        // the download: 400 with the typed error on "format", not any 400
        assertThat(errors(ann.export(project, "format=BRUSH_PNG").expectStatus().isBadRequest()))
                .containsExactly(Map.of("code", "VALIDATION", "field", List.of("format")));
        assertThat(errors(ann.export(project, "format=PNG_OF_EVERYTHING").expectStatus().isBadRequest()))
                .containsExactly(Map.of("code", "VALIDATION", "field", List.of("format")));
        // the job: refused with VALIDATION on "format", nothing queued
        Map<String, Object> payload = createExport(ann, project);
        assertThat(payload.get("job")).isNull();
        assertThat(payload.get("errors")).isEqualTo(List.of(Map.of("code", "VALIDATION", "field", List.of("format"))));
        assertThat(ann.post("query($p: ID!) { exportJobs(projectId: $p) { id } }", Map.of("p", project)).get("data"))
                .isEqualTo(Map.of("exportJobs", List.of()));
    }

    /** Issue 9: BRUSH_PNG was offered by the export-job form but missing from the GraphQL enum, so the job failed. */
    @Test
    @SuppressWarnings("unchecked")
    void aBrushPngExportJobIsCreatedOverGraphQlAndItsFileDownloads() throws IOException {
        ApiClient ann = ApiClient.signUp(port, "Cy");
        String project = importBrushTasks(ann);

        Map<String, Object> payload = createExport(ann, project);
        assertThat(payload.get("errors")).isEqualTo(List.of());
        String job = (String) ((Map<String, Object>) payload.get("job")).get("id");
        Map<String, Object> done = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                (Map<String, Object>) ((Map<String, Object>) ann.post(
                        "query($id: ID!) { exportJob(id: $id) { state format writtenTasks fileName downloadUrl error } }",
                        Map.of("id", job)).get("data")).get("exportJob"),
                j -> j != null && List.of("COMPLETED", "FAILED").contains(j.get("state")));
        assertThat(done).containsEntry("state", "COMPLETED").containsEntry("format", "BRUSH_PNG").containsEntry("writtenTasks", 2)
                        .containsEntry("error", null);
        assertThat((String) done.get("fileName")).endsWith("-brush-png.zip");

        byte[] zip = ApiClient.web(port).get().uri((String) done.get("downloadUrl")).header(HttpHeaders.COOKIE, ann.cookie).exchange()
                              .expectStatus().isOk().expectHeader().contentType("application/zip")
                              .expectBody(byte[].class).returnResult().getResponseBody();
        Map<String, byte[]> entries = entries(zip);
        assertThat(entries).hasSize(1);
        String name = entries.keySet().iterator().next();
        assertThat(name).startsWith("masks/task-1-").endsWith("-1-Sky.png");
        // the same masks as the synchronous download
        byte[] sync = ann.export(project, "format=BRUSH_PNG").expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        Map<String, byte[]> syncEntries = entries(sync);
        assertThat(syncEntries.keySet()).containsExactlyElementsOf(entries.keySet());
        assertThat(syncEntries.get(name)).isEqualTo(entries.get(name));
    }

    private String importBrushTasks(ApiClient ann) {
        String project = ann.createProject("Segmentation", CONFIG);
        StringJoiner rle = new StringJoiner(",", "[", "]");
        for (int b : literalRle(diagonal())) rle.add(Integer.toString(b));
        String tasks = "[{\"data\":{\"image\":\"https://img.example/street%201.jpg\"},\"annotations\":[{\"result\":["
                       + "{\"from_name\":\"mask\",\"to_name\":\"img\",\"type\":\"brushlabels\",\"original_width\":" + W
                       + ",\"original_height\":" + H + ",\"value\":{\"format\":\"rle\",\"rle\":" + rle + ",\"brushlabels\":[\"Sky\"]}}]}]},"
                       + "{\"data\":{\"image\":\"https://img.example/empty.jpg\"}}]";
        ann.importAnnotated(project, tasks, 2, 1);
        return project;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> createExport(ApiClient ann, String project) {
        return (Map<String, Object>) ((Map<String, Object>) ann.post("""
                mutation($i: CreateExportInput!) { createExport(input: $i) { job { id state } errors { code field } } }""",
                Map.of("i", Map.of("projectId", project, "format", "BRUSH_PNG"))).get("data")).get("createExport");
    }

    /** The typed errors of a REST refusal, without their messages (tests assert on codes and fields). */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> errors(WebTestClient.ResponseSpec response) {
        Map<String, Object> body = response.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                                           .expectBody(Map.class).returnResult().getResponseBody();
        return ((List<Map<String, Object>>) body.get("errors")).stream()
                .map(e -> Map.of("code", e.get("code"), "field", e.get("field"))).toList();
    }

    private static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) entries.put(e.getName(), in.readAllBytes());
        }
        return entries;
    }
}
