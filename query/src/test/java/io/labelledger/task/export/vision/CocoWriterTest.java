package io.labelledger.task.export.vision;

import io.labelledger.task.export.vision.VisionTasks.ImageTask;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static io.labelledger.task.export.vision.VisionFixtures.CONFIG;
import static io.labelledger.task.export.vision.VisionFixtures.RESULT;
import static io.labelledger.task.export.vision.VisionFixtures.task;
import static org.assertj.core.api.Assertions.assertThat;

class CocoWriterTest {
    final JsonMapper json = JsonMapper.builder().build();
    final VisionTasks vision = VisionTasks.of(CONFIG, json).orElseThrow();

    @Test
    void piecesJoinIntoOneCocoFileWithPixelBoxes() {
        CocoWriter coco = new CocoWriter(json, vision.categories());
        List<ImageTask> page1 = List.of(vision.image(task(1, "https://x/cat.jpg", RESULT)), vision.image(task(2, "https://x/empty.jpg")));
        List<ImageTask> page2 = List.of(vision.image(task(3, "https://x/../../etc/passwd.png", RESULT.replace("\"Cat\"", "\"Dog\""))));
        String images = coco.images(page1) + coco.images(page2);
        String annotations = coco.annotations(page1) + coco.annotations(page2);
        JsonNode file = json.readTree(coco.head("p", "2025-01-01T00:00:00Z") + images + coco.between() + annotations + coco.tail());

        assertThat(file.get("categories").toString()).isEqualTo("[{\"id\":0,\"name\":\"Cat\"},{\"id\":1,\"name\":\"Dog\"},{\"id\":2,\"name\":\"Tree\"}]");
        assertThat(file.get("images")).extracting(i -> i.get("file_name").asString()).containsExactly("cat.jpg", "empty.jpg", "passwd.png");
        assertThat(file.get("images").get(0).get("width").asInt()).isEqualTo(800);
        assertThat(file.get("images").get(0).get("height").asInt()).isEqualTo(600);
        assertThat(file.get("images").get(1).has("width")).isFalse();

        JsonNode box = file.get("annotations").get(0);
        assertThat(box.get("id").asLong()).isEqualTo(1);
        assertThat(box.get("image_id").asLong()).isEqualTo(1);
        assertThat(box.get("category_id").asInt()).isEqualTo(0);
        assertThat(box.get("bbox").toString()).isEqualTo("[80.0,120.0,200.0,300.0]");
        assertThat(box.get("area").asDouble()).isEqualTo(60_000);
        assertThat(box.get("iscrowd").asInt()).isZero();
        assertThat(box.get("segmentation")).isEmpty();

        JsonNode polygon = file.get("annotations").get(1);
        assertThat(polygon.get("category_id").asInt()).isEqualTo(2);
        assertThat(polygon.get("bbox").toString()).isEqualTo("[80.0,60.0,320.0,300.0]");
        assertThat(polygon.get("area").asDouble()).isEqualTo(48_000);
        assertThat(polygon.get("segmentation").toString()).isEqualTo("[[80.0,60.0,400.0,60.0,400.0,360.0]]");

        assertThat(file.get("annotations")).extracting(a -> a.get("id").asLong()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(file.get("annotations").get(2).get("image_id").asLong()).isEqualTo(3);
        assertThat(file.get("annotations").get(2).get("category_id").asInt()).isEqualTo(1);
    }

    @Test
    void anEmptyProjectIsStillValidJson() {
        CocoWriter coco = new CocoWriter(json, vision.categories());
        JsonNode file = json.readTree(coco.head("p", "now") + coco.between() + coco.tail());
        assertThat(file.get("images")).isEmpty();
        assertThat(file.get("annotations")).isEmpty();
    }
}
