package io.labelledger.app;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.labelledger.api.Commands;
import io.labelledger.api.ReadYourWrites;
import org.springframework.security.crypto.password.PasswordEncoder;
import io.labelledger.api.Json;
import io.labelledger.api.authorization.Authorization;
import io.labelledger.api.authorization.AuthorizationInstrumentation;
import io.labelledger.api.authorization.Rules;
import io.labelledger.identity.ldap.LdapDirectory;
import io.labelledger.identity.ldap.LdapSettingsStore;
import io.labelledger.identity.ldap.LdapSignIn;
import io.labelledger.organization.read.MemberQueries;
import io.labelledger.organization.read.WorkspaceQueries;
import io.labelledger.audit.log.AuditLogProjection;
import io.labelledger.audit.read.AuditQueries;
import io.labelledger.eventstore.EventStoreLabelingConfigs;
import io.labelledger.eventstore.JdbcLabelUsage;
import io.labelledger.eventstore.ProcessorReadYourWrites;
import io.labelledger.eventstore.ProjectionRebuilder;
import io.labelledger.identity.read.UserQueries;
import io.labelledger.identity.web.ClientIp;
import io.labelledger.identity.account.LoginThrottle;
import io.labelledger.identity.account.IdentityStore;
import io.labelledger.organization.directory.DirectoryProjection;
import io.labelledger.project.config.LabelingConfigs;
import io.labelledger.project.config.OrganizationLabelingConfigs;
import io.labelledger.task.upcasting.AnnotationConfigVersionUpcaster;
import io.labelledger.task.upcasting.AnnotationImportedAuthorUpcaster;
import io.labelledger.eventstore.JdbcImportedAuthors;
import io.labelledger.task.write.ImportedAuthors;
import io.labelledger.project.read.ProjectQueries;
import io.labelledger.project.web.LabelingConfigCache;
import io.labelledger.project.write.Project;
import io.labelledger.task.datamanager.DataManagerProjection;
import io.labelledger.task.datamanager.RedisTaskRowNotifier;
import io.labelledger.projection.RedisPublisher;
import io.labelledger.task.datamanager.TaskRowNotifier;
import io.labelledger.task.export.ExportQueries;
import io.labelledger.task.export.LabelStudioExport;
import io.labelledger.task.history.TaskHistory;
import io.labelledger.project.upcasting.ProjectExportedFiltersUpcaster;
import io.labelledger.project.upcasting.ProjectExportedGroundTruthUpcaster;
import io.labelledger.project.upcasting.ProjectExportedRawValuesUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import io.labelledger.task.importing.LabelStudioTaskParser;
import io.labelledger.task.read.TaskQueries;
import io.labelledger.task.write.Task;
import io.labelledger.task.write.TaskImportHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import io.r2dbc.pool.PoolingConnectionFactoryProvider;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;

import io.labelledger.projection.Projection;
import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Wiring of the modules: write side, projections, queries, API. */
@Configuration
public class AppConfig {

    // ---- storage ----------------------------------------------------------------------------------------

    /** Declared explicitly: Boot backs off from its JDBC DataSource when R2DBC is present. */
    @Bean
    @Primary
    DataSource dataSource(@Value("${labelledger.db.url}") String url, @Value("${labelledger.db.username:postgres}") String user,
                          @Value("${labelledger.db.password:}") String password,
                          @Value("${labelledger.db.pool-size:16}") int poolSize,
                          @Value("${labelledger.db.acquire-timeout:10s}") Duration acquireTimeout) {
        HikariConfig c = new HikariConfig();
        c.setConnectionTimeout(acquireTimeout.toMillis()); // as for reads: a bounded wait, then "busy" (issue 9)
        c.setJdbcUrl(url);
        c.setUsername(user);
        c.setPassword(password);
        c.setMaximumPoolSize(poolSize);
        c.setPoolName("labelledger-jdbc");
        return new HikariDataSource(c);
    }

    /** The JDBC transaction manager Axon (and its token store) uses; named because R2DBC has one too. */
    @Bean
    @Primary
    PlatformTransactionManager transactionManager(DataSource dataSource) {
        return new JdbcTransactionManager(dataSource);
    }

    @Bean
    JdbcTemplate jdbcTemplate(DataSource dataSource) {
        return new JdbcTemplate(dataSource);
    }

