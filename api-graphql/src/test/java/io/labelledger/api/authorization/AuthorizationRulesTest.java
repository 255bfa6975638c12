package io.labelledger.api.authorization;

import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * The schema and the rules table walk in step: every Query, Mutation and Subscription field has exactly one rule,
 * and no rule names a field that does not exist. docs/authorization.md is the rendered table.
 */
class AuthorizationRulesTest {
    static final Path DOC = Path.of("..", "docs", "authorization.md");
    static final String REGENERATE_COMMAND = "mvn -pl api-graphql test -Dtest=AuthorizationRulesTest -Dregenerate=true";

    static Set<String> rootFields() throws IOException {
        try (InputStream in = AuthorizationRulesTest.class.getClassLoader().getResourceAsStream("graphql/schema.graphqls")) {
            TypeDefinitionRegistry registry = new SchemaParser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Set<String> fields = new TreeSet<>();
            for (String root : AuthorizationInstrumentation.ROOTS) {
                registry.getType(root, ObjectTypeDefinition.class).ifPresent(type -> {
                    for (FieldDefinition f : type.getFieldDefinitions()) fields.add(root + "." + f.getName());
                });
                registry.objectTypeExtensions().getOrDefault(root, java.util.List.of())
                        .forEach(ext -> ext.getFieldDefinitions().forEach(f -> fields.add(root + "." + f.getName())));
            }
            return fields;
        }
    }

    @Test
    void everyRootFieldHasARuleAndEveryRuleAField() throws IOException {
        Set<String> fields = rootFields();
        assertThat(fields).contains("Query.me", "Mutation.createProject", "Subscription.taskChanged");
        Set<String> ruled = new TreeSet<>();
        Rules.load().all().values().stream().filter(r -> r.kind() == Rules.Kind.ROOT).forEach(r -> ruled.add(r.operation()));
        assertThat(fields).as("root fields without a rule in " + Rules.RESOURCE).isSubsetOf(ruled);
        assertThat(ruled).as("rules for fields the schema does not have").isSubsetOf(fields);
    }

    @Test
    void nestedRulesNameFieldsOfTheSchema() throws IOException {
        try (InputStream in = AuthorizationRulesTest.class.getClassLoader().getResourceAsStream("graphql/schema.graphqls")) {
            TypeDefinitionRegistry registry = new SchemaParser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Set<String> fields = new TreeSet<>();
            registry.types().values().forEach(t -> {
                if (t instanceof ObjectTypeDefinition o) o.getFieldDefinitions().forEach(f -> fields.add(o.getName() + "." + f.getName()));
            });
            Set<String> nested = new TreeSet<>();
            Rules.load().all().values().stream().filter(r -> r.kind() == Rules.Kind.NESTED).forEach(r -> nested.add(r.operation()));
            assertThat(nested).contains("Workspace.members").isSubsetOf(fields);
        }
    }

