package io.labelledger.bench;

import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts a DATA_MANAGER rebuild through the operator API (--operator-token or LABELLEDGER_OPERATOR_TOKEN) and watches
 * until it is done: the operator API says the shadow tables were swapped in (ADR 0029), the data-manager processor's
 * token has reached the head of the event store seen before the rebuild, and dm_task holds as many rows as before.
 * events/s = events in the store up to that head / seconds from sending the request.
 */
public final class Rebuild {
    private static final Pattern INDEX = Pattern.compile("\"(?:globalIndex|index)\"\\s*:\\s*(\\d+)");
    private static final Pattern CURRENT = Pattern.compile("\"currentToken\"\\s*:\\s*\\{[^}]*?\"(?:globalIndex|index)\"\\s*:\\s*(\\d+)");

    private Rebuild() {}

    record Token(String type, String json) {
        boolean replaying() { return (type != null && type.contains("Replay")) || (json != null && json.contains("tokenAtReset")); }

        long position() {
            if (json == null) return -1;
            Matcher c = CURRENT.matcher(json);
            if (c.find()) return Long.parseLong(c.group(1));
            if (replaying()) return -1; // a replay token that has not processed anything yet
            Matcher m = INDEX.matcher(json);
            long max = -1;
            while (m.find()) max = Math.max(max, Long.parseLong(m.group(1)));
            return max;
        }
    }

    public static Report run(Args args, String command) throws Exception {
        String url = args.string("url", "http://127.0.0.1:8282");
        String dbUrl = args.string("db-url", System.getenv().getOrDefault("LABELLEDGER_DB_URL", "jdbc:postgresql://127.0.0.1:5432/labelledger"));
        String user = args.string("db-user", "postgres");
        String password = args.string("db-password", "");
        String processor = args.string("processor", "data-manager");
        String operatorToken = args.string("operator-token", System.getenv().getOrDefault("LABELLEDGER_OPERATOR_TOKEN", ""));
        Duration timeout = args.duration("timeout", Duration.ofMinutes(20));
        Api api = new Api(url, 2);

        try (Connection db = DriverManager.getConnection(dbUrl, user, password)) {
            db.setAutoCommit(true);
            // quiesce: wait until the processor has processed everything already in the store (bounded)
            long head = single(db, "SELECT coalesce(max(global_index), 0) FROM domain_event_entry");
            long settleDeadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (token(db, processor).position() < head && System.nanoTime() < settleDeadline) Thread.sleep(200);

            api.signUp("rebuild"); // an Owner of its own organization (adds a few events)
            Thread.sleep(1000);
            head = single(db, "SELECT coalesce(max(global_index), 0) FROM domain_event_entry");
            settleDeadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (token(db, processor).position() < head && System.nanoTime() < settleDeadline) Thread.sleep(100);
            long events = single(db, "SELECT count(*) FROM domain_event_entry WHERE global_index <= " + head);
            long tasksBefore = single(db, "SELECT count(*) FROM dm_task");
            long annotationsBefore = single(db, "SELECT count(*) FROM dm_annotation");
            long projectsBefore = single(db, "SELECT count(*) FROM rm_project");
            String types = typeBreakdown(db, head);
            System.out.printf("Event store head %d (%,d events: %s); dm_task %,d rows, dm_annotation %,d rows%n",
                    head, events, types, tasksBefore, annotationsBefore);

            long t0 = System.nanoTime();
            // the instance operator's endpoint (ADR 0029); the rebuild goes into shadow tables and is swapped in
            java.net.http.HttpResponse<String> started = operator(url, operatorToken, "POST", "/api/operator/projections/DATA_MANAGER/rebuild");
            long answered = System.nanoTime();
            if (started.statusCode() != 202) throw new IllegalStateException("Rebuild not started: " + started.statusCode() + " " + started.body());
            System.out.printf("rebuild answered after %.2f s%n", (answered - t0) / 1e9);

            long deadline = t0 + timeout.toNanos();
            long lastPrint = 0;
            long done = -1;
            long rows = 0;
            Token tok = null;
            while (System.nanoTime() < deadline) {
                tok = token(db, processor);
                long pos = tok.position();
                // done when the operator endpoint says the shadow tables were swapped in and the live token is past the head
                if (pos >= head && "DONE".equals(state(operator(url, operatorToken, "GET", "/api/operator/projections").body(), "DATA_MANAGER"))) {
                    rows = single(db, "SELECT count(*) FROM dm_task");
                    if (rows >= tasksBefore) {
                        done = System.nanoTime();
                        break;
                    }
                }
                if (System.nanoTime() - lastPrint > 5_000_000_000L) {
                    lastPrint = System.nanoTime();
                    System.out.printf("  %.0f s: token %s at %d of %d, dm_task %,d%n", (lastPrint - t0) / 1e9,
                            tok.replaying() ? "replaying" : "live", pos, head, single(db, "SELECT count(*) FROM dm_task"));
                }
                Thread.sleep(50);
            }
            Report.Store store = new Report.Store(LoadGenerator.resultsFile());
            Report r = new Report("rebuild: DATA_MANAGER projection replay", command);
            r.figure("Events in the store (replayed)", String.format("%,d (%s)", events, types))
             .figure("Rows before: dm_task / dm_annotation / rm_project", String.format("%,d / %,d / %,d", tasksBefore, annotationsBefore, projectsBefore))
             .figure("rebuild answered after", String.format("%.2f s (queued; replays into shadow tables)", (answered - t0) / 1e9));
            if (done < 0) {
                r.figure("Caught up", "NO, not within " + timeout.toSeconds() + " s; token " + (tok == null ? "?" : tok.json()));
                return r;
            }
            double seconds = (done - t0) / 1e9;
            double rate = events / seconds;
            store.put("rebuild.events_per_s", rate);
            long annotationsAfter = single(db, "SELECT count(*) FROM dm_annotation");
            long projectsAfter = single(db, "SELECT count(*) FROM rm_project");
            r.figure("Caught up after", String.format("%.1f s from sending the mutation (%.1f s after its answer)", seconds, (done - answered) / 1e9))
             .figure("Events/s", Latency.rate(rate))
             .figure("Ratio to raw JDBC inserts/s", store.ratioToJdbc(rate))
             .figure("Rows after: dm_task / dm_annotation / rm_project", String.format("%,d / %,d / %,d", rows, annotationsAfter, projectsAfter));
            if (annotationsAfter != annotationsBefore || projectsAfter != projectsBefore) {
                r.note("Row counts differ from before the rebuild (the signed-up Owner adds no Data Manager rows, so they should match).");
            }
            r.note("Done is detected by polling every 50 ms: the operator API reports DONE, the processor's token has reached "
                   + "the store's head taken before the rebuild, and dm_task has its former row count.");
            return r;
        }
    }

