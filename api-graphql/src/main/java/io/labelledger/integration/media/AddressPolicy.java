package io.labelledger.integration.media;

import java.net.InetAddress;
import java.util.Optional;

/**
 * Which addresses the storage proxy may connect to. The production policy is {@link PublicAddresses}; it is a bean so
 * that integration tests can additionally trust one local test server (everything local is loopback).
 */
public interface AddressPolicy {
    /** Why a connection to this address and port is refused, or empty when it is allowed. */
    Optional<String> refusal(InetAddress address, int port);
}
