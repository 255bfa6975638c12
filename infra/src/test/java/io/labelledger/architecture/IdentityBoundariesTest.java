package io.labelledger.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import archfixtures.ControllerCallingController;
import archfixtures.IdentityServiceUsingTheApi;
import archfixtures.identity.ThingStore;
import archfixtures.identity.web.ControllerWithLogic;
import archfixtures.identity.web.ControllerWithSql;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;

import java.net.URI;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Identity has its own module (api-graphql/identity, docs/adr/0026 "Where the code lives"), and these rules keep it so:
 * <ul>
 *   <li>identity's classes in api-graphql (the thin controllers and HTTP wiring, {@code io.labelledger.identity..web..})
 *   run no SQL themselves: no JdbcTemplate, DatabaseClient, java.sql or R2DBC — stores live in the identity module,
 *   reads of other contexts' read models in query;</li>
 *   <li>no controller depends on another controller (or on a type nested in one): what two share is a service or a
 *   record of its own;</li>
 *   <li>identity's controllers only translate: they (and the types nested in them) use no store, no command sender and
 *   no projection wait — that is the identity services' work ({@link #NOT_YET_THIN} is empty);</li>
 *   <li>the identity module depends on nothing of api-graphql — by package, and by where each class was loaded from
 *   (Maven forbids it too; the check names the class that would do it).</li>
 * </ul>
 * Each rule is a method, so that {@link TheRulesCanFail} runs the very same rule over classes that break it.
 */