    @Bean
    TransactionTemplate transactionTemplate(PlatformTransactionManager transactionManager) {
        return new TransactionTemplate(transactionManager);
    }

    /** Reads go through R2DBC, to the same database as JDBC: the URL is derived from the JDBC one. */
    @Bean
    ConnectionFactory connectionFactory(@Value("${labelledger.db.url}") String url, @Value("${labelledger.db.username:postgres}") String user,
                                        @Value("${labelledger.db.password:}") String password,
                                        @Value("${labelledger.db.read-pool-size:16}") int poolSize,
                                        @Value("${labelledger.db.read-acquire-timeout:10s}") Duration acquireTimeout) {
        // the query string's options (sslmode, sslrootcert, ...) under their R2DBC names: reads connect like writes
        ConnectionFactoryOptions.Builder options = R2dbcUrls.options(url, user, password)
                .option(PoolingConnectionFactoryProvider.MAX_SIZE, poolSize)
                // bounded waits (issue 9): an exhausted or leaking pool answers "busy" after this instead of holding
                // the request silently for ever; connections are renewed so that a half-dead one does not linger
                .option(PoolingConnectionFactoryProvider.MAX_ACQUIRE_TIME, acquireTimeout)
                .option(PoolingConnectionFactoryProvider.MAX_CREATE_CONNECTION_TIME, acquireTimeout)
                .option(PoolingConnectionFactoryProvider.MAX_IDLE_TIME, Duration.ofMinutes(10))
                .option(PoolingConnectionFactoryProvider.MAX_LIFE_TIME, Duration.ofMinutes(30))
                // a read cancelled while it runs (a client gone, a timeout) hands its connection back to the pool in a
                // state where the next query on it never answers (CancelledReadsIT, ADR 0046): each connection proves
                // itself with a round trip when it goes back to the pool and is replaced when that does not answer in
                // time, so a poisoned one never waits idle for the next request (checked on hand-out, several met in a
                // row made an acquisition fail: the one 503 seen); on hand-out only the cheap local check remains
                .option(PoolingConnectionFactoryProvider.PRE_RELEASE, AppConfig::answersBeforeRelease)
                .option(PoolingConnectionFactoryProvider.VALIDATION_DEPTH, io.r2dbc.spi.ValidationDepth.LOCAL);
        return ConnectionFactories.get(options.build());
    }

    static final Duration RELEASE_CHECK = Duration.ofSeconds(2);

