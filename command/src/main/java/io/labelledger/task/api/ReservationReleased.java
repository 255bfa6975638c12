package io.labelledger.task.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.project.api.ProjectId;
import org.axonframework.serialization.Revision;

/** {@code heldBy}'s reservation of the task ended: they submitted, skipped, or it expired (their draft stays theirs). */
@Revision("1")
public record ReservationReleased(TaskId taskId, ProjectId projectId, OrganizationId organizationId, UserId heldBy, ReleaseReason reason) {}
