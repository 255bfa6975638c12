package io.labelledger.organization.write;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.CreateOrganization;
import io.labelledger.organization.api.MemberJoined;
import io.labelledger.organization.api.OrganizationCreated;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.organization.api.OrganizationRole;
import io.labelledger.shared.ValidationFailed;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An organization and its members' roles. Membership changes beyond creation (invitations, role changes,
 * deactivation) arrive with the identity issue; the invariant "at least one active Owner" is kept from the start.
 */
@Aggregate
public class Organization {
    static final int MAX_NAME = 200;

    @AggregateIdentifier
    private OrganizationId id;
    private final Map<UserId, OrganizationRole> members = new HashMap<>();

    protected Organization() {}

    @CommandHandler
    public Organization(CreateOrganization cmd) {
        String name = cmd.name() == null ? "" : cmd.name().strip();
        if (name.isEmpty()) throw new ValidationFailed("organizationName", "Organization name is required");
        if (name.length() > MAX_NAME) throw new ValidationFailed("organizationName", "Organization name is too long");
        apply(new OrganizationCreated(cmd.organizationId(), name, cmd.owner()));
        apply(new MemberJoined(cmd.organizationId(), cmd.owner(), OrganizationRole.OWNER, cmd.owner()));
    }

    @EventSourcingHandler
    void on(OrganizationCreated e) { id = e.organizationId(); }

    @EventSourcingHandler
    void on(MemberJoined e) { members.put(e.userId(), e.role()); }
}
