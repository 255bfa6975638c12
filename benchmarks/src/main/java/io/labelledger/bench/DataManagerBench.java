package io.labelledger.bench;

import tools.jackson.databind.JsonNode;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Data Manager's filters, sorts and counts at scale (issue 12, ADR 0038). Seeds a project of N tasks with K
 * annotations each (imported Label Studio annotations naming K annotators of the organization), by default through
 * import jobs of {@code --per-file} tasks (a streamed file each; {@code --seed graphql}: the importTasks mutation), then
 * measures, one request at a time, p50/p95 through GraphQL for the first and the next page of: no filter, a data field,
 * a label, an annotator, review state + sort by updated, a sort by a data field; the count for each filter
 * (exact or "about"); the server's per-request floor ({me{id}}); and, with --pg-url, the same keyset queries as raw
 * SQL over JDBC with their EXPLAIN ANALYZE plans. Only on a quiet machine: nothing else may build or test meanwhile.
 */
public final class DataManagerBench {
    private DataManagerBench() {}

    static List<String> options() {
        return List.of("url", "tasks", "per-request", "annotators", "iterations", "warmup", "pg-url", "pg-user", "pg-password",
                "projection-timeout", "seed", "per-file", "dir", "per-task");
    }

    private static final String PAGE = """
            query($p: ID!, $f: TaskFilter, $o: TaskOrder, $after: String) { project(id: $p) { tasks(first: 50, after: $after, filter: $f, orderBy: $o) {
              edges { node { id number annotationCount reviewState updatedAt } } pageInfo { endCursor hasNextPage } } } }""";
    private static final String COUNT = "query($p: ID!, $f: TaskFilter) { project(id: $p) { matchingTasks(filter: $f) { count exact } } }";

    /**
     * One measured view: its GraphQL filter and order, and the equivalent raw keyset SQL: the condition, the sort
     * expression with its SQL type (the cursor's value is cast back to it) and direction; the task number breaks ties.
     */
    record Case(String name, Map<String, Object> filter, Map<String, Object> order, String rawWhere, String rawSort, String rawType,
                boolean desc) {
        Case(String name, Map<String, Object> filter, Map<String, Object> order, String rawWhere) {
            this(name, filter, order, rawWhere, "number", "bigint", false);
        }

        String rawOrder() {
            String dir = desc ? " DESC" : "";
            return rawSort.equals("number") ? "number" + dir : rawSort + dir + ", number" + dir;
        }

        /** The keyset condition after a row with sort value ?1 (as text) and number ?2. */
        String rawAfter() {
            String cmp = desc ? "<" : ">";
            return rawSort.equals("number") ? "number " + cmp + " CAST(? AS bigint)"
                    : "(" + rawSort + ", number) " + cmp + " (CAST(? AS " + rawType + "), CAST(? AS bigint))";
        }
    }

