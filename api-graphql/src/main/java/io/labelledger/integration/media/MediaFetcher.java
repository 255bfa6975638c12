package io.labelledger.integration.media;

import io.netty.channel.ChannelOption;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fetches one media URL for the storage proxy (ADR 0019): each hop's host is resolved once and checked, the
 * connection goes to that pinned address (a fresh, unpooled connection), redirects are followed by hand (at most
 * {@link #MAX_REDIRECTS}) and each target is checked again. Nothing of the caller's request (cookies, authorization)
 * is sent; the body is streamed with a size cap and an idle timeout.
 */
public class MediaFetcher {
    public static final int MAX_REDIRECTS = 3;

    private final AddressPolicy policy;
    private final PinnedAddress.Resolver dns;
    private final long maxBytes;
    private final Duration timeout;

    public MediaFetcher(AddressPolicy policy, PinnedAddress.Resolver dns, long maxBytes, Duration timeout) {
        this.policy = policy;
        this.dns = dns;
        this.maxBytes = maxBytes;
        this.timeout = timeout;
    }

    /** The upstream answer: a 2xx status, its content type and length (-1: unknown), and the capped body. */
    public record Fetched(HttpStatusCode status, MediaType contentType, long contentLength, Flux<DataBuffer> body) {}

    public Mono<Fetched> fetch(MediaUrl url) {
        return hop(url, 0);
    }

    private Mono<Fetched> hop(MediaUrl url, int redirects) {
        return Mono.fromCallable(() -> PinnedAddress.resolve(url, policy, dns))
                   .subscribeOn(Schedulers.boundedElastic()) // DNS lookups block
                   .flatMap(address -> request(url, address))
                   .flatMap(response -> {
                       HttpStatusCode status = response.getStatusCode();
                       if (status.is3xxRedirection() && response.getHeaders().getLocation() != null) {
                           URI next = url.uri().resolve(response.getHeaders().getLocation());
                           return discard(response.getBody()).then(Mono.defer(() -> {
                               if (redirects >= MAX_REDIRECTS) return Mono.error(new MediaUrl.Refused("More than " + MAX_REDIRECTS + " redirects"));
                               return hop(MediaUrl.of(next), redirects + 1);
                           }));
                       }
                       if (!status.is2xxSuccessful()) {
                           return discard(response.getBody()).then(Mono.error(new PinnedAddress.Unreachable("The server answered " + status.value())));
                       }
                       long length = response.getHeaders().getContentLength();
                       if (length > maxBytes) return discard(response.getBody()).then(Mono.error(new TooLarge(maxBytes)));
                       return Mono.just(new Fetched(status, response.getHeaders().getContentType(), length, capped(response.getBody())));
                   });
    }

    private Mono<ResponseEntity<Flux<DataBuffer>>> request(MediaUrl url, InetAddress address) {
        HttpClient http = HttpClient.newConnection() // never a pooled connection another host's check opened
                .resolver(new PinnedResolverGroup(url.host(), address))
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .responseTimeout(timeout)
                .followRedirect(false)
                .noProxy();
        WebClient client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
        return client.get().uri(pinnedUri(url, address))
                     .header(HttpHeaders.ACCEPT, "image/*, audio/*, video/*, text/*;q=0.5, */*;q=0.1")
                     .header(HttpHeaders.USER_AGENT, "LabelLedger-media-proxy")
                     .retrieve()
                     .onStatus(s -> true, r -> Mono.empty()) // every status is handled above, none is an exception
                     .toEntityFlux(DataBuffer.class)
                     .onErrorMap(e -> !(e instanceof MediaUrl.Refused), e -> new PinnedAddress.Unreachable("Could not fetch " + url.host()));
    }

    /**
     * A host written as a number is sent as the canonical form of the address that was checked, so that the HTTP
     * client cannot read an ambiguous spelling (0x08.8.8.8, 010.8.8.8) differently from the check.
     */
    static URI pinnedUri(MediaUrl url, InetAddress address) {
        if (MediaUrl.literal(url.host()).isEmpty()) return url.uri();
        String host = address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
        URI u = url.uri();
        StringBuilder s = new StringBuilder(u.getScheme()).append("://").append(host).append(':').append(url.port());
        s.append(u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath());
        if (u.getRawQuery() != null) s.append('?').append(u.getRawQuery());
        return URI.create(s.toString());
    }

    private Flux<DataBuffer> capped(Flux<DataBuffer> body) {
        AtomicLong seen = new AtomicLong();
        return body.timeout(timeout).handle((buffer, sink) -> {
            if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
                DataBufferUtils.release(buffer);
                sink.error(new TooLarge(maxBytes)); // the response is cut off: the client sees a broken download
            } else {
                sink.next(buffer);
            }
        });
    }

    private Mono<Void> discard(Flux<DataBuffer> body) {
        return capped(body).doOnNext(DataBufferUtils::release).then()
                           .onErrorResume(e -> Mono.empty())
                           .timeout(Duration.ofSeconds(2), Mono.empty());
    }

    /** The upstream body is larger than the proxy passes on. */
    public static final class TooLarge extends RuntimeException {
        public TooLarge(long maxBytes) { super("The file is larger than " + maxBytes + " bytes", null, false, false); }
    }
}
