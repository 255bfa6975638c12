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
        Set<String> ruled = new TreeSet<>(Rules.load().all().keySet());
        assertThat(fields).as("root fields without a rule in " + Rules.RESOURCE).isSubsetOf(ruled);
        assertThat(ruled).as("rules for fields the schema does not have").isSubsetOf(fields);
    }

    @Test
    void scopedArgumentsExistOnTheirFields() throws IOException {
        try (InputStream in = AuthorizationRulesTest.class.getClassLoader().getResourceAsStream("graphql/schema.graphqls")) {
            TypeDefinitionRegistry registry = new SchemaParser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            for (Rules.Rule rule : Rules.load().all().values()) {
                if (rule.scope().kind() == Rules.Scope.Kind.NONE) continue;
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
