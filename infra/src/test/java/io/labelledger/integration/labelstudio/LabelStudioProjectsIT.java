package io.labelledger.integration.labelstudio;

import io.labelledger.testing.ApiClient;
import io.labelledger.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contract tests of Label Studio's REST API for authentication, projects and users (ADR 0050) against the running
 * application, real PostgreSQL and Redis: the requests label-studio-sdk sends (its legacy {@code Client} and
 * {@code Project}: {@code GET /api/version} on connect, {@code GET /api/projects?page_size=10000000},
 * {@code POST /api/projects}, {@code GET /api/projects/{id}}, {@code DELETE /api/projects/{id}/}, {@code GET /api/users},
 * {@code GET /api/current-user/whoami}) and the shapes of Label Studio's documented examples.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LabelStudioProjectsIT extends IntegrationTest {
    static final String CONFIG = "<View><Text name=\"text\" value=\"$text\"/><Choices name=\"sentiment\" toName=\"text\">"
                                 + "<Choice value=\"Positive\"/><Choice value=\"Negative\"/></Choices></View>";

    @LocalServerPort
    int port;

    ApiClient owner;
    ApiClient annotator;
    LabelStudioHttp ls;
    LabelStudioHttp annotatorLs;
    LabelStudioHttp strangerLs;

    @BeforeAll
    void organization() {
        owner = ApiClient.signUp(port, "LsOwner");
        annotator = ApiClient.signUpWithInvitation(port, "LsAnnotator", owner.invite("ANNOTATOR"));
        ls = LabelStudioHttp.token(port, LabelStudioHttp.mintToken(owner, "sdk"));
        annotatorLs = LabelStudioHttp.token(port, LabelStudioHttp.mintToken(annotator, "sdk"));
        strangerLs = LabelStudioHttp.token(port, LabelStudioHttp.mintToken(ApiClient.signUp(port, "LsStranger"), "sdk"));
    }

    @Test
    void theTokenSchemeOfLabelStudioAndBearerBothAuthenticate() {
        String key = LabelStudioHttp.mintToken(owner, "both schemes");
        assertThat(LabelStudioHttp.token(port, key).get("/api/current-user").status()).isEqualTo(200);
        assertThat(new LabelStudioHttp(port, "Bearer " + key).get("/api/current-user").status()).isEqualTo(200);

        var none = new LabelStudioHttp(port, null).get("/api/current-user");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.get("detail").asString()).isNotBlank();
        var wrong = LabelStudioHttp.token(port, "llt_not-a-token").get("/api/projects");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(LabelStudioHttp.fields(wrong.body())).containsExactly("detail");
    }

    @Test
    void theCallerAndTheMembersHaveIntegerIds() {
        var me = ls.get("/api/current-user/whoami");
        assertThat(me.status()).isEqualTo(200);
        // Label Studio's user serializer (the legacy SDK's User model requires these)
        assertThat(LabelStudioHttp.fields(me.body())).contains("id", "first_name", "last_name", "username", "email", "last_activity",
                "initials", "phone", "active_organization");
        assertThat(me.get("id").isIntegralNumber()).isTrue();
        assertThat(me.get("email").asString()).contains("@");
        assertThat(ls.get("/api/current-user").get("id").asLong()).isEqualTo(me.get("id").asLong());

        var users = ls.get("/api/users");
        assertThat(users.status()).isEqualTo(200);
        assertThat(users.body().isArray()).isTrue();
        assertThat(LabelStudioHttp.stream(users.body()).map(u -> u.get("id").asLong())).contains(me.get("id").asLong()).doesNotHaveDuplicates();
        assertThat(annotatorLs.get("/api/users").status()).as("as GraphQL's members: not for Annotators").isEqualTo(403);

        var version = ls.get("/api/version");
        assertThat(version.status()).isEqualTo(200);
        assertThat(version.get("release").asString()).isNotBlank();
        assertThat(version.body().has("label-studio-enterprise-backend")).as("the legacy SDK reads this as Enterprise").isFalse();
        assertThat(new LabelStudioHttp(port, null).get("/health").get("status").asString()).isEqualTo("UP");
    }

    @Test
    void aProjectIsCreatedReadListedUpdatedAndDeletedByItsIntegerId() {
        var created = ls.post("/api/projects", """
                {"title": "Movie reviews", "description": "Sentiment", "label_config": %s}""".formatted(LabelStudioHttp.JSON.writeValueAsString(CONFIG)));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode p = created.body();
        // Label Studio's documented project example: the fields it has that we keep
        assertThat(LabelStudioHttp.fields(p)).contains("id", "title", "description", "label_config", "created_by", "created_at",
                "organization", "task_number", "finished_task_number", "total_annotations_number", "is_published", "is_draft");
        assertThat(p.get("id").isIntegralNumber()).isTrue();
        assertThat(p.get("title").asString()).isEqualTo("Movie reviews");
        assertThat(p.get("label_config").asString()).isEqualTo(CONFIG);
        assertThat(p.get("created_by").get("id").asLong()).isEqualTo(ls.get("/api/current-user").get("id").asLong());
        assertThat(p.get("task_number").asLong()).isZero();
        long id = p.get("id").asLong();

        // GraphQL exposes the same number
        String uuid = owner.graphql().document("{ projects(first: 50) { edges { node { id title intId } } } }").execute()
                           .path("projects.edges[?(@.node.title == 'Movie reviews')].node.id").entityList(String.class).get().getFirst();
        assertThat(owner.graphql().document("query($id: ID!) { project(id: $id) { intId } }").variable("id", uuid).execute()
                        .path("project.intId").entity(Long.class).get()).isEqualTo(id);

        var read = ls.get("/api/projects/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.get("id").asLong()).isEqualTo(id);
        assertThat(ls.get("/api/projects/" + id + "/").status()).as("a trailing slash, as the SDK writes some paths").isEqualTo(200);

        var list = ls.get("/api/projects?page_size=10000000"); // what the legacy SDK's list_projects asks
        assertThat(list.status()).isEqualTo(200);
        assertThat(LabelStudioHttp.fields(list.body())).containsExactly("count", "next", "previous", "results");
        assertThat(LabelStudioHttp.stream(list.get("results")).map(r -> r.get("id").asLong())).contains(id);
        assertThat(list.get("count").asLong()).isEqualTo(list.get("results").size());

        var renamed = ls.patch("/api/projects/" + id, "{\"title\": \"Movie reviews 2026\"}");
        assertThat(renamed.status()).as(renamed.text()).isEqualTo(200);
        assertThat(renamed.get("title").asString()).isEqualTo("Movie reviews 2026");
        assertThat(renamed.get("description").asString()).isEqualTo("Sentiment");

        assertThat(annotatorLs.patch("/api/projects/" + id, "{\"title\": \"x\"}").status()).isEqualTo(403);
        assertThat(annotatorLs.get("/api/projects/" + id).status()).as("not a member of it").isEqualTo(403);

        assertThat(ls.delete("/api/projects/" + id + "/").status()).isEqualTo(204); // the legacy SDK's delete_project
        var gone = ls.get("/api/projects/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.get("detail").asString()).isNotBlank();
    }

    @Test
    void anotherOrganizationsNumberIsNotFoundWhateverTheCallerDoes() {
        long id = ls.post("/api/projects", "{\"title\": \"Guess me\", \"label_config\": " + LabelStudioHttp.JSON.writeValueAsString(CONFIG) + "}")
                    .get("id").asLong();
        assertThat(strangerLs.get("/api/projects/" + id).status()).isEqualTo(404);
        assertThat(strangerLs.patch("/api/projects/" + id, "{\"title\": \"Mine now\"}").status()).isEqualTo(404);
        assertThat(strangerLs.delete("/api/projects/" + id).status()).isEqualTo(404);
        assertThat(LabelStudioHttp.stream(strangerLs.get("/api/projects?page_size=1000").get("results")).map(r -> r.get("id").asLong()))
                .doesNotContain(id);
        assertThat(ls.get("/api/projects/" + id).get("title").asString()).isEqualTo("Guess me");
        assertThat(ls.get("/api/projects/not-a-number").status()).isEqualTo(404);
    }

    @Test
    void invalidInputIsAnsweredWithLabelStudiosValidationErrors() {
        var notText = ls.post("/api/projects", "{\"title\": 5}");
        assertThat(notText.status()).isEqualTo(400);
        assertThat(notText.get("validation_errors").get("title").get(0).asString()).isNotBlank();

        var badConfig = ls.post("/api/projects", "{\"title\": \"Broken\", \"label_config\": \"<View><Choices name=\\\"x\\\"\"}");
        assertThat(badConfig.status()).as(badConfig.text()).isEqualTo(400);
        assertThat(badConfig.get("detail").asString()).isEqualTo("Validation error");
        assertThat(LabelStudioHttp.fields(badConfig.get("validation_errors"))).containsExactly("label_config");

        var notAnObject = ls.post("/api/projects", "[1, 2]");
        assertThat(notAnObject.status()).isEqualTo(400);

        var wrongTitle = ls.post("/api/projects", "{\"title\": \"Keep me\", \"label_config\": " + LabelStudioHttp.JSON.writeValueAsString(CONFIG) + "}");
        var refused = ls.send(org.springframework.http.HttpMethod.DELETE, "/api/projects/" + wrongTitle.get("id").asLong(),
                "{\"title\": \"Not its title\"}", org.springframework.http.MediaType.APPLICATION_JSON);
        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(ls.get("/api/projects/" + wrongTitle.get("id").asLong()).status()).isEqualTo(200);
    }
}