    public static Report run(Args args, String command) throws Exception {
        String url = args.string("url", "http://127.0.0.1:8282");
        int tasks = args.integer("tasks", 1_000_000);
        int perRequest = args.integer("per-request", 5_000);
        int annotators = args.integer("annotators", 10);
        int perTask = Math.min(annotators, args.integer("per-task", 3));
        int iterations = args.integer("iterations", 200);
        int warmup = args.integer("warmup", 20);
        Duration projectionTimeout = args.duration("projection-timeout", Duration.ofMinutes(120));
        Api api = new Api(url, 4);

        // seed: an owner, K annotators of the same organization, one project, tasks with K annotations each
        Api.Session owner = api.signUp("dm-owner");
        List<Api.Session> people = new ArrayList<>();
        for (int k = 0; k < annotators; k++) {
            String invitation = api.graphqlOk(owner, "mutation { createInvitation(input: {role: ANNOTATOR}) { token errors { code message } } }",
                    null, "createInvitation").path("createInvitation").path("token").asString();
            people.add(api.signUp("dm-annotator-" + k, invitation));
        }
        String project = api.createProject(owner, "Data Manager benchmark");
        long seedStart = System.nanoTime();
        String seed = args.string("seed", "job");
        long deadline = System.nanoTime() + projectionTimeout.toNanos();
        if (seed.equals("job")) {
            // the bulk path: import jobs (ADR 0016) of --per-file tasks each, one streamed upload and one job at a time;
            // the same commands, events and projection as any import, without a million GraphQL requests
            int perFile = args.integer("per-file", 200_000);
            java.nio.file.Path dir = java.nio.file.Path.of(args.string("dir", System.getProperty("java.io.tmpdir")));
            for (int from = 1; from <= tasks; from += perFile) {
                int count = Math.min(perFile, tasks - from + 1);
                java.nio.file.Path file = dir.resolve("ll-bench-dm-" + from + ".json");
                try {
                    writeAnnotatedTasks(file, from, count, people, perTask);
                    String job = api.uploadImport(owner, project, file, "JSON", "ALL_OR_NOTHING");
                    JsonNode state;
                    while (!(state = api.importJob(owner, job)).path("state").asString().matches("COMPLETED|FAILED")) {
                        if (System.nanoTime() > deadline) throw new IllegalStateException("import job " + job + " did not end within " + projectionTimeout);
                        Thread.sleep(1000);
                    }
                    if (!state.path("state").asString().equals("COMPLETED")) throw new IllegalStateException("import job failed: " + state);
                    System.out.printf("  imported %,d / %,d (%.0f s)%n", from + count - 1, tasks, (System.nanoTime() - seedStart) / 1e9);
                } finally {
                    java.nio.file.Files.deleteIfExists(file);
                }
            }
        } else if (seed.equals("graphql")) {
            for (int from = 1; from <= tasks; from += perRequest) {
                int count = Math.min(perRequest, tasks - from + 1);
                api.importTasks(owner, project, annotatedTasksJson(from, count, people, perTask), Duration.ofMinutes(10));
                if ((from / perRequest) % 20 == 0) System.out.printf("  imported %,d / %,d%n", from + count - 1, tasks);
            }
        } else {
            throw new IllegalArgumentException("--seed is job or graphql");
        }
        while (api.projectTaskCount(owner, project) < tasks || annotationCount(api, owner, project) < (long) tasks * perTask) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("the Data Manager did not show every task within " + projectionTimeout);
            Thread.sleep(1000);
        }
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

        String someone = people.getFirst().userId();
        List<Case> cases = List.of(
                new Case("no filter, by number", null, null, "TRUE"),
                new Case("data field source = web", filter(cond("DATA", List.of("source"), "EQUAL", "web")), null,
                        "data @> '{\"source\":\"web\"}'::jsonb"),
                new Case("label sentiment = Positive", filter(cond("LABELS", List.of("sentiment"), "CONTAINS", "Positive")), null,
                        "labels @> '{\"sentiment\":[\"Positive\"]}'::jsonb"),
                new Case("annotated by one person", filter(cond("ANNOTATORS", null, "CONTAINS", someone)), null,
                        "annotators @> ARRAY['" + someone + "']::text[]"),
                new Case("review PENDING, by updated desc", Map.of("reviewState", "PENDING"), Map.of("field", "UPDATED_AT", "direction", "DESC"),
                        "review_state = 'PENDING'", "updated_at", "timestamptz", true),
                new Case("data field score > 90", filter(cond("DATA", List.of("score"), "GREATER", 90)), null,
                        "(CASE WHEN jsonb_typeof(data #> '{score}') = 'number' THEN (data #>> '{score}')::numeric END) > 90"),
                new Case("sort by data field score desc", null, Map.of("field", "DATA", "path", List.of("score"), "direction", "DESC"),
                        "TRUE", "(data #> '{score}')", "jsonb", true));

        Report r = new Report(String.format("Data Manager filters at %,d tasks × %d annotations (%d annotators)", tasks, perTask, annotators), command);
        r.figure("Seed (import with annotations, until the Data Manager shows all)", String.format("%.0f s", seedSeconds));
        Latency floor = new Latency();
        for (int i = 0; i < warmup + iterations; i++) {
            long t0 = System.nanoTime();
            api.graphqlOk(owner, "{ me { id } }", null, null);
            if (i >= warmup) floor.recordNanos(System.nanoTime() - t0);
        }
        r.figure("Floor {me{id}} p50 / p95", ms(floor, 50) + " / " + ms(floor, 95) + " ms");

