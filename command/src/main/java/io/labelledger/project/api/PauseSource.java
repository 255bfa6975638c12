package io.labelledger.project.api;

/** Who paused a person: a Manager by hand, or a quality policy (guardrails) acting on its own rule. */
public enum PauseSource { MANAGER, POLICY }
