package io.labelledger.task.export;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** CSV/TSV cells and OWASP's formula neutralization (issue 9, ADR 0030). */
class LabelStudioExportTest {
    final JsonMapper json = JsonMapper.builder().build();
    final LabelStudioExport shapes = new LabelStudioExport(json);

    @Test
    void cellsAFormulaCouldStartWithArePrefixedWithAQuote() {
        for (String payload : new String[]{"=1+1", "+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1"}) {
            assertThat(LabelStudioExport.neutralized(payload)).as(payload).isEqualTo("'" + payload);
        }
        for (String safe : new String[]{"", "plain", " =1", "1-1", "a@b.c", "'quoted", "{\"a\":1}"}) {
            assertThat(LabelStudioExport.neutralized(safe)).as(safe).isEqualTo(safe);
        }
    }

    @Test
    void onlyStringsAreNeutralizedAndRawKeepsThem() {
        ObjectNode row = json.createObjectNode().put("text", "=HYPERLINK(\"x\")").put("score", -5).put("ok", true);
        row.putArray("list").add("=1");
        assertThat(shapes.cell(row, "text", false)).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(shapes.cell(row, "text", true)).isEqualTo("=HYPERLINK(\"x\")");
        assertThat(shapes.cell(row, "score", false)).isEqualTo("-5"); // a number stays a number
        assertThat(shapes.cell(row, "ok", false)).isEqualTo("true");
        assertThat(shapes.cell(row, "list", false)).isEqualTo("[\"=1\"]"); // JSON text starts with [
        assertThat(shapes.cell(row, "missing", false)).isEmpty();
    }
}
