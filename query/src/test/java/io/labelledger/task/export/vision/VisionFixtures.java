package io.labelledger.task.export.vision;

import io.labelledger.project.config.ControlTag;
import io.labelledger.project.config.LabelingConfig;
import io.labelledger.project.config.ObjectTag;
import io.labelledger.task.export.ExportQueries.ExportTask;
import io.labelledger.task.read.AnnotationView;
import io.labelledger.task.read.TaskView;

import java.time.Instant;
import java.util.List;

/** An image project: RectangleLabels Cat/Dog and PolygonLabels Dog/Tree on $image. */
final class VisionFixtures {
    static final LabelingConfig CONFIG = new LabelingConfig("<View/>", null,
            List.of(new ObjectTag("img", "Image", "image", 1)),
            List.of(new ControlTag("box", "RectangleLabels", List.of("img"), List.of("Cat", "Dog"), null, false, null, 2),
                    new ControlTag("poly", "PolygonLabels", List.of("img"), List.of("Dog", "Tree"), null, false, null, 3)));
    static final Instant T = Instant.parse("2025-01-01T00:00:00Z");

    /** 800 × 600: a Cat box at 10%,20% 25%×50% (80,120 200×300 px) and a Tree triangle (80,60)(400,60)(400,360). */
    static final String RESULT = """
            [{"from_name":"box","to_name":"img","type":"rectanglelabels","original_width":800,"original_height":600,"image_rotation":0,
              "value":{"x":10,"y":20,"width":25,"height":50,"rotation":0,"rectanglelabels":["Cat"]}},
             {"from_name":"poly","to_name":"img","type":"polygonlabels","original_width":800,"original_height":600,
              "value":{"points":[[10,10],[50,10],[50,60]],"polygonlabels":["Tree"]}},
             {"from_name":"kp","to_name":"img","type":"keypointlabels","original_width":800,"original_height":600,
              "value":{"x":1,"y":1,"keypointlabels":["Nose"]}}]""";

    static ExportTask task(long number, String url, String... results) {
        String data = url == null ? "{}" : "{\"image\":\"" + url + "\"}";
        TaskView view = new TaskView("t" + number, "p", number, data, "[]", results.length, 0, 0, results.length > 0, T, T);
        List<AnnotationView> annotations = new java.util.ArrayList<>();
        for (int i = 0; i < results.length; i++) {
            annotations.add(new AnnotationView("a" + number + "-" + i, "t" + number, "u", results[i], null, T, T.plusSeconds(i)));
        }
        return new ExportTask(view, annotations);
    }

    private VisionFixtures() {}
}
