package io.labelledger.integration;

import io.labelledger.testing.ApiClient;
import io.labelledger.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import reactor.blockhound.BlockHound;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 9, "a one-minute stall under load": a blocking call on a Netty or Lettuce event-loop thread holds up every
 * Redis command of the shared connection (PUBLISH timed out after 1 minute). BlockHound reports any blocking call on
 * those threads while the application serves sign-up, sign-in, projects, imports and annotations.
 */
class BlockingCallsIT extends IntegrationTest {
    static final List<String> BLOCKED = new CopyOnWriteArrayList<>();

    static {
        BlockHound.install(builder -> builder
                // reads of /dev/urandom (UUIDs, session ids): they do not block on Linux
                .allowBlockingCallsInside("java.security.SecureRandom", "nextBytes")
                // one-time loading of a resource bundle from a jar (graphql-java's messages)
                .allowBlockingCallsInside("java.util.ResourceBundle", "getBundle")
                // Spring Data Redis takes a lock for the few instructions that hand out its shared connection; under
                // contention a thread parks for that moment (no I/O is awaited under it)
                .allowBlockingCallsInside("org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory", "doInLock")
                .blockingMethodCallback(m -> {
            StringWriter trace = new StringWriter();
            new Exception(m.toString()).printStackTrace(new PrintWriter(trace));
            // a scheduler's worker parked while it waits for its next task is idle, not blocked in our code (Reactor's
            // allowance for DelayedWorkQueue.take does not take effect on this JDK, so timers on parallel showed up)
            if (trace.toString().contains("java.util.concurrent.ThreadPoolExecutor.getTask")) return;
            // libraries' own short critical sections (no I/O awaited under them): Lettuce's endpoint write lock and
            // Spring Data Redis's shared-connection lock; under contention a thread parks for their few instructions
            if (trace.toString().contains("io.lettuce.core.protocol.SharedLock.")
                || trace.toString().contains("LettuceConnectionFactory.doInLock")) return;
            BLOCKED.add(Thread.currentThread().getName() + ": " + trace);
        }));
    }

    @LocalServerPort
    int port;

    @Test
    void noBlockingCallOnAnEventLoopWhileServing() {
        BLOCKED.clear();
        ApiClient owner = ApiClient.signUp(port, "Loop");
        String project = owner.createProject("Loop", ApiClient.TEXT_CONFIG);
        owner.importTasks(project, "[{\"text\":\"a\"},{\"text\":\"b\"},{\"text\":\"c\"}]", "JSON", "ALL_OR_NOTHING");
        List<String> tasks = await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> owner.graphql()
                .document("query($id: ID!) { project(id: $id) { tasks(first: 10) { edges { node { id } } } } }")
                .variable("id", project).execute().path("project.tasks.edges[*].node.id").entityList(String.class).get(), l -> l.size() == 3);
        for (String task : tasks) {
            owner.submit(task, List.of(ApiClient.choice("Positive"))); // fails unless submitted: the paths under watch ran
            owner.post("query($id: ID!) { task(id: $id) { annotationCount } }", Map.of("id", task));
        }
        owner.post("{ projects(first: 10) { edges { node { id } } } }", Map.of());
        assertThat(BLOCKED).as("blocking calls on non-blocking threads").isEmpty();
    }

    /** The same under contention: pools busy, replies of Redis and PostgreSQL interleaved, sessions of several people. */
    @Test
    void noBlockingCallOnAnEventLoopUnderConcurrentAnnotators() throws Exception {
        BLOCKED.clear();
        List<ApiClient> people = new java.util.ArrayList<>();
        List<List<String>> tasksOf = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ApiClient person = ApiClient.signUp(port, "Loop" + i);
            String project = person.createProject("Loop " + i, ApiClient.TEXT_CONFIG);
            person.importTasks(project, "[{\"text\":\"a\"},{\"text\":\"b\"},{\"text\":\"c\"},{\"text\":\"d\"}]", "JSON", "ALL_OR_NOTHING");
            people.add(person);
            tasksOf.add(await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> person.graphql()
                    .document("query($id: ID!) { project(id: $id) { tasks(first: 10) { edges { node { id } } } } }")
                    .variable("id", project).execute().path("project.tasks.edges[*].node.id").entityList(String.class).get(), l -> l.size() == 4));
        }
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(people.size())) {
            List<java.util.concurrent.Future<?>> all = new java.util.ArrayList<>();
            for (int i = 0; i < people.size(); i++) {
                ApiClient person = people.get(i);
                List<String> tasks = tasksOf.get(i);
                all.add(pool.submit(() -> {
                    for (String task : tasks) {
                        person.submit(task, List.of(ApiClient.choice("Negative")));
                        person.post("query($id: ID!) { task(id: $id) { annotationCount } }", Map.of("id", task));
                    }
                }));
            }
            for (var f : all) f.get(2, java.util.concurrent.TimeUnit.MINUTES);
        }
        assertThat(BLOCKED).as("blocking calls on non-blocking threads").isEmpty();
    }
}
