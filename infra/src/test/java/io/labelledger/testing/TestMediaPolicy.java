package io.labelledger.testing;

import io.labelledger.integration.media.AddressPolicy;
import io.labelledger.integration.media.PublicAddresses;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The storage proxy's address policy in integration tests: the real one ({@link PublicAddresses}), except for the
 * exact local test servers a test declares "public" (everything local is loopback). Any other port on loopback,
 * and every other private address, stays refused.
 */
public final class TestMediaPolicy implements AddressPolicy {
    private static final Set<InetSocketAddress> TRUSTED = ConcurrentHashMap.newKeySet();
    private final AddressPolicy real = new PublicAddresses();

    /** Treats this one local server as public until the handle is closed. */
    public static AutoCloseable trust(InetSocketAddress server) {
        TRUSTED.add(server);
        return () -> TRUSTED.remove(server);
    }

    @Override
    public Optional<String> refusal(InetAddress address, int port) {
        if (TRUSTED.contains(new InetSocketAddress(address, port))) return Optional.empty();
        return real.refusal(address, port);
    }

    @TestConfiguration
    public static class Config {
        @Bean
        @Primary
        AddressPolicy testMediaAddressPolicy() { return new TestMediaPolicy(); }
    }
}
