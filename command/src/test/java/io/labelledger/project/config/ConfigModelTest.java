package io.labelledger.project.config;

import io.labelledger.shared.ErrorCode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The typed config model: a corpus with every tag we support, and broken configs each refused with its own error. */
class ConfigModelTest {
    final LabelingConfigParser parser = new LabelingConfigParser();

    /** Every object, control and layout tag of the issue, with the attributes that matter for validation. */
    static final String CORPUS = """
            <View style="display: flex">
              <Style>.htx-ranker-column { background: cornflowerblue; }</Style>
              <Header value="Everything" size="4"/>
              <Filter name="filter" toName="ner" hotkey="shift+f" minlength="1"/>
              <Shortcut alias="lgtm" value="Looks good" hotkey="ctrl+1"/>
              <Collapse>
                <Panel value="Objects">
                  <Image name="img" value="$image" zoom="true"/>
                  <Image name="gallery" valueList="$images"/>
                  <Text name="text" value="$text" granularity="word"/>
                  <HyperText name="html" value="$html"/>
                  <Audio name="audio" value="$audio"/>
                  <Video name="video" value="$video" framerate="25"/>
                  <TimeSeries name="ts" value="$csv" valueType="url" timeColumn="time"><Channel column="temp"/></TimeSeries>
                  <Paragraphs name="dialog" value="$dialog" layout="dialogue"/>
                  <Table name="table" value="$table"/>
                  <Pdf name="pdf" value="$pdf"/>
                  <List name="results" value="$items" title="Results"/>
                  <Text name="a" value="$a"/><Text name="b" value="$b"/>
                </Panel>
              </Collapse>
              <Choices name="sentiment" toName="text" choice="single-radio" required="true" hotkey="s">
                <Choice value="Positive" hotkey="1"/><Choice value="Negative" hint="bad"/>
              </Choices>
              <Choices name="tags" toName="text" choice="multiple"><Choice value="A"/><Choice value="B"/></Choices>
              <Choices name="per_region" toName="text" perRegion="true" visibleWhen="region-selected"><Choice value="Sure"/></Choices>
              <Choices name="follow_up" toName="text" visibleWhen="choice-selected" whenTagName="sentiment" whenChoiceValue="Negative">
                <Choice value="Why"/>
              </Choices>
              <Labels name="ner" toName="text" maxUsages="5"><Label value="PER" background="#ff0000" hotkey="p" maxUsages="2"/><Label value="ORG"/></Labels>
              <RectangleLabels name="box" toName="img"><Label value="Car" background="blue"/></RectangleLabels>
              <Rectangle name="rect" toName="img" strokeWidth="3"/>
              <PolygonLabels name="poly" toName="img"><Label value="Road"/></PolygonLabels>
              <Polygon name="polygon" toName="img"/>
              <KeyPointLabels name="kp" toName="img"><Label value="Eye"/></KeyPointLabels>
              <KeyPoint name="point" toName="img"/>
              <EllipseLabels name="ell" toName="img"><Label value="Face"/></EllipseLabels>
              <Ellipse name="ellipse" toName="img"/>
              <BrushLabels name="mask" toName="img"><Label value="Sky"/></BrushLabels>
              <Brush name="brush" toName="img"/>
              <TextArea name="summary" toName="text" maxSubmissions="2" rows="4" editable="true"/>
              <Rating name="stars" toName="text" maxRating="10" icon="star"/>
              <Number name="count" toName="text" min="0" max="10" step="0.5"/>
              <DateTime name="day" toName="text" only="date" min="2020-01-01" max="2030-12-31"/>
              <Taxonomy name="tax" toName="text"><Choice value="Animal"><Choice value="Cat"/></Choice><Choice value="Plant"/></Taxonomy>
              <Relations><Relation value="works_at" background="green"/></Relations>
              <Ranker name="rank" toName="results"><Bucket name="relevant" title="Relevant"/></Ranker>
              <Pairwise name="pw" toName="a,b" selectionStyle="background: green"/>
              <HyperTextLabels name="htl" toName="html"><Label value="Link"/></HyperTextLabels>
              <ParagraphLabels name="pl" toName="dialog"><Label value="Question"/></ParagraphLabels>
              <TimeSeriesLabels name="tsl" toName="ts"><Label value="Peak"/></TimeSeriesLabels>
            </View>
            """;

