package io.labelledger.task.api;

/** What a manual assignment is for (issue 11): labeling the task, or reviewing its annotations. */
public enum AssignmentKind { ANNOTATION, REVIEW }
