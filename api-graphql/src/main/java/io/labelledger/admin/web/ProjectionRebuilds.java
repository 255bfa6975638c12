package io.labelledger.admin.web;

import io.labelledger.projection.Projection;

/** Drops a projection's tables and rebuilds them by replaying the event store (implemented by the application). */
public interface ProjectionRebuilds {
    /** Starts the rebuild; returns once the replay has begun. */
    void rebuild(Projection projection);
}
