package io.labelledger.project.api;

/** What a Data Manager bulk action does to each selected task (issue 11, ADR 0042). */
public enum BulkTaskAction { ASSIGN, UNASSIGN, DELETE, LABEL }