    /** Every REST endpoint of members (under /api/ but sign-in and the operator's) has its row, and every REST row an endpoint. */
    @Test
    void everyRestEndpointHasARuleAndEveryRestRuleAnEndpoint() throws ClassNotFoundException {
        var scanner = new org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new org.springframework.core.type.filter.AnnotationTypeFilter(org.springframework.web.bind.annotation.RestController.class));
        Set<String> endpoints = new TreeSet<>();
        for (var candidate : scanner.findCandidateComponents("io.labelledger")) {
            Class<?> controller = Class.forName(candidate.getBeanClassName());
            var base = org.springframework.core.annotation.AnnotatedElementUtils.findMergedAnnotation(controller,
                    org.springframework.web.bind.annotation.RequestMapping.class);
            String prefix = base == null || base.path().length == 0 ? "" : base.path()[0];
            for (var method : controller.getDeclaredMethods()) {
                var mapping = org.springframework.core.annotation.AnnotatedElementUtils.findMergedAnnotation(method,
                        org.springframework.web.bind.annotation.RequestMapping.class);
                if (mapping == null) continue;
                for (String path : mapping.path().length == 0 ? new String[]{""} : mapping.path()) {
                    for (var verb : mapping.method()) endpoints.add(verb.name() + " " + prefix + path);
                }
            }
        }
        Set<String> authenticated = new TreeSet<>();
        // sign-in is before any principal; /api/operator/** is the instance operator's, with a chain and token of its
        // own and no organization role (ADR 0029), like SCIM's
        // Label Studio's REST API (/ls/api, ADR 0050) is decided by the same table
        endpoints.stream().filter(e -> (e.contains(" /api/") || e.contains(" /ls/api/")) && !e.contains(" /api/auth/") && !e.contains(" /api/operator"))
                 .forEach(authenticated::add);
        assertThat(authenticated).contains("GET /api/projects/{id}/export", "POST /api/session/organization");
        Set<String> ruled = new TreeSet<>();
        Rules.load().all().values().stream().filter(r -> r.kind() == Rules.Kind.REST).forEach(r -> ruled.add(r.operation()));
        assertThat(ruled).as("REST rows in " + Rules.RESOURCE).isEqualTo(authenticated);
    }

    @Test
    void scopedArgumentsExistOnTheirFields() throws IOException {
        try (InputStream in = AuthorizationRulesTest.class.getClassLoader().getResourceAsStream("graphql/schema.graphqls")) {
            TypeDefinitionRegistry registry = new SchemaParser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            for (Rules.Rule rule : Rules.load().all().values()) {
                if (rule.scope().kind() == Rules.Scope.Kind.NONE || rule.kind() != Rules.Kind.ROOT) continue;
                String[] op = rule.operation().split("\\.");
                String first = rule.scope().argumentPath().split("\\.")[0];
                FieldDefinition field = registry.getType(op[0], ObjectTypeDefinition.class).orElseThrow()
                        .getFieldDefinitions().stream().filter(f -> f.getName().equals(op[1])).findFirst().orElseThrow();
                assertThat(field.getInputValueDefinitions()).as(rule.operation() + " has argument " + first)
                        .anyMatch(a -> a.getName().equals(first));
            }
        }
    }

    @Test
    void aBrokenTableIsRefused() {
        String header = "operation,scope,OWNER,ADMIN,MANAGER,REVIEWER,ANNOTATOR,why\n";
        assertThatThrownBy(() -> Rules.parse(header + "Query.me,-,allow,allow,allow,allow,maybe,\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rules.parse(header + "Query.me,-,allow,allow,allow,allow,allow,\nQuery.me,-,allow,allow,allow,allow,allow,\n"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rules.parse(header + "Mutation.x,-,allow,allow,member,deny,deny,\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rules.parse(header + "Mutation.x,somewhere,allow,allow,member,deny,deny,\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rules.parse(header + "Query.x,-,allow,allow,member,reviewer,reviewer,\n"))
                .as("reviewer needs the project whose role decides").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rules.parse(header + "Workspace.members,-,allow,allow,member,deny,deny,\n"))
                .as("a nested field has no project to be a member of").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rules.parse(header + "Workspace.members,project:id,allow,allow,allow,deny,deny,\n"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rules.parse(header + "FETCH /api/x,-,allow,allow,allow,deny,deny,\n")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Rules.parse(header + "GET /api/x/{id},project:id,allow,allow,member,deny,deny,\n").get("GET /api/x/{id}").kind())
                .isEqualTo(Rules.Kind.REST);
        assertThat(Rules.parse(header + "Query.x,project:id,allow,allow,member,reviewer,reviewer,\n").get("Query.x").of(
                io.labelledger.organization.api.OrganizationRole.ANNOTATOR)).isEqualTo(Rules.Access.REVIEWER);
    }

    @Test
    void theDocumentIsTheRenderedTable() throws IOException {
        String rendered = AuthorizationDoc.render(Rules.load());
        if (Boolean.getBoolean("regenerate")) {
            Files.writeString(DOC, rendered); // only on request, never as a side effect of a test run
            return;
        }
        if (!Files.exists(DOC) || !Files.readString(DOC).equals(rendered)) {
            fail(DOC + " does not match " + Rules.RESOURCE + ": render it with `" + REGENERATE_COMMAND + "`, inspect it, commit it");
        }
    }
}
