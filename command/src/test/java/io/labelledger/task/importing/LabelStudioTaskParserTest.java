package io.labelledger.task.importing;

import io.labelledger.project.config.LabelingConfig;
import io.labelledger.project.config.LabelingConfigParser;
import io.labelledger.task.api.NewTask;
import io.labelledger.testing.Configs;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.labelledger.testing.Json.MAPPER;
import static io.labelledger.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

class LabelStudioTaskParserTest {
    static final LabelingConfig SENTIMENT = new LabelingConfigParser().parse(Configs.SENTIMENT);
    static final LabelingConfig TWO_FIELDS = new LabelingConfigParser().parse("""
            <View><Text name="title" value="$title"/><Text name="body" value="$body"/>
            <Choices name="c" toName="body"><Choice value="a"/></Choices></View>""");
    static final LabelingConfig IMAGE = new LabelingConfigParser().parse("""
            <View><Image name="img" value="$image"/><RectangleLabels name="box" toName="img"><Label value="Cat"/></RectangleLabels></View>""");
    static final LabelingConfig AUDIO = new LabelingConfigParser().parse("""
            <View><Audio name="audio" value="$url"/><Choices name="c" toName="audio"><Choice value="speech"/></Choices></View>""");

    final LabelStudioTaskParser parser = new LabelStudioTaskParser(MAPPER, UUID::randomUUID);

    static List<String> data(LabelStudioTaskParser.Parsed parsed) {
        return parsed.tasks().stream().map(NewTask::data).map(Object::toString).toList();
    }

    // ---- JSON -------------------------------------------------------------------------------------------

    @Test
    void jsonListObjectAndBareDataAreRead() {
        var parsed = parser.parse(ImportFormat.JSON, "[{\"data\":{\"text\":\"a\"}},{\"text\":\"b\",\"id\":7}]", SENTIMENT);
        assertThat(parsed.error()).isNull();
        assertThat(data(parsed)).containsExactly("{\"text\":\"a\"}", "{\"text\":\"b\"}");
        assertThat(parser.parse(ImportFormat.JSON, "{\"data\":{\"text\":\"one\"}}", SENTIMENT).tasks()).hasSize(1);
    }

    @Test
    void brokenJsonFailsAsAWholeAndBadRecordsAreNamedByIndex() {
        assertThat(parser.parse(ImportFormat.JSON, "[{\"text\":\"a\"},", SENTIMENT).error()).isNotNull();
        assertThat(parser.parse(ImportFormat.JSON, "[] []", SENTIMENT).error()).isNotNull();
        assertThat(parser.parse(ImportFormat.JSON, "[]", SENTIMENT).error()).isNotNull();
        assertThat(parser.parse(ImportFormat.JSON, "42", SENTIMENT).error()).isNotNull();
        var parsed = parser.parse(ImportFormat.JSON, "[{\"text\":\"a\"},{\"other\":1},\"x\"]", SENTIMENT);
        assertThat(parsed.tasks()).hasSize(1);
        assertThat(parsed.rejections()).extracting(LabelStudioTaskParser.Rejection::index).containsExactly(1, 2);
    }

    // ---- NDJSON -----------------------------------------------------------------------------------------

    @Test
    void ndjsonReadsOneTaskPerLineAndSkipsBlankLines() {
        var parsed = parser.parse(ImportFormat.NDJSON, "{\"text\":\"a\"}\r\n\n{\"data\":{\"text\":\"b\"}}\n", SENTIMENT);
        assertThat(parsed.error()).isNull();
        assertThat(data(parsed)).containsExactly("{\"text\":\"a\"}", "{\"text\":\"b\"}");
    }

    @Test
    void ndjsonNamesBrokenLines() {
        var parsed = parser.parse(ImportFormat.NDJSON, "{\"text\":\"a\"}\n{not json\n\n{\"nope\":1}\n[1]", SENTIMENT);
        assertThat(parsed.tasks()).hasSize(1);
        assertThat(parsed.rejections()).extracting(LabelStudioTaskParser.Rejection::index).containsExactly(1, 2, 3);
        assertThat(parsed.rejections()).extracting(LabelStudioTaskParser.Rejection::line).containsExactly(2, 4, 5);
    }

