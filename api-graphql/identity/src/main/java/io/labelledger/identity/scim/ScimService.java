package io.labelledger.identity.scim;

import io.labelledger.projection.ReadYourWrites;
import io.labelledger.identity.api.UserId;
import io.labelledger.identity.account.IdentityStore;
import io.labelledger.organization.api.AddWorkspaceMembers;
import io.labelledger.organization.api.CreateGroup;
import io.labelledger.organization.api.DeleteGroup;
import io.labelledger.organization.api.GroupId;
import io.labelledger.organization.api.IdentitySource;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.organization.api.OrganizationRole;
import io.labelledger.organization.api.ProvisionMember;
import io.labelledger.organization.api.RemoveWorkspaceMember;
import io.labelledger.organization.api.ReplaceGroup;
import io.labelledger.organization.api.WorkspaceId;
import io.labelledger.organization.api.ProjectGrant;
import io.labelledger.project.api.AddProjectMember;
import io.labelledger.project.api.ChangeProjectRole;
import io.labelledger.project.api.ProjectId;
import io.labelledger.project.api.ProjectRole;
import io.labelledger.project.api.RemoveProjectMember;
import io.labelledger.projection.Projection;
import io.labelledger.organization.read.DirectoryQueries;
import io.labelledger.identity.read.scim.ScimFilter;
import io.labelledger.identity.read.scim.ScimResources;
import io.labelledger.identity.read.scim.ScimSql;
import io.labelledger.shared.DomainException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

/**
 * What a SCIM request does, blocking (call from boundedElastic). Membership goes through {@link ProvisionMember} and
 * groups through the Group aggregate, so the organization's rules and the audit log cover provisioning. A User's
 * attributes (personal data) and its version live in scim_user. That row is written first, in its own short
 * transaction, and the membership command follows; when the command is refused the row is put back as it was. (An
 * event appended inside a longer surrounding transaction reaches the tracking processors late — about a second —
 * which every provisioning call would then wait for; docs/adr/0014.)
 * The directory (memberships, groups and what they grant) is read through {@code query}'s {@link DirectoryQueries},
 * and the resources as SCIM shows them through {@link ScimResources}, blocking on this thread (boundedElastic).
 * <p>Roles (docs/adr/0014): the highest role among the member's groups; without one, a member keeps the role they
 * have, and a newcomer is an Annotator. Owners stay Owners (the Organization aggregate sees to it).
 */
public class ScimService {
    /** Not a BCrypt hash, so no password ever matches: provisioned people sign in through their identity provider. */
    static final String NO_PASSWORD = "!scim";
    static final OrganizationRole DEFAULT_ROLE = OrganizationRole.ANNOTATOR;
    /** The "grant" metadata of SCIM's commands, and the grant_source of the workspace memberships they add. */
    static final String GRANT = "SCIM";
    /** The Organization aggregate's limit of members per AddWorkspaceMembers. */
    static final int BULK = 1000;
    private static final Logger log = LoggerFactory.getLogger(ScimService.class);

    private final ScimStore store;
    private final ScimResources resources;
    private final DirectoryQueries directory;
    private final IdentityStore identities;
    private final CommandGateway gateway;
    private final ReadYourWrites readYourWrites;
    private final TransactionTemplate tx;
    private final Clock clock;

    public ScimService(ScimStore store, ScimResources resources, DirectoryQueries directory, IdentityStore identities, CommandGateway gateway,
                       ReadYourWrites readYourWrites, TransactionTemplate tx, Clock clock) {
        this.store = store;
        this.resources = resources;
        this.directory = directory;
        this.identities = identities;
        this.gateway = gateway;
        this.readYourWrites = readYourWrites;
        this.tx = tx;
        this.clock = clock;
    }

    // ---- reads ------------------------------------------------------------------------------------------------

    public ScimStore.UserRow user(ScimClient client, String userId) {
        return resources.user(client.organizationId(), userId).blockOptional().map(ScimService::row)
                        .orElseThrow(() -> ScimException.notFound("User"));
    }

    /** {@code filter}: a SCIM filter expression over the Users' filterable attributes (null: all). */
    public ScimStore.Page<ScimStore.UserRow> users(ScimClient client, String filter, int startIndex, int count) {
        ScimFilter f = filter == null ? null : ScimFilterParser.parse(filter, ScimResources.USER_FILTERABLE);
        var page = readFiltered(() -> resources.users(client.organizationId(), f, startIndex, count));
        return new ScimStore.Page<>(page.total(), page.items().stream().map(ScimService::row).toList());
    }

