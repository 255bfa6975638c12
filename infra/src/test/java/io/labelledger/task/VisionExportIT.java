package io.labelledger.task;

import io.labelledger.testing.ApiClient;
import io.labelledger.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** COCO, YOLO, YOLO_OBB and Pascal VOC exports of an image project, through the real HTTP stack. */
class VisionExportIT extends IntegrationTest {
    static final String CONFIG = """
            <View><Image name="img" value="$image"/>
              <RectangleLabels name="box" toName="img"><Label value="Cat"/><Label value="Dog"/></RectangleLabels>
              <PolygonLabels name="poly" toName="img"><Label value="Tree"/></PolygonLabels></View>""";
    /**
     * Task 1: 800×600, a Cat at 10%,20% 25%×50% = (80,120) 200×300 px and a Tree triangle (80,60)(400,60)(400,360).
     * Task 2 (a hostile URL): 1000×500, a Dog at 50%,50% 20%×10% turned 90° = corners (500,250)(500,450)(450,450)(450,250).
     * Task 3: no annotation.
     */
    static final String TASKS = """
            [{"data": {"image": "https://cdn.example.com/pets/cat.jpg"}, "annotations": [{"result": [
               {"from_name":"box","to_name":"img","type":"rectanglelabels","original_width":800,"original_height":600,"image_rotation":0,
                "value":{"x":10,"y":20,"width":25,"height":50,"rotation":0,"rectanglelabels":["Cat"]}},
               {"from_name":"poly","to_name":"img","type":"polygonlabels","original_width":800,"original_height":600,"image_rotation":0,
                "value":{"points":[[10,10],[50,10],[50,60]],"polygonlabels":["Tree"]}}]}]},
             {"data": {"image": "http://x/../../etc/passwd.png"}, "annotations": [{"result": [
               {"from_name":"box","to_name":"img","type":"rectanglelabels","original_width":1000,"original_height":500,"image_rotation":0,
                "value":{"x":50,"y":50,"width":20,"height":10,"rotation":90,"rectanglelabels":["Dog"]}}]}]},
             {"data": {"image": "https://cdn.example.com/pets/dog.png"}}]""";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    ApiClient ann;
    String projectId;

    @BeforeEach
    void imageProject() {
        ann = ApiClient.signUp(port, "Ann");
        projectId = ann.createProject("Pets", CONFIG);
        ann.importAnnotated(projectId, TASKS, 3, 2);
    }

    WebTestClient.ResponseSpec download(ApiClient user, String project, String format) {
        return user.export(project, "format=" + format);
    }

    byte[] exported(String format) {
        return download(ann, projectId, format).expectStatus().isOk()
                .expectHeader().value(HttpHeaders.CONTENT_DISPOSITION, v -> assertThat(v).startsWith("attachment;"))
                .expectBody(byte[].class).returnResult().getResponseBody();
    }

