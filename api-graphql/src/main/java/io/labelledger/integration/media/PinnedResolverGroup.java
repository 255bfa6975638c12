package io.labelledger.integration.media;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.InetNameResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The name resolver of one proxied request: answers the checked address for the checked host and fails for any other
 * name, so the HTTP client cannot look the host up again (DNS rebinding) or reach another one.
 */
final class PinnedResolverGroup extends AddressResolverGroup<InetSocketAddress> {
    private final String host;
    private final InetAddress pinned;

    PinnedResolverGroup(String host, InetAddress pinned) {
        this.host = host;
        this.pinned = pinned;
    }

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        return new InetNameResolver(executor) {
            @Override
            protected void doResolve(String inetHost, Promise<InetAddress> promise) {
                if (host.equalsIgnoreCase(inetHost)) promise.setSuccess(pinned);
                else promise.setFailure(new UnknownHostException(inetHost + " was not checked"));
            }

            @Override
            protected void doResolveAll(String inetHost, Promise<List<InetAddress>> promise) {
                if (host.equalsIgnoreCase(inetHost)) promise.setSuccess(List.of(pinned));
                else promise.setFailure(new UnknownHostException(inetHost + " was not checked"));
            }
        }.asAddressResolver();
    }
}