    public ScimStore.GroupRow group(ScimClient client, String groupId) {
        return resources.group(client.organizationId(), groupId).blockOptional().map(ScimService::row)
                        .orElseThrow(() -> ScimException.notFound("Group"));
    }

    public ScimStore.Page<ScimStore.GroupRow> groups(ScimClient client, String filter, int startIndex, int count) {
        ScimFilter f = filter == null ? null : ScimFilterParser.parse(filter, ScimResources.GROUP_FILTERABLE);
        var page = readFiltered(() -> resources.groups(client.organizationId(), f, startIndex, count));
        return new ScimStore.Page<>(page.total(), page.items().stream().map(ScimService::row).toList());
    }

    /** A filter the resource cannot answer is SCIM's invalidFilter (400). */
    private static <T> T readFiltered(java.util.function.Supplier<reactor.core.publisher.Mono<T>> read) {
        try {
            return read.get().block();
        } catch (ScimSql.InvalidScimFilter e) {
            throw ScimException.invalidFilter(e.getMessage());
        }
    }

    private static ScimStore.UserRow row(ScimResources.UserView u) {
        return new ScimStore.UserRow(u.id(), new ScimUser(u.userName(), u.externalId(), u.givenName(), u.familyName(), u.displayName(), u.active()),
                u.version(), u.created(), u.lastModified());
    }

    private static ScimStore.GroupRow row(ScimResources.GroupView g) {
        return new ScimStore.GroupRow(g.id(), new ScimGroup(g.displayName(), g.externalId(), g.role(), g.members().keySet(), g.workspaces(),
                g.projects()), g.version(), g.created(), g.lastModified(), g.members());
    }

    /** The locked scim_user row with its membership's {@code active} (the directory's; no membership: false). */
    private java.util.Optional<ScimStore.UserRow> lockUser(String org, String userId) {
        return store.lockUser(org, userId).map(row -> {
            boolean active = directory.membershipActive(userId, org).blockOptional().orElse(false);
            ScimUser u = row.user();
            return new ScimStore.UserRow(row.id(), new ScimUser(u.userName(), u.externalId(), u.givenName(), u.familyName(), u.displayName(), active),
                    row.version(), row.created(), row.lastModified());
        });
    }

    // ---- users ------------------------------------------------------------------------------------------------

    public ScimStore.UserRow createUser(ScimClient client, ScimUser user) {
        String org = client.organizationId();
        boolean[] newAccount = {false};
        String userId;
        try {
            userId = tx.execute(s -> {
                if (store.userNameTaken(org, user.userName())) throw new ScimException(409, "uniqueness", "userName is taken");
                // never links an account of anybody's own or of another organization (docs/adr/0026): the provider's
                // person is an identity bound to this organization, the one its SAML or LDAP created if there is one
                String id = identities.boundByEmail(user.email(), org).map(IdentityStore.Account::userId).orElse(null);
                if (id == null) {
                    id = UUID.randomUUID().toString();
                    if (!identities.insertBound(id, user.email(), user.nameForPeople(), NO_PASSWORD, org)) {
                        throw new ScimException(409, "uniqueness", "userName is taken");
                    }
                    newAccount[0] = true;
                }
                store.insertUser(org, id, user, clock.instant());
                return id;
            });
        } catch (DuplicateKeyException e) { // a concurrent create of the same userName
            throw new ScimException(409, "uniqueness", "userName is taken");
        }
        try {
            provision(client, userId, user.active());
        } catch (RuntimeException refused) { // compensate: nothing of the refused create stays
            tx.executeWithoutResult(s -> {
                store.deleteUser(org, userId);
                if (newAccount[0]) identities.delete(userId);
            });
            throw refused;
        }
        afterMembershipChange(client, userId, user.active());
        return user(client, userId);
    }

    public ScimStore.UserRow replaceUser(ScimClient client, String userId, String ifMatch, java.util.function.UnaryOperator<ScimUser> change) {
        String org = client.organizationId();
        ScimStore.UserRow before;
        ScimUser after;
        try {
            ScimStore.UserRow[] locked = new ScimStore.UserRow[1];
            after = tx.execute(s -> {
                ScimStore.UserRow row = lockUser(org, userId).orElseThrow(() -> ScimException.notFound("User"));
                ScimEtag.check(ifMatch, row.version());
                ScimUser next = change.apply(row.user());
                if (!next.userName().equalsIgnoreCase(row.user().userName())) {
                    throw ScimException.mutability("userName is the account's email and cannot change; deprovision and provision instead");
                }
                store.updateUser(org, userId, next, clock.instant());
                locked[0] = row;
                return next;
            });
            before = locked[0];
        } catch (DuplicateKeyException e) {
            throw new ScimException(409, "uniqueness", "userName is taken");
        }
        try {
            provision(client, userId, after.active());
        } catch (RuntimeException refused) { // compensate: the row is put back as it was
            tx.executeWithoutResult(s -> store.putUser(org, before));
            throw refused;
        }
        afterMembershipChange(client, userId, after.active());
        return user(client, userId);
    }