    // ---- CSV / TSV --------------------------------------------------------------------------------------

    @Test
    void csvHeaderNamesTheFieldsAndQuotesFollowRfc4180() {
        String csv = "\uFEFFtext,source\r\n\"Hello, \"\"world\"\"\",web\r\n\"two\nlines\",mail\r\nplain,\r\n";
        var parsed = parser.parse(ImportFormat.CSV, csv, SENTIMENT);
        assertThat(parsed.error()).isNull();
        assertThat(parsed.rejections()).isEmpty();
        assertThat(parsed.tasks()).extracting(t -> t.data().get("text").asString())
                                  .containsExactly("Hello, \"world\"", "two\nlines", "plain");
        assertThat(parsed.tasks().get(0).data().get("source").asString()).isEqualTo("web");
        assertThat(parsed.tasks().get(2).data().get("source").asString()).isEmpty();
    }

    @Test
    void csvRowsOfTheWrongWidthOrWithoutTheConfigFieldAreRejectedByLine() {
        String csv = "text,n\na,1\n\"multi\nline\",2\nonly-one\nx,y,z\n";
        var parsed = parser.parse(ImportFormat.CSV, csv, SENTIMENT);
        assertThat(parsed.tasks()).hasSize(2);
        assertThat(parsed.rejections()).extracting(LabelStudioTaskParser.Rejection::index).containsExactly(2, 3);
        assertThat(parsed.rejections()).extracting(LabelStudioTaskParser.Rejection::line).containsExactly(5, 6);
        var noField = parser.parse(ImportFormat.CSV, "title\nx\n", SENTIMENT);
        assertThat(noField.tasks()).isEmpty();
        assertThat(noField.rejections()).extracting(LabelStudioTaskParser.Rejection::line).containsExactly(2);
    }

    @Test
    void brokenCsvFailsAsAWhole() {
        assertThat(parser.parse(ImportFormat.CSV, "text,text\na,b\n", SENTIMENT).error()).isNotNull(); // duplicate column
        assertThat(parser.parse(ImportFormat.CSV, "text,\na,b\n", SENTIMENT).error()).isNotNull();      // unnamed column
        assertThat(parser.parse(ImportFormat.CSV, "text\n\"open quote\n", SENTIMENT).error()).isNotNull();
        assertThat(parser.parse(ImportFormat.CSV, "text\n\"a\"b\n", SENTIMENT).error()).isNotNull();
        assertThat(parser.parse(ImportFormat.CSV, "text\n", SENTIMENT).error()).isNotNull();            // header only
    }

    @Test
    void tsvUsesTabs() {
        var parsed = parser.parse(ImportFormat.TSV, "text\tlang\nBonjour, monde\tfr\n\"tab\there\"\ten\n", SENTIMENT);
        assertThat(parsed.error()).isNull();
        assertThat(parsed.tasks()).extracting(t -> t.data().get("text").asString()).containsExactly("Bonjour, monde", "tab\there");
        assertThat(parser.parse(ImportFormat.TSV, "text\tlang\nno-tab-here\n", SENTIMENT).rejections()).hasSize(1);
    }

    // ---- TEXT -------------------------------------------------------------------------------------------

    @Test
    void plainTextGoesIntoTheConfigsOnlyTextField() {
        var parsed = parser.parse(ImportFormat.TEXT, "first line, with comma\n\n  second  \n", SENTIMENT);
        assertThat(data(parsed)).containsExactly("{\"text\":\"first line, with comma\"}", "{\"text\":\"  second  \"}");
        var custom = new LabelingConfigParser().parse("""
                <View><Text name="t" value="$review"/><Choices name="c" toName="t"><Choice value="a"/></Choices></View>""");
        assertThat(data(parser.parse(ImportFormat.TEXT, "x", custom))).containsExactly("{\"review\":\"x\"}");
    }

    @Test
    void plainTextIsRefusedForConfigsReadingSeveralFields() {
        assertThat(parser.parse(ImportFormat.TEXT, "x\ny", TWO_FIELDS).error()).isNotNull();
        assertThat(parser.parse(ImportFormat.TEXT, "\n \n", SENTIMENT).error()).isNotNull();
    }

