package io.labelledger.identity.saml;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;

/** SAML single sign-on (ADR 0013). */
@Configuration
public class SamlConfig {

    @Bean
    SsoStore ssoStore(JdbcTemplate jdbc, JsonMapper json, Clock clock) {
        return new SsoStore(jdbc, json, clock);
    }

    @Bean
    SamlState samlState(ReactiveStringRedisTemplate redis) {
        return new SamlState(redis);
    }

    /** The master key that seals SP private keys: from the environment (LABELLEDGER_SSO_MASTER_KEY), never the database. */
    @Bean
    SsoKeys ssoKeys(@Value("${labelledger.sso.master-key:}") String masterKey) {
        OpenSaml.initialize();
        return new SsoKeys(masterKey);
    }

    @Bean
    SamlSignIn samlSignIn(SsoStore store, SamlState state, io.labelledger.identity.account.IdentityStore identities,
                          io.labelledger.identity.account.IdentityCommands commands, io.labelledger.projection.ReadYourWrites readYourWrites,
                          io.labelledger.organization.read.DirectoryQueries directory, Clock clock) {
        return new SamlSignIn(store, state, identities, commands, readYourWrites, directory, clock);
    }

    @Bean
    SamlEndpoints samlEndpoints(SsoStore store, SsoKeys keys, SamlState state, SamlSignIn signIn,
                                io.labelledger.identity.account.IdentityStore identities,
                                io.labelledger.identity.account.SecurityRefusals refusals, Clock clock) {
        return new SamlEndpoints(store, keys, state, signIn, identities, refusals, clock);
    }

    @Bean
    SsoMetadataRefresher ssoMetadataRefresher(SsoStore store, IdpMetadataFetcher fetcher) {
        return new SsoMetadataRefresher(store, fetcher);
    }

    @Bean
    SsoSettingsService ssoSettingsService(SsoStore store, SsoKeys keys, SpUrls urls, Clock clock, IdpMetadataFetcher metadata,
                                          SsoMetadataRefresher refresher, io.labelledger.identity.account.IdentityEvents events,
                                          io.labelledger.organization.read.DirectoryQueries directory) {
        return new SsoSettingsService(store, keys, urls, clock, metadata, refresher, events, directory);
    }

    @Bean
    SpUrls spUrls(@Value("${labelledger.public-url:}") String publicUrl) {
        return new SpUrls(publicUrl);
    }
}
