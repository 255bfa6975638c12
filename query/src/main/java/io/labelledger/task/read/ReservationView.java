package io.labelledger.task.read;

import java.time.Instant;

/** A live reservation of a task for one person (the label stream, ADR 0036). */
public record ReservationView(String taskId, Instant expiresAt) {}
