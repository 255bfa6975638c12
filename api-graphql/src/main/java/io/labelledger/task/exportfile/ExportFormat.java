package io.labelledger.task.exportfile;

import org.springframework.http.MediaType;

import java.nio.charset.StandardCharsets;

/** Label Studio's export shapes: their content type and file name ending. */
public enum ExportFormat {
    JSON, JSON_MIN, CSV, TSV, COCO, YOLO, YOLO_OBB, VOC, CONLL2003, BRUSH_PNG;

    /** Computer-vision formats: image projects with RectangleLabels/PolygonLabels only (ADR 0010). */
    public boolean vision() { return ordinal() >= COCO.ordinal() && ordinal() <= VOC.ordinal(); }

    /** CSV/TSV: cells a spreadsheet may run as formulas, neutralized unless raw values are asked for (ADR 0030). */
    public boolean spreadsheet() { return this == CSV || this == TSV; }

    public MediaType mediaType() {
        return switch (this) {
            case JSON, JSON_MIN, COCO -> MediaType.APPLICATION_JSON;
            case YOLO, YOLO_OBB, VOC, BRUSH_PNG -> new MediaType("application", "zip");
            case CSV -> new MediaType("text", "csv", StandardCharsets.UTF_8);
            case TSV -> new MediaType("text", "tab-separated-values", StandardCharsets.UTF_8);
            case CONLL2003 -> new MediaType("text", "plain", StandardCharsets.UTF_8);
        };
    }

    public String extension() {
        return switch (this) {
            case JSON -> ".json";
            case JSON_MIN -> "-min.json";
            case CSV -> ".csv";
            case TSV -> ".tsv";
            case COCO -> "-coco.json";
            case YOLO -> "-yolo.zip";
            case YOLO_OBB -> "-yolo-obb.zip";
            case VOC -> "-voc.zip";
            case CONLL2003 -> "-conll2003.conll";
            case BRUSH_PNG -> "-brush-png.zip";
        };
    }

    /** The format named {@code name}, or null. */
    public static ExportFormat parse(String name) {
        if (name == null) return null;
        try {
            return valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
