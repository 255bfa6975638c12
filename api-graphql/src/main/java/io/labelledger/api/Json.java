package io.labelledger.api;

import tools.jackson.databind.json.JsonMapper;

/** JSON text from read models to plain Java values (maps, lists) for the GraphQL JSON scalar. */
public class Json {
    private final JsonMapper mapper;

    public Json(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public Object parse(String text) {
        return text == null ? null : mapper.readValue(text, Object.class);
    }

    public tools.jackson.databind.JsonNode tree(Object value) {
        return mapper.valueToTree(value);
    }

    public JsonMapper mapper() { return mapper; }
}
