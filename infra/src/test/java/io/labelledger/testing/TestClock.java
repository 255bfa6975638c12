package io.labelledger.testing;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock in integration tests: real time plus an offset a test may move forward (session expiry,
 * invitation expiry) and must put back. Tests of one JVM run one after the other, so the offset is theirs alone.
 */
public final class TestClock extends Clock {
    private static volatile Duration offset = Duration.ZERO;

    /** Moves the application's time forward; returns a handle that puts it back. */
    public static AutoCloseable advance(Duration by) {
        offset = offset.plus(by);
        return () -> offset = offset.minus(by);
    }

    @Override
    public ZoneId getZone() { return ZoneOffset.UTC; }

    @Override
    public Clock withZone(ZoneId zone) { return this; }

    @Override
    public Instant instant() { return Instant.now().plus(offset); }

    @TestConfiguration
    public static class Config {
        @Bean
        @Primary
        Clock testClock() { return new TestClock(); }
    }
}
