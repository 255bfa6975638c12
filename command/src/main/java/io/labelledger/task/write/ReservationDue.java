package io.labelledger.task.write;

import io.labelledger.identity.api.UserId;

import java.time.Instant;

/** The deadline payload of a reservation: whose, and the expiry it was scheduled for (a newer reservation has another). */
public record ReservationDue(UserId userId, Instant expiresAt) {}
