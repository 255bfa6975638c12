package io.labelledger.audit;

import io.labelledger.admin.web.ProjectionRebuilds;
import io.labelledger.audit.cli.AuditCommand;
import io.labelledger.audit.signing.AuditCheckpointer;
import io.labelledger.eventstore.ProjectionRebuilder;
import io.labelledger.projection.Projection;
import io.labelledger.testing.ApiClient;
import io.labelledger.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The verifiable audit trail end to end (issue 15, ADR 0051): an organization's history, a signed checkpoint, the
 * verification export downloaded by its Owner, checked by the jar's verifier and by the documented shell procedure
 * (docs/audit-verification.md) — untouched, then with an event row, a payload byte and a read-model row changed in
 * the database: each time the first broken link is named. A rebuild refuses to go past an event that no longer
 * reproduces its link.
 */
@SuppressWarnings("unchecked")
class AuditTrailIT extends IntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuditCheckpointer checkpointer;
    @Autowired
    ProjectionRebuilder rebuilder;
    @Autowired
    org.axonframework.eventhandling.gateway.EventGateway eventGateway;
    @Autowired
    io.labelledger.audit.signing.InstallationSigningKey signingKey;
    @TempDir
    Path dir;

    static final String LOG = """
            query($f: AuditFilter) { auditLog(filter: $f, first: 200) { edges { node {
              id sequence eventType summary objectLabel clientIp prevHash hash canonical actor { displayName } } } } }""";

    @Test
    void anOwnersExportVerifiesAndEveryTamperingIsNamedAtItsEntry() throws Exception {
        ApiClient owner = ApiClient.signUp(port, "Olga");
        String project = owner.createProject("Boxes", ApiClient.TEXT_CONFIG);
        owner.importTasks(project, "[{\"text\":\"a\"},{\"text\":\"b\"}]", "JSON", "ALL_OR_NOTHING").path("importTasks.importedCount")
             .entity(Integer.class).isEqualTo(2);
        String task = owner.firstTask(project);
        ApiClient ann = ApiClient.signUpWithInvitation(port, "Anton", owner.invite("ANNOTATOR"));
        owner.addProjectMember(project, ann.userId, "ANNOTATOR");
        String annotation = ann.submit(task, List.of(ApiClient.choice("Positive")));
        Map<String, Object> rejected = owner.post("mutation($i: ReviewAnnotationInput!) { reviewAnnotation(input: $i) { errors { code } } }",
                Map.of("i", Map.of("taskId", task, "annotationId", annotation, "decision", "REJECTED", "comment", "boxes too loose")));
        assertThat((List<Object>) at(rejected, "reviewAnnotation.errors")).isEmpty();

        // readable: numbered 1..n without gaps, the change in words with names and task numbers
        List<Map<String, Object>> entries = await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> nodes(owner, Map.of()),
                list -> list.stream().anyMatch(e -> "AnnotationReviewed".equals(e.get("eventType"))));
        List<Long> numbers = entries.stream().map(e -> ((Number) e.get("sequence")).longValue()).sorted().toList();
        assertThat(numbers).isEqualTo(LongStream.rangeClosed(1, numbers.size()).boxed().toList());
        Map<String, Object> review = entries.stream().filter(e -> "AnnotationReviewed".equals(e.get("eventType"))).findFirst().orElseThrow();
        String number = jdbc.queryForObject("SELECT number FROM dm_task WHERE task_id = ?", String.class, task);
        assertThat(review.get("summary")).isEqualTo("rejected annotation #1 of task " + number + ": 'boxes too loose'");
        assertThat(review.get("objectLabel")).isEqualTo("task " + number);
        assertThat(review.get("clientIp")).isEqualTo("127.0.0.1");
        Map<String, Object> joined = entries.stream().filter(e -> "MemberJoined".equals(e.get("eventType"))
                && String.valueOf(e.get("summary")).startsWith("Anton")).findFirst().orElseThrow();
        assertThat(joined.get("summary")).isEqualTo("Anton joined the organization as annotator");
        // filters: the action, the object (the task names the review), the address in any of its forms
        assertThat(nodes(owner, Map.of("eventType", "AnnotationReviewed", "aggregateId", task, "clientIp", "::ffff:127.0.0.1")))
                .extracting(e -> e.get("id")).containsExactly(review.get("id"));

        // a signed checkpoint over the head; the page's "verified up to #N, signed at T"
        long head = numbers.getLast();
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT seq FROM audit_chain_head WHERE chain = ?", Long.class, owner.organizationId) >= head);
        long signedHead = jdbc.queryForObject("SELECT seq FROM audit_chain_head WHERE chain = ?", Long.class, owner.organizationId);
        assertThat(checkpointer.checkpoint(true, owner.organizationId)).isEqualTo(1);
        Map<String, Object> chain = await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(
                () -> (Map<String, Object>) at(owner.post("{ auditChain { headSequence verifiedUpTo signedAt keyId publicKeyPem } }", Map.of()), "auditChain"),
                c -> c.get("verifiedUpTo") != null);
        assertThat(((Number) chain.get("verifiedUpTo")).longValue()).isEqualTo(signedHead);
        Path key = dir.resolve("audit-public-key.pem");
        Files.writeString(key, (String) chain.get("publicKeyPem"));

        // the Owner's export verifies, with the jar's verifier and with the documented procedure
        Path export = download(owner, "verification");
        String verified = verify(export, key);
        System.out.println("audit verify, untouched export (exit status first):\n" + verified); // the closing note's sample
        assertThat(verified).startsWith("0\n").contains("verified up to #" + signedHead);
        if (Files.isExecutable(Path.of("/usr/bin/openssl")) && Files.isExecutable(Path.of("/usr/bin/jq"))) {
            String script = procedure(export, key);
            System.out.println("docs/audit-verification.md's script, untouched export:\n" + script);
            assertThat(script).startsWith("0\n").contains("OK: verified up to #" + signedHead);
        }
        // Annotators may not download it
        ApiClient.web(port).get().uri("/api/audit/export").header(HttpHeaders.COOKIE, ann.cookie).exchange().expectStatus().isForbidden();
        // the SIEM forms: names, not ids
        assertThat(Files.readString(download(owner, "csv"))).startsWith("sequence,occurred_at,actor_id,actor,client_ip")
                .contains("rejected annotation #1 of task " + number + ": 'boxes too loose'").contains(",Olga,127.0.0.1,");

        // tampering with an event row (its time), a payload byte, a read-model row: the first broken link is named
        String reviewEvent = (String) review.get("id");
        long reviewSeq = ((Number) review.get("sequence")).longValue();
        tampered("UPDATE domain_event_entry SET time_stamp = '2020-01-01T00:00:00Z' WHERE event_identifier = ?", reviewEvent,
                "UPDATE domain_event_entry SET time_stamp = ? WHERE event_identifier = ?", "time_stamp", "domain_event_entry", () -> {
                    String broken = verify(download(owner, "verification"), key);
                    System.out.println("audit verify, an event row's time changed:\n" + broken);
                    assertThat(broken).startsWith("1\n").contains("BROKEN: entry #" + reviewSeq + " (event " + reviewEvent + ")").contains("field ts");
                    if (Files.isExecutable(Path.of("/usr/bin/openssl")) && Files.isExecutable(Path.of("/usr/bin/jq")))
                        assertThat(procedure(download(owner, "verification"), key)).startsWith("1\n").contains("BROKEN: entry #" + reviewSeq);
                    // a rebuild stops at the event that no longer reproduces its link, and keeps the live tables
                    assertThat(rebuilder.rebuild(Projection.AUDIT_LOG)).isTrue();
                    await().atMost(Duration.ofSeconds(90)).until(() -> rebuilder.state(Projection.AUDIT_LOG) == ProjectionRebuilds.State.FAILED);
                    assertThat(nodes(owner, Map.of("eventType", "AnnotationReviewed"))).hasSize(1);
                });
        byte[] payload = jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE event_identifier = ?", byte[].class, reviewEvent);
        try {
            byte[] changed = payload.clone();
            changed[changed.length - 3] ^= 1;
            jdbc.update("UPDATE domain_event_entry SET payload = ? WHERE event_identifier = ?", changed, reviewEvent);
            assertThat(verify(download(owner, "verification"), key)).startsWith("1\n")
                    .contains("BROKEN: entry #" + reviewSeq + " (event " + reviewEvent + ")").contains("field payload");
        } finally {
            jdbc.update("UPDATE domain_event_entry SET payload = ? WHERE event_identifier = ?", payload, reviewEvent);
        }
        String firstActor = jdbc.queryForObject("SELECT actor_id FROM audit_log WHERE organization_id = ? AND seq = 2", String.class, owner.organizationId);
        try {
            jdbc.update("UPDATE audit_log SET actor_id = ? WHERE organization_id = ? AND seq = 2", ann.userId, owner.organizationId);
            assertThat(verify(download(owner, "verification"), key)).startsWith("1\n").contains("BROKEN: entry #2 ").contains("actor");
        } finally {
            jdbc.update("UPDATE audit_log SET actor_id = ? WHERE organization_id = ? AND seq = 2", firstActor, owner.organizationId);
        }
        String hash3 = jdbc.queryForObject("SELECT hash FROM audit_chain WHERE organization_id = ? AND seq = 3", String.class, owner.organizationId);
        try {
            jdbc.update("UPDATE audit_chain SET hash = ? WHERE organization_id = ? AND seq = 3", "f".repeat(64), owner.organizationId);
            assertThat(verify(download(owner, "verification"), key)).startsWith("1\n").contains("BROKEN: entry #3 ");
        } finally {
            jdbc.update("UPDATE audit_chain SET hash = ? WHERE organization_id = ? AND seq = 3", hash3, owner.organizationId);
        }
        // restored: it verifies again, and a rebuild reproduces the same links
        assertThat(verify(download(owner, "verification"), key)).startsWith("0\n");
        assertThat(rebuilder.rebuild(Projection.AUDIT_LOG)).isTrue();
        await().atMost(Duration.ofSeconds(120)).until(() -> rebuilder.state(Projection.AUDIT_LOG) == ProjectionRebuilds.State.DONE);
        assertThat(verify(download(owner, "verification"), key)).startsWith("0\n").contains("verified up to #" + signedHead);

        // the optional sink: each checkpoint also as a JSON line in a file outside the database, signed like the event
        Path sink = dir.resolve("sink").resolve("checkpoints.jsonl");
        AuditCheckpointer withSink = new AuditCheckpointer(jdbc, eventGateway, signingKey, java.time.Clock.systemUTC(), 1000,
                Duration.ofDays(1), sink);
        assertThat(withSink.checkpoint(true, owner.organizationId)).isEqualTo(1);
        List<String> sunk = Files.readAllLines(sink);
        assertThat(sunk).hasSize(1);
        Map<String, Object> line = new tools.jackson.databind.json.JsonMapper().readValue(sunk.getFirst(), Map.class);
        assertThat(line.get("chain")).isEqualTo(owner.organizationId);
        assertThat(io.labelledger.audit.chain.AuditChain.verifies(io.labelledger.audit.chain.AuditChain.fromPem(Files.readString(key)),
                (String) line.get("message"), (String) line.get("signature"))).isTrue();
    }

    private interface Check {
        void run() throws Exception;
    }

    /** Runs {@code check} with a column of a row changed by {@code tamper}, and puts the column back whatever happens. */
    private void tampered(String tamper, String eventId, String restore, String column, String table, Check check) throws Exception {
        String before = jdbc.queryForObject("SELECT " + column + " FROM " + table + " WHERE event_identifier = ?", String.class, eventId);
        try {
            jdbc.update(tamper, eventId);
            check.run();
        } finally {
            jdbc.update(restore, before, eventId);
        }
    }

    private List<Map<String, Object>> nodes(ApiClient who, Map<String, Object> filter) {
        List<Map<String, Object>> edges = at(who.post(LOG, Map.of("f", filter)), "auditLog.edges");
        return edges.stream().map(e -> (Map<String, Object>) e.get("node")).toList();
    }

    private Path download(ApiClient who, String format) throws Exception {
        byte[] body = ApiClient.web(port).get().uri("/api/audit/export?format=" + format).header(HttpHeaders.COOKIE, who.cookie)
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        Path file = Files.createTempFile(dir, "audit-", "." + format);
        Files.write(file, body);
        return file;
    }

    /** The jar's verifier: "exit status\noutput". */
    private static String verify(Path export, Path key) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int status = AuditCommand.run(new String[] {"audit", "verify", export.toString(), "--public-key", key.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return status + "\n" + out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    /** The shell procedure of docs/audit-verification.md, as written there: "exit status\noutput". */
    private String procedure(Path export, Path key) throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "audit-verification.md"));
        String block = doc.substring(doc.indexOf("<!-- verify-script:start -->"), doc.indexOf("<!-- verify-script:end -->"));
        String script = block.substring(block.indexOf("```bash\n") + 8, block.lastIndexOf("```"));
        Path file = dir.resolve("verify-audit-export.sh");
        Files.writeString(file, script);
        Process p = new ProcessBuilder("bash", file.toString(), export.toString(), key.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return p.exitValue() + "\n" + output;
    }

    static <T> T at(Map<String, Object> answer, String path) {
        Object node = answer.get("data");
        for (String part : path.split("\\.")) node = node == null ? null : ((Map<String, Object>) node).get(part);
        return (T) node;
    }
}
