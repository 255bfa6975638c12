package io.labelledger.task.jobs;

import io.labelledger.task.api.AssignmentKind;
import io.labelledger.task.read.ReviewState;
import io.labelledger.task.read.filter.FilterCompiler;
import io.labelledger.task.read.filter.FilterOperator;
import io.labelledger.task.read.filter.TaskColumn;
import io.labelledger.task.read.filter.TaskCondition;
import io.labelledger.task.read.filter.TaskFilter;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A bulk job's selection and parameters are stored as JSON and read back by the worker as they were given (ADR 0042). */
class BulkSelectionTest {
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aFilterSelectionReadsBackAsTheSameFilterAndCompilesToTheSameSql() {
        TaskFilter filter = new TaskFilter(true, List.of(
                new TaskCondition(TaskColumn.ANNOTATIONS, null, FilterOperator.GREATER, 1),
                new TaskCondition(TaskColumn.DATA, List.of("meta", "source"), FilterOperator.IN_LIST, List.of("web", "mail")),
                new TaskCondition(TaskColumn.ANNOTATORS, null, FilterOperator.CONTAINS, FilterCompiler.ME)));
        BulkSelection given = BulkSelection.matching(ReviewState.PENDING, true, filter, List.of("t9"));

        BulkSelection read = JSON.readValue(JSON.writeValueAsString(given), BulkSelection.class);

        assertThat(read).isEqualTo(given);
        assertThat(read.tickedOnly()).isFalse();
        assertThat(read.filter()).isEqualTo(filter);
        assertThat(FilterCompiler.compile(read.filter(), "u1").where()).isEqualTo(FilterCompiler.compile(filter, "u1").where());
    }

    @Test
    void tickedTasksReadBackTicked() {
        BulkSelection given = BulkSelection.ticked(List.of("t1", "t2"));
        BulkSelection read = JSON.readValue(JSON.writeValueAsString(given), BulkSelection.class);
        assertThat(read.tickedOnly()).isTrue();
        assertThat(read.taskIds()).containsExactly("t1", "t2");
        assertThat(read.filter()).isEqualTo(TaskFilter.NONE);
    }

    @Test
    void parametersReadBackWithTheirResult() {
        BulkParameters given = new BulkParameters(List.of("u1"), AssignmentKind.REVIEW,
                JSON.readTree("[{\"from_name\":\"sentiment\",\"to_name\":\"text\",\"type\":\"choices\",\"value\":{\"choices\":[\"Positive\"]}}]"));
        assertThat(JSON.readValue(JSON.writeValueAsString(given), BulkParameters.class)).isEqualTo(given);
    }

    @Test
    void aBulkLabelsAnnotationIdIsTheSameOnEveryRunOfItsJob() {
        assertThat(BulkJobRunner.annotationId("job-1", "task-1")).isEqualTo(BulkJobRunner.annotationId("job-1", "task-1"))
                                                               .isNotEqualTo(BulkJobRunner.annotationId("job-2", "task-1"))
                                                               .isNotEqualTo(BulkJobRunner.annotationId("job-1", "task-2"));
    }
}