    /** Deprovisioning: the membership is deactivated (never deleted) and the SCIM resource is gone. */
    public void deleteUser(ScimClient client, String userId, String ifMatch) {
        String org = client.organizationId();
        ScimStore.UserRow before = tx.execute(s -> {
            ScimStore.UserRow row = lockUser(org, userId).orElseThrow(() -> ScimException.notFound("User"));
            ScimEtag.check(ifMatch, row.version());
            store.deleteUser(org, userId);
            return row;
        });
        try {
            provision(client, userId, false);
        } catch (RuntimeException refused) {
            tx.executeWithoutResult(s -> store.putUser(org, before));
            throw refused;
        }
        afterMembershipChange(client, userId, false);
    }

    private void provision(ScimClient client, String userId, boolean active) {
        String org = client.organizationId();
        OrganizationRole role = directory.roleFromGroups(org, userId).blockOptional()
                .orElseGet(() -> directory.membership(org, userId).blockOptional().map(DirectoryQueries.Membership::role).orElse(DEFAULT_ROLE));
        send(client, new ProvisionMember(new OrganizationId(org), new UserId(userId), role, active, IdentitySource.SCIM, new UserId(client.createdBy())));
    }

    /** A deactivated member's API tokens are revoked; their sessions stop at the next request (ActiveMemberFilter). */
    private void afterMembershipChange(ScimClient client, String userId, boolean active) {
        if (!active) identities.revokeTokensOf(userId, client.organizationId());
        readYourWrites.await(client.organizationId(), Projection.DIRECTORY).block();
    }

    // ---- groups -----------------------------------------------------------------------------------------------

    public ScimStore.GroupRow createGroup(ScimClient client, ScimGroup group) {
        requireUsers(client, group.members());
        requireWorkspaces(client, group.workspaces());
        requireProjects(client, group.projects().keySet());
        String id = UUID.randomUUID().toString();
        send(client, new CreateGroup(new GroupId(id), new OrganizationId(client.organizationId()), group.displayName(),
                group.externalId(), group.role(), userIds(group.members()), IdentitySource.SCIM, workspaceIds(group.workspaces()),
                projectGrants(group.projects())));
        readYourWrites.await(id, Projection.DIRECTORY).block();
        if (group.role() != null) recomputeRoles(client, group.members());
        if (!group.workspaces().isEmpty()) syncWorkspaces(client, group.members());
        if (!group.projects().isEmpty()) syncProjects(client, group.members());
        return group(client, id);
    }

    public ScimStore.GroupRow replaceGroup(ScimClient client, String groupId, String ifMatch, java.util.function.UnaryOperator<ScimGroup> change) {
        ScimStore.GroupRow row = group(client, groupId);
        ScimEtag.check(ifMatch, row.version());
        ScimGroup before = row.group();
        ScimGroup after = change.apply(before);
        Set<String> added = new HashSet<>(after.members());
        added.removeAll(before.members());
        requireUsers(client, added);
        Set<String> newGrants = new HashSet<>(after.workspaces());
        newGrants.removeAll(before.workspaces());
        requireWorkspaces(client, newGrants); // a workspace granted before stays accepted until the provider drops it
        Set<String> newProjects = new HashSet<>(after.projects().keySet());
        newProjects.removeAll(before.projects().keySet());
        requireProjects(client, newProjects); // likewise a project granted before
        send(client, new ReplaceGroup(new GroupId(groupId), row.version(), new OrganizationId(client.organizationId()),
                after.displayName(), after.externalId(), after.role(), userIds(after.members()), IdentitySource.SCIM,
                workspaceIds(after.workspaces()), projectGrants(after.projects())));
        readYourWrites.await(groupId, Projection.DIRECTORY).block();
        Set<String> affected = new HashSet<>();
        if (before.role() != after.role()) {
            affected.addAll(before.members());
            affected.addAll(after.members());
        } else {
            affected.addAll(added);
            before.members().stream().filter(m -> !after.members().contains(m)).forEach(affected::add);
        }
        recomputeRoles(client, affected);
        Set<String> grantsAffected = new HashSet<>();
        if (!before.workspaces().equals(after.workspaces())) {
            grantsAffected.addAll(before.members());
            grantsAffected.addAll(after.members());
        } else if (!after.workspaces().isEmpty()) {
            grantsAffected.addAll(added);
            before.members().stream().filter(m -> !after.members().contains(m)).forEach(grantsAffected::add);
        }
        syncWorkspaces(client, grantsAffected);
        Set<String> projectsAffected = new HashSet<>();
        if (!before.projects().equals(after.projects())) {
            projectsAffected.addAll(before.members());
            projectsAffected.addAll(after.members());
        } else if (!after.projects().isEmpty()) {
            projectsAffected.addAll(added);
            before.members().stream().filter(m -> !after.members().contains(m)).forEach(projectsAffected::add);
        }
        syncProjects(client, projectsAffected);
        return group(client, groupId);
    }