    /** A connection going back to the read pool answers a round trip in time, or is replaced (its error invalidates it). */
    static org.reactivestreams.Publisher<Void> answersBeforeRelease(io.r2dbc.spi.Connection connection) {
        return reactor.core.publisher.Mono.from(connection.validate(io.r2dbc.spi.ValidationDepth.REMOTE))
                .timeout(RELEASE_CHECK)
                .flatMap(valid -> valid ? reactor.core.publisher.Mono.<Void>empty()
                        : reactor.core.publisher.Mono.error(new IllegalStateException("read connection failed its round trip")));
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    // ---- write side -------------------------------------------------------------------------------------

    @Bean
    EventStoreLabelingConfigs labelingConfigs(EventStore eventStore) {
        return new EventStoreLabelingConfigs(eventStore);
    }

    /** Labels in use per project: refuses config changes that orphan them; a subscribing processor (ADR 0008). */
    @Bean
    JdbcLabelUsage labelUsage(JdbcTemplate jdbc, LabelingConfigs configs) {
        return new JdbcLabelUsage(jdbc, configs);
    }

    /**
     * ProjectExported revision 1 → 2 (no filters and job) → 3 (not limited to ground truth, ADR 0022) → 4 (formulas
     * neutralized, ADR 0030) → 5 (no Data Manager selection, ADR 0038). One bean, a
     * chain in this order: Axon's Spring configurer orders separate upcaster beans only by @Order, and a revision 1
     * event must pass both.
     */
    @Bean
    EventUpcasterChain projectExportedUpcasters() {
        return new EventUpcasterChain(new ProjectExportedFiltersUpcaster(), new ProjectExportedGroundTruthUpcaster(),
                new ProjectExportedRawValuesUpcaster(), new io.labelledger.project.upcasting.ProjectExportedSelectionUpcaster());
    }

    /** Revision 1 LdapSettingsChanged reads back with url null (ADR 0026). */
    @Bean
    io.labelledger.organization.upcasting.LdapSettingsChangedUrlUpcaster ldapSettingsChangedUrlUpcaster() {
        return new io.labelledger.organization.upcasting.LdapSettingsChangedUrlUpcaster();
    }

    /**
     * Revision 1 annotation events read back with configVersion null, then AnnotationImported revision 2 with author
     * null (ADR 0030), then TaskImported, AnnotationSubmitted and AnnotationImported with intId null (ADR 0050): one
     * chain in this order, as for ProjectExported.
     */
    @Bean
    EventUpcasterChain annotationUpcasters() {
        return new EventUpcasterChain(new AnnotationConfigVersionUpcaster(), new AnnotationImportedAuthorUpcaster(),
                new io.labelledger.task.upcasting.TaskIntIdUpcaster());
    }

    /** Revision 1 ProjectCreated reads back with intId null (ADR 0050). */
    @Bean
    io.labelledger.project.upcasting.ProjectCreatedIntIdUpcaster projectCreatedIntIdUpcaster() {
        return new io.labelledger.project.upcasting.ProjectCreatedIntIdUpcaster();
    }

    /** A person's annotations and reservations in a project, for the annotation limit (ADR 0036). */
    @Bean
    io.labelledger.task.write.Workloads workloads(JdbcTemplate jdbc) {
        return new io.labelledger.eventstore.JdbcWorkloads(jdbc);
    }

    /** Revision 1 TaskSkipped reads back with comment null (ADR 0036). */
    @Bean
    io.labelledger.task.upcasting.TaskSkippedCommentUpcaster taskSkippedCommentUpcaster() {
        return new io.labelledger.task.upcasting.TaskSkippedCommentUpcaster();
    }

    /** Revision 1 ProjectSettingsChanged reads back with reviewers seeing the Data Manager (ADR 0042). */
    @Bean
    io.labelledger.project.upcasting.ProjectSettingsChangedReviewersUpcaster projectSettingsChangedReviewersUpcaster() {
        return new io.labelledger.project.upcasting.ProjectSettingsChangedReviewersUpcaster();
    }

    @Bean
    ImportedAuthors importedAuthors(JdbcTemplate jdbc) {
        return new JdbcImportedAuthors(jdbc);
    }

    @Bean
    TaskImportHandler taskImportHandler(@Qualifier("projectRepository") Repository<Project> projects,
                                        @Qualifier("taskRepository") Repository<Task> tasks, LabelingConfigs configs,
                                        ImportedAuthors importedAuthors) {
        return new TaskImportHandler(projects, tasks, configs, importedAuthors);
    }

    // ---- projections ------------------------------------------------------------------------------------

    /** One publishing thread and buffer for every live-view notification (a Redis stall holds up no projection). */
    @Bean
    RedisPublisher redisPublisher(ReactiveStringRedisTemplate redis) {
        return new RedisPublisher(redis);
    }

    @Bean
    TaskRowNotifier taskRowNotifier(RedisPublisher redis) {
        return new RedisTaskRowNotifier(redis);
    }

    @Bean
    DataManagerProjection dataManagerProjection(JdbcTemplate jdbc, JsonMapper json, TaskRowNotifier notifier) {
        return new DataManagerProjection(jdbc, json, notifier);
    }

    @Bean
    io.labelledger.task.comments.NotificationNotifier notificationNotifier(RedisPublisher redis) {
        return new io.labelledger.task.comments.RedisNotificationNotifier(redis);
    }

    @Bean
    io.labelledger.task.comments.CommentProjection commentProjection(JdbcTemplate jdbc,
                                                                    io.labelledger.task.comments.NotificationNotifier notifier,
                                                                    TaskRowNotifier rows) {
        return new io.labelledger.task.comments.CommentProjection(jdbc, notifier, rows);
    }

    @Bean
    DirectoryProjection directoryProjection(JdbcTemplate jdbc, RedisPublisher redis) {
        return new DirectoryProjection(jdbc, new io.labelledger.organization.directory.RedisMemberAccessNotifier(redis));
    }

    @Bean
    io.labelledger.quality.agreement.QualityProjection qualityProjection(JdbcTemplate jdbc, JsonMapper json, RedisPublisher redis) {
        return new io.labelledger.quality.agreement.QualityProjection(jdbc, json,
                new io.labelledger.quality.agreement.RedisAgreementNotifier(redis));
    }

    @Bean
    AuditLogProjection auditLogProjection(JdbcTemplate jdbc, JsonMapper json) {
        return new AuditLogProjection(jdbc, json);
    }

    /** Rebuilds into shadow tables with fresh handlers of each projection (no live notifications), then swaps (ADR 0029). */
    @Bean
    ProjectionRebuilder projectionRebuilder(EventProcessingConfiguration processing, org.axonframework.config.Configuration axon,
                                            DataSource dataSource, JdbcTemplate jdbc, TransactionTemplate tx,
                                            org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema tokens, JsonMapper json) {
        return new ProjectionRebuilder(processing, axon, dataSource, jdbc, tx, tokens, Map.of(
                // every handler class of the group: a class left out here loses its tables' rows at the swap
                Projection.DATA_MANAGER, shadow -> List.of(new DataManagerProjection(shadow, json, (projectId, taskIds) -> { }),
                        new io.labelledger.task.comments.CommentProjection(shadow, (recipient, notification) -> { })),
                Projection.DIRECTORY, shadow -> List.of(new DirectoryProjection(shadow)),
                Projection.AUDIT_LOG, shadow -> List.of(new AuditLogProjection(shadow, json)),
                Projection.QUALITY, shadow -> List.of(new io.labelledger.quality.agreement.QualityProjection(shadow, json,
                        io.labelledger.quality.agreement.AgreementNotifier.NONE))));
    }

    @Bean
    ProcessorReadYourWrites readYourWrites(EventProcessingConfiguration processing, DatabaseClient db,
                                           io.labelledger.eventstore.ProjectionPositions positions) {
        return new ProcessorReadYourWrites(processing, db, positions);
    }

    /** Processors' positions pushed by PostgreSQL to every process (issue 16); one unpooled connection LISTENs. */
    @Bean(destroyMethod = "close")
    io.labelledger.eventstore.ProjectionPositions projectionPositions(@Value("${labelledger.db.url}") String url,
                                                                      @Value("${labelledger.db.username:postgres}") String user,
                                                                      @Value("${labelledger.db.password:}") String password,
                                                                      DatabaseClient db, EventProcessingConfiguration processing) {
        ConnectionFactory listener = ConnectionFactories.get(R2dbcUrls.unpooled(url, user, password).build());
        return new io.labelledger.eventstore.ProjectionPositions(listener, db, processing, Clock.systemUTC());
    }

    // ---- queries ----------------------------------------------------------------------------------------

    @Bean
    ProjectQueries projectQueries(DatabaseClient db) { return new ProjectQueries(db); }

    /** Label Studio's integer ids and what they name (ADR 0050). */
    @Bean
    io.labelledger.shared.read.IntIdQueries intIdQueries(DatabaseClient db) { return new io.labelledger.shared.read.IntIdQueries(db); }

    @Bean
    TaskQueries taskQueries(DatabaseClient db) { return new TaskQueries(db); }

    @Bean
    io.labelledger.task.read.NotificationInbox notificationInbox(DatabaseClient db) { return new io.labelledger.task.read.NotificationInbox(db); }

    @Bean
    io.labelledger.task.read.DataManagerTabs dataManagerTabs(DatabaseClient db) { return new io.labelledger.task.read.DataManagerTabs(db); }

    @Bean
    AuditQueries auditQueries(DatabaseClient db) { return new AuditQueries(db); }

    @Bean
    io.labelledger.quality.read.QualityQueries qualityQueries(DatabaseClient db) { return new io.labelledger.quality.read.QualityQueries(db); }

    @Bean
    io.labelledger.quality.read.AgreementAsOf agreementAsOf(TaskHistory history, org.axonframework.eventsourcing.eventstore.EventStore events, JsonMapper json) {
        return new io.labelledger.quality.read.AgreementAsOf(history, events, json);
    }

    @Bean
    ExportQueries exportQueries(DatabaseClient db, TaskQueries tasks) { return new ExportQueries(db, tasks); }

    @Bean
    LabelStudioExport labelStudioExport(JsonMapper json) { return new LabelStudioExport(json); }

    @Bean
    UserQueries userQueries(DatabaseClient db) { return new UserQueries(db); }

    @Bean
    MemberQueries memberQueries(DatabaseClient db) { return new MemberQueries(db); }

    @Bean
    WorkspaceQueries workspaceQueries(DatabaseClient db) { return new WorkspaceQueries(db); }

    @Bean
    io.labelledger.organization.read.DirectoryQueries directoryQueries(DatabaseClient db) {
        return new io.labelledger.organization.read.DirectoryQueries(db);
    }

    @Bean
    TaskHistory taskHistory(EventStore eventStore, JdbcTemplate jdbc, org.axonframework.config.Configuration axon, JsonMapper json) {
        return new TaskHistory(eventStore, new io.labelledger.eventstore.JdbcTaskEvents(jdbc, axon), json);
    }

    // ---- API --------------------------------------------------------------------------------------------

    @Bean
    Commands commands(CommandGateway gateway) { return new Commands(gateway); }

    @Bean
    Authorization authorization(MemberQueries members, io.labelledger.audit.web.RefusalAudit refusals) {
        return new Authorization(Rules.load(), members, refusals);
    }

    /** Refusals an auditor needs (policy, SCIM, SAML) in the audit log, at most one per key a minute. */
    @Bean
    io.labelledger.identity.account.SecurityRefusals securityRefusals(io.labelledger.identity.account.IdentityEvents events,
                                                                      ReactiveStringRedisTemplate redis) {
        return new io.labelledger.identity.account.SecurityRefusals(events, redis);
    }

    /** Refused operations of the authorization policy in the audit log, at most one per (person, operation) a minute. */
    @Bean
    io.labelledger.audit.web.RefusalAudit refusalAudit(io.labelledger.identity.account.SecurityRefusals refusals) {
        return new io.labelledger.audit.web.RefusalAudit(refusals);
    }

    /** Every root field of the GraphQL API passes the authorization policy here (Spring chains instrumentations). */
    @Bean
    AuthorizationInstrumentation authorizationInstrumentation(Authorization authorization, io.labelledger.api.live.LiveAccess live) {
        return new AuthorizationInstrumentation(authorization, live);
    }

    @Bean
    IdentityStore identityStore(JdbcTemplate jdbc, Clock clock) { return new IdentityStore(jdbc, clock); }

    @Bean
    ClientIp clientIp() { return new ClientIp(); }

    @Bean
    LoginThrottle loginThrottle(@org.springframework.beans.factory.annotation.Value("${labelledger.redis.url}") String redisUrl) {
        return new LoginThrottle(redisUrl);
    }

    @Bean
    LdapSettingsStore ldapSettingsStore(JdbcTemplate jdbc) { return new LdapSettingsStore(jdbc); }

    @Bean
    io.labelledger.identity.account.IdentityCommands identityCommands(CommandGateway gateway) {
        return new io.labelledger.identity.account.IdentityCommands(gateway);
    }

    @Bean
    LdapSignIn ldapSignIn(LdapSettingsStore settings, IdentityStore identities, PasswordEncoder passwords,
                          io.labelledger.identity.account.IdentityCommands commands, ReadYourWrites readYourWrites,
                          LdapDirectory directory, io.labelledger.identity.account.IdentityEvents events,
                          io.labelledger.organization.read.DirectoryQueries people) {
        return new LdapSignIn(settings, directory, identities, passwords, commands, readYourWrites, events, people);
    }

    @Bean
    io.labelledger.identity.account.SignUpService signUpService(IdentityStore identities, PasswordEncoder passwords,
                                                                io.labelledger.identity.account.IdentityCommands commands,
                                                                ReadYourWrites readYourWrites,
                                                                io.labelledger.organization.read.DirectoryQueries directory, Clock clock) {
        return new io.labelledger.identity.account.SignUpService(identities, passwords, commands, readYourWrites, directory, clock);
    }

    @Bean
    Json json(JsonMapper mapper) { return new Json(mapper); }

    @Bean
    LabelingConfigCache labelingConfigCache() { return new LabelingConfigCache(); }

    @Bean
    LabelStudioTaskParser labelStudioTaskParser(JsonMapper mapper) {
        return new LabelStudioTaskParser(mapper, UUID::randomUUID);
    }

    @Bean
    ReactiveRedisMessageListenerContainer redisListenerContainer(ReactiveRedisConnectionFactory factory) {
        return new ReactiveRedisMessageListenerContainer(factory);
    }
}
