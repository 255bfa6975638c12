package io.labelledger.organization.write;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.CreateGroup;
import io.labelledger.organization.api.DeleteGroup;
import io.labelledger.organization.api.GroupChanged;
import io.labelledger.organization.api.GroupCreated;
import io.labelledger.organization.api.GroupDeleted;
import io.labelledger.organization.api.GroupId;
import io.labelledger.organization.api.GroupMembersChanged;
import io.labelledger.organization.api.GroupProjectsChanged;
import io.labelledger.organization.api.GroupWorkspacesChanged;
import io.labelledger.organization.api.ProjectGrant;
import io.labelledger.organization.api.WorkspaceId;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.organization.api.OrganizationRole;
import io.labelledger.organization.api.ReplaceGroup;
import io.labelledger.project.api.ProjectId;
import io.labelledger.project.api.ProjectRole;
import io.labelledger.shared.Forbidden;
import io.labelledger.shared.NotFound;
import io.labelledger.shared.ValidationFailed;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A group of members provisioned by an identity source, and the organization role it grants. Rules: it belongs to one
 * organization (from any other it does not exist); a deleted group takes no changes; it never grants the Owner role
 * (Owners are managed inside LabelLedger, like {@link Organization#handle} for provisioned members); a name is
 * required. Whether a member id belongs to the organization is checked by the caller against the directory.
 * It also names the workspaces whose membership it grants ({@link GroupWorkspacesChanged}, docs/adr/0020); whether
 * they exist in the organization is checked by the caller against the directory, like member ids. Likewise the
 * projects it grants, each with one project role ({@link GroupProjectsChanged}, docs/adr/0023).
 */
@Aggregate
public class Group {
    static final int MAX_NAME = 200;
    static final int MAX_MEMBERS = 10_000;
    static final int MAX_WORKSPACES = 1_000;
    static final int MAX_PROJECTS = 1_000;

    @AggregateIdentifier
    private GroupId id;
    private OrganizationId organization;
    private String displayName;
    private String externalId;
    private OrganizationRole role;
    private final Set<UserId> members = new HashSet<>();
    private final Set<WorkspaceId> workspaces = new HashSet<>();
    private final Map<ProjectId, ProjectRole> projects = new HashMap<>();
    private boolean deleted;

    protected Group() {}

    @CommandHandler
    public Group(CreateGroup cmd) {
        String name = validName(cmd.displayName());
        validRole(cmd.role());
        Set<UserId> wanted = validMembers(cmd.members());
        apply(new GroupCreated(cmd.groupId(), cmd.organizationId(), name, blankToNull(cmd.externalId()), cmd.role(),
                sorted(wanted), cmd.source()));
        Set<WorkspaceId> grants = validWorkspaces(cmd.workspaces());
        if (!grants.isEmpty()) apply(new GroupWorkspacesChanged(cmd.groupId(), cmd.organizationId(), sortedWorkspaces(grants), cmd.source()));
        Map<ProjectId, ProjectRole> projectGrants = validProjects(cmd.projects());
        if (!projectGrants.isEmpty()) apply(new GroupProjectsChanged(cmd.groupId(), cmd.organizationId(), sortedProjects(projectGrants), cmd.source()));
    }

    @CommandHandler
    void handle(ReplaceGroup cmd) {
        requireOwn(cmd.organizationId());
        String name = validName(cmd.displayName());
        validRole(cmd.role());
        Set<UserId> wanted = validMembers(cmd.members());
        String external = blankToNull(cmd.externalId());
        Set<WorkspaceId> grants = validWorkspaces(cmd.workspaces());
        if (!name.equals(displayName) || !Objects.equals(external, externalId) || cmd.role() != role) {
            apply(new GroupChanged(id, organization, name, external, cmd.role(), cmd.source()));
        }
        Set<UserId> added = new HashSet<>(wanted);
        added.removeAll(members);
        Set<UserId> removed = new HashSet<>(members);
        removed.removeAll(wanted);
        if (!added.isEmpty() || !removed.isEmpty()) {
            apply(new GroupMembersChanged(id, organization, sorted(added), sorted(removed), cmd.source()));
        }
        if (!grants.equals(workspaces)) apply(new GroupWorkspacesChanged(id, organization, sortedWorkspaces(grants), cmd.source()));
        Map<ProjectId, ProjectRole> projectGrants = validProjects(cmd.projects());
        if (!projectGrants.equals(projects)) apply(new GroupProjectsChanged(id, organization, sortedProjects(projectGrants), cmd.source()));
    }

    @CommandHandler
    void handle(DeleteGroup cmd) {
        requireOwn(cmd.organizationId());
        apply(new GroupDeleted(id, organization, cmd.source()));
    }

    private void requireOwn(OrganizationId caller) {
        if (deleted || !organization.equals(caller)) throw new NotFound("Group", "id");
    }

    private static String validName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) throw new ValidationFailed("displayName", "A group needs a display name");
        if (n.length() > MAX_NAME) throw new ValidationFailed("displayName", "The group name is too long");
        return n;
    }

    private static void validRole(OrganizationRole role) {
        if (role == OrganizationRole.OWNER) throw new Forbidden("role", "A group cannot grant the Owner role");
    }

    private static Set<UserId> validMembers(Set<UserId> members) {
        Set<UserId> m = members == null ? Set.of() : members;
        if (m.size() > MAX_MEMBERS) throw new ValidationFailed("members", "A group has at most " + MAX_MEMBERS + " members");
        return m;
    }

    private static Set<WorkspaceId> validWorkspaces(Set<WorkspaceId> wanted) {
        Set<WorkspaceId> w = wanted == null ? Set.of() : wanted;
        if (w.size() > MAX_WORKSPACES) throw new ValidationFailed("workspaces", "A group grants at most " + MAX_WORKSPACES + " workspaces");
        return w;
    }

    /** One role per project: a group that names a project twice says two different things, which is refused. */
    private static Map<ProjectId, ProjectRole> validProjects(Set<ProjectGrant> wanted) {
        Set<ProjectGrant> given = wanted == null ? Set.of() : wanted;
        if (given.size() > MAX_PROJECTS) throw new ValidationFailed("projects", "A group grants at most " + MAX_PROJECTS + " projects");
        Map<ProjectId, ProjectRole> out = new HashMap<>();
        for (ProjectGrant g : given) {
            if (g.projectId() == null || g.role() == null) throw new ValidationFailed("projects", "Each project grant needs a project and a role");
            if (out.put(g.projectId(), g.role()) != null) throw new ValidationFailed("projects", "A project is granted once, with one role");
        }
        return out;
    }

    private static List<ProjectGrant> sortedProjects(Map<ProjectId, ProjectRole> grants) {
        return grants.entrySet().stream().sorted(Map.Entry.comparingByKey((a, b) -> a.value().compareTo(b.value())))
                     .map(e -> new ProjectGrant(e.getKey(), e.getValue())).toList();
    }

    private static List<WorkspaceId> sortedWorkspaces(Set<WorkspaceId> ws) {
        return ws.stream().sorted((a, b) -> a.value().compareTo(b.value())).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Sorted so that the same change always makes the same event. */
    private static List<UserId> sorted(Set<UserId> users) {
        return users.stream().sorted((a, b) -> a.value().compareTo(b.value())).toList();
    }

    @EventSourcingHandler
    void on(GroupCreated e) {
        id = e.groupId();
        organization = e.organizationId();
        displayName = e.displayName();
        externalId = e.externalId();
        role = e.role();
        members.addAll(e.members());
    }

    @EventSourcingHandler
    void on(GroupChanged e) {
        displayName = e.displayName();
        externalId = e.externalId();
        role = e.role();
    }

    @EventSourcingHandler
    void on(GroupMembersChanged e) {
        members.addAll(e.added());
        e.removed().forEach(members::remove);
    }

    @EventSourcingHandler
    void on(GroupWorkspacesChanged e) {
        workspaces.clear();
        workspaces.addAll(e.workspaces());
    }

    @EventSourcingHandler
    void on(GroupProjectsChanged e) {
        projects.clear();
        e.projects().forEach(g -> projects.put(g.projectId(), g.role()));
    }

    @EventSourcingHandler
    void on(GroupDeleted e) { deleted = true; }
}
