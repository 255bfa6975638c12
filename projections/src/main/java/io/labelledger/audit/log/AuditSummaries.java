package io.labelledger.audit.log;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What an audit entry changed, in words (ADR 0051): one template per event type, keyed by the event's simple class
 * name. A template names the event's record components: {@code {field}} is its value, {@code {flag?yes:no}} chooses by
 * a boolean, {@code [ … ]} is left out when a value inside it is empty. Values: ids of objects become the object's
 * label when the audit log knows it ("task 17", "annotation #3 of task 17", "project 'Cats'"), people become
 * {@code @{userId}} (the API shows their current name; names are never stored here), enums lower-case words.
 * To add an event: add its row below ({@code AuditRenderingCompletenessTest} fails until every event has one).
 */
public final class AuditSummaries {
    /** A person in a summary: replaced by their name when read. */
    public static final Pattern PERSON = Pattern.compile("@\\{([0-9A-Za-z:._-]{1,80})}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)(?:\\?([^:}]*):([^}]*))?}");
    private static final Pattern OPTIONAL = Pattern.compile("\\[([^\\[\\]]*)]");
    private static final int MAX_TEXT = 200;

    public static final Map<String, String> TEMPLATES = Map.ofEntries(
            // organization and people
            Map.entry("OrganizationCreated", "created organization '{name}'"),
            Map.entry("MemberJoined", "{userId} joined the organization as {role}"),
            Map.entry("InvitationCreated", "invited a new member as {role} (valid until {expiresAt})"),
            Map.entry("InvitationAccepted", "accepted invitation {invitationId}"),
            Map.entry("InvitationRevoked", "revoked invitation {invitationId}"),
            Map.entry("MemberRoleChanged", "changed the role of {userId} from {from} to {to}"),
            Map.entry("MemberDeactivated", "deactivated {userId}"),
            Map.entry("MemberReactivated", "reactivated {userId}"),
            Map.entry("MemberProvisioned", "provisioned {userId} through {source} as {role} ({active?active:inactive})"),
            Map.entry("SessionPolicyChanged", "changed the session policy[: idle timeout {idleTimeoutMinutes} min][, sessions end after {maxSessionHours} h]"),
            Map.entry("LdapSettingsChanged", "{enabled?enabled:disabled} LDAP sign-in[ for {emailDomain}][ at {url}]"),
            Map.entry("GroupCreated", "created group '{displayName}' through {source}[ with role {role}][: {members}]"),
            Map.entry("GroupChanged", "changed {groupId} through {source}: name '{displayName}'[, role {role}]"),
            Map.entry("GroupMembersChanged", "changed the members of {groupId} through {source}[: added {added}][; removed {removed}]"),
            Map.entry("GroupDeleted", "deleted {groupId} through {source}"),
            Map.entry("GroupWorkspacesChanged", "set the workspaces of {groupId} through {source}[: {workspaces}]"),
            Map.entry("GroupProjectsChanged", "set the projects of {groupId} through {source}[: {projects}]"),
            // workspaces
            Map.entry("WorkspaceCreated", "created workspace '{name}'"),
            Map.entry("WorkspaceRenamed", "renamed {workspaceId} to '{name}'"),
            Map.entry("WorkspaceArchived", "archived {workspaceId}"),
            Map.entry("WorkspaceRestored", "restored {workspaceId}"),
            Map.entry("WorkspaceMemberAdded", "added {userId} to {workspaceId}"),
            Map.entry("WorkspaceMemberRemoved", "removed {userId} from {workspaceId}"),
            Map.entry("ProjectMoved", "moved {projectId}[ from {from}][ to {to}]"),
            // identity (sign-in, tokens, SSO)
            Map.entry("SignInSucceeded", "{userId} signed in with {method}"),
            Map.entry("SignInFailed", "a sign-in[ of {userId}] with {method} failed: {reason}"),
            Map.entry("ApiTokenCreated", "created API token '{name}' ({tokenId})"),
            Map.entry("ApiTokenRevoked", "revoked API token {tokenId}"),
            Map.entry("ScimTokenCreated", "created SCIM token '{name}' ({tokenId})"),
            Map.entry("ScimTokenRevoked", "revoked SCIM token {tokenId}"),
            Map.entry("SsoSettingsChanged", "{enabled?enabled:disabled} SAML single sign-on[ with {idpEntityId}]"),
            Map.entry("OrganizationSwitched", "{userId} switched to this organization[ from {from}]"),
            Map.entry("OrganizationSwitchRefused", "{userId} was refused a switch to {requestedOrganizationId}"),
            Map.entry("AllSessionsEnded", "{userId} ended every other session"),
            Map.entry("PasswordChanged", "{userId} changed their password"),
            Map.entry("EmailDomainVerified", "verified the email domain {domain}"),
            Map.entry("OperationRefused", "was refused {operation}[ on {targetId}]"),
            // projects
            Map.entry("ProjectCreated", "created project '{title}'"),
            Map.entry("ProjectDetailsChanged", "changed the details of {projectId}: title '{title}'"),
            Map.entry("LabelingConfigChanged", "changed the labeling config of {projectId} (version {labelConfigVersion})"),
            Map.entry("ProjectSettingsChanged", "changed the settings of {projectId} (version {settingsVersion})"),
            Map.entry("MediaProxyChanged", "{allowed?allowed:disallowed} the storage proxy of {projectId}"),
            Map.entry("ProjectMemberAdded", "added {userId} to {projectId} as {role}"),
            Map.entry("ProjectRoleChanged", "changed the role of {userId} in {projectId} from {from} to {to}"),
            Map.entry("ProjectMemberRemoved", "removed {userId} from {projectId}"),
            Map.entry("AnnotatorPaused", "paused {userId} in {projectId} ({source})[: '{reason}']"),
            Map.entry("AnnotatorResumed", "resumed {userId} in {projectId}"),
            Map.entry("TasksImported", "imported {count} tasks into {projectId} (numbers from {firstNumber})"),
            Map.entry("ProjectExported", "exported {taskCount} tasks of {projectId} as {format}"),
            Map.entry("BulkTaskActionRecorded", "bulk action {action} on {selected} selected tasks of {projectId} ({changed} changed)"),
            Map.entry("ProjectDeleted", "deleted project '{title}' with {taskCount} tasks"),
            // tasks and annotations
            Map.entry("TaskImported", "imported task {number} into {projectId}"),
            Map.entry("TaskDeleted", "deleted {taskId}"),
            Map.entry("TaskReserved", "reserved {taskId} until {expiresAt}"),
            Map.entry("ReservationReleased", "released the reservation of {taskId} held by {heldBy} ({reason})"),
            Map.entry("TaskSkipped", "skipped {taskId}[: '{comment}']"),
            Map.entry("TaskAssigned", "assigned {taskId} to {assignee} for {kind}"),
            Map.entry("TaskUnassigned", "unassigned {assignee} from {taskId} ({kind})"),
            Map.entry("DraftSaved", "saved a draft of {taskId}"),
            Map.entry("DraftDiscarded", "discarded the draft of {taskId}"),
            Map.entry("AnnotationSubmitted", "submitted {annotationId}"),
            Map.entry("AnnotationImported", "imported {annotationId}[ by {author}]"),
            Map.entry("AnnotationUpdated", "updated {annotationId}"),
            Map.entry("AnnotationDeleted", "deleted {annotationId}"),
            Map.entry("GroundTruthChanged", "{groundTruth?marked:unmarked} {annotationId} as ground truth[ (replacing {replacedAnnotationId})]"),
            Map.entry("AnnotationReviewed", "{decision} {annotationId}[: '{comment}']"),
            Map.entry("CommentAdded", "commented on {taskId}[ ({annotationId})]: '{text}'"),
            Map.entry("CommentResolved", "resolved a comment on {taskId}"),
            Map.entry("CommentReopened", "reopened a comment on {taskId}"),
            Map.entry("CommentDeleted", "deleted a comment on {taskId}"),
            // predictions added after import (Label Studio's REST API, ADR 0050) and quality settings (ADR 0049)
            Map.entry("PredictionsAdded", "added predictions to {taskId}"),
            Map.entry("PredictionDeleted", "deleted prediction #{predictionId} of {taskId}"),
            Map.entry("QualitySettingsChanged", "changed how {projectId} scores agreement (version {settingsVersion})"),
            // the audit trail itself
            Map.entry("AuditCheckpointSigned", "signed the audit chain up to #{sequence} (key {keyId})"),
            Map.entry("AuditExported", "downloaded the audit log as {format}[ from {from}][ until {to}]"));