    public void deleteGroup(ScimClient client, String groupId, String ifMatch) {
        ScimStore.GroupRow row = group(client, groupId);
        ScimEtag.check(ifMatch, row.version());
        send(client, new DeleteGroup(new GroupId(groupId), row.version(), new OrganizationId(client.organizationId()), IdentitySource.SCIM));
        readYourWrites.await(groupId, Projection.DIRECTORY).block();
        recomputeRoles(client, row.group().members());
        if (!row.group().workspaces().isEmpty()) syncWorkspaces(client, row.group().members());
        if (!row.group().projects().isEmpty()) syncProjects(client, row.group().members());
    }

    /**
     * Brings the members' workspace memberships in line with their live groups (docs/adr/0020): a workspace some
     * group grants is joined when the person is not in it yet; a membership that SCIM granted and no live group grants
     * any more is withdrawn. Memberships granted by a person (or by SAML) are never touched, even when a group grants
     * them too.
     */
    private void syncWorkspaces(ScimClient client, Collection<String> users) {
        String org = client.organizationId();
        OrganizationId organization = new OrganizationId(org);
        Map<String, List<UserId>> joins = new TreeMap<>();
        List<RemoveWorkspaceMember> leaves = new ArrayList<>();
        for (String user : users) {
            if (directory.membership(org, user).blockOptional().isEmpty()) continue;
            Set<String> wanted = directory.workspacesFromGroups(org, user).block();
            Map<String, String> current = directory.workspaceMemberships(org, user).block();
            for (String ws : wanted) {
                if (!current.containsKey(ws)) joins.computeIfAbsent(ws, k -> new ArrayList<>()).add(new UserId(user));
            }
            current.forEach((ws, grant) -> {
                if (GRANT.equals(grant) && !wanted.contains(ws)) {
                    leaves.add(new RemoveWorkspaceMember(organization, new WorkspaceId(ws), new UserId(user), null, IdentitySource.SCIM));
                }
            });
        }
        joins.forEach((ws, members) -> {
            for (int i = 0; i < members.size(); i += BULK) {
                send(client, new AddWorkspaceMembers(organization, new WorkspaceId(ws),
                        List.copyOf(members.subList(i, Math.min(members.size(), i + BULK))), null, IdentitySource.SCIM));
            }
        });
        leaves.forEach(cmd -> send(client, cmd));
        if (!joins.isEmpty() || !leaves.isEmpty()) readYourWrites.await(org, Projection.DIRECTORY).block();
    }

