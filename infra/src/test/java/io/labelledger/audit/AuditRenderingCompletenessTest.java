package io.labelledger.audit;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.labelledger.audit.log.AuditSummaries;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Completeness of the audit log (issue 15, ADR 0051): every event class of the message API (a record with a
 * {@code @Revision} in an {@code api} package, found on the classpath, so a new one cannot be forgotten) has its row in
 * {@link AuditSummaries}, and every value that row names is a component of the event.
 */
class AuditRenderingCompletenessTest {
    static List<Class<?>> eventClasses() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.labelledger").stream()
                .filter(c -> c.getPackageName().endsWith(".api") && c.isAnnotatedWith(Revision.class))
                .map(JavaClass::reflect)
                .filter(Class::isRecord)
                .sorted(java.util.Comparator.comparing(Class::getName))
                .collect(Collectors.toList());
    }

    @Test
    void everyEventTypeIsRenderedInTheAuditLog() {
        List<Class<?>> events = eventClasses();
        // the scan found the message API (the identity events, the tasks', the audit trail's own), not an empty classpath
        assertThat(events).extracting(Class::getSimpleName)
                .contains("AnnotationReviewed", "SignInFailed", "OperationRefused", "ProjectExported", "AuditCheckpointSigned", "AuditExported")
                .hasSizeGreaterThanOrEqualTo(70);
        assertThat(events.stream().filter(c -> !AuditSummaries.renders(c)).map(Class::getName))
                .as("events without a row in AuditSummaries.TEMPLATES").isEmpty();
        for (Class<?> event : events) {
            Set<String> components = Arrays.stream(event.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toSet());
            assertThat(components).as(event.getSimpleName() + "'s template names only its components")
                    .containsAll(AuditSummaries.placeholders(AuditSummaries.TEMPLATES.get(event.getSimpleName())));
        }
        // no row for an event that does not exist (a renamed class)
        assertThat(events.stream().map(Class::getSimpleName).toList()).containsAll(AuditSummaries.TEMPLATES.keySet());
    }
}
