package io.labelledger.project.config;

import io.labelledger.shared.ErrorCode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class LabelingConfigParserTest {
    final LabelingConfigParser parser = new LabelingConfigParser();

    InvalidLabelConfig refusal(String xml) {
        InvalidLabelConfig e = catchThrowableOfType(InvalidLabelConfig.class, () -> parser.parse(xml));
        assertThat(e).as("the config should be refused").isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_LABEL_CONFIG);
        assertThat(e.field()).containsExactly("labelConfig");
        return e;
    }

    /** A valid config whose deepest element (a Choice) sits at {@code depth} levels, counting the root View as 1. */
    static String nestedConfig(int depth) {
        int views = depth - 2; // the Choice is inside the Choices, which is inside the innermost View
        return "<View>".repeat(views)
                + "<Text name=\"t\" value=\"$text\"/><Choices name=\"c\" toName=\"t\"><Choice value=\"A\"/></Choices>"
                + "</View>".repeat(views);
    }

    @Nested
    class ValidConfigs {
        @Test
        void textClassification() {
            LabelingConfig config = parser.parse("""
                    <View>
                      <Text name="text" value="$text"/>
                      <Choices name="sentiment" toName="text" choice="single-radio" showInLine="true">
                        <Choice value="Positive"/>
                        <Choice value="Negative"/>
                        <Choice value="Neutral"/>
                      </Choices>
                    </View>
                    """);
            assertThat(config.objects()).extracting(ObjectTag::name, ObjectTag::type, ObjectTag::valueField, ObjectTag::line)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("text", "Text", "text", 2));
            ControlTag sentiment = config.control("sentiment").orElseThrow();
            assertThat(sentiment.type()).isEqualTo("Choices");
            assertThat(sentiment.resultType()).isEqualTo("choices");
            assertThat(sentiment.toName()).containsExactly("text");
            assertThat(sentiment.options()).containsExactly("Positive", "Negative", "Neutral");
            assertThat(sentiment.multiple()).isFalse();
            assertThat(sentiment.required()).isFalse();
            assertThat(sentiment.line()).isEqualTo(3);
            assertThat(config.dataFields()).containsExactly("text");
        }

        @Test
        void choicesAreSingleByDefault() {
            LabelingConfig config = parser.parse("""
                    <View><Text name="t" value="$text"/><Choices name="c" toName="t"><Choice value="A"/></Choices></View>""");
            assertThat(config.control("c").orElseThrow().choice()).isEqualTo("single");
        }

        @Test
        void namedEntityRecognition() {
            LabelingConfig config = parser.parse("""
                    <View>
                      <Labels name="label" toName="text">
                        <Label value="PER" background="red"/>
                        <Label value="ORG" background="darkorange"/>
                        <Label value="LOC" background="orange"/>
                      </Labels>
                      <Text name="text" value="$text" granularity="word"/>
                    </View>
                    """);
            ControlTag labels = config.control("label").orElseThrow();
            assertThat(labels.resultType()).isEqualTo("labels");
            assertThat(labels.options()).containsExactly("PER", "ORG", "LOC");
            assertThat(labels.toName()).containsExactly("text");
        }

        @Test
        void imageBoundingBoxes() {
            LabelingConfig config = parser.parse("""
                    <View>
                      <Image name="image" value="$image" zoom="true"/>
                      <RectangleLabels name="label" toName="image" strokeWidth="3">
                        <Label value="Airplane"/>
                        <Label value="Car"/>
                      </RectangleLabels>
                    </View>
                    """);
            assertThat(config.objects()).extracting(ObjectTag::type, ObjectTag::valueField).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("Image", "image"));
            assertThat(config.control("label").orElseThrow().resultType()).isEqualTo("rectanglelabels");
            assertThat(config.dataFields()).containsExactly("image");
        }

        @Test
        void multiChoiceOverSeveralObjects() {
            LabelingConfig config = parser.parse("""
                    <View>
                      <Image name="img" value="$image"/>
                      <Text name="caption" value="$caption"/>
                      <Choices name="tags" toName="img, caption" choice="multiple">
                        <Choice value="Indoor"/>
                        <Choice value="Outdoor"/>
                        <Choice value="People"/>
                      </Choices>
                    </View>
                    """);
            ControlTag tags = config.control("tags").orElseThrow();
            assertThat(tags.multiple()).isTrue();
            assertThat(tags.toName()).containsExactly("img", "caption");
            assertThat(config.dataFields()).containsExactlyInAnyOrder("image", "caption");
        }

        @Test
        void ratingWithAndWithoutMaximum() {
            LabelingConfig config = parser.parse("""
                    <View>
                      <Text name="text" value="$text"/>
                      <Rating name="quality" toName="text" maxRating="10" icon="star" required="true"/>
                      <Rating name="fluency" toName="text"/>
                    </View>
                    """);
            ControlTag quality = config.control("quality").orElseThrow();
            assertThat(quality.maxRating()).isEqualTo(10);
            assertThat(quality.required()).isTrue();
            assertThat(quality.options()).isEmpty();
            assertThat(config.control("fluency").orElseThrow().maxRating()).isEqualTo(5);
        }

        @Test
        void textArea() {
            LabelingConfig config = parser.parse("""
                    <View>
                      <Audio name="audio" value="$audio"/>
                      <TextArea name="transcription" toName="audio" rows="4" editable="true" maxSubmissions="1"/>
                    </View>
                    """);
            ControlTag area = config.control("transcription").orElseThrow();
            assertThat(area.resultType()).isEqualTo("textarea");
            assertThat(area.options()).isEmpty();
            assertThat(area.maxRating()).isNull();
        }

        @Test
        void nestedLayoutWithHeadersAndChoicesGroupedInViews() {
            LabelingConfig config = parser.parse("""
                    <View style="display: flex">
                      <View style="width: 60%">
                        <Header value="Read the review"/>
                        <Text name="review" value="$review"/>
                      </View>
                      <View style="width: 40%">
                        <Header value="Sentiment"/>
                        <Choices name="sentiment" toName="review">
                          <View style="display: flex">
                            <Choice value="Positive"/>
                            <Choice value="Negative"/>
                          </View>
                        </Choices>
                      </View>
                    </View>
                    """);
            assertThat(config.objects()).extracting(ObjectTag::name).containsExactly("review");
            assertThat(config.control("sentiment").orElseThrow().options()).containsExactly("Positive", "Negative");
            assertThat(config.root().children()).hasSize(2);
            assertThat(config.root().children().get(1).children().get(0).tag()).isEqualTo("Header");
        }

        @Test
        void unknownTagsAndAttributesAreKeptInTheTree() {
            String xml = """
                    <View customLayout="yes">
                      <Style>.x { color: red }</Style>
                      <Text name="text" value="$text" data-team="nlp" futureOption="42"/>
                      <Choices name="c" toName="text"><Choice value="A" hotkey="a" hint="first"/></Choices>
                    </View>
                    """;
            LabelingConfig config = parser.parse(xml);
            ConfigNode root = config.root();
            assertThat(config.xml()).isEqualTo(xml);
            assertThat(root.tag()).isEqualTo("View");
            assertThat(root.attr("customLayout")).isEqualTo("yes");
            assertThat(root.children()).extracting(ConfigNode::tag).containsExactly("Style", "Text", "Choices");
            ConfigNode text = root.children().get(1);
            assertThat(text.attributes()).containsEntry("data-team", "nlp").containsEntry("futureOption", "42")
                    .containsEntry("name", "text").containsEntry("value", "$text");
            assertThat(text.line()).isEqualTo(3);
            assertThat(root.children().get(2).children().get(0).attr("hint")).isEqualTo("first");
        }

        @Test
        void aChoiceMayBeNamedByItsAlias() {
            LabelingConfig config = parser.parse("""
                    <View><Text name="t" value="$text"/><Choices name="c" toName="t"><Choice alias="pos"/></Choices></View>""");
            assertThat(config.control("c").orElseThrow().options()).containsExactly("pos");
        }

        @Test
        void relationExtractionAsLabelStudioWritesIt() {
            LabelingConfig config = parser.parse("""
                    <View>
                      <Relations>
                        <Relation value="org:founded_by"/>
                        <Relation value="org:founded"/>
                      </Relations>
                      <Labels name="label" toName="text">
                        <Label value="Organization"/>
                        <Label value="Person"/>
                      </Labels>
                      <Text name="text" value="$text"/>
                    </View>
                    """);
            assertThat(config.controls()).extracting(ControlTag::name).containsExactly("label");
            assertThat(config.control("label").orElseThrow().options()).containsExactly("Organization", "Person");
        }

        @Test
        void namedRelationsNeedNoValuesAndAnObjectWithoutDataFieldIsAllowed() {
            LabelingConfig config = parser.parse("""
                    <View>
                      <Relations name="rel" toName="text"/>
                      <HyperText name="text" value="Static text"/>
                      <Labels name="lbl" toName="text"><Label value="X"/></Labels>
                    </View>
                    """);
            assertThat(config.control("rel").orElseThrow().options()).isEmpty();
            assertThat(config.dataFields()).isEmpty();
        }

        @Test
        void escapedCharactersInValuesAreDecoded() {
            LabelingConfig config = parser.parse("""
                    <View><Text name="t" value="$text"/><Choices name="c" toName="t"><Choice value="R&amp;D &lt;3"/></Choices></View>""");
            assertThat(config.control("c").orElseThrow().options()).containsExactly("R&D <3");
        }

        @Test
        void aConfigOfExactlyTheMaximumSizeIsAccepted() {
            String base = "<View><Text name=\"t\" value=\"$text\"/><Choices name=\"c\" toName=\"t\"><Choice value=\"A\"/></Choices></View>";
            String xml = base + " ".repeat(LabelingConfigParser.MAX_CHARS - base.length());
            assertThat(xml).hasSize(LabelingConfigParser.MAX_CHARS);
            assertThat(parser.parse(xml).controls()).hasSize(1);
        }

        @Test
        void nestingOfExactlyTheMaximumDepthIsAccepted() {
            assertThat(parser.parse(nestedConfig(LabelingConfigParser.MAX_DEPTH)).controls()).hasSize(1);
        }
    }

    @Nested
    class BrokenConfigs {
        static Stream<Arguments> broken() {
            return Stream.of(
                    Arguments.of("malformed XML", "<View><Text name=\"t\" value=\"$text\"></View>"),
                    Arguments.of("not XML at all", "{\"view\": []}"),
                    Arguments.of("unquoted attribute", "<View><Text name=t value=\"$text\"/></View>"),
                    Arguments.of("two roots", "<View/><View/>"),
                    Arguments.of("undeclared entity", "<View><Text name=\"t\" value=\"&xxe;\"/><Choices name=\"c\" toName=\"t\"><Choice value=\"A\"/></Choices></View>"),
                    Arguments.of("root is not View", "<Labels name=\"l\" toName=\"t\"><Label value=\"A\"/></Labels>"),
                    Arguments.of("object without name", "<View><Text value=\"$text\"/><Choices name=\"c\" toName=\"t\"><Choice value=\"A\"/></Choices></View>"),
                    Arguments.of("control with blank name", "<View><Text name=\"t\" value=\"$text\"/><Choices name=\" \" toName=\"t\"><Choice value=\"A\"/></Choices></View>"),
                    Arguments.of("control without toName", "<View><Text name=\"t\" value=\"$text\"/><Choices name=\"c\"><Choice value=\"A\"/></Choices></View>"),
                    Arguments.of("duplicate object names", "<View><Text name=\"t\" value=\"$a\"/><Text name=\"t\" value=\"$b\"/><Choices name=\"c\" toName=\"t\"><Choice value=\"A\"/></Choices></View>"),
                    Arguments.of("control named like an object", "<View><Text name=\"t\" value=\"$text\"/><Choices name=\"t\" toName=\"t\"><Choice value=\"A\"/></Choices></View>"),
                    Arguments.of("duplicate control names", "<View><Text name=\"t\" value=\"$text\"/><Choices name=\"c\" toName=\"t\"><Choice value=\"A\"/></Choices><TextArea name=\"c\" toName=\"t\"/></View>"),
                    Arguments.of("toName pointing nowhere", "<View><Text name=\"t\" value=\"$text\"/><Choices name=\"c\" toName=\"image\"><Choice value=\"A\"/></Choices></View>"),
                    Arguments.of("one of several toNames pointing nowhere", "<View><Text name=\"t\" value=\"$text\"/><Choices name=\"c\" toName=\"t,image\"><Choice value=\"A\"/></Choices></View>"),
                    Arguments.of("toName pointing at a control", "<View><Text name=\"t\" value=\"$text\"/><Choices name=\"c\" toName=\"t\"><Choice value=\"A\"/></Choices><TextArea name=\"ta\" toName=\"c\"/></View>"),
                    Arguments.of("Choices without Choice", "<View><Text name=\"t\" value=\"$text\"/><Choices name=\"c\" toName=\"t\"></Choices></View>"),
                    Arguments.of("Labels without Label", "<View><Text name=\"t\" value=\"$text\"/><Labels name=\"l\" toName=\"t\"/></View>"),
                    Arguments.of("RectangleLabels without Label", "<View><Image name=\"i\" value=\"$image\"/><RectangleLabels name=\"r\" toName=\"i\"><Header value=\"x\"/></RectangleLabels></View>"),
                    Arguments.of("Choice without value", "<View><Text name=\"t\" value=\"$text\"/><Choices name=\"c\" toName=\"t\"><Choice/></Choices></View>"),
                    Arguments.of("Choice with empty value", "<View><Text name=\"t\" value=\"$text\"/><Choices name=\"c\" toName=\"t\"><Choice value=\"\"/></Choices></View>"),
                    Arguments.of("duplicate choice values", "<View><Text name=\"t\" value=\"$text\"/><Choices name=\"c\" toName=\"t\"><Choice value=\"A\"/><Choice value=\"B\"/><Choice value=\"A\"/></Choices></View>"),
                    Arguments.of("duplicate label values", "<View><Text name=\"t\" value=\"$text\"/><Labels name=\"l\" toName=\"t\"><Label value=\"PER\"/><View><Label value=\"PER\"/></View></Labels></View>"),
                    Arguments.of("rating maximum not a number", "<View><Text name=\"t\" value=\"$text\"/><Rating name=\"r\" toName=\"t\" maxRating=\"ten\"/></View>"),
                    Arguments.of("no object tag", "<View><Header value=\"Nothing to show\"/></View>"),
                    Arguments.of("no control tag", "<View><Text name=\"t\" value=\"$text\"/></View>"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("broken")
        void isRefused(String why, String xml) {
            refusal(xml);
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "   ", "\n\t"})
        void anEmptyConfigIsRefused(String xml) {
            refusal(xml);
        }

        @Test
        void aConfigOverTheMaximumSizeIsRefused() {
            String base = "<View><Text name=\"t\" value=\"$text\"/><Choices name=\"c\" toName=\"t\"><Choice value=\"A\"/></Choices></View>";
            refusal(base + " ".repeat(LabelingConfigParser.MAX_CHARS - base.length() + 1));
        }

        @Test
        void nestingDeeperThanTheMaximumIsRefused() {
            refusal(nestedConfig(LabelingConfigParser.MAX_DEPTH + 1));
        }

        @Test
        void veryDeepNestingIsRefusedWithoutExhaustingTheStack() {
            int depth = 20_000;
            refusal("<View>".repeat(depth) + "</View>".repeat(depth));
        }
    }

    /** Configs come from users: no DTD, no entity, nothing read from the file system or the network. */
    @Nested
    class XmlAttacks {
        static final String PASSWD = "/etc/passwd";

        static Stream<Arguments> attacks() {
            return Stream.of(
                    Arguments.of("external entity", """
                            <?xml version="1.0"?>
                            <!DOCTYPE View [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                            <View><Text name="t" value="$text"/><Choices name="c" toName="t"><Choice value="&xxe;"/></Choices></View>
                            """),
                    Arguments.of("external entity in text content", """
                            <!DOCTYPE View [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                            <View><Header>&xxe;</Header><Text name="t" value="$text"/><Choices name="c" toName="t"><Choice value="A"/></Choices></View>
                            """),
                    Arguments.of("billion laughs", """
                            <?xml version="1.0"?>
                            <!DOCTYPE View [
                              <!ENTITY lol "lol">
                              <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                              <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
                              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
                              <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
                              <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
                              <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
                              <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
                              <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
                              <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
                            ]>
                            <View><Text name="t" value="$text"/><Choices name="c" toName="t"><Choice value="&lol9;"/></Choices></View>
                            """),
                    Arguments.of("parameter entity", """
                            <?xml version="1.0"?>
                            <!DOCTYPE View [<!ENTITY % ext SYSTEM "file:///etc/passwd"> %ext;]>
                            <View><Text name="t" value="$text"/><Choices name="c" toName="t"><Choice value="A"/></Choices></View>
                            """),
                    Arguments.of("external DTD", """
                            <?xml version="1.0"?>
                            <!DOCTYPE View SYSTEM "file:///etc/passwd">
                            <View><Text name="t" value="$text"/><Choices name="c" toName="t"><Choice value="A"/></Choices></View>
                            """),
                    Arguments.of("harmless internal entity", """
                            <!DOCTYPE View [<!ENTITY pos "Positive">]>
                            <View><Text name="t" value="$text"/><Choices name="c" toName="t"><Choice value="&pos;"/></Choices></View>
                            """));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("attacks")
        void isRefusedWithoutReadingAnything(String why, String xml) throws IOException {
            InvalidLabelConfig e = refusal(xml);
            for (String line : passwdLines()) {
                assertThat(e.getMessage()).doesNotContain(line);
            }
            assertThat(e.getMessage()).doesNotContain("root:");
        }

        static List<String> passwdLines() throws IOException {
            Path passwd = Path.of(PASSWD);
            if (!Files.isReadable(passwd)) return List.of();
            return Files.readAllLines(passwd).stream().filter(l -> l.length() > 8).toList();
        }
    }
}
