package io.labelledger;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** The write side stays a pure domain module: no web, no database access, no read side. */
class ArchitectureTest {
    static final JavaClasses COMMAND = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.labelledger");

    static final ArchRule NO_WEB_DATABASE_OR_READ_SIDE = noClasses()
            .that().resideInAPackage("io.labelledger..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework.web..", "org.springframework.http..", "org.springframework.graphql..",
                    "org.springframework.r2dbc..", "io.r2dbc..",
                    "org.springframework.jdbc..", "java.sql..", "javax.sql..",
                    "io.labelledger..query..", "io.labelledger..projections..")
            .because("the command module holds decisions only; reading and serving live in other modules");

    static final ArchRule MESSAGES_DO_NOT_KNOW_AGGREGATES = messagesDoNotKnowAggregates("io.labelledger..api..");

    static ArchRule messagesDoNotKnowAggregates(String messagePackages) {
        return noClasses()
                .that().resideInAPackage(messagePackages)
                .should().dependOnClassesThat().resideInAPackage("io.labelledger..write..")
                .because("commands and events are the shared message API; callers must not compile against aggregates");
    }

    /** A message that breaks both rules on purpose, to prove they are not vacuous. Nested so that no api package holds it. */
    record LeakyEvent(io.labelledger.task.write.Task task, java.sql.Timestamp at) {}

    @Test
    void theCommandModuleIsImported() {
        assertThat(COMMAND.stream().map(c -> c.getPackageName()))
                .contains("io.labelledger.task.api", "io.labelledger.task.write", "io.labelledger.project.config");
    }

    @Test
    void noWebDatabaseOrReadSide() {
        NO_WEB_DATABASE_OR_READ_SIDE.check(COMMAND);
    }

    @Test
    void messagesDoNotDependOnTheWriteModel() {
        MESSAGES_DO_NOT_KNOW_AGGREGATES.check(COMMAND);
    }

    /** The rules are not vacuous: a message class that reaches into an aggregate is caught. */
    @Test
    void theMessageRuleCatchesAViolation() {
        JavaClasses leaky = new ClassFileImporter().importClasses(LeakyEvent.class);
        assertThat(messagesDoNotKnowAggregates("io.labelledger").evaluate(leaky).hasViolation()).isTrue();
        assertThat(NO_WEB_DATABASE_OR_READ_SIDE.evaluate(leaky).hasViolation()).isTrue();
    }
}
