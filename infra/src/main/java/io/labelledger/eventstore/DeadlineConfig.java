package io.labelledger.eventstore;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Persisted Axon deadlines (reservation expiry, ADR 0036): Axon's own DbSchedulerDeadlineManager on db-scheduler's
 * table in PostgreSQL (V36). A deadline scheduled by one replica, or before a restart, fires on whichever replica polls
 * it after its time. The scheduler starts once the application has started (Axon's handlers are subscribed by then) and
 * stops first on shutdown.
 */
@Configuration
public class DeadlineConfig {

    @Bean
    Scheduler deadlineScheduler(DataSource dataSource, ApplicationContext context,
                                @Value("${labelledger.deadlines.polling-interval:5s}") Duration pollingInterval) {
        var task = DbSchedulerDeadlineManager.binaryTask(() -> context.getBean(DbSchedulerDeadlineManager.class));
        // transaction-aware: a deadline scheduled by a command is written on the command's own connection and commits
        // (or rolls back) with its events; a second connection per command starved the pool under 50 annotators
        return Scheduler.create(new org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy(dataSource), task)
                        .tableName("scheduled_tasks")
                        .pollingInterval(pollingInterval)
                        .threads(2)
                        .shutdownMaxWait(Duration.ofSeconds(5))
                        .build();
    }

    @Bean
    DbSchedulerDeadlineManager deadlineManager(Scheduler deadlineScheduler, org.axonframework.config.Configuration axon,
                                               Serializer serializer, TransactionManager transactions) {
        return DbSchedulerDeadlineManager.builder()
                .scheduler(deadlineScheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(axon))
                .serializer(serializer)
                .transactionManager(transactions)
                .startScheduler(false)
                .stopScheduler(false)
                .build();
    }

    @Bean
    SmartLifecycle deadlineSchedulerLifecycle(Scheduler deadlineScheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                deadlineScheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                deadlineScheduler.stop();
                running = false;
            }

            @Override
            public boolean isRunning() { return running; }

            /** After Axon's lifecycle (event processors, aggregates) started; stopped before it. */
            @Override
            public int getPhase() { return Integer.MAX_VALUE - 1000; }
        };
    }

    static boolean notAConcurrencyConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof org.axonframework.modelling.command.ConcurrencyException) return false;
        }
        return true;
    }

    /**
     * Commands on one aggregate race on the event store's (aggregate, sequence) key: the loser is retried on the
     * aggregate's new state (e.g. a task handed out meanwhile then refuses with TASK_FULL), a few times, instead of
     * failing the request. Commands that create what Label Studio's REST API numbers get their integer ids first
     * (ADR 0050), so a retry keeps them.
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus, org.springframework.jdbc.core.JdbcTemplate jdbc) {
        ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "command-retry");
            t.setDaemon(true);
            return t;
        });
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .dispatchInterceptors(new IntIdAllocation(jdbc))
                .retryScheduler(IntervalRetryScheduler.builder().retryExecutor(retries).retryInterval(25).maxRetryCount(8)
                        // only a lost race is retried: a refusal (TASK_FULL, VALIDATION...) answers at once
                        .nonTransientFailurePredicate(DeadlineConfig::notAConcurrencyConflict).build())
                .build();
    }
}
