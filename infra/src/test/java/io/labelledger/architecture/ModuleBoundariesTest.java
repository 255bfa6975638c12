package io.labelledger.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * One-way module dependencies, checked over the whole application classpath:
 * command ← projections, query ← identity (api-graphql/identity) ← api-graphql ← infra (identity's own rules: IdentityBoundariesTest). The API reaches the domain only through the command
 * gateway and the query repositories, never through aggregates.
 */
class ModuleBoundariesTest {
    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                                         .importPackages("io.labelledger");
    }

    @Test
    void writeSideDependsOnNoReadSideOrApi() {
        noClasses().that().resideInAnyPackage("..api..", "..write..", "..config..", "..importing..", "io.labelledger.shared")
                   .and().resideOutsideOfPackage("io.labelledger.api..")
                   .should().dependOnClassesThat().resideInAnyPackage("..read..", "..history..", "..datamanager..", "..directory..",
                           "..log..", "..web..", "io.labelledger.api..", "io.labelledger.app..")
                   .check(classes);
    }

    @Test
    void apiDoesNotTouchAggregates() {
        noClasses().that().resideInAnyPackage("..web..", "io.labelledger.api..")
                   .should().dependOnClassesThat().resideInAnyPackage("..write..")
                   .check(classes);
    }

    @Test
    void readSideDoesNotDependOnWriteSideInternalsOrApi() {
        noClasses().that().resideInAnyPackage("..read..", "..history..", "..datamanager..", "..directory..", "..audit.log..", "..quality.agreement..")
                   .should().dependOnClassesThat().resideInAnyPackage("..write..", "..web..", "io.labelledger.api..")
                   .check(classes);
    }

    @Test
    void projectionsWriteWithJdbcAndQueriesReadWithR2dbc() {
        noClasses().that().resideInAnyPackage("..datamanager..", "..directory..", "..audit.log..", "..quality.agreement..")
                   .should().dependOnClassesThat().resideInAnyPackage("org.springframework.r2dbc..", "io.r2dbc..")
                   .check(classes);
        noClasses().that().resideInAnyPackage("..read..")
                   .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..")
                   .check(classes);
    }
}
