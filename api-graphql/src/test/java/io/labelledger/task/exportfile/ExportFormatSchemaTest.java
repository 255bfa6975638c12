package io.labelledger.task.exportfile;

import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Every format the server writes can be asked for over GraphQL (createExport), and no other (issue 9: BRUSH_PNG was missing). */
class ExportFormatSchemaTest {
    @Test
    void theGraphQlEnumNamesExactlyTheServersFormats() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("graphql/schema.graphqls")) {
            TypeDefinitionRegistry registry = new SchemaParser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            EnumTypeDefinition formats = registry.getType("ExportFormat", EnumTypeDefinition.class).orElseThrow();
            assertThat(formats.getEnumValueDefinitions().stream().map(EnumValueDefinition::getName))
                    .containsExactlyElementsOf(Arrays.stream(ExportFormat.values()).map(Enum::name).toList());
        }
    }
}
