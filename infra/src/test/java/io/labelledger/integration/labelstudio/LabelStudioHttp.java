package io.labelledger.integration.labelstudio;

import io.labelledger.testing.ApiClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Raw HTTP as Label Studio's clients send it: {@code Authorization: Token <key>} (or another header), JSON bodies,
 * paths under the base URL {@code http://host:port/ls}. Answers the status and the parsed body.
 */
final class LabelStudioHttp {
    static final JsonMapper JSON = JsonMapper.builder().build();

    record Answer(int status, JsonNode body, String text) {
        JsonNode get(String field) { return body.get(field); }
    }

    private final int port;
    private final String authorization;

    LabelStudioHttp(int port, String authorization) {
        this.port = port;
        this.authorization = authorization;
    }

    /** A client with {@code Authorization: Token <key>}, as label-studio-sdk sends it. */
    static LabelStudioHttp token(int port, String key) { return new LabelStudioHttp(port, "Token " + key); }

    /** An API token of this member, minted through GraphQL (the secret is shown once). */
    static String mintToken(ApiClient member, String name) {
        return member.graphql().document("mutation($n: String!) { createApiToken(input: {name: $n}) { token errors { code } } }")
                     .variable("n", name).execute().path("createApiToken.token").entity(String.class).get();
    }

    Answer get(String path) { return send(HttpMethod.GET, path, null, null); }

    Answer post(String path, String json) { return send(HttpMethod.POST, path, json, MediaType.APPLICATION_JSON); }

    Answer patch(String path, String json) { return send(HttpMethod.PATCH, path, json, MediaType.APPLICATION_JSON); }

    Answer delete(String path) { return send(HttpMethod.DELETE, path, null, null); }

    Answer send(HttpMethod method, String path, Object body, MediaType type) {
        var spec = ApiClient.web(port).method(method).uri(java.net.URI.create("http://127.0.0.1:" + port + "/ls" + path));
        if (authorization != null) spec = spec.header(HttpHeaders.AUTHORIZATION, authorization);
        var exchange = body == null ? spec.exchange() : spec.contentType(type).bodyValue(body).exchange();
        var result = exchange.expectBody(byte[].class).returnResult();
        String text = result.getResponseBody() == null ? "" : new String(result.getResponseBody(), StandardCharsets.UTF_8);
        JsonNode node;
        try {
            node = JSON.readTree(text.isBlank() ? "null" : text);
        } catch (RuntimeException notJson) { // a CSV export, say: the text is the answer
            node = JSON.readTree("null");
        }
        return new Answer(result.getStatus().value(), node, text);
    }

    /** The elements of an array. */
    static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }

    /** The field names of an object, for comparing with Label Studio's documented examples. */
    static List<String> fields(JsonNode node) {
        return node.properties().stream().map(java.util.Map.Entry::getKey).toList();
    }
}
