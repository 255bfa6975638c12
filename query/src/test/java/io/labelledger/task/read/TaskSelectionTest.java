package io.labelledger.task.read;

import io.labelledger.shared.ErrorCode;
import io.labelledger.task.read.filter.FilterCompiler;
import io.labelledger.task.read.filter.FilterOperator;
import io.labelledger.task.read.filter.FilterRefused;
import io.labelledger.task.read.filter.TaskColumn;
import io.labelledger.task.read.filter.TaskCondition;
import io.labelledger.task.read.filter.TaskFilter;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskSelectionTest {
    @Test
    void tickedTasksAreOneArrayParameterNeverSqlText() {
        String evil = "x'); DROP TABLE dm_task; --";
        FilterCompiler.Sql sql = TaskSelection.ofIds(List.of("a", evil, "a")).sql("me");

        assertThat(sql.where()).isEqualTo("task_id = ANY(:sel_ids)").doesNotContain(evil);
        assertThat((String[]) sql.params().get("sel_ids")).containsExactly("a", evil); // each once
    }

    @Test
    void allMatchingIsTheFilterWithReviewStateAndGroundTruth() {
        TaskFilter filter = new TaskFilter(false, List.of(new TaskCondition(TaskColumn.DATA, List.of("n"), FilterOperator.GREATER, 3)));

        FilterCompiler.Sql sql = TaskSelection.matching(ReviewState.PENDING, true, filter).sql("me");

        assertThat(sql.where()).contains(" AND review_state = :sel_review").contains(" AND ground_truth");
        assertThat(sql.params()).containsEntry("sel_review", "PENDING");
        assertThat(TaskSelection.matching(null, false, TaskFilter.NONE).sql("me").where()).isEqualTo("(TRUE AND NOT ground_truth)");
    }

    @Test
    void noTickedTaskOrTooManyAreRefusedNamingTheField() {
        assertThatThrownBy(() -> TaskSelection.ofIds(List.of()))
                .isInstanceOfSatisfying(FilterRefused.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
                    assertThat(e.field()).containsExactly("taskIds");
                });
        List<String> many = IntStream.range(0, TaskSelection.MAX_IDS + 1).mapToObj(Integer::toString).toList();
        assertThatThrownBy(() -> TaskSelection.ofIds(many)).isInstanceOf(FilterRefused.class);
        assertThat(TaskSelection.ofIds(many.subList(0, TaskSelection.MAX_IDS)).taskIds()).hasSize(TaskSelection.MAX_IDS);
    }

    @Test
    void aBadFilterIsRefusedWhenCompiled() {
        TaskFilter bad = new TaskFilter(false, List.of(new TaskCondition(TaskColumn.ANNOTATIONS, null, FilterOperator.REGEX, "x")));

        assertThatThrownBy(() -> TaskSelection.matching(null, null, bad).sql("me"))
                .isInstanceOfSatisfying(FilterRefused.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FILTER_OPERATOR));
    }
}
