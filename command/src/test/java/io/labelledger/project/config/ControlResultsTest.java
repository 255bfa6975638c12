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

/** One valid and at least one invalid result per control type, in Label Studio's result shapes. */
class ControlResultsTest {
    static final LabelingConfig CONFIG = new LabelingConfigParser().parse("""
            <View>
              <Text name="text" value="$text"/>
              <Text name="remote" value="$url" valueType="url"/>
              <Image name="img" value="$image"/>
              <HyperText name="html" value="$html"/>
              <Audio name="audio" value="$audio"/>
              <Video name="video" value="$video"/>
              <TimeSeries name="ts" value="$csv" timeColumn="time"/>
              <Paragraphs name="dialog" value="$dialog" layout="dialogue"/>
              <List name="results" value="$items" title="Search results"/>
              <Text name="left" value="$a"/>
              <Text name="right" value="$b"/>
              <Labels name="ner" toName="text,remote" maxUsages="3">
                <Label value="PER" background="red" hotkey="p"/>
                <Label value="ORG" maxUsages="1"/>
              </Labels>
              <Labels name="sounds" toName="audio"><Label value="Speech"/><Label value="Music"/></Labels>
              <Choices name="region_kind" toName="text" perRegion="true"><Choice value="Certain"/><Choice value="Unsure"/></Choices>
              <Choices name="tags" toName="text" choice="multiple"><Choice value="A"/><Choice value="B"/></Choices>
              <RectangleLabels name="box" toName="img"><Label value="Car"/><Label value="Person"/></RectangleLabels>
              <Rectangle name="rect" toName="img"/>
              <PolygonLabels name="poly" toName="img"><Label value="Road"/></PolygonLabels>
              <Polygon name="polygon" toName="img"/>
              <KeyPointLabels name="kp" toName="img"><Label value="Eye"/></KeyPointLabels>
              <KeyPoint name="point" toName="img"/>
              <EllipseLabels name="ell" toName="img"><Label value="Face"/></EllipseLabels>
              <Ellipse name="ellipse" toName="img"/>
              <BrushLabels name="mask" toName="img"><Label value="Sky"/></BrushLabels>
              <Brush name="brush" toName="img"/>
              <VideoRectangle name="track" toName="video"/>
              <Labels name="actors" toName="video"><Label value="Runner"/></Labels>
              <HyperTextLabels name="htl" toName="html"><Label value="Link"/></HyperTextLabels>
              <ParagraphLabels name="pl" toName="dialog"><Label value="Question"/></ParagraphLabels>
              <TimeSeriesLabels name="tsl" toName="ts"><Label value="Peak"/></TimeSeriesLabels>
              <TextArea name="summary" toName="text" maxSubmissions="2" rows="3"/>
              <Rating name="stars" toName="text" maxRating="4"/>
              <Number name="count" toName="text" min="0" max="10" step="0.5"/>
              <Number name="any" toName="text"/>
              <DateTime name="when" toName="text"/>
              <DateTime name="day" toName="text" only="date" min="2020-01-01" max="2030-12-31"/>
              <DateTime name="clock" toName="text" only="time"/>
              <DateTime name="year" toName="text" only="year"/>
              <Taxonomy name="tax" toName="text">
                <Choice value="Animal"><Choice value="Mammal"><Choice value="Cat"/></Choice><Choice value="Bird"/></Choice>
                <Choice value="Plant"/>
              </Taxonomy>
              <Ranker name="rank" toName="results"/>
              <Ranker name="sort" toName="results"><Bucket name="relevant" title="Relevant"/><Bucket name="junk" title="Junk"/></Ranker>
              <Pairwise name="pw" toName="left,right"/>
              <Relations><Relation value="works_at"/><Relation value="knows"/></Relations>
            </View>
            """);

    static final JsonNode DATA = json("{'text':'Jane works at Acme.','url':'https://example.com/t.txt','image':'https://example.com/i.png',"
            + "'dialog':[{'author':'A','text':'Hi?'},{'author':'B','text':'Yes.'}],'items':[]}");

    static String item(String id, String fromName, String toName, String type, String value) {
        return "{'id':'" + id + "','from_name':'" + fromName + "','to_name':'" + toName + "','type':'" + type + "','value':" + value + "}";
    }

