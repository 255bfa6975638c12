package io.labelledger.task.read.filter;

/** Data Manager filter operators (issue 12); which ones a column accepts depends on its {@link ColumnType}. */
public enum FilterOperator {
    EQUAL, NOT_EQUAL, CONTAINS, NOT_CONTAINS, REGEX, GREATER, LESS, IN_RANGE, NOT_IN_RANGE, EMPTY, NOT_EMPTY,
    IN_LIST, NOT_IN_LIST, BEFORE, AFTER
}