        for (Case c : cases) {
            Latency first = new Latency();
            Latency next = new Latency();
            String cursor = null;
            for (int i = 0; i < warmup + iterations; i++) {
                Map<String, Object> vars = vars(project, c, null);
                long t0 = System.nanoTime();
                JsonNode page = api.graphqlOk(owner, PAGE, vars, null);
                if (i >= warmup) first.recordNanos(System.nanoTime() - t0);
                JsonNode end = page.path("project").path("tasks").path("pageInfo").path("endCursor");
                cursor = end.isString() ? end.asString() : null;
                if (cursor == null) continue; // nothing matches: no next page
                long t1 = System.nanoTime();
                api.graphqlOk(owner, PAGE, vars(project, c, cursor), null);
                if (i >= warmup) next.recordNanos(System.nanoTime() - t1);
            }
            r.figure(c.name() + ": GraphQL first / next page p50 / p95", ms(first, 50) + " / " + ms(first, 95) + " ms, "
                    + ms(next, 50) + " / " + ms(next, 95) + " ms");
            if (c.filter() != null) {
                Latency count = new Latency();
                JsonNode last = null;
                for (int i = 0; i < Math.max(5, iterations / 10); i++) {
                    long t0 = System.nanoTime();
                    last = api.graphqlOk(owner, COUNT, vars(project, c, null), null);
                    count.recordNanos(System.nanoTime() - t0);
                }
                JsonNode m = last.path("project").path("matchingTasks");
                r.figure(c.name() + ": count", String.format("%s%,d in p50 %s / p95 %s ms", m.path("exact").asBoolean() ? "" : "about ",
                        m.path("count").asLong(), ms(count, 50), ms(count, 95)));
            }
        }