    // ---- URLS -------------------------------------------------------------------------------------------

    @Test
    void urlsGoIntoTheImageOrAudioField() {
        var parsed = parser.parse(ImportFormat.URLS, "https://example.com/a.jpg\n s3://bucket/b.png \n", IMAGE);
        assertThat(parsed.rejections()).isEmpty();
        assertThat(data(parsed)).containsExactly("{\"image\":\"https://example.com/a.jpg\"}", "{\"image\":\"s3://bucket/b.png\"}");
        assertThat(data(parser.parse(ImportFormat.URLS, "http://example.com/a.wav", AUDIO))).containsExactly("{\"url\":\"http://example.com/a.wav\"}");
    }

    @Test
    void badUrlsAreRejectedByLineAndTextConfigsRefuseUrlLists() {
        var parsed = parser.parse(ImportFormat.URLS, "https://example.com/a.jpg\nfile:///etc/passwd\nnot a url\njavascript:alert(1)\nhttps:///nohost", IMAGE);
        assertThat(parsed.tasks()).hasSize(1);
        assertThat(parsed.rejections()).extracting(LabelStudioTaskParser.Rejection::line).containsExactly(2, 3, 4, 5);
        assertThat(parser.parse(ImportFormat.URLS, "https://example.com/a.txt", SENTIMENT).error()).isNotNull();
    }

    @Test
    void annotationsOfALabelStudioExportAreReadAndCancelledOnesSkipped() {
        var parsed = parser.parse(ImportFormat.JSON, """
                [{"id": 12, "data": {"text": "a"}, "annotations": [
                   {"id": 5, "completed_by": 3, "lead_time": 7.5, "was_cancelled": false,
                    "result": [{"from_name":"sentiment","to_name":"text","type":"choices","value":{"choices":["Positive"]}}]},
                   {"id": 6, "was_cancelled": true, "result": []}]},
                 {"data": {"text": "b"}, "annotations": [{"result": [{"from_name":"sentiment","to_name":"text","type":"choices","value":{"choices":["Angry"]}}]}]},
                 {"data": {"text": "c"}, "annotations": {"not": "a list"}}]""", SENTIMENT);
        assertThat(parsed.tasks()).hasSize(1);
        assertThat(parsed.tasks().getFirst().annotations()).singleElement()
                .satisfies(a -> assertThat(a.leadTimeSeconds()).isEqualTo(7.5));
        assertThat(parsed.rejections()).extracting(LabelStudioTaskParser.Rejection::index).containsExactly(1, 2);
    }

    @Test
    void labelStudiosGroundTruthMarkIsReadOnlyWhenItIsTrue() {
        var parsed = parser.parse(ImportFormat.JSON, """
                [{"data": {"text": "a"}, "annotations": [
                   {"ground_truth": true, "result": [{"from_name":"sentiment","to_name":"text","type":"choices","value":{"choices":["Positive"]}}]},
                   {"ground_truth": false, "result": []},
                   {"ground_truth": "true", "result": []},
                   {"result": []}]}]""", SENTIMENT);
        assertThat(parsed.tasks().getFirst().annotations()).extracting(a -> a.groundTruth())
                .containsExactly(true, false, false, false);
    }

    @Test
    void predictionsThatDoNotFitTheConfigRejectTheRecord() {
        var parsed = parser.parse(ImportFormat.NDJSON, """
                {"data":{"text":"a"},"predictions":[{"result":[{"from_name":"sentiment","to_name":"text","type":"choices","value":{"choices":["Nope"]}}]}]}
                {"data":{"text":"b"},"predictions":[{"model_version":"m1","score":0.5,"result":[{"from_name":"sentiment","to_name":"text","type":"choices","value":{"choices":["Positive"]}}]}]}
                """, SENTIMENT);
        assertThat(parsed.rejections()).extracting(LabelStudioTaskParser.Rejection::line).containsExactly(1);
        assertThat(parsed.tasks().getFirst().predictions().getFirst().modelVersion()).isEqualTo("m1");
        assertThat(json("{'a':1}")).isNotNull();
    }
}
