package io.labelledger.task.read;

import java.time.Instant;

/** A person's draft on a task (ADR 0032): only ever read for its own author. {@code result} is JSON text. */
public record DraftView(String taskId, String result, Double leadTimeSeconds, Instant savedAt) {}
