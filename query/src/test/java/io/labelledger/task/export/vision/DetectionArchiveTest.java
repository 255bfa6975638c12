package io.labelledger.task.export.vision;

import io.labelledger.task.export.vision.DetectionArchive.Kind;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import tools.jackson.databind.json.JsonMapper;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static io.labelledger.task.export.vision.VisionFixtures.CONFIG;
import static io.labelledger.task.export.vision.VisionFixtures.RESULT;
import static io.labelledger.task.export.vision.VisionFixtures.task;
import static org.assertj.core.api.Assertions.assertThat;

class DetectionArchiveTest {
    final VisionTasks vision = VisionTasks.of(CONFIG, JsonMapper.builder().build()).orElseThrow();

    /** Written in pieces, as the controller streams it. */
    Map<String, String> archive(Kind kind, String... results) throws Exception {
        DetectionArchive zip = new DetectionArchive(kind, vision.categories());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(zip.start());
        bytes.write(zip.page(List.of(vision.image(task(1, "https://x/cat.jpg", results)))));
        bytes.write(zip.page(List.of(vision.image(task(2, "http://x/../../etc/passwd.png", results)),
                                     vision.image(task(3, "https://y/cat.png", results)),
                                     vision.image(task(4, "https://y/unlabeled.png")))));
        bytes.write(zip.finish());
        return unzip(bytes.toByteArray());
    }

    static Map<String, String> unzip(byte[] bytes) throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        return entries;
    }

    /** Issue 9: tasks sharing an image file name (other folders, other hosts, other case) each get their own label file. */
    @Test
    void tasksSharingAnImageFileNameGetOneLabelFileEach() throws Exception {
        String box = "[{\"from_name\":\"box\",\"to_name\":\"img\",\"type\":\"rectanglelabels\",\"original_width\":100,"
                     + "\"original_height\":100,\"value\":{\"x\":10,\"y\":10,\"width\":10,\"height\":10,\"rotation\":0,"
                     + "\"rectanglelabels\":[\"%s\"]}}]";
        for (Kind kind : List.of(Kind.YOLO, Kind.VOC)) {
            DetectionArchive zip = new DetectionArchive(kind, vision.categories());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.write(zip.start());
            bytes.write(zip.page(List.of(vision.image(task(1, "https://a/x/1.jpg", box.formatted("Cat"))),
                                         vision.image(task(2, "https://b/y/1.jpg", box.formatted("Dog"))))));
            bytes.write(zip.page(List.of(vision.image(task(3, "https://c/1.JPG", box.formatted("Dog"))),
                                         vision.image(task(4, "https://d/1-2.jpg", box.formatted("Cat"))))));
            bytes.write(zip.finish());
            Map<String, String> entries = unzip(bytes.toByteArray());
            String dir = kind == Kind.VOC ? "Annotations/" : "labels/", ext = kind == Kind.VOC ? ".xml" : ".txt";
            List<String> files = entries.keySet().stream().filter(n -> n.startsWith(dir)).toList();
            assertThat(files).as(kind.name()).containsExactly(dir + "1" + ext, dir + "1-2" + ext, dir + "1-3" + ext, dir + "1-2-4" + ext);
            assertThat(files.stream().map(f -> f.toLowerCase(java.util.Locale.ROOT)).distinct()).hasSize(4);
            // each file holds its own task's label
            if (kind == Kind.YOLO) {
                assertThat(files.stream().map(f -> entries.get(f).substring(0, 1))).containsExactly("0", "1", "1", "0");
            } else {
                assertThat(files.stream().map(f -> entries.get(f).replaceAll("(?s).*<name>([^<]*)</name>.*", "$1")))
                        .containsExactly("Cat", "Dog", "Dog", "Cat");
            }
        }
    }

    @Test
    void yoloHasNormalizedCenterBoxesPerImageAndTheClasses() throws Exception {
        Map<String, String> zip = archive(Kind.YOLO, RESULT);
        assertThat(zip.keySet()).containsExactly("classes.txt", "data.yaml", "labels/cat.txt", "labels/passwd.txt", "labels/cat-3.txt");
        assertThat(zip.get("classes.txt")).isEqualTo("Cat\nDog\nTree\n");
        assertThat(zip.get("data.yaml")).contains("nc: 3\n", "  0: \"Cat\"\n", "  2: \"Tree\"\n");
        // box: 80,120 200×300 of 800×600; triangle's box: 80,60 320×300
        assertThat(zip.get("labels/cat.txt")).isEqualTo("""
                0 0.225000 0.450000 0.250000 0.500000
                2 0.300000 0.350000 0.400000 0.500000
                """);
    }

    @Test
    void yoloObbHasTheFourRotatedCornersNormalized() throws Exception {
        // 800×600; x=50% y=50% width=12.5% (100 px) height=10% (60 px) turned 90° clockwise around (400,300)
        String rotated = """
                [{"from_name":"box","to_name":"img","type":"rectanglelabels","original_width":800,"original_height":600,
                  "value":{"x":50,"y":50,"width":12.5,"height":10,"rotation":90,"rectanglelabels":["Dog"]}}]""";
        Map<String, String> zip = archive(Kind.YOLO_OBB, rotated);
        // corners (400,300) (400,400) (340,400) (340,300)
        assertThat(zip.get("labels/cat.txt")).isEqualTo("1 0.500000 0.500000 0.500000 0.666667 0.425000 0.666667 0.425000 0.500000\n");
        for (String line : zip.get("labels/passwd.txt").split("\n")) {
            for (String v : line.substring(2).split(" ")) assertThat(Double.parseDouble(v)).isBetween(0.0, 1.0);
        }
        assertThat(archive(Kind.YOLO, rotated).get("labels/cat.txt")).isEqualTo("1 0.462500 0.583333 0.075000 0.166667\n");
    }

    @Test
    void vocHasOneXmlPerImageWithPixelBoxes() throws Exception {
        Map<String, String> zip = archive(Kind.VOC, RESULT);
        assertThat(zip.keySet()).containsExactly("labels.txt", "Annotations/cat.xml", "Annotations/passwd.xml", "Annotations/cat-3.xml");
        Document doc = secureParser().parse(new ByteArrayInputStream(zip.get("Annotations/cat.xml").getBytes(StandardCharsets.UTF_8)));
        assertThat(text(doc.getDocumentElement(), "filename")).isEqualTo("cat.jpg");
        assertThat(text(doc.getDocumentElement(), "width")).isEqualTo("800");
        assertThat(text(doc.getDocumentElement(), "height")).isEqualTo("600");
        var objects = doc.getElementsByTagName("object");
        assertThat(objects.getLength()).isEqualTo(2);
        Element cat = (Element) objects.item(0);
        assertThat(text(cat, "name")).isEqualTo("Cat");
        assertThat(List.of(text(cat, "xmin"), text(cat, "ymin"), text(cat, "xmax"), text(cat, "ymax"))).containsExactly("80", "120", "280", "420");
        Element tree = (Element) objects.item(1);
        assertThat(text(tree, "name")).isEqualTo("Tree");
        assertThat(List.of(text(tree, "xmin"), text(tree, "ymin"), text(tree, "xmax"), text(tree, "ymax"))).containsExactly("80", "60", "400", "360");
    }

    static javax.xml.parsers.DocumentBuilder secureParser() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        return f.newDocumentBuilder();
    }

    static String text(Element e, String tag) {
        return e.getElementsByTagName(tag).item(0).getTextContent();
    }
}
