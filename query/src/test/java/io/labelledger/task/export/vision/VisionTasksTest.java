package io.labelledger.task.export.vision;

import io.labelledger.task.export.vision.ImageGeometry.Point;
import io.labelledger.task.export.vision.VisionTasks.ImageTask;
import io.labelledger.task.export.vision.VisionTasks.Region;
import io.labelledger.project.config.LabelingConfig;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static io.labelledger.task.export.vision.VisionFixtures.CONFIG;
import static io.labelledger.task.export.vision.VisionFixtures.RESULT;
import static io.labelledger.task.export.vision.VisionFixtures.task;
import static org.assertj.core.api.Assertions.assertThat;

class VisionTasksTest {
    final VisionTasks vision = VisionTasks.of(CONFIG, JsonMapper.builder().build()).orElseThrow();

    @Test
    void categoriesAreTheRegionLabelsInConfigOrderEachOnce() {
        assertThat(vision.categories()).containsExactly("Cat", "Dog", "Tree");
    }

    @Test
    void regionsAreInPixelsOfTheOriginalSize() {
        ImageTask image = vision.image(task(1, "https://cdn.example.com/pets/cat.jpg?sig=abc", RESULT));
        assertThat(image.fileName()).isEqualTo("cat.jpg");
        assertThat(image.width()).isEqualTo(800);
        assertThat(image.height()).isEqualTo(600);
        assertThat(image.regions()).containsExactly(
                new Region(0, VisionTasks.Shape.RECTANGLE,
                           List.of(new Point(80, 120), new Point(280, 120), new Point(280, 420), new Point(80, 420)), 60_000),
                new Region(2, VisionTasks.Shape.POLYGON, List.of(new Point(80, 60), new Point(400, 60), new Point(400, 360)), 48_000));
    }

    @Test
    void theLatestAnnotationOfATaskIsExported() {
        String older = RESULT.replace("\"Cat\"", "\"Dog\"");
        ImageTask image = vision.image(task(1, "https://x/cat.jpg", older, RESULT));
        assertThat(image.regions()).extracting(Region::category).containsExactly(0, 2);
    }

    @Test
    void withoutOriginalSizeOrAnnotationsThereAreNoRegions() {
        ImageTask unsized = vision.image(task(1, "https://x/a.png", RESULT.replace("\"original_width\":800,", "")));
        assertThat(unsized.sized()).isFalse();
        assertThat(unsized.regions()).isEmpty();
        assertThat(vision.image(task(2, "https://x/b.png")).regions()).isEmpty();
    }

    @Test
    void unknownLabelsAndOtherControlsAreLeftOut() {
        ImageTask image = vision.image(task(1, "https://x/a.png", RESULT.replace("\"Cat\"", "\"Zebra\"")));
        assertThat(image.regions()).extracting(Region::category).containsExactly(2);
    }

    @Test
    void fileNamesNeverLeaveTheirFolder() {
        assertThat(VisionTasks.fileName("http://x/../../etc/passwd.png", 1)).isEqualTo("passwd.png");
        assertThat(VisionTasks.fileName("http://x/a/..%2F..%2Fetc%2Fpasswd.png", 1)).isEqualTo("passwd.png");
        assertThat(VisionTasks.fileName("http://x/a/..%5C..%5Cwin.png", 1)).isEqualTo("win.png");
        assertThat(VisionTasks.fileName("/etc/passwd", 1)).isEqualTo("passwd");
        assertThat(VisionTasks.fileName("http://x/..", 7)).isEqualTo("task-7");
        assertThat(VisionTasks.fileName("http://x/.hidden.png", 1)).isEqualTo("hidden.png");
        assertThat(VisionTasks.fileName("http://x/dir/", 3)).isEqualTo("task-3");
        assertThat(VisionTasks.fileName("http://x/caf%C3%A9 1.jpg", 1)).isEqualTo("caf__1.jpg");
        assertThat(VisionTasks.fileName(null, 4)).isEqualTo("task-4");
        assertThat(VisionTasks.fileName("http://x/%zz.png", 1)).isEqualTo("_zz.png");
        assertThat(VisionTasks.stem("cat.v2.jpg")).isEqualTo("cat.v2");
        assertThat(VisionTasks.stem("noext")).isEqualTo("noext");
    }

    @Test
    void aConfigWithoutImageOrRegionControlsHasNoVisionExport() {
        LabelingConfig text = new LabelingConfig("<View/>", null,
                List.of(new io.labelledger.project.config.ObjectTag("text", "Text", "text", 1)),
                List.of(new io.labelledger.project.config.ControlTag("s", "Choices", List.of("text"), List.of("A"), null, false, null, 2)));
        assertThat(VisionTasks.of(text, JsonMapper.builder().build())).isEmpty();
    }
}