    private AuditSummaries() {}

    public static boolean renders(Class<?> eventType) {
        return TEMPLATES.containsKey(eventType.getSimpleName());
    }

    /** The placeholders of a template (for the completeness test: each must be a component of the event). */
    public static java.util.Set<String> placeholders(String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        while (m.find()) names.add(m.group(1));
        return names;
    }

    /** The event in words; {@code labels} maps an object's id to its label (null when unknown). */
    public static String render(Object event, Function<String, String> labels) {
        String template = TEMPLATES.get(event.getClass().getSimpleName());
        if (template == null) return event.getClass().getSimpleName();
        Map<String, Object> values = values(event);
        // optional sections first: dropped when one of their values is empty
        Matcher optional = OPTIONAL.matcher(template);
        StringBuilder out = new StringBuilder();
        while (optional.find()) {
            String section = optional.group(1);
            boolean complete = placeholders(section).stream().allMatch(p -> !empty(values.get(p)));
            optional.appendReplacement(out, Matcher.quoteReplacement(complete ? section : ""));
        }
        optional.appendTail(out);
        Matcher m = PLACEHOLDER.matcher(out.toString());
        StringBuilder text = new StringBuilder();
        while (m.find()) {
            Object value = values.get(m.group(1));
            String rendered = m.group(2) != null ? (Boolean.TRUE.equals(value) ? m.group(2) : m.group(3)) : text(value, labels);
            m.appendReplacement(text, Matcher.quoteReplacement(rendered));
        }
        m.appendTail(text);
        return text.toString();
    }

