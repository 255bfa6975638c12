package io.labelledger.project.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.shared.NeedsIntIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.PrimitiveIterator;

/** Creates a project with its first labeling config; {@code intId} is its integer id (ADR 0050), filled at dispatch. */
public record CreateProject(@TargetAggregateIdentifier ProjectId projectId, OrganizationId organizationId, String title, String description,
                            String labelConfig, UserId by, Long intId) implements NeedsIntIds {
    public CreateProject(ProjectId projectId, OrganizationId organizationId, String title, String description, String labelConfig, UserId by) {
        this(projectId, organizationId, title, description, labelConfig, by, null);
    }

    @Override
    public int intIdsNeeded() { return intId == null ? 1 : 0; }

    @Override
    public CreateProject withIntIds(PrimitiveIterator.OfLong ids) {
        return intId != null ? this : new CreateProject(projectId, organizationId, title, description, labelConfig, by, ids.nextLong());
    }
}
