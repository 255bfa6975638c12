package io.labelledger.integration.media;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.InetAddress;
import java.time.Duration;

@Configuration(proxyBeanMethods = false)
public class MediaProxyConfig {
    @Bean
    AddressPolicy mediaAddressPolicy() { return new PublicAddresses(); }

    @Bean
    MediaFetcher mediaFetcher(AddressPolicy policy,
                              @Value("${labelledger.media-proxy.max-bytes:104857600}") long maxBytes,
                              @Value("${labelledger.media-proxy.timeout:PT15S}") Duration timeout) {
        return new MediaFetcher(policy, InetAddress::getAllByName, maxBytes, timeout);
    }
}