        if (args.has("pg-url")) {
            try (Connection db = DriverManager.getConnection(args.string("pg-url", ""), args.string("pg-user", "postgres"), args.string("pg-password", ""))) {
                try (var st = db.createStatement()) {
                    st.execute("ANALYZE dm_task"); // the planner's statistics of the seeded table, as autovacuum would have them
                }
                for (Case c : cases) {
                    String select = "SELECT task_id, number, " + (c.rawSort().equals("number") ? "number" : c.rawSort()) + "::text AS sort_value"
                                    + " FROM dm_task WHERE organization_id = ? AND project_id = ? AND " + c.rawWhere();
                    String first = select + " ORDER BY " + c.rawOrder() + " LIMIT 51";
                    String next = select + " AND " + c.rawAfter() + " ORDER BY " + c.rawOrder() + " LIMIT 51";
                    Latency rawFirst = new Latency();
                    Latency rawNext = new Latency();
                    String[] last = null;
                    for (int i = 0; i < warmup + iterations; i++) {
                        long t0 = System.nanoTime();
                        last = rawPage(db, first, owner.organizationId(), project, null, c);
                        if (i >= warmup) rawFirst.recordNanos(System.nanoTime() - t0);
                        if (last == null) continue; // nothing matches: there is no next page
                        long t1 = System.nanoTime();
                        rawPage(db, next, owner.organizationId(), project, last, c);
                        if (i >= warmup) rawNext.recordNanos(System.nanoTime() - t1);
                    }
                    if (last == null) r.note(c.name() + ": no task matches (the seeded data has none): only the first page was measured.");
                    r.figure(c.name() + ": raw SQL first / next page p50 / p95", ms(rawFirst, 50) + " / " + ms(rawFirst, 95) + " ms, "
                            + ms(rawNext, 50) + " / " + ms(rawNext, 95) + " ms");
                    String plan = "Plan, " + c.name() + ", first page:\n" + explain(db, first, owner.organizationId(), project, null, c)
                                  + (last == null ? "" : "Plan, " + c.name() + ", next page:\n" + explain(db, next, owner.organizationId(), project, last, c));
                    if (c.filter() != null) {
                        plan += "Plan, " + c.name() + ", count:\n" + explain(db, "SELECT count(*) FROM dm_task WHERE organization_id = ? AND project_id = ? AND "
                                + c.rawWhere(), owner.organizationId(), project, null, c);
                    }
                    System.out.println(plan); // for ADR 0038: the plans at this size
                    r.note(plan);
                }
            }
        } else {
            r.note("No --pg-url: the raw SQL reference and the plans were not measured.");
        }
        r.note("One request at a time after " + warmup + " warm-up rounds; p95 from HdrHistogram. Goal (issue 12): every filter and sort "
               + "p95 ≤ 2× the floor and never above 50 ms; counts under 500 ms or marked \"about\".");
        return r;
    }

    /** One raw page (after {@code last} = [sort value, number] when not null); the last row's sort value and number. */
    private static String[] rawPage(Connection db, String sql, String org, String project, String[] last, Case c) throws java.sql.SQLException {
        String[] end = null;
        try (PreparedStatement st = bind(db.prepareStatement(sql), org, project, last, c); ResultSet rs = st.executeQuery()) {
            while (rs.next()) end = new String[] {rs.getString("sort_value"), rs.getString("number")};
        }
        return end;
    }

    private static String explain(Connection db, String sql, String org, String project, String[] last, Case c) throws java.sql.SQLException {
        StringBuilder plan = new StringBuilder();
        try (PreparedStatement st = bind(db.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + sql), org, project, last, c);
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) plan.append("    ").append(rs.getString(1)).append('\n');
        }
        return plan.toString();
    }

    private static PreparedStatement bind(PreparedStatement st, String org, String project, String[] last, Case c) throws java.sql.SQLException {
        st.setString(1, org);
        st.setString(2, project);
        if (last != null) {
            if (c.rawSort().equals("number")) {
                st.setString(3, last[1]);
            } else {
                st.setString(3, last[0]);
                st.setString(4, last[1]);
            }
        }
        return st;
    }

    /** The same tasks as {@link #annotatedTasksJson}, written to a file record by record (a Label Studio JSON array). */
    static void writeAnnotatedTasks(java.nio.file.Path file, int from, int count, List<Api.Session> people, int perTask) throws java.io.IOException {
        try (java.io.BufferedWriter w = java.nio.file.Files.newBufferedWriter(file, java.nio.charset.StandardCharsets.UTF_8)) {
            w.write('[');
            for (int i = 0; i < count; i += 1000) {
                String chunk = annotatedTasksJson(from + i, Math.min(1000, count - i), people, perTask);
                if (i > 0) w.write(',');
                w.write(chunk, 1, chunk.length() - 2); // without the chunk's own brackets
            }
            w.write("]\n");
        }
    }

    private static Map<String, Object> cond(String column, List<String> path, String operator, Object value) {
        Map<String, Object> c = new LinkedHashMap<>(Map.of("column", column, "operator", operator, "value", value));
        if (path != null) c.put("path", path);
        return c;
    }

    private static Map<String, Object> filter(Map<String, Object> condition) {
        return Map.of("conditions", List.of(condition));
    }

    private static Map<String, Object> vars(String project, Case c, String after) {
        Map<String, Object> v = new LinkedHashMap<>(Map.of("p", project));
        if (c.filter() != null) v.put("f", c.filter());
        if (c.order() != null) v.put("o", c.order());
        if (after != null) v.put("after", after);
        return v;
    }

    private static String ms(Latency l, double percentile) {
        return Latency.fmt(l.percentileMs(percentile));
    }

    private static long annotationCount(Api api, Api.Session s, String project) throws Exception {
        return api.graphqlOk(s, "query($id: ID!) { project(id: $id) { annotationCount } }", Map.of("id", project), null)
                  .path("project").path("annotationCount").asLong();
    }

    /**
     * Tasks {@code from}.. with data (text, source web/mail/app, score 0–99, lang) and {@code perTask} annotations by
     * annotators {@code n % K}, {@code n+1 % K}, … (each annotator on about perTask/K of the tasks), each naming its
     * author by email (Label Studio's completed_by): Positive when {@code n % 20} is the annotator's place, else
     * Negative (about 15% of tasks carry a Positive).
     */
    static String annotatedTasksJson(int from, int count, List<Api.Session> people, int perTask) {
        StringBuilder sb = new StringBuilder(count * (200 + 150 * perTask));
        sb.append('[');
        String[] sources = {"web", "mail", "app"};
        for (int i = 0; i < count; i++) {
            int n = from + i;
            if (i > 0) sb.append(',');
            sb.append("{\"data\":{\"text\":\"Benchmark review number ").append(n).append("\",\"source\":\"").append(sources[n % 3])
              .append("\",\"score\":").append(n % 100).append(",\"lang\":\"").append(n % 2 == 0 ? "en" : "de").append("\"},\"annotations\":[");
            for (int k = 0; k < perTask; k++) {
                if (k > 0) sb.append(',');
                Api.Session who = people.get((n + k) % people.size());
                String label = n % 20 == k ? "Positive" : "Negative";
                sb.append("{\"completed_by\":{\"email\":\"").append(who.email()).append("\"},\"lead_time\":")
                  .append(5 + (n + k) % 20).append(",\"result\":[{\"from_name\":\"sentiment\",\"to_name\":\"text\",\"type\":\"choices\",")
                  .append("\"value\":{\"choices\":[\"").append(label).append("\"]}}]}");
            }
            sb.append("]}");
        }
        return sb.append(']').toString();
    }
}
