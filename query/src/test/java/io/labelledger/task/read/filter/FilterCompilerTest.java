package io.labelledger.task.read.filter;

import io.labelledger.shared.ErrorCode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.labelledger.task.read.filter.FilterOperator.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FilterCompilerTest {
    private static FilterCompiler.Sql compile(TaskCondition... conditions) {
        return FilterCompiler.compile(new TaskFilter(false, List.of(conditions)), "user-1");
    }

    private static void refused(TaskCondition condition, ErrorCode code, String... field) {
        assertThatThrownBy(() -> compile(condition))
                .isInstanceOfSatisfying(FilterRefused.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.field()).containsExactly(field);
                });
    }

    @Test
    void userInputIsNeverPartOfTheSqlText() {
        String evil = "x'); DROP TABLE dm_task; --";
        FilterCompiler.Sql sql = compile(
                new TaskCondition(TaskColumn.DATA, List.of(evil, "b"), CONTAINS, evil),
                new TaskCondition(TaskColumn.LABELS, List.of(evil), IN_LIST, List.of(evil, "ok")),
                new TaskCondition(TaskColumn.DATA, List.of("text"), REGEX, evil),
                new TaskCondition(TaskColumn.ANNOTATORS, null, CONTAINS, evil));

        assertThat(sql.where()).doesNotContain("DROP").doesNotContain(evil);
        assertThat(sql.params().values()).anySatisfy(v -> assertThat(String.valueOf(v)).contains("DROP"));
    }

    @Test
    void conditionsCombineWithTheConjunction() {
        var a = new TaskCondition(TaskColumn.ANNOTATIONS, null, GREATER, 1);
        var b = new TaskCondition(TaskColumn.COMPLETED, null, EQUAL, true);
        assertThat(FilterCompiler.compile(new TaskFilter(true, List.of(a, b)), "u").where()).contains(" OR ");
        assertThat(FilterCompiler.compile(new TaskFilter(false, List.of(a, b)), "u").where()).contains(" AND ");
        assertThat(FilterCompiler.compile(TaskFilter.NONE, "u").where()).isEqualTo("TRUE");
    }

    @Test
    void meIsTheCaller() {
        FilterCompiler.Sql sql = compile(new TaskCondition(TaskColumn.ANNOTATORS, null, CONTAINS, "@me"));
        assertThat(sql.params().values()).singleElement().isInstanceOfSatisfying(String[].class, v -> assertThat(v).containsExactly("user-1"));
    }

    @Test
    void anOperatorThatDoesNotFitTheColumnIsRefusedByName() {
        refused(new TaskCondition(TaskColumn.COMPLETED, null, CONTAINS, "x"), ErrorCode.FILTER_OPERATOR, "conditions", "0", "operator");
        refused(new TaskCondition(TaskColumn.CREATED_AT, null, REGEX, "x"), ErrorCode.FILTER_OPERATOR, "conditions", "0", "operator");
        refused(new TaskCondition(TaskColumn.ANNOTATIONS, null, null, 1), ErrorCode.FILTER_OPERATOR, "conditions", "0", "operator");
    }

    @Test
    void unknownColumnsAndMissingPathsAreRefused() {
        refused(new TaskCondition(null, null, EQUAL, 1), ErrorCode.FILTER_UNKNOWN_FIELD, "conditions", "0", "column");
        refused(new TaskCondition(TaskColumn.DATA, null, EQUAL, "a"), ErrorCode.FILTER_UNKNOWN_FIELD, "conditions", "0", "path");
        refused(new TaskCondition(TaskColumn.LABELS, List.of("a", "b"), CONTAINS, "a"), ErrorCode.FILTER_UNKNOWN_FIELD, "conditions", "0", "path");
        assertThatThrownBy(() -> FilterCompiler.sortExpression(TaskColumn.ANNOTATORS, null))
                .isInstanceOfSatisfying(FilterRefused.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FILTER_UNKNOWN_FIELD));
    }

    @Test
    void badValuesAreRefused() {
        refused(new TaskCondition(TaskColumn.ANNOTATIONS, null, EQUAL, "three"), ErrorCode.FILTER_VALUE, "conditions", "0", "value");
        refused(new TaskCondition(TaskColumn.CREATED_AT, null, BEFORE, "yesterday"), ErrorCode.FILTER_VALUE, "conditions", "0", "value");
        refused(new TaskCondition(TaskColumn.REVIEW_STATE, null, EQUAL, "DONE"), ErrorCode.FILTER_VALUE, "conditions", "0", "value");
        refused(new TaskCondition(TaskColumn.PREDICTION_SCORE, null, IN_RANGE, List.of(0.5)), ErrorCode.FILTER_VALUE, "conditions", "0", "value");
        refused(new TaskCondition(TaskColumn.DATA, List.of("t"), REGEX, "a".repeat(FilterCompiler.MAX_REGEX + 1)),
                ErrorCode.FILTER_VALUE, "conditions", "0", "value");
        refused(new TaskCondition(TaskColumn.DATA, List.of("t"), IN_LIST, List.of()), ErrorCode.FILTER_VALUE, "conditions", "0", "value");
        refused(new TaskCondition(TaskColumn.DATA, List.of("t"), IN_RANGE, List.of(1, "z")), ErrorCode.FILTER_VALUE, "conditions", "0", "value");
        refused(new TaskCondition(TaskColumn.COMPLETED, null, EQUAL, "yes"), ErrorCode.FILTER_VALUE, "conditions", "0", "value");
    }

    @Test
    void tooManyConditionsAreRefused() {
        var many = java.util.Collections.nCopies(FilterCompiler.MAX_CONDITIONS + 1, new TaskCondition(TaskColumn.ANNOTATIONS, null, GREATER, 0));
        assertThatThrownBy(() -> FilterCompiler.compile(new TaskFilter(false, many), "u"))
                .isInstanceOfSatisfying(FilterRefused.class, e -> assertThat(e.field()).containsExactly("conditions"));
    }

    @Test
    void everyAcceptedOperatorCompilesWithEachParameterUsed() {
        for (TaskColumn column : TaskColumn.values()) {
            for (FilterOperator op : column.type().operators()) {
                Object one = switch (column.type()) {
                    case INTEGER, NUMBER -> 3;
                    case DATE -> "2026-12-07";
                    case BOOLEAN -> true;
                    case CHOICE -> "PENDING";
                    case DATA -> op == BEFORE || op == AFTER ? "2026-12-07" : op == REGEX || op == CONTAINS || op == NOT_CONTAINS ? "x" : 3;
                    default -> "x";
                };
                Object value = switch (op) {
                    case IN_LIST, NOT_IN_LIST -> List.of(one, one);
                    case IN_RANGE, NOT_IN_RANGE -> List.of(one, one);
                    case EMPTY, NOT_EMPTY -> null;
                    default -> one;
                };
                FilterCompiler.Sql sql = compile(new TaskCondition(column, List.of("a"), op, value));
                // a parameter missing from the SQL text fails the driver's bind (and an unbound one the query)
                assertThat(sql.params().keySet()).as(column + " " + op).allSatisfy(name -> assertThat(sql.where()).contains(":" + name));
                assertThat(sql.where()).as(column + " " + op).doesNotContain("'3'").doesNotContain("2026");
            }
        }
    }

    @Test
    void numbersInDataCompareAsNumbersTextAsText() {
        assertThat(compile(new TaskCondition(TaskColumn.DATA, List.of("n"), LESS, 0)).where()).contains("::numeric");
        assertThat(compile(new TaskCondition(TaskColumn.DATA, List.of("n"), LESS, 0.5)).where()).contains("::numeric");
        assertThat(compile(new TaskCondition(TaskColumn.DATA, List.of("n"), LESS, "b")).where()).doesNotContain("::numeric");
    }

    @Test
    void everyColumnTypeAcceptsOnlyItsOperators() {
        for (TaskColumn column : TaskColumn.values()) {
            for (FilterOperator op : FilterOperator.values()) {
                if (column.type().operators().contains(op)) continue;
                assertThatThrownBy(() -> compile(new TaskCondition(column, List.of("x"), op, "1")))
                        .as(column + " " + op)
                        .isInstanceOfSatisfying(FilterRefused.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FILTER_OPERATOR));
            }
        }
    }
}
