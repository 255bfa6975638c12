package io.labelledger.project.config;

import io.labelledger.testing.Configs;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.labelledger.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

class LabelUsageTest {
    static final LabelingConfigParser PARSER = new LabelingConfigParser();

    @Test
    void resultsNameTheirControlsAndValues() {
        var used = LabelUsage.usedBy(json("""
                [{'from_name':'sentiment','to_name':'text','type':'choices','value':{'choices':['Positive','Negative']}},
                 {'from_name':'label','to_name':'text','type':'labels','value':{'start':0,'end':3,'labels':['PER']}},
                 {'from_name':'note','to_name':'text','type':'textarea','value':{'text':['free text']}},
                 {'from_name':'tax','to_name':'text','type':'taxonomy','value':{'taxonomy':[['A','B']]}},
                 {'type':'relation','from_id':'a','to_id':'b'}]"""));
        assertThat(used).containsExactly(Map.entry("sentiment", "Positive"), Map.entry("sentiment", "Negative"),
                Map.entry("label", "PER"), Map.entry("note", ""), Map.entry("tax", "A"), Map.entry("tax", "B"));
    }

    @Test
    void aConfigMissingAControlOrAValueOrphansIt() {
        LabelingConfig sentimentWithoutNegative = PARSER.parse(Configs.SENTIMENT.replace("<Choice value=\"Negative\"/>", "<Choice value=\"Meh\"/>"));
        var used = List.of(Map.entry("sentiment", "Positive"), Map.entry("sentiment", "Negative"), Map.entry("gone", ""), Map.entry("gone", "x"));
        assertThat(LabelUsage.missingFrom(sentimentWithoutNegative, used)).containsExactly("gone", "sentiment:Negative");
        assertThat(LabelUsage.missingFrom(PARSER.parse(Configs.SENTIMENT), List.of(Map.entry("sentiment", "Negative")))).isEmpty();
    }
}