    static final Set<String> OBJECT_TAGS = Set.of("Image", "Text", "HyperText", "Audio", "Video", "TimeSeries", "Paragraphs",
            "Table", "Pdf", "List");
    static final Set<String> CONTROL_TAGS = Set.of("Choices", "Labels", "RectangleLabels", "Rectangle", "PolygonLabels",
            "Polygon", "KeyPointLabels", "KeyPoint", "EllipseLabels", "Ellipse", "BrushLabels", "Brush", "TextArea", "Rating",
            "Number", "DateTime", "Taxonomy", "Ranker", "Pairwise", "HyperTextLabels", "ParagraphLabels", "TimeSeriesLabels");

    @Nested
    class Corpus {
        final LabelingConfig config = parser.parse(CORPUS);

        @Test
        void everyObjectAndControlTagParses() {
            assertThat(config.objects()).extracting(ObjectTag::type).containsAll(OBJECT_TAGS);
            assertThat(config.controls()).extracting(ControlTag::type).containsAll(CONTROL_TAGS);
            assertThat(config.relationLabels()).contains(Set.of("works_at"));
        }

        @Test
        void layoutTagsAndUnknownAttributesAreKept() {
            Set<String> tags = new HashSet<>();
            Deque<ConfigNode> todo = new ArrayDeque<>(List.of(config.root()));
            while (!todo.isEmpty()) {
                ConfigNode n = todo.pop();
                tags.add(n.tag());
                todo.addAll(n.children());
            }
            assertThat(tags).contains("View", "Header", "Style", "Collapse", "Panel", "Filter", "Shortcut", "Channel", "Bucket");
            assertThat(config.root().attr("style")).isEqualTo("display: flex");
            assertThat(config.object("video").orElseThrow().attr("framerate")).isEqualTo("25");
            assertThat(config.control("rect").orElseThrow().attr("strokeWidth")).isEqualTo("3");
        }

        @Test
        void dataFieldsComeFromValueAndValueList() {
            assertThat(config.dataFields()).contains("image", "images", "text", "html", "audio", "video", "csv", "dialog", "table", "pdf", "items");
            assertThat(config.object("ts").orElseThrow().inlineValue()).isFalse();
            assertThat(config.object("text").orElseThrow().inlineValue()).isTrue();
        }

        @Test
        void optionsKeepTheirAttributes() {
            ControlTag ner = config.control("ner").orElseThrow();
            ConfigOption per = ner.optionTags().get(0);
            assertThat(per.value()).isEqualTo("PER");
            assertThat(per.background()).isEqualTo("#ff0000");
            assertThat(per.hotkey()).isEqualTo("p");
            assertThat(per.maxUsages()).isEqualTo(2);
            assertThat(ner.maxUsagesPerLabel()).isEqualTo(5);
            assertThat(ner.maxUsages()).isEqualTo(Map.of("PER", 2, "ORG", 5));
            assertThat(config.control("sentiment").orElseThrow().optionTags().get(1).attributes()).containsEntry("hint", "bad");
        }

        @Test
        void controlAttributesAreTyped() {
            ControlTag count = config.control("count").orElseThrow();
            assertThat(count.min()).isEqualTo(0.0);
            assertThat(count.max()).isEqualTo(10.0);
            assertThat(count.step()).isEqualTo(0.5);
            ControlTag day = config.control("day").orElseThrow();
            assertThat(day.only()).containsExactly("date");
            assertThat(day.min()).as("DateTime bounds are dates, not numbers").isNull();
            assertThat(day.attr("min")).isEqualTo("2020-01-01");
            assertThat(config.control("summary").orElseThrow().maxSubmissions()).isEqualTo(2);
            assertThat(config.control("stars").orElseThrow().maxRating()).isEqualTo(10);
            assertThat(config.control("sentiment").orElseThrow().required()).isTrue();
            assertThat(config.control("sentiment").orElseThrow().hotkey()).isEqualTo("s");
            assertThat(config.control("per_region").orElseThrow().perRegion()).isTrue();
            assertThat(config.control("per_region").orElseThrow().visibleWhen()).isEqualTo("region-selected");
            assertThat(config.control("tags").orElseThrow().multiple()).isTrue();
            assertThat(config.control("tax").orElseThrow().paths()).containsExactlyInAnyOrder(
                    List.of("Animal"), List.of("Animal", "Cat"), List.of("Plant"));
            assertThat(config.control("rank").orElseThrow().buckets()).containsExactly("relevant");
            assertThat(config.control("pw").orElseThrow().toName()).containsExactly("a", "b");
        }
    }

    @Nested
    class BrokenConfigs {
        static final String TEXT = "<Text name=\"t\" value=\"$text\"/>";