    /**
     * Brings the members' project memberships in line with their live groups (docs/adr/0023), like
     * {@link #syncWorkspaces}: a project some group grants is joined with the highest project role among the groups
     * granting it; a membership SCIM granted follows that role and is withdrawn when no live group grants the project
     * any more. A membership a person granted — or whose role a person changed since — is never touched.
     */
    private void syncProjects(ScimClient client, Collection<String> users) {
        String org = client.organizationId();
        OrganizationId organization = new OrganizationId(org);
        List<Object> commands = new ArrayList<>();
        for (String user : users) {
            if (directory.membership(org, user).blockOptional().isEmpty()) continue;
            Map<String, ProjectRole> wanted = directory.projectsFromGroups(org, user).block();
            Map<String, DirectoryQueries.ProjectMembership> current = directory.projectMemberships(org, user).block();
            UserId member = new UserId(user);
            wanted.forEach((project, role) -> {
                DirectoryQueries.ProjectMembership now = current.get(project);
                if (now == null) {
                    commands.add(new AddProjectMember(new ProjectId(project), organization, member, role, null));
                } else if (GRANT.equals(now.grant()) && now.role() != role) {
                    commands.add(new ChangeProjectRole(new ProjectId(project), organization, member, role, null));
                }
            });
            current.forEach((project, now) -> {
                if (GRANT.equals(now.grant()) && !wanted.containsKey(project)) {
                    commands.add(new RemoveProjectMember(new ProjectId(project), organization, member, null));
                }
            });
        }
        String last = null;
        for (Object cmd : commands) {
            send(client, cmd);
            last = switch (cmd) {
                case AddProjectMember a -> a.projectId().value();
                case ChangeProjectRole c -> c.projectId().value();
                case RemoveProjectMember r -> r.projectId().value();
                default -> last;
            };
        }
        // the last command's project holds the newest event: once the directory passed it, it passed them all
        if (last != null) readYourWrites.await(last, Projection.DIRECTORY).block();
    }

    private void requireProjects(ScimClient client, Set<String> ids) {
        if (!directory.existingProjects(client.organizationId(), ids).block().containsAll(ids)) {
            throw ScimException.invalidValue("projects must be projects of this organization");
        }
    }

    private static Set<ProjectGrant> projectGrants(Map<String, ProjectRole> grants) {
        return grants.entrySet().stream().map(e -> new ProjectGrant(new ProjectId(e.getKey()), e.getValue())).collect(Collectors.toSet());
    }

    private void requireWorkspaces(ScimClient client, Set<String> ids) {
        if (!directory.existingWorkspaces(client.organizationId(), ids).block().containsAll(ids)) {
            throw ScimException.invalidValue("workspaces must be workspaces of this organization");
        }
    }

    private static Set<WorkspaceId> workspaceIds(Set<String> ids) {
        return ids.stream().map(WorkspaceId::new).collect(Collectors.toSet());
    }

    /** Group changes move members to the highest role their groups grant, or the default when none does. */
    private void recomputeRoles(ScimClient client, Collection<String> users) {
        String org = client.organizationId();
        for (String user : users) {
            directory.membership(org, user).blockOptional().ifPresent(m -> {
                OrganizationRole role = directory.roleFromGroups(org, user).blockOptional().orElse(DEFAULT_ROLE);
                send(client, new ProvisionMember(new OrganizationId(org), new UserId(user), role, m.active(), IdentitySource.SCIM, new UserId(client.createdBy())));
            });
        }
        if (!users.isEmpty()) readYourWrites.await(org, Projection.DIRECTORY).block();
    }

    private void requireUsers(ScimClient client, Collection<String> ids) {
        Set<String> known = store.existingUsers(client.organizationId(), ids);
        if (!known.containsAll(ids)) throw ScimException.invalidValue("members must be Users of this organization");
    }

    private static Set<UserId> userIds(Set<String> ids) {
        return ids.stream().map(UserId::new).collect(Collectors.toSet());
    }

    // ---- commands ---------------------------------------------------------------------------------------------

    private void send(ScimClient client, Object command) {
        // "grant" travels on to the events (AxonConfig), so the directory knows which workspace memberships SCIM granted
        MetaData meta = MetaData.from(Map.of("actorId", client.actorId(), "organizationId", client.organizationId(), "grant", GRANT));
        try {
            gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(meta));
        } catch (RuntimeException e) {
            throw toScim(e);
        }
    }

    public static ScimException toScim(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof CommandExecutionException) && t.getCause() != null) t = t.getCause();
        if (t instanceof ScimException s) return s;
        if (t instanceof ConflictingAggregateVersionException) return ScimException.preconditionFailed();
        if (t instanceof AggregateNotFoundException) return ScimException.notFound("Resource");
        if (t instanceof ConcurrencyException) return new ScimException(409, null, "A concurrent change won; retry");
        if (t instanceof DomainException d) {
            return switch (d.code()) {
                case NOT_FOUND -> new ScimException(404, null, d.getMessage());
                case FORBIDDEN -> new ScimException(403, null, d.getMessage());
                case CONFLICT, LAST_OWNER -> new ScimException(409, null, d.getMessage());
                default -> ScimException.invalidValue(d.getMessage());
            };
        }
        if (t instanceof IllegalArgumentException) return ScimException.invalidValue(t.getMessage());
        log.error("SCIM command failed", t);
        return new ScimException(500, null, "Internal error");
    }
}