class IdentityBoundariesTest {
    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                                         .importPackages("io.labelledger");
    }

    /** The API's packages and the API-only parts of other contexts (controllers, media proxy, wiring). */
    static final String[] API_PACKAGES = {"io.labelledger.api..", "..web..", "io.labelledger.integration..", "io.labelledger.app..",
            "io.labelledger.eventstore.."};

    static ArchRule identityWebRunsNoSql(String webPackages) {
        return noClasses().that().resideInAPackage(webPackages)
                          .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "org.springframework.r2dbc..",
                                  "io.r2dbc..", "java.sql..", "javax.sql..")
                          .because("identity's stores are in the identity module and reads of other contexts' read models in query");
    }

    /** Controllers in {@code packages} depend on no other controller in {@code others} (nor on a type nested in one). */
    static ArchRule noControllerDependsOnAnotherController(String packages, String others) {
        return classes().that(are(controller())).and().resideInAPackage(packages)
                        .should(notDependOnAnotherController(others))
                        .because("two controllers share a service or a record of their own, never each other");
    }

    /**
     * Identity controllers that still do some work themselves: none any more (docs/adr/0026 "Where the code lives").
     * Kept as a parameter of the rule, so that {@link TheRulesCanFail} proves a listed controller is let through and
     * an unlisted one is not.
     */
    static final Set<String> NOT_YET_THIN = Set.of();

    static ArchRule identityControllersOnlyDelegate(String packages, Set<String> notYetThin) {
        return noClasses().that(are(partOfAController(notYetThin))).and().resideInAPackage(packages)
                          .should().dependOnClassesThat(are(storeOrCommandSender()))
                          .because("identity's steps (checks, commands, storage) live in identity services; controllers translate");
    }

    static ArchRule identityModuleUsesNoApiPackage(String identityPackages) {
        return noClasses().that().resideInAPackage(identityPackages)
                          .and().resideOutsideOfPackages("io.labelledger.identity..web..", "io.labelledger.identity.api..",
                                  "io.labelledger.identity.read..")
                          .should().dependOnClassesThat().resideInAnyPackage(API_PACKAGES)
                          .because("api-graphql depends on identity, never the other way");
    }

    static ArchRule moduleDependsOnNoOther(String module, String forbidden) {
        return noClasses().that(are(fromModule(module)))
                          .should().dependOnClassesThat(are(fromModule(forbidden)))
                          .because(module + " is built before " + forbidden);
    }

    @Test
    void identityControllersRunNoSql() {
        identityWebRunsNoSql("io.labelledger.identity..web..").check(classes);
    }

    /**
     * Identity's controllers call no other controller, and no controller calls one of identity's. (Elsewhere,
     * project/organization controllers still share ProjectPayload and the workspace move: theirs to untangle.)
     */
    @Test
    void noControllerDependsOnAnotherController() {
        noControllerDependsOnAnotherController("io.labelledger.identity..", "io.labelledger..").check(classes);
        noControllerDependsOnAnotherController("io.labelledger..", "io.labelledger.identity..").check(classes);
    }

    @Test
    void identityControllersOnlyDelegate() {
        identityControllersOnlyDelegate("io.labelledger.identity..web..", NOT_YET_THIN).check(classes);
    }

    /**
     * The directory's tables ({@code rm_*}, the organization context's read model) are read through query, never by
     * the identity module's own SQL (docs/adr/0026 "Tables identity owns"). SQL is text, out of ArchUnit's sight: the
     * sources are read.
     */
    @Test
    void theIdentityModuleRunsNoSqlOverTheDirectorysTables() throws java.io.IOException {
        java.nio.file.Path sources = java.nio.file.Path.of("..", "api-graphql", "identity", "src", "main", "java");
        assertThat(sources).as("the identity module's sources, from infra's working directory").isDirectory();
        java.util.Map<String, Set<String>> found = new java.util.TreeMap<>();
        try (var files = java.nio.file.Files.walk(sources)) {
            for (java.nio.file.Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Set<String> tables = directoryTablesIn(java.nio.file.Files.readString(f));
                if (!tables.isEmpty()) found.put(sources.relativize(f).toString(), tables);
            }
        }
        assertThat(found).as("identity sources naming the directory's tables (read them through query)").isEmpty();
    }

    /** The directory tables a source names: {@code rm_} followed by a table name. */
    static Set<String> directoryTablesIn(String source) {
        Set<String> tables = new java.util.TreeSet<>();
        Matcher m = Pattern.compile("\\brm_[a-z_]+").matcher(source);
        while (m.find()) tables.add(m.group());
        return tables;
    }

    @Test
    void theIdentityModuleDependsOnNoApiPackage() {
        identityModuleUsesNoApiPackage("io.labelledger.identity..").check(classes);
    }

    @Test
    void theIdentityModuleDependsOnNothingOfApiGraphql() {
        assertThat(classes.stream().filter(fromModule("identity"))).as("classes of the identity module found").isNotEmpty();
        assertThat(classes.stream().filter(fromModule("api-graphql"))).as("classes of api-graphql found").isNotEmpty();
        moduleDependsOnNoOther("identity", "api-graphql").check(classes);
    }

    /** Each rule above, over test classes made to break it: it reports them (a rule that cannot fail proves nothing). */
    @Nested
    class TheRulesCanFail {
        // outside io.labelledger, so that no application context scans these controllers
        final JavaClasses violations = new ClassFileImporter().importPackages("archfixtures");

        @Test
        void aControllerWithSqlIsReported() {
            var result = identityWebRunsNoSql("archfixtures.identity.web..").evaluate(violations);
            assertThat(result.hasViolation()).isTrue();
            assertThat(result.getFailureReport().getDetails()).anyMatch(d -> d.contains(ControllerWithSql.class.getName()) && d.contains("JdbcTemplate"));
        }

        @Test
        void aControllerCallingAControllerIsReported() {
            var result = noControllerDependsOnAnotherController("archfixtures..", "archfixtures..").evaluate(violations);
            assertThat(result.hasViolation()).isTrue();
            assertThat(result.getFailureReport().getDetails())
                    .anyMatch(d -> d.contains(ControllerCallingController.class.getName()) && d.contains(ControllerWithSql.class.getName()))
                    .anyMatch(d -> d.contains(ControllerCallingController.class.getName()) && d.contains(ControllerWithSql.Answer.class.getName()));
            // a controller's own nested types (its inputs and payloads) are its own business
            assertThat(noControllerDependsOnAnotherController("archfixtures..", "archfixtures..")
                    .evaluate(new ClassFileImporter().importClasses(ControllerWithSql.class, ControllerWithSql.Answer.class)).hasViolation()).isFalse();
        }

        @Test
        void aControllerWithLogicIsReported() {
            var fixtures = new ClassFileImporter().importClasses(ControllerWithLogic.class, ControllerWithLogic.Answer.class, ThingStore.class,
                    org.axonframework.commandhandling.gateway.CommandGateway.class);
            var result = identityControllersOnlyDelegate("archfixtures..", Set.of()).evaluate(fixtures);
            assertThat(result.hasViolation()).isTrue();
            assertThat(result.getFailureReport().getDetails())
                    .anyMatch(d -> d.contains(ControllerWithLogic.class.getName()) && d.contains(ThingStore.class.getName()))
                    .anyMatch(d -> d.contains(ControllerWithLogic.class.getName()) && d.contains("CommandGateway"));
            // one listed as not yet thin is let through; a controller without store or command sender passes
            var listed = new ClassFileImporter().importClasses(ControllerWithLogic.class, ThingStore.class, ControllerWithSql.class,
                    org.axonframework.commandhandling.gateway.CommandGateway.class);
            assertThat(identityControllersOnlyDelegate("archfixtures..", Set.of(ControllerWithLogic.class.getName())).evaluate(listed)
                    .hasViolation()).isFalse();
        }

        @Test
        void sqlOverTheDirectorysTablesIsReported() {
            assertThat(directoryTablesIn("\"SELECT role FROM rm_org_member m JOIN rm_group g ON ...\""))
                    .containsExactly("rm_group", "rm_org_member");
            assertThat(directoryTablesIn("\"SELECT user_id FROM user_account\" // a form_field, not a table")).isEmpty();
        }

        @Test
        void anIdentityServiceUsingTheApiIsReported() {
            var result = identityModuleUsesNoApiPackage("archfixtures..")
                    .evaluate(new ClassFileImporter().importClasses(IdentityServiceUsingTheApi.class, io.labelledger.api.Caller.class));
            assertThat(result.hasViolation()).isTrue();
            assertThat(result.getFailureReport().getDetails()).anyMatch(d -> d.contains(IdentityServiceUsingTheApi.class.getName())
                    && d.contains(io.labelledger.api.Caller.class.getName()));
        }

        @Test
        void aDependencyBetweenModulesIsReported() {
            // the fixture was loaded from infra's test classes: infra → api-graphql is the forbidden direction here
            var both = new ClassFileImporter().importClasses(IdentityServiceUsingTheApi.class, io.labelledger.api.Caller.class);
            assertThat(fromModule("infra").test(both.get(IdentityServiceUsingTheApi.class))).isTrue();
            assertThat(fromModule("api-graphql").test(both.get(io.labelledger.api.Caller.class))).isTrue();
            var result = moduleDependsOnNoOther("infra", "api-graphql").evaluate(both);
            assertThat(result.hasViolation()).isTrue();
        }
    }

    // ---- predicates --------------------------------------------------------------------------------------------

    private static <T> DescribedPredicate<T> are(DescribedPredicate<T> p) {
        return p;
    }

    static DescribedPredicate<JavaClass> controller() {
        return DescribedPredicate.describe("controllers", IdentityBoundariesTest::isController);
    }

    /** Controllers not in {@code notYetThin}, and the types nested in them (their inputs and payloads). */
    static DescribedPredicate<JavaClass> partOfAController(Set<String> notYetThin) {
        return DescribedPredicate.describe("parts of controllers that should be thin",
                c -> outermostController(c).filter(k -> !notYetThin.contains(k.getName())).isPresent());
    }

    /** Storage (a class named *Store), sending commands (Axon, the API's Commands, IdentityCommands), waiting for projections. */
    static DescribedPredicate<JavaClass> storeOrCommandSender() {
        Set<String> senders = Set.of("io.labelledger.api.Commands", "io.labelledger.identity.account.IdentityCommands",
                "io.labelledger.api.ReadYourWrites", "io.labelledger.projection.ReadYourWrites");
        return DescribedPredicate.describe("stores, command senders or projection waits",
                c -> c.getSimpleName().endsWith("Store") || senders.contains(c.getName()) || c.getPackageName().startsWith("org.axonframework"));
    }

    /** A class annotated @Controller or @RestController (the annotation types themselves are not controllers). */
    private static boolean isController(JavaClass c) {
        return !c.isAnnotation() && (c.isMetaAnnotatedWith(Controller.class) || c.isAnnotatedWith(Controller.class));
    }

    /** A dependency on a controller or a type nested in one; the origin's own nested types (inputs, payloads) are not "another". */
    static ArchCondition<JavaClass> notDependOnAnotherController(String others) {
        DescribedPredicate<JavaClass> inOthers = JavaClass.Predicates.resideInAPackage(others);
        return new ArchCondition<>("not depend on another controller in " + others + " or a type nested in one") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                JavaClass self = outermostController(origin).orElse(origin);
                for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                    outermostController(d.getTargetClass()).filter(other -> !other.equals(self) && inOthers.test(other))
                            .ifPresent(other -> events.add(SimpleConditionEvent.violated(d, d.getDescription())));
                }
            }
        };
    }

    private static Optional<JavaClass> outermostController(JavaClass c) {
        Optional<JavaClass> found = Optional.empty();
        for (JavaClass k = c; k != null; k = k.getEnclosingClass().orElse(null)) {
            if (isController(k)) found = Optional.of(k);
        }
        return found;
    }

    /**
     * Classes loaded from a module's build output: {@code <module>/target/classes}, or its jar
     * ({@code <artifactId>-<version>.jar}, in the reactor or the local repository). Test classes count as their module's.
     */
    static DescribedPredicate<JavaClass> fromModule(String module) {
        return DescribedPredicate.describe("classes of module " + module, c -> module.equals(moduleOf(c).orElse(null)));
    }

    private static final Pattern CLASSES_DIR = Pattern.compile("/([^/]+)/target/(?:test-)?classes/");
    private static final Pattern JAR = Pattern.compile("/([a-z][a-z-]*?)-\\d+\\.\\d+\\.\\d+[^/]*\\.jar!/");

    static Optional<String> moduleOf(JavaClass c) {
        return c.getSource().map(s -> s.getUri()).map(URI::toString).flatMap(uri -> {
            Matcher jar = JAR.matcher(uri);
            if (jar.find()) return Optional.of(jar.group(1));
            Matcher dir = CLASSES_DIR.matcher(uri);
            return dir.find() ? Optional.of(dir.group(1)) : Optional.empty();
        });
    }
}
