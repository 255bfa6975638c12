package io.labelledger.project.config;

import io.labelledger.shared.ErrorCode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static io.labelledger.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ResultValidatorTest {
    static final LabelingConfig CONFIG = new LabelingConfigParser().parse("""
            <View>
              <Header value="Review"/>
              <Text name="text" value="$text"/>
              <Image name="img" value="$image"/>
              <Choices name="sentiment" toName="text">
                <Choice value="Positive"/>
                <Choice value="Negative"/>
                <Choice value="Neutral"/>
              </Choices>
              <Choices name="topics" toName="text" choice="multiple">
                <Choice value="Sports"/>
                <Choice value="Politics"/>
              </Choices>
              <Labels name="ner" toName="text">
                <Label value="PER"/>
                <Label value="ORG"/>
              </Labels>
              <RectangleLabels name="box" toName="img">
                <Label value="Car"/>
                <Label value="Person"/>
              </RectangleLabels>
              <Rating name="stars" toName="text" maxRating="10"/>
              <Rating name="quick" toName="text"/>
              <TextArea name="comment" toName="text,img"/>
              <Taxonomy name="taxonomy" toName="text">
                <Choice value="Animal"><Choice value="Mammal"/><Choice value="Bird"/></Choice>
              </Taxonomy>
              <Relations><Relation value="works_at"/></Relations>
            </View>
            """);

    static final LabelingConfig REQUIRED = new LabelingConfigParser().parse("""
            <View>
              <Text name="text" value="$text"/>
              <Choices name="sentiment" toName="text" required="true"><Choice value="Positive"/><Choice value="Negative"/></Choices>
              <TextArea name="comment" toName="text"/>
            </View>
            """);

    static final String SENTIMENT_POSITIVE = "{'from_name':'sentiment','to_name':'text','type':'choices','value':{'choices':['Positive']}}";
    static final String COMMENT = "{'from_name':'comment','to_name':'text','type':'textarea','value':{'text':['fine']}}";

    static void accepts(LabelingConfig config, String result) {
        assertThatCode(() -> ResultValidator.validate(config, json(result), "result")).doesNotThrowAnyException();
    }

    static void accepts(String result) { accepts(CONFIG, result); }

    static InvalidResult refuses(LabelingConfig config, JsonNode result, String... field) {
        InvalidResult e = catchThrowableOfType(InvalidResult.class, () -> ResultValidator.validate(config, result, "result"));
        assertThat(e).as("the result should be refused").isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_RESULT);
        assertThat(e.field()).containsExactly(field);
        return e;
    }

    static InvalidResult refuses(String result, String... field) { return refuses(CONFIG, json(result), field); }

    static String item(String fromName, String toName, String type, String value) {
        return "{'id':'r1','from_name':'" + fromName + "','to_name':'" + toName + "','type':'" + type + "','value':" + value + "}";
    }

    @Nested
    class Shape {
        @Test
        void anEmptyListIsAValidResult() {
            accepts("[]");
        }

        @Test
        void aResultMustBeAList() {
            refuses("{'from_name':'sentiment'}", "result");
        }

        @Test
        void aMissingResultIsRefused() {
            refuses(CONFIG, null, "result");
        }

        @Test
        void aJsonNullOrScalarIsRefused() {
            refuses("null", "result");
            refuses("'choices'", "result");
        }

        @Test
        void eachItemMustBeAnObject() {
            refuses("[" + SENTIMENT_POSITIVE + ", 'Positive']", "result", "1");
        }

        @ParameterizedTest
        @ValueSource(strings = {"from_name", "to_name", "type"})
        void anItemNeedsFromNameToNameAndType(String missing) {
            String result = "[" + SENTIMENT_POSITIVE.replace("'" + missing + "'", "'other_key'") + "]";
            refuses(result, "result", "0", missing);
        }

        @Test
        void anEmptyFromNameIsRefused() {
            refuses("[" + item("", "text", "choices", "{'choices':['Positive']}") + "]", "result", "0", "from_name");
        }

        @Test
        void aFromNameThatIsNotAControlIsRefused() {
            refuses("[" + item("mood", "text", "choices", "{'choices':['Positive']}") + "]", "result", "0", "from_name");
        }

        @Test
        void anObjectNameIsNotAControl() {
            refuses("[" + item("text", "text", "choices", "{'choices':['Positive']}") + "]", "result", "0", "from_name");
        }

        @Test
        void aToNameTheControlDoesNotTargetIsRefused() {
            refuses("[" + item("sentiment", "img", "choices", "{'choices':['Positive']}") + "]", "result", "0", "to_name");
        }

        @Test
        void aTypeOtherThanTheControlsIsRefused() {
            refuses("[" + item("sentiment", "text", "labels", "{'labels':['Positive']}") + "]", "result", "0", "type");
        }

        @Test
        void theTypeIsLowerCase() {
            refuses("[" + item("sentiment", "text", "Choices", "{'choices':['Positive']}") + "]", "result", "0", "type");
        }

        @Test
        void aMissingOrNonObjectValueIsRefused() {
            refuses("[{'from_name':'sentiment','to_name':'text','type':'choices'}]", "result", "0", "value");
            refuses("[" + item("sentiment", "text", "choices", "['Positive']") + "]", "result", "0", "value");
        }

        @Test
        void theErrorNamesTheFailingItem() {
            String bad = item("sentiment", "text", "choices", "{'choices':['Angry']}");
            refuses("[" + SENTIMENT_POSITIVE + "," + COMMENT + "," + bad + "]", "result", "2", "value", "choices");
        }

        @Test
        void theFieldNameOfTheCallerIsTheRootOfThePath() {
            InvalidResult e = catchThrowableOfType(InvalidResult.class, () -> ResultValidator.validate(CONFIG,
                    json("[" + item("sentiment", "text", "choices", "{'choices':['Angry']}") + "]"), "tasks[3].predictions[0].result"));
            assertThat(e.field()).containsExactly("tasks[3].predictions[0].result", "0", "value", "choices");
        }

        @Test
        void relationItemsPointAtRegionsAndAreNotCheckedAgainstControls() {
            String span1 = item("ner", "text", "labels", "{'start':0,'end':4,'text':'Jane','labels':['PER']}").replace("'r1'", "'s1'");
            String span2 = item("ner", "text", "labels", "{'start':12,'end':16,'text':'Acme','labels':['ORG']}").replace("'r1'", "'s2'");
            accepts("[" + span1 + "," + span2 + ",{'from_id':'s1','to_id':'s2','type':'relation','direction':'right','labels':['works_at']}]");
        }
    }

    @Nested
    class ChoicesControl {
        @Test
        void oneKnownChoiceIsValid() {
            accepts("[" + SENTIMENT_POSITIVE + "]");
        }

        @Test
        void twoChoicesOnASingleChoiceControlAreRefused() {
            refuses("[" + item("sentiment", "text", "choices", "{'choices':['Positive','Negative']}") + "]", "result", "0", "value", "choices");
        }

        @Test
        void severalChoicesOnAMultipleChoiceControlAreValid() {
            accepts("[" + item("topics", "text", "choices", "{'choices':['Sports','Politics']}") + "]");
        }

        @Test
        void anUnknownChoiceIsRefused() {
            refuses("[" + item("topics", "text", "choices", "{'choices':['Sports','Weather']}") + "]", "result", "0", "value", "choices");
        }

        @Test
        void choicesAreCaseSensitive() {
            refuses("[" + item("sentiment", "text", "choices", "{'choices':['positive']}") + "]", "result", "0", "value", "choices");
        }

        @Test
        void aNonStringChoiceIsRefused() {
            refuses("[" + item("sentiment", "text", "choices", "{'choices':[1]}") + "]", "result", "0", "value", "choices");
        }

        @Test
        void anEmptyOrMissingChoiceListIsRefused() {
            refuses("[" + item("sentiment", "text", "choices", "{'choices':[]}") + "]", "result", "0", "value", "choices");
            refuses("[" + item("sentiment", "text", "choices", "{'choices':'Positive'}") + "]", "result", "0", "value", "choices");
            refuses("[" + item("sentiment", "text", "choices", "{'labels':['Positive']}") + "]", "result", "0", "value", "choices");
        }
    }

    @Nested
    class LabelsControl {
        @Test
        void aSpanWithAKnownLabelIsValid() {
            accepts("[" + item("ner", "text", "labels", "{'start':0,'end':4,'text':'Jane','labels':['PER']}") + "]");
        }

        @Test
        void aSpanMayCarrySeveralLabels() {
            accepts("[" + item("ner", "text", "labels", "{'start':0,'end':4,'labels':['PER','ORG']}") + "]");
        }

        @Test
        void anUnknownLabelIsRefused() {
            refuses("[" + item("ner", "text", "labels", "{'start':0,'end':4,'labels':['LOC']}") + "]", "result", "0", "value", "labels");
        }

        @Test
        void labelsUnderAnotherKeyAreRefused() {
            refuses("[" + item("ner", "text", "labels", "{'start':0,'end':4,'choices':['PER']}") + "]", "result", "0", "value", "labels");
        }
    }

    @Nested
    class RectangleLabelsControl {
        @Test
        void aBoxWithAKnownLabelIsValid() {
            accepts("[" + item("box", "img", "rectanglelabels",
                    "{'x':10.5,'y':20,'width':30,'height':15.2,'rotation':0,'rectanglelabels':['Car']}") + "]");
        }

        @Test
        void anUnknownLabelIsRefused() {
            refuses("[" + item("box", "img", "rectanglelabels", "{'x':1,'y':1,'width':2,'height':2,'rectanglelabels':['Boat']}") + "]",
                    "result", "0", "value", "rectanglelabels");
        }

        @Test
        void theLabelsMustBeUnderRectanglelabels() {
            refuses("[" + item("box", "img", "rectanglelabels", "{'x':1,'y':1,'width':2,'height':2,'labels':['Car']}") + "]",
                    "result", "0", "value", "rectanglelabels");
        }

        @Test
        void aBoxOnTheTextIsRefused() {
            refuses("[" + item("box", "text", "rectanglelabels", "{'rectanglelabels':['Car']}") + "]", "result", "0", "to_name");
        }
    }

    @Nested
    class RatingControl {
        @ParameterizedTest
        @ValueSource(ints = {1, 7, 10})
        void aWholeNumberWithinTheMaximumIsValid(int rating) {
            accepts("[" + item("stars", "text", "rating", "{'rating':" + rating + "}") + "]");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "11", "-1", "2.5", "'5'", "null", "[5]", "4294967297", "99999999999999999999"})
        void anythingElseIsRefused(String rating) {
            refuses("[" + item("stars", "text", "rating", "{'rating':" + rating + "}") + "]", "result", "0", "value", "rating");
        }

        @Test
        void aMissingRatingIsRefused() {
            refuses("[" + item("stars", "text", "rating", "{}") + "]", "result", "0", "value", "rating");
        }

        @Test
        void theDefaultMaximumIsFive() {
            accepts("[" + item("quick", "text", "rating", "{'rating':5}") + "]");
            refuses("[" + item("quick", "text", "rating", "{'rating':6}") + "]", "result", "0", "value", "rating");
        }
    }

    @Nested
    class TextAreaControl {
        @Test
        void aListOfTextsIsValidOnEachTarget() {
            accepts("[" + item("comment", "text", "textarea", "{'text':['first','second']}") + "]");
            accepts("[" + item("comment", "img", "textarea", "{'text':['a caption']}") + "]");
        }

        @Test
        void aPlainStringOrMissingTextIsRefused() {
            refuses("[" + item("comment", "text", "textarea", "{'text':'fine'}") + "]", "result", "0", "value", "text");
            refuses("[" + item("comment", "text", "textarea", "{}") + "]", "result", "0", "value", "text");
        }
    }

    @Nested
    class TaxonomyControl {
        @Test
        void aPathOfKnownValuesIsValid() {
            accepts("[" + item("taxonomy", "text", "taxonomy", "{'taxonomy':[['Animal','Mammal'],['Animal']]}") + "]");
        }

        @Test
        void aPathWithAnUnknownValueIsRefused() {
            refuses("[" + item("taxonomy", "text", "taxonomy", "{'taxonomy':[['Animal','Fish']]}") + "]", "result", "0", "value", "taxonomy");
        }
    }

    @Nested
    class RequiredControls {
        @Test
        void aResultWithTheRequiredControlIsValid() {
            accepts(REQUIRED, "[" + SENTIMENT_POSITIVE + "," + COMMENT + "]");
            accepts(REQUIRED, "[" + SENTIMENT_POSITIVE + "]");
        }

        @Test
        void aResultWithoutTheRequiredControlIsRefused() {
            refuses(REQUIRED, json("[" + COMMENT + "]"), "result");
        }

        @Test
        void anEmptyResultIsRefusedWhenAControlIsRequired() {
            refuses(REQUIRED, json("[]"), "result");
        }
    }
}
