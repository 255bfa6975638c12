package io.labelledger.project.web;

import io.labelledger.project.config.LabelingConfig;
import io.labelledger.project.config.LabelingConfigParser;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Parsed configs by their XML, so that listing projects does not re-parse each config on every request. */
public class LabelingConfigCache {
    private final LabelingConfigParser parser = new LabelingConfigParser();
    private final Map<String, LabelingConfig> cache = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, LabelingConfig> eldest) {
            return size() > 256;
        }
    });

    public LabelingConfig parse(String xml) {
        return cache.computeIfAbsent(xml, parser::parse);
    }
}
