package io.labelledger.eventstore;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.labelledger.admin.web.ProjectionRebuilds;
import io.labelledger.projection.Projection;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Rebuilds a projection without an empty view (ADR 0029): the live tables keep serving reads while a second tracking
 * processor ({@code shadow-<group>}, its own token) replays the whole event store into copies of the tables in a
 * schema of their own ({@code ll_shadow_<group>}: same handler classes, connections whose search_path puts that
 * schema first). Once it has caught up, the live processor is paused, the shadow processor catches up with what came
 * meanwhile and stops, and one transaction swaps the tables (the live ones move out, the shadow ones move into
 * {@code public}) and gives the live processor the shadow's token. The live processor then resumes on the rebuilt
 * tables. Readers wait at most for that transaction's locks; they never see an empty or half-built table.
 * With several replicas, pause the processor on every node (as for any token change).
 */
public class ProjectionRebuilder implements ProjectionRebuilds {
    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilder.class);
    static final Duration FINAL_CATCH_UP = Duration.ofSeconds(60);
    static final Duration REPLAY_LIMIT = Duration.ofHours(6);

    private final EventProcessingConfiguration processing;
    private final org.axonframework.config.Configuration axon;
    private final HikariDataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final TokenSchema tokens;
    private final Map<Projection, Function<JdbcTemplate, List<Object>>> handlers;
    private final Map<Projection, State> states = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "projection-rebuild");
        t.setDaemon(true);
        return t;
    });

    /** {@code handlers}: fresh handlers of every class in the projection's processing group, writing through the given JdbcTemplate (no side effects). */
    public ProjectionRebuilder(EventProcessingConfiguration processing, org.axonframework.config.Configuration axon, DataSource dataSource,
                               JdbcTemplate jdbc, TransactionTemplate tx, TokenSchema tokens, Map<Projection, Function<JdbcTemplate, List<Object>>> handlers) {
        this.processing = processing;
        this.axon = axon;
        this.dataSource = (HikariDataSource) dataSource;
        this.jdbc = jdbc;
        this.tx = tx;
        this.tokens = tokens;
        this.handlers = new EnumMap<>(handlers);
    }

    @Override
    public synchronized boolean rebuild(Projection projection) {
        State now = states.getOrDefault(projection, State.IDLE);
        if (now == State.QUEUED || now == State.REBUILDING) return false;
        states.put(projection, State.QUEUED);
        worker.submit(() -> {
            states.put(projection, State.REBUILDING);
            try {
                rebuildNow(projection);
                states.put(projection, State.DONE);
            } catch (RuntimeException | Error e) {
                log.error("Rebuilding projection {} failed; the live tables are kept", projection, e);
                states.put(projection, State.FAILED);
            }
        });
        return true;
    }

    @Override
    public State state(Projection projection) {
        return states.getOrDefault(projection, State.IDLE);
    }

    void rebuildNow(Projection projection) {
        String group = projection.processingGroup();
        String schema = "ll_shadow_" + group.replace('-', '_');
        String retired = "ll_retired_" + group.replace('-', '_');
        String shadowName = "shadow-" + group;
        StreamingEventProcessor live = processing.eventProcessor(group, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No streaming processor for " + group));
        log.info("Rebuilding projection {} into {}", projection, schema);
        int segments = Math.max(1, jdbc.queryForObject("SELECT count(*) FROM " + tokens.tokenTable() + " WHERE " + tokens.processorNameColumn() + " = ?",
                Integer.class, group));
        tx.executeWithoutResult(s -> {
            jdbc.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            jdbc.execute("DROP SCHEMA IF EXISTS " + retired + " CASCADE");
            dropTokens(shadowName);
            jdbc.execute("CREATE SCHEMA " + schema);
            for (String table : projection.tables()) {
                jdbc.execute("CREATE TABLE " + schema + "." + table + " (LIKE public." + table + " INCLUDING ALL)");
            }
        });
        boolean livePaused = false;
        try (HikariDataSource shadowData = shadowDataSource(schema)) {
            TrackingEventProcessor shadow = shadowProcessor(projection, shadowName, shadowData, segments);
            try {
                shadow.start();
                awaitCaughtUp(shadow, null, REPLAY_LIMIT);
                // pause the live processor: reads keep the live tables (a few events behind for a moment)
                live.shutdownAsync().orTimeout(30, TimeUnit.SECONDS).join();
                livePaused = true;
                long head = head();
                awaitCaughtUp(shadow, head, FINAL_CATCH_UP);
            } finally {
                shadow.shutDown();
            }
            swap(projection, schema, retired, group, shadowName);
        } catch (RuntimeException e) {
            jdbc.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            dropTokens(shadowName);
            throw e;
        } finally {
            if (livePaused) live.start();
        }
        jdbc.execute("DROP SCHEMA IF EXISTS " + retired + " CASCADE");
        log.info("Projection {} rebuilt and swapped in", projection);
    }

    private void dropTokens(String processorName) {
        jdbc.update("DELETE FROM " + tokens.tokenTable() + " WHERE " + tokens.processorNameColumn() + " = ?", processorName);
    }

    /** One transaction: the rebuilt tables replace the live ones, and the live processor continues from the shadow's token. */
    private void swap(Projection projection, String schema, String retired, String group, String shadowName) {
        tx.executeWithoutResult(s -> {
            jdbc.execute("SET LOCAL lock_timeout = '20s'");
            jdbc.execute("CREATE SCHEMA " + retired);
            List<Map<String, Object>> views = dependentViews(projection);
            for (String table : projection.tables()) jdbc.execute("ALTER TABLE public." + table + " SET SCHEMA " + retired);
            for (String table : projection.tables()) jdbc.execute("ALTER TABLE " + schema + "." + table + " SET SCHEMA public");
            // views follow a table by its oid: re-point them at the rebuilt tables (same text, same columns; grants kept)
            for (Map<String, Object> view : views) jdbc.execute("CREATE OR REPLACE VIEW " + view.get("name") + " AS " + view.get("definition"));
            String t = tokens.tokenTable(), name = tokens.processorNameColumn(), seg = tokens.segmentColumn();
            int moved = jdbc.update("UPDATE " + t + " AS l SET " + tokens.tokenColumn() + " = s." + tokens.tokenColumn() + ", "
                    + tokens.tokenTypeColumn() + " = s." + tokens.tokenTypeColumn() + ", " + tokens.timestampColumn() + " = s." + tokens.timestampColumn()
                    + ", " + tokens.ownerColumn() + " = NULL FROM " + t + " AS s WHERE l." + name + " = ? AND s." + name + " = ? AND l." + seg + " = s." + seg,
                    group, shadowName);
            if (moved == 0) throw new IllegalStateException("The live processor " + group + " has no token to replace");
            dropTokens(shadowName);
            jdbc.execute("DROP SCHEMA " + schema);
        });
    }

    /**
     * The views reading the projection's tables (the analysts' views, ADR 0049), with their definitions printed while
     * {@code public} is the only schema searched: unqualified table names then resolve to whatever {@code public} holds
     * when the definition is run again after the swap. Without this, the views would follow the old tables into the
     * retired schema and be dropped with it.
     */
    private List<Map<String, Object>> dependentViews(Projection projection) {
        jdbc.execute("SET LOCAL search_path TO public");
        String tables = projection.tables().stream().map(t -> "'public." + t + "'::regclass").collect(java.util.stream.Collectors.joining(", "));
        return jdbc.queryForList("""
                SELECT DISTINCT format('%I.%I', n.nspname, v.relname) AS name, pg_get_viewdef(v.oid) AS definition
                FROM pg_depend d
                JOIN pg_rewrite r ON r.oid = d.objid
                JOIN pg_class v ON v.oid = r.ev_class AND v.relkind = 'v'
                JOIN pg_namespace n ON n.oid = v.relnamespace
                WHERE d.classid = 'pg_rewrite'::regclass AND d.refclassid = 'pg_class'::regclass
                  AND d.refobjid IN (""" + tables + ") AND v.oid <> d.refobjid");
    }

    private HikariDataSource shadowDataSource(String schema) {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(dataSource.getJdbcUrl());
        c.setUsername(dataSource.getUsername());
        c.setPassword(dataSource.getPassword());
        c.setMaximumPoolSize(2);
        c.setPoolName("labelledger-" + schema);
        c.setConnectionInitSql("SET search_path TO " + schema + ", public");
        return new HikariDataSource(c);
    }

    @SuppressWarnings("unchecked")
    private TrackingEventProcessor shadowProcessor(Projection projection, String name, DataSource shadowData, int segments) {
        JdbcTemplate shadowJdbc = new JdbcTemplate(shadowData);
        List<Object> groupHandlers = handlers.get(projection).apply(shadowJdbc);
        ConnectionProvider connections = new SpringDataSourceConnectionProvider(shadowData);
        return TrackingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(groupHandlers).parameterResolverFactory(axon.parameterResolverFactory())
                        // a failing event stops the rebuild (retried) instead of leaving a hole in the new tables
                        .listenerInvocationErrorHandler(PropagatingErrorHandler.instance()).build())
                .messageSource((StreamableMessageSource<TrackedEventMessage<?>>) axon.eventStore())
                .tokenStore(JdbcTokenStore.builder().connectionProvider(connections).serializer(axon.serializer()).schema(tokens).build())
                .transactionManager(new SpringTransactionManager(new JdbcTransactionManager(shadowData)))
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andInitialSegmentsCount(segments).andBatchSize(100))
                .build();
    }

    private long head() {
        Long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        return head == null ? -1 : head;
    }

    /** Until every segment is caught up (and, with {@code head}, has passed it); a {@code limit} turns waiting into failure. */
    private static void awaitCaughtUp(TrackingEventProcessor shadow, Long head, Duration limit) {
        long deadline = limit == null ? Long.MAX_VALUE : System.nanoTime() + limit.toNanos();
        while (true) {
            Map<Integer, EventTrackerStatus> status = shadow.processingStatus();
            boolean done = !status.isEmpty() && status.values().stream().allMatch(s -> s.getError() == null && s.isCaughtUp()
                    && (head == null || s.getCurrentPosition().orElse(-1) >= head));
            if (done) return;
            // the audit chain refuses to be rewritten (ADR 0051): retrying cannot help, the rebuild fails and says where
            status.values().stream().map(EventTrackerStatus::getError).filter(java.util.Objects::nonNull).map(ProjectionRebuilder::refusal)
                  .filter(java.util.Objects::nonNull).findFirst().ifPresent(refusal -> {
                      throw new IllegalStateException("The shadow processor " + shadow.getName() + " refuses to continue: " + refusal.getMessage(), refusal);
                  });
            if (System.nanoTime() > deadline) throw new IllegalStateException("The shadow processor " + shadow.getName() + " did not catch up");
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The audit chain's refusal among an error's causes, or null. */
    private static Throwable refusal(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof io.labelledger.audit.log.AuditLogProjection.AuditChainBroken) return t;
        }
        return null;
    }

    /**
     * True once every segment of the live processor has processed the events that existed when it (re)started.
     * (Axon marks a segment as replaying until the first event <em>after</em> a reset point, so "not replaying" alone
     * would wait for new traffic.)
     */
    public boolean caughtUp(Projection projection) {
        return processing.eventProcessor(projection.processingGroup(), StreamingEventProcessor.class)
                         .map(p -> !p.processingStatus().isEmpty() && p.processingStatus().values().stream().allMatch(ProjectionRebuilder::done))
                         .orElse(false);
    }

    private static boolean done(EventTrackerStatus s) {
        if (!s.isCaughtUp()) return false;
        if (!s.isReplaying()) return true;
        OptionalLong reset = s.getResetPosition();
        OptionalLong current = s.getCurrentPosition();
        return reset.isPresent() && current.isPresent() && current.getAsLong() >= reset.getAsLong();
    }
}
