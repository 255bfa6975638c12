package io.labelledger.app;

import com.zaxxer.hikari.HikariDataSource;
import io.labelledger.ops.StallWatchdog;
import io.netty.util.concurrent.EventExecutor;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import org.reactivestreams.Publisher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What keeps a slow Redis or database from freezing the server (issue 9, docs/adr/0046): bounded waits everywhere
 * (Redis command timeout in application.yml, pool acquire timeouts in {@link AppConfig}), Lettuce handing results to
 * its computation threads instead of running our request code on its single I/O thread, and a watchdog that dumps
 * the threads when something stops answering anyway.
 */
@Configuration
public class ResilienceConfig {

    /**
     * Lettuce emits a reply on the connection's I/O thread unless told otherwise, so everything a request does after
     * reading its session (security, GraphQL, writing the response) ran on the one thread that also reads every other
     * reply of the shared connection: one slow step there held up every Redis command of the server.
     */
    @Bean
    LettuceClientOptionsBuilderCustomizer lettuceRepliesOffTheIoThread() {
        return builder -> builder.publishOnScheduler(true);
    }

    @Bean(destroyMethod = "close")
    StallWatchdog stallWatchdog(ReactiveStringRedisTemplate redis, DatabaseClient db, JdbcTemplate jdbc, DataSource dataSource,
                                ConnectionFactory reads, ObjectProvider<ReactorResourceFactory> netty,
                                @Value("${labelledger.watchdog.threshold:5s}") Duration threshold,
                                @Value("${labelledger.watchdog.dump-every:10m}") Duration dumpEvery,
                                @Value("${labelledger.watchdog.dir:${LABELLEDGER_DATA_DIR:${java.io.tmpdir}}/diagnostics}") Path dir) {
        // a thread of its own that may block (never the pool it is watching, never a non-blocking one)
        Scheduler jdbcProbe = Schedulers.newBoundedElastic(1, 4, "stall-watchdog-jdbc", 60, true);
        Map<String, Supplier<? extends Publisher<?>>> probes = new LinkedHashMap<>();
        probes.put("redis", () -> redis.hasKey("ll:watchdog"));
        probes.put("boundedElastic", () -> Mono.fromCallable(() -> 1).subscribeOn(Schedulers.boundedElastic()));
        probes.put("r2dbc", () -> db.sql("SELECT 1").fetch().one());
        probes.put("jdbc", () -> Mono.fromCallable(() -> jdbc.queryForObject("SELECT 1", Integer.class)).subscribeOn(jdbcProbe));
        ReactorResourceFactory resources = netty.getIfAvailable();
        if (resources != null) {
            int i = 0;
            for (EventExecutor loop : resources.getLoopResources().onServer(true)) {
                probes.put("http-loop-" + i++, () -> onLoop(loop));
            }
        }
        return new StallWatchdog(probes, () -> pools(dataSource, reads), threshold, dumpEvery, dir,
                // the wall clock, not the application's (tests move that one by hours)
                Clock.systemUTC()).every(Duration.ofSeconds(1)).closing(jdbcProbe::dispose);
    }

    /** Planner statistics kept current without autovacuum (ADR 0053), checked on the maintenance thread. */
    @Bean
    io.labelledger.ops.TableStatistics tableStatistics(JdbcTemplate jdbc) {
        return new io.labelledger.ops.TableStatistics(jdbc);
    }

    @Bean
    org.springframework.boot.ApplicationRunner scheduleTableStatistics(
            @org.springframework.beans.factory.annotation.Qualifier("maintenanceScheduler")
            org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler scheduler,
            io.labelledger.ops.TableStatistics statistics,
            @Value("${labelledger.db.analyze-check:15s}") Duration every) {
        return args -> scheduler.scheduleWithFixedDelay(statistics::refreshQuietly, java.time.Instant.now().plus(every), every);
    }

    /** Projection lag per processor and segment, background jobs and their age, as gauges (issue 16). */
    @Bean(destroyMethod = "close")
    io.labelledger.ops.OpsMetrics opsMetrics(io.micrometer.core.instrument.MeterRegistry registry,
                                             org.axonframework.config.EventProcessingConfiguration processing, JdbcTemplate jdbc) {
        return new io.labelledger.ops.OpsMetrics(registry, processing, jdbc, Clock.systemUTC()).every(Duration.ofSeconds(5));
    }

    /** The read pool's state (Hikari's, the write pool's, Spring Boot binds by itself; ours is built from the URL). */
    @Bean
    io.micrometer.core.instrument.binder.MeterBinder readPoolMetrics(ConnectionFactory reads) {
        return registry -> {
            if (!(reads instanceof ConnectionPool pool)) return;
            Map<String, java.util.function.ToDoubleFunction<io.r2dbc.pool.PoolMetrics>> figures = Map.of(
                    "acquired", io.r2dbc.pool.PoolMetrics::acquiredSize, "idle", io.r2dbc.pool.PoolMetrics::idleSize,
                    "pending", io.r2dbc.pool.PoolMetrics::pendingAcquireSize, "max", io.r2dbc.pool.PoolMetrics::getMaxAllocatedSize);
            figures.forEach((name, figure) -> io.micrometer.core.instrument.Gauge
                    .builder("labelledger.r2dbc.pool." + name, pool, p -> p.getMetrics().map(figure::applyAsDouble).orElse(Double.NaN))
                    .description("Read connections (R2DBC): " + name).register(registry));
        };
    }

    private static Mono<Boolean> onLoop(EventExecutor loop) {
        Sinks.One<Boolean> ran = Sinks.one();
        return Mono.defer(() -> {
            loop.execute(() -> ran.tryEmitValue(true));
            return ran.asMono();
        });
    }

    static String pools(DataSource dataSource, ConnectionFactory reads) {
        StringBuilder s = new StringBuilder();
        if (dataSource instanceof HikariDataSource h && h.getHikariPoolMXBean() != null) {
            var p = h.getHikariPoolMXBean();
            s.append("jdbc active=").append(p.getActiveConnections()).append(" idle=").append(p.getIdleConnections())
             .append(" waiting=").append(p.getThreadsAwaitingConnection());
        }
        if (reads instanceof ConnectionPool pool) {
            pool.getMetrics().ifPresent(m -> s.append(s.isEmpty() ? "" : "; ").append("r2dbc acquired=").append(m.acquiredSize())
                    .append(" idle=").append(m.idleSize()).append(" pending=").append(m.pendingAcquireSize())
                    .append(" max=").append(m.getMaxAllocatedSize()));
        }
        return s.toString();
    }
}
