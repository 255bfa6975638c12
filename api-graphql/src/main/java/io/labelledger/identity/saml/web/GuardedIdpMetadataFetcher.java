package io.labelledger.identity.saml.web;

import io.labelledger.identity.saml.IdpMetadataFetcher;
import io.labelledger.identity.saml.OpenSaml;
import io.labelledger.identity.saml.SamlRefused;

import io.labelledger.integration.media.MediaFetcher;
import io.labelledger.integration.media.MediaUrl;
import io.labelledger.integration.media.PinnedAddress;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Fetches IdP metadata from its URL with the storage proxy's guarded client (ADR 0019): public addresses only, the
 * checked address pinned for the connection, redirects checked again, nothing of ours sent. An Admin's metadata URL
 * must not make the server reach into its own network (the cloud metadata address, the database...). Blocking: call
 * it from boundedElastic.
 */
@Component
public class GuardedIdpMetadataFetcher implements IdpMetadataFetcher {
    static final Duration TIMEOUT = Duration.ofSeconds(20);
    private final MediaFetcher fetcher;

    public GuardedIdpMetadataFetcher(MediaFetcher fetcher) {
        this.fetcher = fetcher;
    }

    @Override
    public String fetch(String url) {
        try {
            MediaFetcher.Fetched answer = fetcher.fetch(MediaUrl.parse(url)).block(TIMEOUT);
            if (answer == null) throw new SamlRefused(SamlRefused.Reason.MALFORMED, "the metadata URL answered nothing");
            byte[] bytes = DataBufferUtils.join(answer.body(), OpenSaml.MAX_XML_BYTES).map(b -> {
                byte[] out = new byte[b.readableByteCount()];
                b.read(out);
                DataBufferUtils.release(b);
                return out;
            }).block(TIMEOUT);
            return new String(bytes == null ? new byte[0] : bytes, StandardCharsets.UTF_8);
        } catch (MediaUrl.Refused | PinnedAddress.Unreachable e) {
            throw new SamlRefused(SamlRefused.Reason.MALFORMED, e.getMessage());
        } catch (DataBufferLimitException | MediaFetcher.TooLarge e) {
            throw new SamlRefused(SamlRefused.Reason.MALFORMED, "metadata too large");
        } catch (SamlRefused e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SamlRefused(SamlRefused.Reason.MALFORMED, "could not fetch the metadata");
        }
    }
}
