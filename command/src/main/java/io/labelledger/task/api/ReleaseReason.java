package io.labelledger.task.api;

/** Why a reservation ended; UNASSIGNED: a Manager took the task back under manual distribution (ADR 0042). */
public enum ReleaseReason { SUBMITTED, SKIPPED, EXPIRED, UNASSIGNED }
