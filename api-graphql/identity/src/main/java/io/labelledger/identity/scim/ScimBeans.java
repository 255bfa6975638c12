package io.labelledger.identity.scim;

import io.labelledger.identity.account.IdentityEvents;
import io.labelledger.identity.account.IdentityStore;
import io.labelledger.organization.read.DirectoryQueries;
import io.labelledger.identity.read.scim.ScimResources;
import org.springframework.r2dbc.core.DatabaseClient;
import io.labelledger.projection.ReadYourWrites;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;

/** SCIM's services (ADR 0014); its endpoints and security chain are api-graphql's ({@code identity.scim.web}). */
@Configuration(proxyBeanMethods = false)
public class ScimBeans {

    @Bean
    ScimStore scimStore(JdbcTemplate jdbc) { return new ScimStore(jdbc); }

    @Bean
    ScimJson scimJson(JsonMapper mapper) { return new ScimJson(mapper); }

    @Bean
    ScimService scimService(ScimStore store, ScimResources resources, DirectoryQueries directory, IdentityStore identities,
                            CommandGateway gateway, ReadYourWrites readYourWrites, TransactionTemplate tx, Clock clock) {
        return new ScimService(store, resources, directory, identities, gateway, readYourWrites, tx, clock);
    }

    /** The User and Group resources as read (query: they join identity's scim_user with the directory). */
    @Bean
    ScimResources scimResources(DatabaseClient db) { return new ScimResources(db); }

    @Bean
    ScimTokenService scimTokenService(ScimStore store, DirectoryQueries directory, IdentityEvents events, Clock clock) {
        return new ScimTokenService(store, directory, events, clock);
    }
}
