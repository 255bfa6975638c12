package io.labelledger.admin.web;

import io.labelledger.projection.Projection;

/**
 * Rebuilds a projection by replaying the event store into new tables and swapping them in (implemented by the
 * application, ADR 0029). An instance operator's act ({@link OperatorController}), never an organization's.
 */
public interface ProjectionRebuilds {
    enum State { IDLE, QUEUED, REBUILDING, DONE, FAILED }

    /** Queues the rebuild; false when one of this projection is queued or running already. */
    boolean rebuild(Projection projection);

    /** The last rebuild's state on this node (IDLE: none since start). */
    State state(Projection projection);
}