    /** One client for every call (the catch-up loop polls every 50 ms). */
    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();

    static java.net.http.HttpResponse<String> operator(String base, String token, String method, String path) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(base.replaceAll("/+$", "") + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .method(method, java.net.http.HttpRequest.BodyPublishers.noBody()).build();
        return HTTP.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    /** The state the operator's projection list gives for one projection (null when not listed). */
    static String state(String projectionsJson, String name) {
        for (var p : Api.JSON.readTree(projectionsJson)) {
            if (name.equals(p.path("name").asString(null))) return p.path("state").asString(null);
        }
        return null;
    }

    static long single(Connection db, String sql) throws Exception {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static Token token(Connection db, String processor) throws Exception {
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT token_type, token FROM token_entry WHERE processor_name = ? ORDER BY segment")) {
            ps.setString(1, processor);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return new Token(null, null);
                byte[] b = rs.getBytes(2);
                return new Token(rs.getString(1), b == null ? null : new String(b, StandardCharsets.UTF_8));
            }
        }
    }

    private static String typeBreakdown(Connection db, long head) throws Exception {
        StringBuilder sb = new StringBuilder();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT payload_type, count(*) FROM domain_event_entry WHERE global_index <= " + head
                + " GROUP BY payload_type ORDER BY count(*) DESC")) {
            while (rs.next()) {
                String t = rs.getString(1);
                if (!sb.isEmpty()) sb.append(", ");
                sb.append(t.substring(t.lastIndexOf('.') + 1)).append(' ').append(String.format("%,d", rs.getLong(2)));
            }
        }
        return sb.toString();
    }

    static List<String> options() {
        return List.of("url", "db-url", "db-user", "db-password", "processor", "timeout", "doc", "operator-token");
    }
}
