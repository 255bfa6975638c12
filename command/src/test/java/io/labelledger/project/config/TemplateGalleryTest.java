package io.labelledger.project.config;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Label Studio's template gallery (label_studio/annotation_templates of HumanSignal/label-studio, read, not copied):
 * for every template of its groups, a config of our own with the same tags and attributes (our own labels and
 * texts), and what our parser answers. docs/labeling-tags.md maps each template to the browser test that labels
 * its tags; the refusals are explained in ADR 0041.
 */
class TemplateGalleryTest {
    final LabelingConfigParser parser = new LabelingConfigParser();

    static Stream<Arguments> accepted() {
        return Stream.of(
                // Computer Vision
                Arguments.of("computer-vision/image-captioning", "<View><Image name=\"img\" value=\"$img\"/><TextArea name=\"cap\" toName=\"img\" rows=\"3\" maxSubmissions=\"1\"/></View>"),
                Arguments.of("computer-vision/image-classification", "<View><Image name=\"img\" value=\"$img\"/><Choices name=\"kind\" toName=\"img\"><Choice value=\"Dog\"/><Choice value=\"Fox\"/></Choices></View>"),
                Arguments.of("computer-vision/keypoints", "<View><KeyPointLabels name=\"kp\" toName=\"img\"><Label value=\"Eye\" background=\"red\"/></KeyPointLabels><Image name=\"img\" value=\"$img\"/></View>"),
                Arguments.of("computer-vision/object-detection-with-bounding-boxes (and -COCO)", "<View><Image name=\"img\" value=\"$img\"/><RectangleLabels name=\"box\" toName=\"img\"><Label value=\"Van\"/><Label value=\"Bike\"/></RectangleLabels></View>"),
                Arguments.of("computer-vision/optical-character-recognition", "<View><Image name=\"img\" value=\"$scan\"/><Labels name=\"kind\" toName=\"img\"><Label value=\"Print\"/><Label value=\"Script\"/></Labels>"
                        + "<Rectangle name=\"bbox\" toName=\"img\" strokeWidth=\"3\"/><Polygon name=\"poly\" toName=\"img\" strokeWidth=\"3\"/>"
                        + "<TextArea name=\"words\" toName=\"img\" editable=\"true\" perRegion=\"true\" required=\"true\" maxSubmissions=\"1\" rows=\"5\" displayMode=\"region-list\"/></View>"),
                Arguments.of("computer-vision/segment-anything", "<View><Style>.c { padding: 4px }</Style><View className=\"c\"><BrushLabels name=\"mask\" toName=\"img\"><Label value=\"In\"/><Label value=\"Out\"/></BrushLabels>"
                        + "<KeyPointLabels name=\"kp\" toName=\"img\" smart=\"true\"><Label value=\"In\" smart=\"true\" showInline=\"true\"/></KeyPointLabels>"
                        + "<RectangleLabels name=\"box\" toName=\"img\" smart=\"true\"><Label value=\"In\" showInline=\"true\"/></RectangleLabels></View>"
                        + "<Image name=\"img\" value=\"$img\" zoom=\"true\" zoomControl=\"true\"/></View>"),
                Arguments.of("computer-vision/semantic-segmentation-with-masks", "<View><Image name=\"img\" value=\"$img\" zoom=\"true\"/><BrushLabels name=\"mask\" toName=\"img\"><Label value=\"Road\" background=\"rgba(255, 0, 0, 0.7)\"/></BrushLabels></View>"),
                Arguments.of("computer-vision/semantic-segmentation-with-polygons", "<View><Image name=\"img\" value=\"$img\"/><PolygonLabels name=\"poly\" toName=\"img\" strokeWidth=\"3\" pointSize=\"small\"><Label value=\"Lake\"/></PolygonLabels></View>"),
                Arguments.of("computer-vision/visual-question-answering", "<View><Image name=\"img\" value=\"$img\"/><Labels name=\"aspect\" toName=\"q1\"><Label value=\"counting\"/></Labels>"
                        + "<View style=\"display: grid\"><Text name=\"q1\" value=\"$q1\"/><TextArea name=\"a1\" toName=\"q1\" rows=\"1\" maxSubmissions=\"1\"/></View></View>"),
                // Natural Language Processing
                Arguments.of("natural-language-processing/machine-translation", "<View><Text name=\"src\" value=\"$text\"/><TextArea name=\"translation\" toName=\"src\" rows=\"5\" editable=\"true\" maxSubmissions=\"1\"/></View>"),
                Arguments.of("natural-language-processing/named-entity-recognition", "<View><Labels name=\"ner\" toName=\"text\"><Label value=\"PER\"/><Label value=\"LOC\"/></Labels><Text name=\"text\" value=\"$text\"/></View>"),
                Arguments.of("natural-language-processing/question-answering", "<View><Text name=\"text\" value=\"$text\" granularity=\"word\"/><Text name=\"question\" value=\"$question\"/>"
                        + "<View style=\"display: none;\"><Labels name=\"answer\" toName=\"text\"><Label value=\"Answer\" maxUsage=\"1\"/></Labels></View></View>"),
                Arguments.of("natural-language-processing/relation-extraction", "<View><Relations><Relation value=\"works at\"/><Relation value=\"knows\"/></Relations>"
                        + "<Labels name=\"ner\" toName=\"text\"><Label value=\"Person\"/><Label value=\"Company\"/></Labels><Text name=\"text\" value=\"$text\"/></View>"),
                Arguments.of("natural-language-processing/taxonomy", "<View><Text name=\"text\" value=\"$text\"/><Taxonomy name=\"topic\" toName=\"text\"><Choice value=\"Nature\"><Choice value=\"Birds\"/></Choice><Choice value=\"Cities\"/></Taxonomy></View>"),
                Arguments.of("natural-language-processing/text-classification", "<View><Text name=\"text\" value=\"$text\"/><Choices name=\"mood\" toName=\"text\" choice=\"single-radio\" showInLine=\"true\"><Choice value=\"Glad\"/><Choice value=\"Sad\"/></Choices></View>"),
                Arguments.of("natural-language-processing/text-summarization", "<View><Text name=\"text\" value=\"$text\"/><TextArea name=\"summary\" toName=\"text\" rows=\"4\" maxSubmissions=\"1\"/></View>"),
                // Audio/Speech Processing
                Arguments.of("audio-speech-processing/automatic-speech-recognition", "<View><Audio name=\"audio\" value=\"$audio\" zoom=\"true\" hotkey=\"ctrl+enter\"/><TextArea name=\"said\" toName=\"audio\" rows=\"4\" editable=\"true\" maxSubmissions=\"1\"/></View>"),
                Arguments.of("audio-speech-processing/automatic-speech-recognition-using-segments", "<View><Labels name=\"who\" toName=\"audio\"><Label value=\"Talk\"/><Label value=\"Hum\"/></Labels><Audio name=\"audio\" value=\"$audio\"/>"
                        + "<TextArea name=\"said\" toName=\"audio\" rows=\"2\" editable=\"true\" perRegion=\"true\" required=\"true\"/></View>"),
                Arguments.of("audio-speech-processing/conversational-analysis", "<View><Audio name=\"audio\" value=\"$audio\" hotkey=\"space\" sync=\"text\"/>"
                        + "<Paragraphs audioUrl=\"$audio\" sync=\"audio\" name=\"text\" value=\"$text\" layout=\"dialogue\" textKey=\"text\" nameKey=\"author\" granularity=\"paragraph\" contextscroll=\"true\"/>"
                        + "<ParagraphLabels name=\"tone\" toName=\"text\"><Label value=\"Warm\"/><Label value=\"Cold\"/></ParagraphLabels></View>"),
                Arguments.of("audio-speech-processing/intent-classification", "<View><Labels name=\"seg\" toName=\"audio\"><Label value=\"Segment\"/></Labels><AudioPlus name=\"audio\" value=\"$audio\"/>"
                        + "<Choices name=\"intent\" toName=\"audio\" perRegion=\"true\" required=\"true\"><Choice value=\"Ask\"/><Choice value=\"Thank\"/></Choices></View>"),
                Arguments.of("audio-speech-processing/signal-quality-detection", "<View><Rating name=\"quality\" toName=\"audio\" maxRating=\"10\" icon=\"star\" size=\"medium\"/><Audio name=\"audio\" value=\"$audio\"/></View>"),
                Arguments.of("audio-speech-processing/sound-event-detection (and speaker-segmentation)", "<View><Labels name=\"event\" toName=\"audio\" zoom=\"true\" hotkey=\"ctrl+enter\"><Label value=\"Bell\"/><Label value=\"Horn\"/></Labels><Audio name=\"audio\" value=\"$audio\"/></View>"),
                Arguments.of("audio-speech-processing/speech-transcription", "<View><Audio name=\"audio\" value=\"$audio\"/><Labels name=\"kind\" toName=\"audio\"><Label value=\"Voice\"/><Label value=\"Noise\"/></Labels>"
                        + "<TextArea name=\"said\" toName=\"audio\" perRegion=\"true\" whenTagName=\"kind\" whenLabelValue=\"Voice\" displayMode=\"region-list\"/>"
                        + "<Choices name=\"tone\" toName=\"audio\" showInline=\"true\" perRegion=\"true\" whenTagName=\"kind\" whenLabelValue=\"Voice\"><Choice value=\"Up\"/><Choice value=\"Down\"/></Choices></View>"),
                // Conversational AI
                Arguments.of("conversational-ai/coreference-resolution-and-entity-linking", "<View><Labels name=\"kind\" toName=\"text\"><Label value=\"Noun\"/><Label value=\"Pronoun\"/></Labels><Text name=\"text\" value=\"$text\"/></View>"),
                Arguments.of("conversational-ai/intent-classification-and-slot-filling", "<View><ParagraphLabels name=\"slot\" toName=\"dialogue\"><Label value=\"Place\"/><Label value=\"Time\"/></ParagraphLabels>"
                        + "<Paragraphs name=\"dialogue\" value=\"$dialogue\" layout=\"dialogue\"/><Choices name=\"intent\" toName=\"dialogue\" choice=\"single\" showInLine=\"true\"><Choice value=\"Book\"/><Choice value=\"Cancel\"/></Choices></View>"),
                Arguments.of("conversational-ai/response-generation", "<View><Paragraphs name=\"chat\" value=\"$dialogue\" layout=\"dialogue\"/><TextArea name=\"reply\" toName=\"chat\" rows=\"4\" editable=\"true\" maxSubmissions=\"1\"/></View>"),
                Arguments.of("conversational-ai/response-selection", "<View><Paragraphs name=\"chat\" value=\"$dialogue\" layout=\"dialogue\"/><View style=\"display: flex;\"><View><Text name=\"r1\" value=\"$r1\"/><Text name=\"r2\" value=\"$r2\"/></View>"
                        + "<Choices name=\"pick\" toName=\"chat\" required=\"true\"><Choice value=\"First\"/><Choice value=\"Second\"/></Choices></View></View>"),
                // Ranking & Scoring
                Arguments.of("ranking-and-scoring/pairwise-classification", "<View><Header value=\"Which reads better?\"/><Pairwise name=\"pw\" toName=\"a,b\" selectionStyle=\"background-color: #eee\"/><Text name=\"a\" value=\"$a\"/><Text name=\"b\" value=\"$b\"/></View>"),
                Arguments.of("ranking-and-scoring/pairwise-regression", "<View><View style=\"display: grid\"><Image name=\"a\" value=\"$a\"/><Image name=\"b\" value=\"$b\"/></View><Rating name=\"same\" toName=\"a,b\"/></View>"),
                Arguments.of("ranking-and-scoring/content-based-image-search, with distinct choices", "<View><Image name=\"query\" value=\"$query\"/><Image name=\"i1\" value=\"$i1\"/><Image name=\"i2\" value=\"$i2\"/>"
                        + "<Choices name=\"similar\" toName=\"query\" required=\"true\" choice=\"multiple\"><Choice value=\"One\"/><Choice value=\"Two\"/><Choice value=\"Three\"/></Choices></View>"),
                // Structured Data Parsing
                Arguments.of("structured-data-parsing/freeform-metadata", "<View><Text name=\"text\" value=\"$text\"/><View style=\"display: grid\"><TextArea name=\"key_1\" toName=\"text\" editable=\"true\" maxSubmissions=\"1\"/>"
                        + "<TextArea name=\"value_1\" toName=\"text\" editable=\"true\" maxSubmissions=\"1\"/></View></View>"),
                Arguments.of("structured-data-parsing/html-entity-recognition", "<View><HyperTextLabels name=\"ner\" toName=\"page\"><Label value=\"Name\"/><Label value=\"Date\"/></HyperTextLabels><HyperText name=\"page\" value=\"$html\"/></View>"),
                Arguments.of("structured-data-parsing/pdf-classification (an embedded PDF in HyperText)", "<View><Rating name=\"rating\" toName=\"doc\" maxRating=\"10\"/><Choices name=\"kind\" choice=\"single-radio\" toName=\"doc\" showInline=\"true\"><Choice value=\"Report\"/><Choice value=\"Memo\"/></Choices>"
                        + "<HyperText name=\"doc\" value=\"$pdf\" inline=\"true\"/></View>"),
                Arguments.of("structured-data-parsing/pdf-classification, as our own Pdf tag", "<View><Pdf name=\"doc\" value=\"$pdf\"/><Rating name=\"rating\" toName=\"doc\" maxRating=\"10\"/><Choices name=\"kind\" toName=\"doc\"><Choice value=\"Report\"/><Choice value=\"Memo\"/></Choices></View>"),
                // Time Series Analysis
                Arguments.of("time-series-analysis/activity-recognition (and change-point-detection)", "<View><TimeSeriesLabels name=\"act\" toName=\"ts\"><Label value=\"Run\"/><Label value=\"Rest\"/></TimeSeriesLabels>"
                        + "<TimeSeries name=\"ts\" valueType=\"url\" value=\"$csv\" sep=\",\" timeColumn=\"time\" timeFormat=\"%Y-%m-%d %H:%M:%S.%f\" timeDisplayFormat=\"%Y-%m-%d\" overviewChannels=\"speed\">"
                        + "<Channel column=\"speed\" units=\"m/s\" displayFormat=\",.1f\" strokeColor=\"#1f77b4\" legend=\"Speed\"/><Channel column=\"heart\" legend=\"Heart\"/></TimeSeries></View>"),
                Arguments.of("time-series-analysis/outliers-anomaly-detection", "<View><TimeSeries name=\"ts\" valueType=\"url\" value=\"$csv\" sep=\",\" timeColumn=\"time\"><Channel column=\"speed\"/></TimeSeries>"
                        + "<TimeSeriesLabels name=\"span\" toName=\"ts\"><Label value=\"Span\"/></TimeSeriesLabels><Choices name=\"why\" toName=\"ts\" perRegion=\"true\" required=\"true\"><Choice value=\"Spike\"/><Choice value=\"Drift\"/></Choices></View>"),
                Arguments.of("time-series-analysis/signal-quality", "<View><TimeSeries name=\"ts\" valueType=\"url\" value=\"$csv\" sep=\",\" timeColumn=\"time\"><Channel column=\"level\"/></TimeSeries>"
                        + "<TimeSeriesLabels name=\"span\" toName=\"ts\"><Label value=\"Span\"/></TimeSeriesLabels><Rating name=\"quality\" toName=\"ts\" perRegion=\"true\"/></View>"),
                Arguments.of("time-series-analysis/time-series-forecasting", "<View><TimeSeriesLabels name=\"span\" toName=\"ts\"><Label value=\"Predictable\"/></TimeSeriesLabels>"
                        + "<TimeSeries name=\"ts\" valueType=\"url\" value=\"$csv\" sep=\",\" timeColumn=\"time\"><Channel column=\"value\"/></TimeSeries>"
                        + "<Choices name=\"trend\" toName=\"ts\"><Choice value=\"Rise\"/><Choice value=\"Fall\"/></Choices></View>"),
                // Videos
                Arguments.of("videos/video-classification", "<View><Video name=\"video\" value=\"$video\"/><Choices name=\"scene\" toName=\"video\" showInline=\"true\"><Choice value=\"Indoor\"/><Choice value=\"Outdoor\"/></Choices></View>"),
                Arguments.of("videos/video-object-tracking", "<View><Labels name=\"what\" toName=\"video\" allowEmpty=\"true\"><Label value=\"Cyclist\"/><Label value=\"Walker\"/></Labels>"
                        + "<Video name=\"video\" value=\"$video\" framerate=\"25.0\"/><VideoRectangle name=\"box\" toName=\"video\"/></View>"),
                Arguments.of("videos/video-timeline-segmentation (and subject-annotation, with AudioPlus)", "<View><Video name=\"video\" value=\"$video\" sync=\"audio\"/>"
                        + "<Labels name=\"moves\" toName=\"audio\" choice=\"multiple\"><Label value=\"Jump\"/><Label value=\"Spin\"/></Labels><Audio name=\"audio\" value=\"$video\" sync=\"video\" speed=\"false\"/></View>"),
                // Generative AI (a newer group)
                Arguments.of("generative-ai/llm-ranker (and visual-ranker)", "<View><Text name=\"prompt\" value=\"$prompt\"/><List name=\"answers\" value=\"$items\" title=\"Answers\"/>"
                        + "<Ranker name=\"rank\" toName=\"answers\"><Bucket name=\"useful\" title=\"Useful\"/><Bucket name=\"biased\" title=\"Biased\"/></Ranker></View>"),
                Arguments.of("generative-ai/human-feedback-collection", "<View className=\"root\"><Text name=\"prompt\" value=\"$prompt\"/><Pairwise name=\"pick\" toName=\"a1,a2\"/><Text name=\"a1\" value=\"$a1\"/><Text name=\"a2\" value=\"$a2\"/></View>"),
                Arguments.of("generative-ai/chatbot-assessment, with the Rating's toName", "<View><Paragraphs name=\"chat\" value=\"$messages\" layout=\"dialogue\" nameKey=\"role\" textKey=\"content\"/>"
                        + "<Rating name=\"likert\" toName=\"chat\" maxRating=\"7\"/><Choices name=\"off_task\" toName=\"chat\" showInline=\"true\" choice=\"single-radio\"><Choice value=\"Yes\"/><Choice value=\"No\"/></Choices></View>"),
                Arguments.of("generative-ai/prompt-engineering-text", "<View><Text name=\"context\" value=\"$text\"/><TextArea name=\"prompt\" toName=\"context\" rows=\"4\" editable=\"true\" maxSubmissions=\"1\" showSubmitButton=\"false\"/>"
                        + "<TextArea name=\"response\" toName=\"context\" rows=\"4\" editable=\"true\" maxSubmissions=\"1\" showSubmitButton=\"false\"/></View>"),
                Arguments.of("generative-ai/supervised-llm", "<View><Text name=\"prompt\" value=\"$prompt\"/><TextArea name=\"answer\" toName=\"prompt\" rows=\"4\" editable=\"true\" maxSubmissions=\"1\" required=\"true\"/></View>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void acceptedAsInTheGallery(String template, String config) {
        assertThatCode(() -> parser.parse(config)).as(template).doesNotThrowAnyException();
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                // Dynamic labels (options from the task's data): not in LSF 1.4.0, and a control needs its options in the config
                Arguments.of("dynamic-labels: computer-vision/inventory-tracking", "<View><Image name=\"img\" value=\"$img\"/><PolygonLabels name=\"items\" toName=\"img\" value=\"$items\"/></View>", "has no <Label> values"),
                Arguments.of("dynamic-labels: computer-vision/visual-genome", "<View><RectangleLabels name=\"regions\" toName=\"img\" value=\"$regions\"/><Image name=\"img\" value=\"$img\"/></View>", "has no <Label> values"),
                Arguments.of("dynamic-labels: ranking-and-scoring/serp-ranking, text-to-image, asr-hypotheses", "<View><Text name=\"q\" value=\"$q\"/><Choices name=\"hits\" toName=\"q\" value=\"$options\" choice=\"multiple\"/></View>", "has no <Choice> values"),
                // Repeater (one object per item of a list): LSF 1.4.0 has no Repeater, and "$pages[{{idx}}].page" is no data field
                Arguments.of("computer-vision/multipage-documents, structured-data-parsing/pdf-multipage-annotation", "<View><Repeater on=\"$pages\" indexFlag=\"{{idx}}\"><Image name=\"page_{{idx}}\" value=\"$pages[{{idx}}].page\"/>"
                        + "<RectangleLabels name=\"box_{{idx}}\" toName=\"page_{{idx}}\"><Label value=\"Title\"/></RectangleLabels></Repeater></View>", "a data field reference is $ and a field name"),
                // Two options with the same value cannot be told apart in a result (the gallery's own slip: "Two" twice)
                Arguments.of("ranking-and-scoring/content-based-image-search, document-retrieval", "<View><Text name=\"q\" value=\"$q\"/><Choices name=\"pick\" toName=\"q\" choice=\"multiple\"><Choice value=\"One\"/><Choice value=\"Two\"/><Choice value=\"Two\"/></Choices></View>",
                        "repeats the value \"Two\""),
                // A control must say what it labels (the gallery's chatbot-assessment has a Rating without toName)
                Arguments.of("generative-ai/chatbot-assessment as published", "<View><Paragraphs name=\"chat\" value=\"$messages\" layout=\"dialogue\"/><Rating name=\"likert\" maxRating=\"7\"/></View>",
                        "needs a toName attribute"),
                // A config that produces no result: nothing to label (the table is shown by any config that has a control)
                Arguments.of("structured-data-parsing/tabular-data", "<View><Header value=\"A table\"/><Table name=\"table\" value=\"$item\"/></View>", "no control tag"),
                // Tags of Label Studio Enterprise / newer versions: not controls our parser knows, so nothing produces results
                Arguments.of("computer-vision/pdf_ocr (OcrLabels, Enterprise)", "<View><OcrLabels name=\"ocr\" toName=\"doc\"><Label value=\"Typo\"/></OcrLabels><Pdf name=\"doc\" value=\"$pdf\"/></View>", "no control tag"),
                Arguments.of("chat/* (Chat, Enterprise)", "<View><Text name=\"how\" value=\"$text\"/><Chat name=\"chat\" value=\"$chat\" toName=\"chat\" editable=\"true\"/></View>", "no control tag"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusedWithAReason(String template, String config, String reason) {
        InvalidLabelConfig e = catchThrowableOfType(InvalidLabelConfig.class, () -> parser.parse(config));
        assertThat(e).as(template + " should be refused").isNotNull();
        assertThat(e.getMessage()).as(template).contains(reason);
    }
}
