package io.labelledger.ops;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class StallWatchdogTest {
    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-12-07T18:00:00Z");
        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
        void advance(Duration d) { now = now.plus(d); }
    }

    @Test
    void aProbeSilentForLongerThanTheThresholdIsReportedWithAThreadDump(@TempDir Path dir) throws Exception {
        // given a probe that answers and one that never does
        Sinks.One<Boolean> redis = Sinks.one();
        Map<String, Supplier<? extends Publisher<?>>> probes = new LinkedHashMap<>();
        probes.put("answers", () -> Mono.just(1));
        probes.put("redis", redis::asMono);
        MovableClock clock = new MovableClock();
        try (StallWatchdog watchdog = new StallWatchdog(probes, () -> "jdbc active=16", Duration.ofSeconds(5), Duration.ofMinutes(10), dir, clock)) {
            // when less than the threshold passes, nothing is reported
            watchdog.tick();
            clock.advance(Duration.ofSeconds(4));
            watchdog.tick();
            assertThat(watchdog.lastStall()).isEmpty();

            // when the silent probe passes the threshold
            clock.advance(Duration.ofSeconds(2));
            watchdog.tick();

            // then it alone is reported, with the pools and a full thread dump naming this test's thread
            StallWatchdog.Stall stall = watchdog.lastStall().orElseThrow();
            assertThat(stall.stuck()).containsOnlyKeys("redis");
            assertThat(stall.stuck().get("redis")).isEqualTo(Duration.ofSeconds(6));
            assertThat(stall.pools()).isEqualTo("jdbc active=16");
            assertThat(Files.readString(stall.dump().orElseThrow())).contains(Thread.currentThread().getName());

            // and once it answers, the next round starts it afresh and reports nothing new
            redis.tryEmitValue(true);
            clock.advance(Duration.ofSeconds(1));
            watchdog.tick();
            assertThat(watchdog.lastStall().orElseThrow().at()).isEqualTo(stall.at());
        }
    }

    @Test
    void aLongStallWritesOneDumpPerInterval(@TempDir Path dir) throws Exception {
        Map<String, Supplier<? extends Publisher<?>>> probes = Map.of("never", Mono::never);
        MovableClock clock = new MovableClock();
        try (StallWatchdog watchdog = new StallWatchdog(probes, () -> "", Duration.ofSeconds(5), Duration.ofMinutes(10), dir, clock)) {
            watchdog.tick();
            for (int i = 0; i < 120; i++) { // two minutes of a stall, a round a second
                clock.advance(Duration.ofSeconds(1));
                watchdog.tick();
            }
            try (var files = Files.list(dir)) {
                assertThat(files.count()).isEqualTo(1);
            }
        }
    }
}
