package io.labelledger;

import io.labelledger.embedded.EmbeddedServers;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * LabelLedger. With no database configured (LABELLEDGER_DB_URL / LABELLEDGER_REDIS_URL), starts an embedded
 * PostgreSQL and a Redis of its own so that a fresh machine needs nothing else.
 */
@SpringBootApplication
public class LabelLedgerApplication {
    public static void main(String[] args) {
        if (io.labelledger.audit.cli.AuditCommand.handles(args)) { // offline tools: no servers, no Spring (ADR 0051)
            System.exit(io.labelledger.audit.cli.AuditCommand.run(args, System.out, System.err));
        }
        System.setProperty("axoniq.update-checker.disabled", "true"); // no calls home from a self-hosted install
        System.setProperty("disable-axoniq-console-message", "true");
        EmbeddedServers.startIfUnconfigured();
        // one shutdown hook: the application context closes first (Lettuce, Hikari, Axon disconnect from live servers),
        // then the embedded servers stop — stopping them concurrently made Lettuce reconnect for ~18 s (issue 9)
        SpringApplication application = new SpringApplication(LabelLedgerApplication.class);
        application.setRegisterShutdownHook(false);
        ConfigurableApplicationContext context;
        try {
            context = application.run(args);
        } catch (RuntimeException e) {
            EmbeddedServers.stop();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                context.close();
            } finally {
                EmbeddedServers.stop();
            }
        }, "labelledger-shutdown"));
    }
}
