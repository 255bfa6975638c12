package io.labelledger.task.read.filter;

import java.util.EnumSet;
import java.util.Set;

import static io.labelledger.task.read.filter.FilterOperator.*;

/** What a filterable column holds, and the operators that fit it. */
public enum ColumnType {
    INTEGER(EnumSet.of(EQUAL, NOT_EQUAL, GREATER, LESS, IN_RANGE, NOT_IN_RANGE, IN_LIST, NOT_IN_LIST)),
    /** A nullable number (best prediction score, lead time): also empty / not empty. */
    NUMBER(EnumSet.of(EQUAL, NOT_EQUAL, GREATER, LESS, IN_RANGE, NOT_IN_RANGE, EMPTY, NOT_EMPTY)),
    DATE(EnumSet.of(BEFORE, AFTER, IN_RANGE, NOT_IN_RANGE)),
    BOOLEAN(EnumSet.of(EQUAL, NOT_EQUAL)),
    /** One of fixed values (review state). */
    CHOICE(EnumSet.of(EQUAL, NOT_EQUAL, IN_LIST, NOT_IN_LIST)),
    /** A set of people (user ids, or "@me" for the caller): contains = that person is in it, in list = any of them. */
    PEOPLE(EnumSet.of(CONTAINS, NOT_CONTAINS, IN_LIST, NOT_IN_LIST, EMPTY, NOT_EMPTY)),
    /** A set of strings (model versions). */
    TEXT_SET(EnumSet.of(CONTAINS, NOT_CONTAINS, IN_LIST, NOT_IN_LIST, EMPTY, NOT_EMPTY)),
    /** The label values of one control: contains = that exact value is among them; regex matches any of them. */
    LABELS(EnumSet.of(CONTAINS, NOT_CONTAINS, IN_LIST, NOT_IN_LIST, EMPTY, NOT_EMPTY, REGEX)),
    /** A task data field (any JSON): contains is a case-insensitive substring; ranges compare numbers or text. */
    DATA(EnumSet.allOf(FilterOperator.class));

    private final Set<FilterOperator> operators;

    ColumnType(Set<FilterOperator> operators) { this.operators = operators; }

    public Set<FilterOperator> operators() { return operators; }
}
