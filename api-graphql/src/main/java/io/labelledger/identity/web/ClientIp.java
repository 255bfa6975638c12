package io.labelledger.identity.web;

import org.springframework.web.server.ServerWebExchange;

import java.net.InetSocketAddress;

/**
 * The client's address as the server sees it. Behind a proxy, enable server.forward-headers-strategy so that
 * Spring rewrites the remote address from trusted X-Forwarded-For headers (never parsed here from raw input).
 */
public class ClientIp {
    public String of(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? null : remote.getAddress().getHostAddress();
    }
}
