package io.labelledger.eventstore;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * Axon's JDBC event store and token store on PostgreSQL, with snake_case tables created by Flyway (V1), and the
 * Jackson 3 serializer.
 */
@Configuration
public class AxonConfig {

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry").snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index").timestampColumn("time_stamp").eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier").sequenceNumberColumn("sequence_number").typeColumn("type")
                .payloadTypeColumn("payload_type").payloadRevisionColumn("payload_revision").payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry").setProcessorNameColumn("processor_name").setSegmentColumn("segment")
                .setTokenColumn("token").setTokenTypeColumn("token_type").setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    /**
     * Axon's JDBC token store as its auto-configuration builds it, announcing each stored position to every replica
     * ({@link NotifyingTokenStore}, read-your-writes across processes).
     */
    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, TokenSchema tokenSchema,
                          TokenStoreProperties properties, JdbcTemplate jdbc) {
        return new NotifyingTokenStore(JdbcTokenStore.builder().connectionProvider(connectionProvider).schema(tokenSchema)
                .serializer(serializer).claimTimeout(properties.getClaimTimeout()), jdbc);
    }

    /**
     * Tokens (ReplayToken wraps the token at reset) are polymorphic; Jackson 3 refuses polymorphic types unless a
     * validator allows them, and then a replay cannot read its own token back and hangs (Axon issues #4160, #4218).
     * Only Axon's own types are allowed: no global default typing.
     */
    @Bean
    Jackson3SerializerCustomizer axonPolymorphicTypes() {
        return builder -> builder.polymorphicTypeValidator(
                BasicPolymorphicTypeValidator.builder().allowIfSubType("org.axonframework.").build());
    }

    /**
     * Events inherit who, for which organization and from where, from the command that caused them; "grant" names the
     * identity source (SCIM, SAML) that granted a workspace membership (docs/adr/0020).
     */
    @Bean
    CorrelationDataProvider actorMetadata() {
        return new SimpleCorrelationDataProvider("actorId", "organizationId", "clientIp", "grant");
    }

    /** correlationId and traceId, Axon's default, kept alongside ours. */
    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    /**
     * A projection that fails must not skip the event (Axon's default logs and continues): the error propagates,
     * the batch rolls back with its token, and the processor retries it with back-off.
     */
    @Bean
    ConfigurerModule projectionsNeverSkipEvents() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }

    /** Duplicate (aggregate, sequence) keys are concurrency conflicts, detected from PostgreSQL's SQL state. */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new JdbcSQLErrorCodesResolver();
    }
}