    static Map<String, String> unzip(byte[] bytes) throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        return entries;
    }

    @Test
    void cocoHasPixelBoxesCategoriesAndImageSizes() {
        JsonNode coco = JSON.readTree(exported("COCO"));
        assertThat(coco.get("categories").toString()).isEqualTo("[{\"id\":0,\"name\":\"Cat\"},{\"id\":1,\"name\":\"Dog\"},{\"id\":2,\"name\":\"Tree\"}]");
        assertThat(coco.get("images")).extracting(i -> i.get("id").asLong()).containsExactly(1L, 2L, 3L);
        assertThat(coco.get("images")).extracting(i -> i.get("file_name").asString()).containsExactly("cat.jpg", "passwd.png", "dog.png");
        assertThat(coco.get("images").get(0).get("width").asInt()).isEqualTo(800);
        assertThat(coco.get("images").get(0).get("height").asInt()).isEqualTo(600);
        assertThat(coco.get("images").get(1).get("width").asInt()).isEqualTo(1000);
        assertThat(coco.get("images").get(2).has("width")).isFalse();

        JsonNode annotations = coco.get("annotations");
        assertThat(annotations).hasSize(3);
        assertThat(annotations).extracting(a -> a.get("image_id").asLong()).containsExactly(1L, 1L, 2L);
        assertThat(annotations).extracting(a -> a.get("category_id").asInt()).containsExactly(0, 2, 1);
        assertThat(annotations.get(0).get("bbox").toString()).isEqualTo("[80.0,120.0,200.0,300.0]");
        assertThat(annotations.get(0).get("area").asDouble()).isEqualTo(60_000);
        assertThat(annotations.get(1).get("bbox").toString()).isEqualTo("[80.0,60.0,320.0,300.0]");
        assertThat(annotations.get(1).get("segmentation").toString()).isEqualTo("[[80.0,60.0,400.0,60.0,400.0,360.0]]");
        assertThat(annotations.get(1).get("area").asDouble()).isEqualTo(48_000);
        // the rotated Dog: the box around its corners
        assertThat(annotations.get(2).get("bbox").toString()).isEqualTo("[450.0,250.0,50.0,200.0]");
        assertThat(annotations).allSatisfy(a -> assertThat(a.get("iscrowd").asInt()).isZero());
    }

    @Test
    void yoloArchivesHaveNormalizedLinesAndSafeNames() throws Exception {
        Map<String, String> yolo = unzip(exported("YOLO"));
        assertThat(yolo.keySet()).containsExactly("classes.txt", "data.yaml", "labels/cat.txt", "labels/passwd.txt");
        assertThat(yolo.get("classes.txt")).isEqualTo("Cat\nDog\nTree\n");
        assertThat(yolo.get("data.yaml")).contains("nc: 3", "1: \"Dog\"");
        assertThat(yolo.get("labels/cat.txt")).isEqualTo("0 0.225000 0.450000 0.250000 0.500000\n2 0.300000 0.350000 0.400000 0.500000\n");
        assertThat(yolo.get("labels/passwd.txt")).isEqualTo("1 0.475000 0.700000 0.050000 0.400000\n");

        Map<String, String> obb = unzip(exported("YOLO_OBB"));
        assertThat(obb.get("labels/passwd.txt")).isEqualTo("1 0.500000 0.500000 0.500000 0.900000 0.450000 0.900000 0.450000 0.500000\n");
        for (Map<String, String> zip : List.of(yolo, obb)) {
            zip.forEach((name, text) -> {
                if (!name.startsWith("labels/")) return;
                for (String line : text.lines().toList()) {
                    for (String v : line.substring(line.indexOf(' ') + 1).split(" ")) assertThat(Double.parseDouble(v)).isBetween(0.0, 1.0);
                }
            });
        }
    }

    @Test
    void vocHasOneSecurelyParsableXmlPerImage() throws Exception {
        Map<String, String> voc = unzip(exported("VOC"));
        assertThat(voc.keySet()).containsExactly("labels.txt", "Annotations/cat.xml", "Annotations/passwd.xml");
        assertThat(voc.keySet()).noneMatch(n -> n.contains("..") || n.startsWith("/"));
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setExpandEntityReferences(false);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(voc.get("Annotations/passwd.xml").getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getElementsByTagName("width").item(0).getTextContent()).isEqualTo("1000");
        assertThat(doc.getElementsByTagName("height").item(0).getTextContent()).isEqualTo("500");
        Element dog = (Element) doc.getElementsByTagName("object").item(0);
        assertThat(dog.getElementsByTagName("name").item(0).getTextContent()).isEqualTo("Dog");
        assertThat(List.of("xmin", "ymin", "xmax", "ymax")).extracting(t -> dog.getElementsByTagName(t).item(0).getTextContent())
                .containsExactly("450", "250", "500", "450");
    }

    @Test
    void anotherOrganizationGets404AndTextProjectsGet400AndExportsAreAudited() {
        ApiClient bob = ApiClient.signUp(port, "Bob");
        long before = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        for (String format : List.of("COCO", "YOLO", "YOLO_OBB", "VOC")) download(bob, projectId, format).expectStatus().isNotFound();
        String textProject = ann.graphql().document("""
                        mutation($i: CreateProjectInput!) { createProject(input: $i) { project { id } } }""")
                                .variable("i", Map.of("title", "Text", "labelConfig", ApiClient.TEXT_CONFIG))
                                .execute().path("createProject.project.id").entity(String.class).get();
        long afterCreate = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        assertThat(afterCreate).isEqualTo(before + 1);
        download(ann, textProject, "COCO").expectStatus().isBadRequest();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class)).isEqualTo(afterCreate);

        exported("YOLO_OBB");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> ann.graphql().document("""
                        { auditLog(first: 10, filter: {eventType: "ProjectExported"}) { edges { node { aggregateId payload } } } }""")
                .execute().path("auditLog.edges[0].node.payload.format").entity(String.class).isEqualTo("YOLO_OBB")
                .path("auditLog.edges[0].node.aggregateId").entity(String.class).isEqualTo(projectId));
    }
}