    private static Map<String, Object> values(Object event) {
        Map<String, Object> values = new java.util.HashMap<>();
        if (!event.getClass().isRecord()) return values;
        for (RecordComponent c : event.getClass().getRecordComponents()) {
            try {
                values.put(c.getName(), c.getAccessor().invoke(event));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return values;
    }

    private static boolean empty(Object value) {
        return value == null || (value instanceof String s && s.isBlank()) || (value instanceof Collection<?> c && c.isEmpty());
    }

    static String text(Object value, Function<String, String> labels) {
        if (value == null) return "—";
        if (value instanceof io.labelledger.identity.api.UserId user) return "@{" + user.value() + "}";
        if (value instanceof String s) return quoteSafe(s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) + "…" : s);
        if (value instanceof Enum<?> e) return e.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        if (value instanceof Instant || value instanceof Number || value instanceof Boolean) return value.toString();
        if (value instanceof Collection<?> list) return list.stream().map(v -> text(v, labels)).collect(Collectors.joining(", "));
        if (value.getClass().isRecord()) {
            RecordComponent[] parts = value.getClass().getRecordComponents();
            if (parts.length == 1 && parts[0].getName().equals("value")) { // a typed id
                String id = String.valueOf(values(value).get("value"));
                return Objects.requireNonNullElse(labels.apply(id), id);
            }
            return java.util.Arrays.stream(parts).map(p -> text(values(value).get(p.getName()), labels)).collect(Collectors.joining(" "));
        }
        return quoteSafe(value.toString());
    }

    /** Free text never forges a person reference. */
    private static String quoteSafe(String s) {
        return s.replace("@{", "@ {");
    }
}