    static String item(String fromName, String toName, String type, String value) { return item("r1", fromName, toName, type, value); }

    static void accepts(String... items) {
        assertThatCode(() -> ResultValidator.validate(CONFIG, json("[" + String.join(",", items) + "]"), "result", DATA))
                .doesNotThrowAnyException();
    }

    static InvalidResult refuses(String[] items, String... field) {
        InvalidResult e = catchThrowableOfType(InvalidResult.class,
                () -> ResultValidator.validate(CONFIG, json("[" + String.join(",", items) + "]"), "result", DATA));
        assertThat(e).as("the result should be refused").isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_RESULT);
        assertThat(e.field()).containsExactly(field);
        return e;
    }

    static InvalidResult refuses(String item, String... field) { return refuses(new String[]{item}, field); }

    static final String JANE = item("s1", "ner", "text", "labels", "{'start':0,'end':4,'text':'Jane','labels':['PER']}");
    static final String ACME = item("s2", "ner", "text", "labels", "{'start':14,'end':18,'text':'Acme','labels':['ORG']}");

    @Nested
    class TextSpans {
        @Test
        void aSpanInsideTheTextWithItsExactTextIsValid() { accepts(JANE, ACME); }

        @Test
        void theQuotedTextIsOptional() { accepts(item("ner", "text", "labels", "{'start':5,'end':10,'labels':['PER']}")); }

        @Test
        void anEndBeyondTheTextIsRefusedAndNamed() {
            InvalidResult e = refuses(item("ner", "text", "labels", "{'start':14,'end':40,'labels':['ORG']}"), "result", "0", "value", "end");
            assertThat(e.getMessage()).startsWith("result[0].value.end");
        }

        @Test
        void aQuotedTextOtherThanTheSubstringIsRefused() {
            refuses(item("ner", "text", "labels", "{'start':0,'end':4,'text':'John','labels':['PER']}"), "result", "0", "value", "text");
        }

        @Test
        void anEmptyOrBackwardSpanIsRefused() {
            refuses(item("ner", "text", "labels", "{'start':4,'end':4,'labels':['PER']}"), "result", "0", "value", "end");
        }

        @ParameterizedTest
        @ValueSource(strings = {"-1", "'0'", "1.5", "null"})
        void aStartThatIsNotAnOffsetIsRefused(String start) {
            refuses(item("ner", "text", "labels", "{'start':" + start + ",'end':4,'labels':['PER']}"), "result", "0", "value", "start");
        }

        @Test
        void aSpanOnATextLoadedFromAUrlIsCheckedForShapeOnly() {
            accepts(item("ner", "remote", "labels", "{'start':100,'end':120,'text':'anything','labels':['PER']}"));
        }

        @Test
        void withoutTaskDataOffsetsAreCheckedForShapeOnly() {
            assertThatCode(() -> ResultValidator.validate(CONFIG,
                    json("[" + item("ner", "text", "labels", "{'start':14,'end':40,'labels':['ORG']}") + "]"), "result"))
                    .doesNotThrowAnyException();
        }

        @Test
        void offsetsCountUtf16UnitsAsLabelStudioDoes() {
            JsonNode data = json("{'text':'I \\u2764\\ufe0f \\ud83d\\ude00 Acme'}");
            assertThatCode(() -> ResultValidator.validate(CONFIG,
                    json("[" + item("ner", "text", "labels", "{'start':8,'end':12,'text':'Acme','labels':['ORG']}") + "]"), "result", data))
                    .doesNotThrowAnyException();
        }
    }

    @Nested
    class MaxUsages {
        @Test
        void aLabelUsedUpToItsLimitIsValid() { accepts(JANE, ACME); }

        @Test
        void aLabelOwnLimitIsEnforced() {
            String again = item("s3", "ner", "text", "labels", "{'start':14,'end':18,'labels':['ORG']}");
            refuses(new String[]{JANE, ACME, again}, "result");
        }

        @Test
        void theControlsLimitAppliesToLabelsWithoutTheirOwn() {
            String[] four = new String[4];
            for (int i = 0; i < 4; i++) four[i] = item("p" + i, "ner", "text", "labels", "{'start':0,'end':4,'labels':['PER']}");
            refuses(four, "result");
            accepts(four[0], four[1], four[2]);
        }
    }

    @Nested
    class AudioRegions {
        @Test
        void aTimeRangeInSecondsIsValid() { accepts(item("sounds", "audio", "labels", "{'start':1.5,'end':3.25,'labels':['Speech']}")); }

        @Test
        void anEndBeforeTheStartIsRefused() {
            refuses(item("sounds", "audio", "labels", "{'start':3,'end':1,'labels':['Speech']}"), "result", "0", "value", "end");
        }
    }

    @Nested
    class PerRegionChoices {
        @Test
        void aChoiceWithTheIdOfARegionIsValid() {
            accepts(JANE, item("s1", "region_kind", "text", "choices", "{'choices':['Certain']}"));
        }

        @Test
        void aChoiceForNoRegionIsRefused() {
            refuses(new String[]{JANE, item("s9", "region_kind", "text", "choices", "{'choices':['Certain']}")}, "result", "1", "id");
        }

        @Test
        void multipleChoicesAreValidOnAMultipleControl() { accepts(item("tags", "text", "choices", "{'choices':['A','B']}")); }
    }

    @Nested
    class RequiredPerRegion {
        final LabelingConfig config = new LabelingConfigParser().parse("""
                <View>
                  <Text name="text" value="$text"/>
                  <Image name="img" value="$image"/>
                  <Labels name="ner" toName="text"><Label value="PER"/><Label value="ORG"/></Labels>
                  <RectangleLabels name="box" toName="img"><Label value="Car"/></RectangleLabels>
                  <Choices name="certainty" toName="text" perRegion="true" required="true"><Choice value="Sure"/><Choice value="Unsure"/></Choices>
                </View>""");

        static final String SURE_JANE = item("s1", "certainty", "text", "choices", "{'choices':['Sure']}");
        static final String SURE_ACME = item("s2", "certainty", "text", "choices", "{'choices':['Unsure']}");
        static final String CAR = item("b1", "box", "img", "rectanglelabels", "{'x':1,'y':1,'width':3,'height':3,'rectanglelabels':['Car']}");

        void valid(String... items) {
            assertThatCode(() -> ResultValidator.validate(config, json("[" + String.join(",", items) + "]"), "result", DATA))
                    .doesNotThrowAnyException();
        }

        RegionResultMissing missing(String... items) {
            return catchThrowableOfType(RegionResultMissing.class,
                    () -> ResultValidator.validate(config, json("[" + String.join(",", items) + "]"), "result", DATA));
        }

        @Test
        void everyRegionOfTheObjectClassifiedIsValid() {
            valid(JANE, SURE_JANE, ACME, SURE_ACME);
        }

        @Test
        void withoutRegionsThereIsNothingToClassify() {
            valid();
            valid(CAR); // a region of another object: the control does not classify it
        }

        @Test
        void aRegionWithoutTheRequiredClassificationIsNamed() {
            RegionResultMissing e = missing(JANE, SURE_JANE, ACME);
            assertThat(e).as("the result should be refused").isNotNull();
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_RESULT);
            assertThat(e.field()).containsExactly("result", "2", "id");
            assertThat(e.regionId()).isEqualTo("s2");
            assertThat(e.control()).isEqualTo("certainty");
        }

        @Test
        void noClassificationAtAllNamesTheFirstRegion() {
            RegionResultMissing e = missing(JANE, ACME);
            assertThat(e).isNotNull();
            assertThat(e.regionId()).isEqualTo("s1");
            assertThat(e.field()).containsExactly("result", "0", "id");
        }
    }

    @Nested
    class Rectangles {
        @Test
        void aBoxInsideTheImageIsValid() {
            accepts(item("box", "img", "rectanglelabels", "{'x':50.8,'y':5.87,'width':49.2,'height':10.46,'rotation':0,'rectanglelabels':['Car']}"),
                    item("r2", "rect", "img", "rectangle", "{'x':0,'y':0,'width':100,'height':100}"));
        }

        @Test
        void floatNoiseAtTheEdgeIsTolerated() {
            accepts(item("rect", "img", "rectangle", "{'x':12.4,'y':0,'width':87.60000000000001,'height':10}"));
        }

        @Test
        void aBoxReachingPastTheRightEdgeIsRefused() {
            refuses(item("rect", "img", "rectangle", "{'x':60,'y':0,'width':50,'height':10}"), "result", "0", "value", "width");
        }

        @ParameterizedTest
        @ValueSource(strings = {"-5", "100.5", "'10'", "null"})
        void anXOutsideZeroToHundredIsRefused(String x) {
            refuses(item("rect", "img", "rectangle", "{'x':" + x + ",'y':0,'width':5,'height':5}"), "result", "0", "value", "x");
        }

        @Test
        void withoutTheImageSizeARotatedBoxIsCheckedForItsSizesOnly() {
            accepts(item("rect", "img", "rectangle", "{'x':80,'y':10,'width':30,'height':10,'rotation':45}"));
        }

        /** A rotated rectangle on an image twice as wide as high (1000 × 500 px): corners are placed in pixels. */
        static String rotated(double x, double y, double width, double height, double rotation) {
            return "{'id':'r1','from_name':'rect','to_name':'img','type':'rectangle','original_width':1000,'original_height':500,"
                   + "'value':{'x':" + x + ",'y':" + y + ",'width':" + width + ",'height':" + height + ",'rotation':" + rotation + "}}";
        }

        @Test
        void aRotatedBoxWithAllFourCornersInsideIsValid() {
            // turned 90° clockwise around (10%, 10%): its height now runs left by 20% of 500 px = 10% of the width
            accepts(rotated(10, 10, 20, 20, 90));
            accepts(rotated(40, 40, 10, 10, 45), rotated(50, 50, 10, 10, -30).replace("'r1'", "'r2'"));
        }

        @Test
        void aRotatedBoxWithACornerLeftOfTheImageIsRefused() {
            refuses(rotated(5, 10, 20, 20, 90), "result", "0", "value", "rotation");
        }

        @Test
        void theAspectRatioDecidesWhereACornerLands() {
            // in percent units alone the bottom corner would be at 85 + 10 = 95%; in pixels 10% of 1000 px is 20% of 500 px
            refuses(rotated(50, 85, 10, 10, 90), "result", "0", "value", "rotation");
            accepts(rotated(50, 75, 10, 10, 90));
        }

        @Test
        void aCornerTurnedAboveTheImageIsRefused() {
            refuses(rotated(50, 2, 10, 10, -90), "result", "0", "value", "rotation");
        }

        @Test
        void anImageSizeThatIsNotAPositiveNumberIsRefused() {
            refuses(rotated(10, 10, 20, 20, 90).replace("'original_height':500", "'original_height':0"), "result", "0", "original_height");
        }

        @Test
        void anInsaneRotationIsRefused() {
            refuses(item("rect", "img", "rectangle", "{'x':1,'y':1,'width':3,'height':3,'rotation':1000}"), "result", "0", "value", "rotation");
        }

        @Test
        void aRectangleLabelsValueNeedsItsLabels() {
            refuses(item("box", "img", "rectanglelabels", "{'x':1,'y':1,'width':3,'height':3}"), "result", "0", "value", "rectanglelabels");
        }
    }

    @Nested
    class Polygons {
        @Test
        void threeOrMorePointsInsideTheImageAreValid() {
            accepts(item("poly", "img", "polygonlabels", "{'points':[[1,1],[50,2.5],[30,99.9]],'polygonlabels':['Road']}"),
                    item("r2", "polygon", "img", "polygon", "{'points':[[0,0],[100,0],[100,100],[0,100]],'closed':true}"));
        }

        @Test
        void aPointOutsideTheImageIsRefusedByIndex() {
            refuses(item("polygon", "img", "polygon", "{'points':[[1,1],[50,2],[130,9]]}"), "result", "0", "value", "points", "2");
        }

        @Test
        void twoPointsAreNotAPolygon() {
            refuses(item("polygon", "img", "polygon", "{'points':[[1,1],[50,2]]}"), "result", "0", "value", "points");
        }
    }

    @Nested
    class KeyPoints {
        @Test
        void aPointInsideTheImageIsValid() {
            accepts(item("kp", "img", "keypointlabels", "{'x':10,'y':20,'width':0.5,'keypointlabels':['Eye']}"),
                    item("r2", "point", "img", "keypoint", "{'x':100,'y':0}"));
        }

        @Test
        void aPointOutsideIsRefused() {
            refuses(item("point", "img", "keypoint", "{'x':10,'y':101}"), "result", "0", "value", "y");
        }
    }

    @Nested
    class Ellipses {
        @Test
        void anEllipseInsideTheImageIsValid() {
            accepts(item("ell", "img", "ellipselabels", "{'x':50,'y':50,'radiusX':10,'radiusY':20,'rotation':0,'ellipselabels':['Face']}"));
        }

        @Test
        void aRadiusReachingOutsideIsRefused() {
            refuses(item("ellipse", "img", "ellipse", "{'x':95,'y':50,'radiusX':10,'radiusY':5}"), "result", "0", "value", "radiusX");
        }

        @Test
        void aNegativeRadiusIsRefused() {
            refuses(item("ellipse", "img", "ellipse", "{'x':50,'y':50,'radiusX':10,'radiusY':-1}"), "result", "0", "value", "radiusY");
        }
    }

    @Nested
    class Brushes {
        @Test
        void anRleMaskIsValid() {
            accepts(item("mask", "img", "brushlabels", "{'format':'rle','rle':[0,0,255,12,7],'brushlabels':['Sky']}"),
                    item("r2", "brush", "img", "brush", "{'format':'rle','rle':[1,2,3]}"));
        }

        @Test
        void anRleThatIsNotBytesIsRefused() {
            refuses(item("brush", "img", "brush", "{'format':'rle','rle':[1,256]}"), "result", "0", "value", "rle", "1");
        }

        @Test
        void anotherFormatIsRefused() {
            refuses(item("brush", "img", "brush", "{'format':'png','rle':[1]}"), "result", "0", "value", "format");
        }
    }

    @Nested
    class VideoRectangles {
        @Test
        void aSequenceOfFramesIsValid() {
            accepts(item("track", "video", "videorectangle", "{'sequence':[{'frame':1,'x':1,'y':1,'width':10,'height':10,'enabled':true}]}"));
        }

        @Test
        void labelStudiosShapeWithTheVideosLabelsIsValid() {
            accepts(item("track", "video", "videorectangle", "{'framesCount':25,'duration':1.0,'labels':['Runner'],'sequence':["
                    + "{'frame':1,'enabled':true,'rotation':0,'x':1,'y':1,'width':10,'height':10,'time':0.04},"
                    + "{'frame':6,'enabled':false,'rotation':0,'x':5,'y':1,'width':10,'height':10,'time':0.24}]}"));
        }

        @Test
        void aLabelNoControlOfTheVideoOffersIsRefused() {
            refuses(item("track", "video", "videorectangle", "{'labels':['Car'],'sequence':[{'frame':1,'x':1,'y':1,'width':10,'height':10}]}"),
                    "result", "0", "value", "labels");
        }

        @Test
        void enabledMustBeABoolean() {
            refuses(item("track", "video", "videorectangle", "{'sequence':[{'frame':1,'x':1,'y':1,'width':10,'height':10,'enabled':'yes'}]}"),
                    "result", "0", "value", "sequence", "0", "enabled");
        }

        @Test
        void aFrameBoxOutsideIsRefused() {
            refuses(item("track", "video", "videorectangle", "{'sequence':[{'frame':1,'x':95,'y':1,'width':10,'height':10}]}"),
                    "result", "0", "value", "sequence", "0", "width");
        }
    }

    @Nested
    class HyperTextSpans {
        @Test
        void xpathsAndOffsetsAreValid() {
            accepts(item("htl", "html", "hypertextlabels",
                    "{'start':'/div[1]/p[2]/text()[1]','end':'/div[1]/p[2]/text()[1]','startOffset':3,'endOffset':9,'text':'linked','hypertextlabels':['Link']}"));
        }

        @Test
        void aNumericStartIsRefused() {
            refuses(item("htl", "html", "hypertextlabels", "{'start':3,'end':'/p','startOffset':0,'endOffset':1,'hypertextlabels':['Link']}"),
                    "result", "0", "value", "start");
        }
    }

    @Nested
    class ParagraphSpans {
        @Test
        void paragraphIndexesInsideTheDialogAreValid() {
            accepts(item("pl", "dialog", "paragraphlabels", "{'start':'0','end':'1','startOffset':0,'endOffset':4,'text':'Hi? Yes.','paragraphlabels':['Question']}"));
        }

        @Test
        void aParagraphBeyondTheDialogIsRefused() {
            refuses(item("pl", "dialog", "paragraphlabels", "{'start':'0','end':'5','startOffset':0,'endOffset':4,'paragraphlabels':['Question']}"),
                    "result", "0", "value", "end");
        }
    }

    @Nested
    class TimeSeriesRanges {
        @Test
        void aRangeOnTheTimeAxisIsValid() {
            accepts(item("tsl", "ts", "timeserieslabels", "{'start':10,'end':20.5,'instant':false,'timeserieslabels':['Peak']}"),
                    item("r2", "tsl", "ts", "timeserieslabels", "{'start':'2024-01-01 10:00','end':'2024-01-01 11:00','timeserieslabels':['Peak']}"));
        }

        @Test
        void aBackwardRangeIsRefused() {
            refuses(item("tsl", "ts", "timeserieslabels", "{'start':20,'end':10,'timeserieslabels':['Peak']}"), "result", "0", "value", "end");
        }
    }

    @Nested
    class TextAreas {
        @Test
        void textsUpToMaxSubmissionsAreValid() { accepts(item("summary", "text", "textarea", "{'text':['one','two']}")); }

        @Test
        void moreThanMaxSubmissionsIsRefused() {
            refuses(item("summary", "text", "textarea", "{'text':['one','two','three']}"), "result", "0", "value", "text");
        }

        @Test
        void aNonStringTextIsRefused() {
            refuses(item("summary", "text", "textarea", "{'text':[3]}"), "result", "0", "value", "text");
        }
    }

    @Nested
    class Ratings {
        @Test
        void aRatingUpToMaxRatingIsValid() { accepts(item("stars", "text", "rating", "{'rating':4}")); }

        @Test
        void aRatingAboveMaxRatingIsRefused() { refuses(item("stars", "text", "rating", "{'rating':5}"), "result", "0", "value", "rating"); }
    }

    @Nested
    class Numbers {
        @ParameterizedTest
        @ValueSource(strings = {"0", "4.5", "10"})
        void aNumberWithinMinMaxOnTheStepIsValid(String n) { accepts(item("count", "text", "number", "{'number':" + n + "}")); }

        @ParameterizedTest
        @ValueSource(strings = {"-1", "10.5", "3.3", "'5'"})
        void anythingElseIsRefused(String n) { refuses(item("count", "text", "number", "{'number':" + n + "}"), "result", "0", "value", "number"); }

        @Test
        void withoutBoundsAnyNumberIsValid() { accepts(item("any", "text", "number", "{'number':-12345.678}")); }
    }

    @Nested
    class DateTimes {
        @Test
        void eachShapeMatchingItsOnlyIsValid() {
            accepts(item("when", "text", "datetime", "{'datetime':'2024-02-29T14:05'}"),
                    item("r2", "day", "text", "datetime", "{'datetime':'2024-02-29'}"),
                    item("r3", "clock", "text", "datetime", "{'datetime':'23:59'}"),
                    item("r4", "year", "text", "datetime", "{'datetime':'1999'}"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2023-02-29", "29/02/2024", "2024-02-29T10:00", "2019-12-31", "2031-01-01"})
        void aDateOutOfShapeOrRangeIsRefused(String date) {
            refuses(item("day", "text", "datetime", "{'datetime':'" + date + "'}"), "result", "0", "value", "datetime");
        }

        @Test
        void aTimeOnlyControlRefusesADate() {
            refuses(item("clock", "text", "datetime", "{'datetime':'2024-01-01'}"), "result", "0", "value", "datetime");
        }
    }

    @Nested
    class Taxonomies {
        @Test
        void pathsThatExistInTheTreeAreValid() {
            accepts(item("tax", "text", "taxonomy", "{'taxonomy':[['Animal','Mammal','Cat'],['Plant'],['Animal']]}"));
        }

        @Test
        void knownValuesInAWrongOrderAreRefused() {
            refuses(item("tax", "text", "taxonomy", "{'taxonomy':[['Mammal','Animal']]}"), "result", "0", "value", "taxonomy");
        }

        @Test
        void aPathThatIsNotAListIsRefused() {
            refuses(item("tax", "text", "taxonomy", "{'taxonomy':['Animal']}"), "result", "0", "value", "taxonomy");
        }
    }

    @Nested
    class Rankers {
        @Test
        void aRankingOfTheListOrBucketsIsValid() {
            accepts(item("rank", "results", "ranker", "{'ranker':{'results':['mdn','blog','wiki']}}"),
                    item("r2", "sort", "results", "ranker", "{'ranker':{'relevant':['mdn'],'junk':['wiki'],'_':['blog']}}"));
        }

        @Test
        void labelStudiosRankOnlyColumnIsNamedAfterTheRanker() {
            // what Label Studio's ranker writes for <List name="results"/> + <Ranker name="rank"/> (no buckets)
            accepts(item("rank", "results", "ranker", "{'ranker':{'rank':['mdn','blog','wiki']}}"));
        }

        @Test
        void anIdThatIsNotAnItemOfTheListIsRefused() {
            InvalidResult e = catchThrowableOfType(InvalidResult.class, () -> ResultValidator.validate(CONFIG,
                    json("[" + item("rank", "results", "ranker", "{'ranker':{'rank':['mdn','nope']}}") + "]"), "result",
                    json("{'items':[{'id':'mdn','title':'A'},{'id':'blog','title':'B'}]}")));
            assertThat(e).isNotNull();
            assertThat(e.field()).containsExactly("result", "0", "value", "ranker", "rank");
        }

        @Test
        void anUnknownBucketIsRefused() {
            refuses(item("sort", "results", "ranker", "{'ranker':{'maybe':['mdn']}}"), "result", "0", "value", "ranker", "maybe");
        }

        @Test
        void anItemRankedTwiceIsRefused() {
            refuses(item("rank", "results", "ranker", "{'ranker':{'results':['mdn','mdn']}}"), "result", "0", "value", "ranker", "results");
        }
    }

    @Nested
    class Pairwises {
        @Test
        void leftOrRightIsValid() {
            accepts(item("pw", "pw", "pairwise", "{'selected':'left'}"), item("r2", "pw", "left", "pairwise", "{'selected':'right'}"));
        }

        @Test
        void anythingElseIsRefused() { refuses(item("pw", "pw", "pairwise", "{'selected':'both'}"), "result", "0", "value", "selected"); }
    }

    @Nested
    class Relations {
        static final String WORKS_AT = "{'from_id':'s1','to_id':'s2','type':'relation','direction':'right','labels':['works_at']}";

        @Test
        void aRelationBetweenRegionsWithAConfiguredLabelIsValid() { accepts(JANE, ACME, WORKS_AT); }

        @Test
        void aRelationToAMissingRegionIsRefused() {
            refuses(new String[]{JANE, WORKS_AT}, "result", "1", "to_id");
        }

        @Test
        void aLabelNotInTheRelationsTagIsRefused() {
            refuses(new String[]{JANE, ACME, WORKS_AT.replace("works_at", "hates")}, "result", "2", "labels");
        }

        @Test
        void anUnknownDirectionIsRefused() {
            refuses(new String[]{JANE, ACME, WORKS_AT.replace("'right'", "'up'")}, "result", "2", "direction");
        }
    }

    @Test
    void aLargeResultValidatesQuickly() {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            if (i > 0) items.append(',');
            items.append(item("b" + i, "box", "img", "rectanglelabels", "{'x':1,'y':1,'width':3,'height':3,'rectanglelabels':['Car']}"));
        }
        JsonNode result = json("[" + items + "]");
        ResultValidator.validate(CONFIG, result, "result", DATA); // warm-up
        long start = System.nanoTime();
        for (int k = 0; k < 20; k++) ResultValidator.validate(CONFIG, result, "result", DATA);
        long perCallMicros = (System.nanoTime() - start) / 20 / 1_000;
        assertThat(perCallMicros).as("µs per 2,000-item result").isLessThan(50_000);
    }
}
