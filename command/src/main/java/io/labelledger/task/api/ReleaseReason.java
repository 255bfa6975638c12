package io.labelledger.task.api;

public enum ReleaseReason { SUBMITTED, SKIPPED, EXPIRED }
