package io.labelledger;

import io.labelledger.embedded.EmbeddedServers;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * LabelLedger. With no database configured (LABELLEDGER_DB_URL / LABELLEDGER_REDIS_URL), starts an embedded
 * PostgreSQL and a Redis of its own so that a fresh machine needs nothing else.
 */
@SpringBootApplication
public class LabelLedgerApplication {
    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true"); // no calls home from a self-hosted install
        System.setProperty("disable-axoniq-console-message", "true");
        EmbeddedServers.startIfUnconfigured();
        SpringApplication.run(LabelLedgerApplication.class, args);
    }
}
