package io.labelledger.task.read.filter;

import java.util.List;

/**
 * One filter condition as the client sent it: a column (with a path for DATA and LABELS), an operator and a value
 * (a string, number or boolean; a list for IN_LIST / NOT_IN_LIST; [low, high] for the ranges; none for EMPTY /
 * NOT_EMPTY). Checked by {@link FilterCompiler}, never trusted.
 */
public record TaskCondition(TaskColumn column, List<String> path, FilterOperator operator, Object value) {}
