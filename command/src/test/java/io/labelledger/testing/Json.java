package io.labelledger.testing;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Compact JSON literals for tests: single quotes are turned into double quotes. */
public final class Json {
    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {}

    public static JsonNode json(String text) {
        return MAPPER.readTree(text.replace('\'', '"'));
    }
}