        static String view(String... lines) { return "<View>\n" + String.join("\n", lines) + "\n</View>"; }

        static Stream<Arguments> broken() {
            return Stream.of(
                    Arguments.of(view(TEXT, "<Choices name=\"c\" toName=\"x\"><Choice value=\"A\"/></Choices>"), "Line 3", "toName=\"x\""),
                    Arguments.of(view(TEXT, "<Text name=\"t\" value=\"$b\"/>", "<TextArea name=\"c\" toName=\"t\"/>"), "Line 3", "\"t\" is already used on line 2"),
                    Arguments.of(view("<Text name=\"t\" value=\"$\"/>", "<TextArea name=\"c\" toName=\"t\"/>"), "Line 2", "value=\"$\""),
                    Arguments.of(view("<Text name=\"t\" value=\"$my text\"/>", "<TextArea name=\"c\" toName=\"t\"/>"), "Line 2", "value=\"$my text\""),
                    Arguments.of(view("<Image name=\"i\" valueList=\"$\"/>", "<Rectangle name=\"r\" toName=\"i\"/>"), "Line 2", "valueList"),
                    Arguments.of(view(TEXT, "<RectangleLabels name=\"r\" toName=\"t\"><Label value=\"A\"/></RectangleLabels>"), "Line 3", "a <Text>; it labels Image"),
                    Arguments.of(view(TEXT, "<Ranker name=\"r\" toName=\"t\"/>"), "Line 3", "it labels List"),
                    Arguments.of(view(TEXT, "<Number name=\"n\" toName=\"t\" min=\"5\" max=\"1\"/>"), "Line 3", "min greater than max"),
                    Arguments.of(view(TEXT, "<Number name=\"n\" toName=\"t\" step=\"0\"/>"), "Line 3", "step"),
                    Arguments.of(view(TEXT, "<Number name=\"n\" toName=\"t\" max=\"lots\"/>"), "Line 3", "max=\"lots\""),
                    Arguments.of(view(TEXT, "<DateTime name=\"d\" toName=\"t\" only=\"week\"/>"), "Line 3", "only=\"week\""),
                    Arguments.of(view(TEXT, "<DateTime name=\"d\" toName=\"t\" only=\"date\" min=\"yesterday\"/>"), "Line 3", "min=\"yesterday\""),
                    Arguments.of(view(TEXT, "<TextArea name=\"c\" toName=\"t\" maxSubmissions=\"0\"/>"), "Line 3", "maxSubmissions=\"0\""),
                    Arguments.of(view(TEXT, "<Labels name=\"l\" toName=\"t\" maxUsages=\"many\"><Label value=\"A\"/></Labels>"), "Line 3", "maxUsages=\"many\""),
                    Arguments.of(view(TEXT, "<Labels name=\"l\" toName=\"t\">", "<Label value=\"A\" maxUsages=\"-1\"/></Labels>"), "Line 4", "maxUsages=\"-1\""),
                    Arguments.of(view(TEXT, "<Rating name=\"r\" toName=\"t\" maxRating=\"0\"/>"), "Line 3", "maxRating=\"0\""),
                    Arguments.of(view(TEXT, "<Choices name=\"c\" toName=\"t\" visibleWhen=\"sometimes\"><Choice value=\"A\"/></Choices>"), "Line 3", "visibleWhen=\"sometimes\""),
                    Arguments.of(view(TEXT, "<Choices name=\"c\" toName=\"t\" visibleWhen=\"choice-selected\" whenTagName=\"nope\"><Choice value=\"A\"/></Choices>"), "Line 3", "whenTagName=\"nope\""),
                    Arguments.of(view("<List name=\"l\" value=\"$items\"/>", "<Ranker name=\"r\" toName=\"l\"><Bucket title=\"No name\"/></Ranker>"), "Line 3", "<Bucket> needs a name"),
                    Arguments.of(view(TEXT, "<Choices name=\"c\" toName=\"t\">", "  <Choice value=\"A\"/>", "  <Choice/>", "</Choices>"), "Line 5", "<Choice> needs a value"));
        }

        @ParameterizedTest(name = "{1}: {2}")
        @MethodSource("broken")
        void isRefusedNamingTheLineAndTheCulprit(String xml, String line, String culprit) {
            InvalidLabelConfig e = catchThrowableOfType(InvalidLabelConfig.class, () -> new LabelingConfigParser().parse(xml));
            assertThat(e).as("refused: " + xml).isNotNull();
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_LABEL_CONFIG);
            assertThat(e.getMessage()).startsWith(line + ":").contains(culprit);
        }
    }
}
