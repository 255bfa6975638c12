package io.labelledger.quality.metrics;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Result JSON for the metric tests: single quotes allowed for readability. */
final class AgreementTestSupport {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AgreementTestSupport() {}

    static JsonNode json(String text) { return JSON.readTree(text.replace('\'', '"')); }

    static double between(String a, String b) { return Agreement.between(json(a), json(b), AgreementSettings.DEFAULTS).value(); }

    static double between(String a, String b, AgreementSettings s) { return Agreement.between(json(a), json(b), s).value(); }

    static AgreementSettings metric(String control, MetricSpec metric) {
        return new AgreementSettings(java.util.Map.of(control, new ControlSettings(metric, 1, java.util.Map.of())));
    }

    static String choices(String... values) {
        return "[{'from_name':'c','to_name':'t','type':'choices','value':{'choices':['" + String.join("','", values) + "']}}]";
    }

    static String box(String id, double x, double y, double w, double h, String label) {
        return "{'id':'" + id + "','from_name':'b','to_name':'img','type':'rectanglelabels','value':{'x':" + x + ",'y':" + y
               + ",'width':" + w + ",'height':" + h + ",'rotation':0,'rectanglelabels':['" + label + "']}}";
    }

    static String span(String id, int start, int end, String label) {
        return "{'id':'" + id + "','from_name':'l','to_name':'text','type':'labels','value':{'start':" + start + ",'end':" + end
               + ",'labels':['" + label + "']}}";
    }

    static String list(String... items) { return "[" + String.join(",", items) + "]"; }
}
