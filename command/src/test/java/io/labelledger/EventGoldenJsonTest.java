package io.labelledger;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.labelledger.identity.api.OperationRefused;
import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.GroupChanged;
import io.labelledger.organization.api.GroupCreated;
import io.labelledger.organization.api.GroupDeleted;
import io.labelledger.organization.api.GroupId;
import io.labelledger.organization.api.GroupMembersChanged;
import io.labelledger.organization.api.GroupProjectsChanged;
import io.labelledger.organization.api.GroupWorkspacesChanged;
import io.labelledger.organization.api.ProjectGrant;
import io.labelledger.organization.api.InvitationAccepted;
import io.labelledger.organization.api.InvitationCreated;
import io.labelledger.organization.api.InvitationId;
import io.labelledger.organization.api.InvitationRevoked;
import io.labelledger.organization.api.SessionPolicyChanged;
import io.labelledger.organization.api.MemberDeactivated;
import io.labelledger.organization.api.MemberJoined;
import io.labelledger.organization.api.IdentitySource;
import io.labelledger.organization.api.MemberProvisioned;
import io.labelledger.organization.api.LdapSettingsChanged;
import io.labelledger.organization.api.MemberReactivated;
import io.labelledger.organization.api.ProjectMoved;
import io.labelledger.organization.api.WorkspaceArchived;
import io.labelledger.organization.api.WorkspaceCreated;
import io.labelledger.organization.api.WorkspaceId;
import io.labelledger.organization.api.WorkspaceMemberAdded;
import io.labelledger.organization.api.WorkspaceMemberRemoved;
import io.labelledger.organization.api.WorkspaceRenamed;
import io.labelledger.organization.api.WorkspaceRestored;
import io.labelledger.organization.api.MemberRoleChanged;
import io.labelledger.organization.api.OrganizationCreated;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.organization.api.OrganizationRole;
import io.labelledger.project.api.LabelingConfigChanged;
import io.labelledger.project.api.ProjectCreated;
import io.labelledger.project.api.ProjectDetailsChanged;
import io.labelledger.project.api.ProjectExported;
import io.labelledger.project.api.MediaProxyChanged;
import io.labelledger.project.api.ProjectId;
import io.labelledger.project.api.ProjectMemberAdded;
import io.labelledger.project.api.ProjectMemberRemoved;
import io.labelledger.project.api.ProjectRole;
import io.labelledger.project.api.ProjectRoleChanged;
import io.labelledger.project.api.TasksImported;
import io.labelledger.review.api.AnnotationReviewed;
import io.labelledger.review.api.ReviewDecision;
import io.labelledger.task.api.AnnotationDeleted;
import io.labelledger.task.api.AnnotationId;
import io.labelledger.task.api.GroundTruthChanged;
import io.labelledger.task.api.AnnotationImported;
import io.labelledger.task.api.AnnotationSubmitted;
import io.labelledger.task.api.AnnotationUpdated;
import io.labelledger.task.api.ImportId;
import io.labelledger.task.api.Prediction;
import io.labelledger.task.api.TaskId;
import io.labelledger.task.api.TaskImported;
import io.labelledger.task.api.TaskSkipped;
import io.labelledger.project.upcasting.ProjectExportedFiltersUpcaster;
import io.labelledger.project.upcasting.ProjectExportedGroundTruthUpcaster;
import io.labelledger.project.upcasting.ProjectExportedRawValuesUpcaster;
import io.labelledger.task.upcasting.AnnotationConfigVersionUpcaster;
import io.labelledger.task.upcasting.AnnotationImportedAuthorUpcaster;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.labelledger.testing.Json.MAPPER;
import static io.labelledger.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Events are forever: each released event shape is pinned by a golden file {@code golden/<Event>.json} holding its
 * serialized type, revision and payload. A failing comparison means a stored event would no longer read back — add
 * a new revision and an upcaster instead of editing the golden file. The test never writes files: a missing golden
 * file fails it, and {@value #REGENERATE_COMMAND} writes the missing ones (never overwrites one) for inspection.
 */
class EventGoldenJsonTest {
    static final String REGENERATE_COMMAND = "mvn -pl command test -Dtest=EventGoldenJsonTest -Dregenerate=true";
    static final boolean REGENERATE = Boolean.getBoolean("regenerate");
    static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

    static final OrganizationId ORG = new OrganizationId("0b6c0f0e-3f5a-4c43-9d1e-6a4b8f0c2d11");
    static final ProjectId PROJECT = new ProjectId("5d3f2a9c-8e71-4b0f-a2c4-91e7d6b3f804");
    static final WorkspaceId WORKSPACE = new WorkspaceId("3e9b7c1d-2a4f-4c8e-9b6d-0f1a2c3d4e5f");
    static final TaskId TASK = new TaskId("c7a1e4b2-6d08-4f3e-b5a9-2e8c0d7f1a36");
    static final AnnotationId ANNOTATION = new AnnotationId("e2f9b6d4-1a37-4c85-9b0e-7d4a3c2f6e58");
    static final io.labelledger.task.api.CommentId COMMENT = new io.labelledger.task.api.CommentId("4b8d2f6a-0c3e-4a17-9d5b-e7f1a3c5b9d2");
    static final io.labelledger.task.api.CommentId PARENT_COMMENT = new io.labelledger.task.api.CommentId("6f0a4c8e-2d5b-4e39-8b1d-a9c3e5f7b1d4");
    static final ImportId IMPORT = new ImportId("9a4e7c1d-2b6f-4d83-a0e5-3f8b1c9d7e42");
    static final InvitationId INVITATION = new InvitationId("7e1d3c5a-9b2f-4e60-8a14-c3d5e7f9a1b2");
    static final GroupId GROUP = new GroupId("3c9e1b7a-5d2f-4a80-b6c4-e1f3a5b7c9d0");
    static final UserId ALICE = new UserId("a11ce000-0000-4000-8000-000000000001");
    static final UserId BOB = new UserId("b0b00000-0000-4000-8000-000000000002");
    static final String CONFIG = """
            <View>
              <Text name="text" value="$text"/>
              <Choices name="sentiment" toName="text"><Choice value="Positive"/><Choice value="Negative"/></Choices>
            </View>""";
    static final JsonNode RESULT = json("[{'id':'r1','from_name':'sentiment','to_name':'text','type':'choices',"
            + "'value':{'choices':['Positive']},'origin':'manual'}]");

    /** One fixed sample of every event; the @Revision scan below makes sure none is forgotten. */
    static final List<Object> SAMPLES = List.of(
            new OrganizationCreated(ORG, "Acme Labs", ALICE),
            new MemberJoined(ORG, BOB, OrganizationRole.ANNOTATOR, ALICE),
            new InvitationCreated(ORG, INVITATION, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                    OrganizationRole.REVIEWER, java.time.Instant.parse("2026-12-01T12:00:00Z"), ALICE),
            new InvitationAccepted(ORG, INVITATION, BOB),
            new MemberRoleChanged(ORG, BOB, OrganizationRole.ANNOTATOR, OrganizationRole.MANAGER, ALICE),
            new MemberDeactivated(ORG, BOB, ALICE),
            new MemberReactivated(ORG, BOB, ALICE),
            new MemberProvisioned(ORG, BOB, OrganizationRole.REVIEWER, true, IdentitySource.SCIM),
            new WorkspaceCreated(ORG, WORKSPACE, "Medical", ALICE),
            new WorkspaceRenamed(ORG, WORKSPACE, "Radiology", ALICE),
            new WorkspaceArchived(ORG, WORKSPACE, ALICE),
            new WorkspaceRestored(ORG, WORKSPACE, ALICE),
            new WorkspaceMemberAdded(ORG, WORKSPACE, BOB, ALICE),
            new WorkspaceMemberRemoved(ORG, WORKSPACE, BOB, ALICE),
            new ProjectMoved(ORG, PROJECT, null, WORKSPACE, ALICE),
            new LdapSettingsChanged(ORG, true, "corp.example.com", "ldaps://ldap.corp.example.com:636", ALICE),
            new InvitationRevoked(ORG, INVITATION, ALICE),
            new SessionPolicyChanged(ORG, 30, 12, ALICE),
            new io.labelledger.identity.api.SignInSucceeded(ORG, BOB, io.labelledger.identity.api.SignInMethod.LDAP, ORG),
            new io.labelledger.identity.api.SignInFailed(ORG, null, io.labelledger.identity.api.SignInMethod.PASSWORD, "UNKNOWN_ACCOUNT"),
            new io.labelledger.identity.api.ApiTokenCreated(ORG, "6a1f0c2e-8d4b-4e7a-9c3f-1b2d3e4f5a6b", "nightly import", BOB),
            new io.labelledger.identity.api.ApiTokenRevoked(ORG, "6a1f0c2e-8d4b-4e7a-9c3f-1b2d3e4f5a6b", BOB),
            new io.labelledger.identity.api.ScimTokenCreated(ORG, "8c2e4a6b-1d3f-4b5a-8e7c-9f0a1b2c3d4e", "Okta", ALICE),
            new io.labelledger.identity.api.ScimTokenRevoked(ORG, "8c2e4a6b-1d3f-4b5a-8e7c-9f0a1b2c3d4e", ALICE),
            new io.labelledger.identity.api.SsoSettingsChanged(ORG, true, "https://idp.example.com/entity", "https://idp.example.com/sso",
                    null, ALICE),
            new io.labelledger.identity.api.OrganizationSwitched(ORG, BOB, new OrganizationId("1d2e3f4a-5b6c-4d7e-8f90-a1b2c3d4e5f6")),
            new io.labelledger.identity.api.OrganizationSwitchRefused(ORG, BOB, new OrganizationId("1d2e3f4a-5b6c-4d7e-8f90-a1b2c3d4e5f6")),
            new io.labelledger.identity.api.AllSessionsEnded(ORG, BOB),
            new io.labelledger.identity.api.PasswordChanged(ORG, BOB),
            new io.labelledger.identity.api.EmailDomainVerified(ORG, "corp.example.com", ALICE),
            new GroupCreated(GROUP, ORG, "Reviewers", "okta-00g1", OrganizationRole.REVIEWER, List.of(ALICE), IdentitySource.SCIM),
            new GroupChanged(GROUP, ORG, "Managers", null, OrganizationRole.MANAGER, IdentitySource.SCIM),
            new GroupMembersChanged(GROUP, ORG, List.of(BOB), List.of(ALICE), IdentitySource.SCIM),
            new GroupDeleted(GROUP, ORG, IdentitySource.SCIM),
            new GroupWorkspacesChanged(GROUP, ORG, List.of(WORKSPACE), IdentitySource.SCIM),
            new GroupProjectsChanged(GROUP, ORG, List.of(new ProjectGrant(PROJECT, io.labelledger.project.api.ProjectRole.REVIEWER)), IdentitySource.SCIM),
            new ProjectCreated(PROJECT, ORG, "Movie reviews", "Sentiment of IMDB reviews", CONFIG, 1, ALICE, 4201L),
            new ProjectDetailsChanged(PROJECT, ORG, "Movie reviews 2024", "", ALICE),
            new LabelingConfigChanged(PROJECT, ORG, CONFIG.replace("Negative", "Neutral"), 2, ALICE),
            new TasksImported(PROJECT, ORG, IMPORT, 101, 25, ALICE),
            new ProjectExported(PROJECT, ORG, "JSON_MIN", true, true, List.of(BOB), java.time.Instant.parse("2026-11-01T09:30:00Z"), 3,
                    "4f2c8e1a-7b3d-4c59-a6e0-d1b2c3a4e5f6", ALICE, true, io.labelledger.project.api.ExportSelection.ofNumbers(List.of(7L, 12L, 101L))),
            new MediaProxyChanged(PROJECT, ORG, true, ALICE),
            new ProjectMemberAdded(PROJECT, ORG, BOB, ProjectRole.ANNOTATOR, ALICE),
            new ProjectRoleChanged(PROJECT, ORG, BOB, ProjectRole.ANNOTATOR, ProjectRole.REVIEWER, ALICE),
            new ProjectMemberRemoved(PROJECT, ORG, BOB, ALICE),
            new TaskImported(TASK, PROJECT, ORG, IMPORT, 101,
                    json("{'text':'A film of rare beauty.','meta':{'source':'imdb','stars':9,'tags':['drama']}}"),
                    List.of(new Prediction("sentiment-v3", 0.87, RESULT, 4203L), new Prediction(null, null, json("[]"), 4204L)), ALICE, 4202L),
            new AnnotationSubmitted(TASK, PROJECT, ORG, ANNOTATION, RESULT, 42.5, BOB, 2, 4205L),
            new io.labelledger.task.api.PredictionsAdded(TASK, PROJECT, ORG, List.of(new Prediction("sentiment-v4", 0.91, RESULT, 4207L)), ALICE),
            new io.labelledger.task.api.PredictionDeleted(TASK, PROJECT, ORG, 4207L, ALICE),
            new AnnotationImported(TASK, PROJECT, ORG, ANNOTATION, IMPORT, RESULT, 12.25, ALICE, 1, BOB, 4206L),
            new AnnotationUpdated(TASK, PROJECT, ORG, ANNOTATION, json("[]"), null, BOB, 3),
            new AnnotationDeleted(TASK, PROJECT, ORG, ANNOTATION, BOB),
            new TaskSkipped(TASK, PROJECT, ORG, BOB, "The text is in German"),
            new io.labelledger.task.api.DraftSaved(TASK, PROJECT, ORG, RESULT, 7.5, BOB),
            new io.labelledger.task.api.DraftDiscarded(TASK, PROJECT, ORG, BOB, ANNOTATION),
            new io.labelledger.task.api.CommentAdded(TASK, PROJECT, ORG, COMMENT, ANNOTATION, "r1", PARENT_COMMENT,
                    "Is this span a person or an organization?", ALICE),
            new io.labelledger.task.api.CommentResolved(TASK, PROJECT, ORG, COMMENT, ANNOTATION, BOB),
            new io.labelledger.task.api.CommentReopened(TASK, PROJECT, ORG, COMMENT, ANNOTATION, ALICE),
            new io.labelledger.task.api.CommentDeleted(TASK, PROJECT, ORG, COMMENT, ANNOTATION, ALICE),
            new AnnotationReviewed(TASK, PROJECT, ORG, ANNOTATION, ReviewDecision.REJECTED, "The second sentence is Negative", ALICE),
            new GroundTruthChanged(TASK, PROJECT, ORG, ANNOTATION, true, new AnnotationId("0c4d8e2a-5b19-4f73-8e6a-b2d4f6a8c0e1"), ALICE),
            new io.labelledger.project.api.ProjectSettingsChanged(PROJECT, ORG, new io.labelledger.project.api.ProjectSettings(
                    new io.labelledger.project.api.ProjectSettings.General("#3366ff", "Label the **overall** sentiment.", true),
                    new io.labelledger.project.api.ProjectSettings.Distribution(io.labelledger.project.api.ProjectSettings.DistributionMode.AUTO,
                            3, 20, 90, io.labelledger.project.api.ProjectSettings.Sampling.UNCERTAINTY,
                            new io.labelledger.project.api.ProjectSettings.AnnotationLimit(io.labelledger.project.api.ProjectSettings.LimitUnit.PERCENT, 25)),
                    new io.labelledger.project.api.ProjectSettings.Skipping(io.labelledger.project.api.ProjectSettings.SkipQueue.REQUEUE_TO_ME_LAST, true),
                    new io.labelledger.project.api.ProjectSettings.Annotating(true, false, true, false, false),
                    new io.labelledger.project.api.ProjectSettings.Review("Reject spans that cut words.",
                            io.labelledger.project.api.ProjectSettings.OnReject.REQUEUE_TO_GENERAL, true, true, false)), 4, ALICE),
            new io.labelledger.project.api.AnnotatorPaused(PROJECT, ORG, BOB, "Please reread the instructions",
                    io.labelledger.project.api.PauseSource.MANAGER, ALICE),
            new io.labelledger.project.api.AnnotatorResumed(PROJECT, ORG, BOB, ALICE),
            new io.labelledger.task.api.TaskReserved(TASK, PROJECT, ORG, BOB, java.time.Instant.parse("2026-11-02T09:30:00Z")),
            new io.labelledger.task.api.ReservationReleased(TASK, PROJECT, ORG, BOB, io.labelledger.task.api.ReleaseReason.EXPIRED),
            new io.labelledger.task.api.TaskAssigned(TASK, PROJECT, ORG, BOB, io.labelledger.task.api.AssignmentKind.ANNOTATION, ALICE),
            new io.labelledger.task.api.TaskUnassigned(TASK, PROJECT, ORG, BOB, io.labelledger.task.api.AssignmentKind.REVIEW, ALICE),
            new io.labelledger.task.api.TaskDeleted(TASK, PROJECT, ORG, List.of(ANNOTATION), ALICE),
            new io.labelledger.project.api.BulkTaskActionRecorded(PROJECT, ORG, "7c1e9a3b-2d4f-4e8a-9b6c-0d1e2f3a4b5c",
                    io.labelledger.project.api.BulkTaskAction.LABEL, 1250, 1248, ALICE),
            new io.labelledger.project.api.ProjectDeleted(PROJECT, ORG, "Movie reviews", 1250, ALICE),
            new OperationRefused(ORG, BOB, "GET /api/projects/{id}/export", PROJECT.value(), "203.0.113.7"),
            // the verifiable audit trail (issue 15, ADR 0051)
            new io.labelledger.audit.api.AuditCheckpointSigned(ORG, 42, "9f2c4e6a8b0d1f3e5a7c9e1b3d5f7a9c2e4f6a8b0c1d3e5f7a9b1c3d5e7f9a1b",
                    java.time.Instant.parse("2026-12-07T21:00:00Z"),
                    "LLA1-CHECKPOINT|chain=0b6c0f0e-3f5a-4c43-9d1e-6a4b8f0c2d11|seq=42|head=9f2c4e6a8b0d1f3e5a7c9e1b3d5f7a9c2e4f6a8b0c1d3e5f7a9b1c3d5e7f9a1b|at=2026-12-07T21:00:00Z",
                    "c2lnbmF0dXJlIG9mIDY0IGJ5dGVzIGluIHRoZSBnb2xkZW4gc2FtcGxlIG9ubHkgLSBub3QgcmVhbCEhISEhISEhISE=", "3f1a2b4c5d6e7f80",
                    "MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE="),
            new io.labelledger.audit.api.AuditExported(ORG, "verification", java.time.Instant.parse("2026-12-01T00:00:00Z"), null, ALICE),
            new io.labelledger.project.api.QualitySettingsChanged(PROJECT, ORG, new io.labelledger.project.api.QualitySettings(Map.of(
                    "box", new io.labelledger.project.api.QualitySettings.ControlQuality("f1", Map.of("iou_threshold", 0.7), 2, Map.of("Bus", 0.0)),
                    "sentiment", new io.labelledger.project.api.QualitySettings.ControlQuality(null, Map.of(), 1, Map.of()))), 3, ALICE));

    /**
     * Golden files of older revisions and what they read back as through the upcasters. A stored event of every
     * released revision must keep reading back.
     */
    static final Map<String, Object> UPCAST = Map.ofEntries(
            Map.entry("AnnotationSubmitted.json", new AnnotationSubmitted(TASK, PROJECT, ORG, ANNOTATION, RESULT, 42.5, BOB, null)),
            Map.entry("AnnotationImported.json", new AnnotationImported(TASK, PROJECT, ORG, ANNOTATION, IMPORT, RESULT, 12.25, ALICE, null)),
            Map.entry("AnnotationImported_v2.json", new AnnotationImported(TASK, PROJECT, ORG, ANNOTATION, IMPORT, RESULT, 12.25, ALICE, 1, null)),
            Map.entry("AnnotationImported_v3.json", new AnnotationImported(TASK, PROJECT, ORG, ANNOTATION, IMPORT, RESULT, 12.25, ALICE, 1, BOB)),
            Map.entry("AnnotationSubmitted_v2.json", new AnnotationSubmitted(TASK, PROJECT, ORG, ANNOTATION, RESULT, 42.5, BOB, 2)),
            Map.entry("ProjectCreated.json", new ProjectCreated(PROJECT, ORG, "Movie reviews", "Sentiment of IMDB reviews", CONFIG, 1, ALICE)),
            Map.entry("TaskImported.json", new TaskImported(TASK, PROJECT, ORG, IMPORT, 101,
                    json("{'text':'A film of rare beauty.','meta':{'source':'imdb','stars':9,'tags':['drama']}}"),
                    List.of(new Prediction("sentiment-v3", 0.87, RESULT), new Prediction(null, null, json("[]"))), ALICE)),
            Map.entry("AnnotationUpdated.json", new AnnotationUpdated(TASK, PROJECT, ORG, ANNOTATION, json("[]"), null, BOB, null)),
            Map.entry("TaskSkipped.json", new TaskSkipped(TASK, PROJECT, ORG, BOB, null)),
            Map.entry("ProjectExported.json", new ProjectExported(PROJECT, ORG, "JSON_MIN", true, 25, ALICE)),
            Map.entry("LdapSettingsChanged.json", new LdapSettingsChanged(ORG, true, "corp.example.com", null, ALICE)),
            Map.entry("ProjectExported_v2.json", new ProjectExported(PROJECT, ORG, "JSON_MIN", true, false, List.of(BOB),
                    java.time.Instant.parse("2026-11-01T09:30:00Z"), 25, "4f2c8e1a-7b3d-4c59-a6e0-d1b2c3a4e5f6", ALICE)),
            Map.entry("ProjectExported_v3.json", new ProjectExported(PROJECT, ORG, "JSON_MIN", true, true, List.of(BOB),
                    java.time.Instant.parse("2026-11-01T09:30:00Z"), 25, "4f2c8e1a-7b3d-4c59-a6e0-d1b2c3a4e5f6", ALICE, false)),
            Map.entry("ProjectSettingsChanged.json", new io.labelledger.project.api.ProjectSettingsChanged(PROJECT, ORG, new io.labelledger.project.api.ProjectSettings(
                    new io.labelledger.project.api.ProjectSettings.General("#3366ff", "Label the **overall** sentiment.", true),
                    new io.labelledger.project.api.ProjectSettings.Distribution(io.labelledger.project.api.ProjectSettings.DistributionMode.AUTO,
                            3, 20, 90, io.labelledger.project.api.ProjectSettings.Sampling.UNCERTAINTY,
                            new io.labelledger.project.api.ProjectSettings.AnnotationLimit(io.labelledger.project.api.ProjectSettings.LimitUnit.PERCENT, 25)),
                    new io.labelledger.project.api.ProjectSettings.Skipping(io.labelledger.project.api.ProjectSettings.SkipQueue.REQUEUE_TO_ME_LAST, true),
                    new io.labelledger.project.api.ProjectSettings.Annotating(true, false, true, false, false),
                    new io.labelledger.project.api.ProjectSettings.Review("Reject spans that cut words.",
                            io.labelledger.project.api.ProjectSettings.OnReject.REQUEUE_TO_GENERAL, true, true, true)), 4, ALICE)),
            Map.entry("ProjectExported_v4.json", new ProjectExported(PROJECT, ORG, "JSON_MIN", true, true, List.of(BOB),
                    java.time.Instant.parse("2026-11-01T09:30:00Z"), 25, "4f2c8e1a-7b3d-4c59-a6e0-d1b2c3a4e5f6", ALICE, true)));

    static final EventUpcasterChain UPCASTERS = new EventUpcasterChain(new AnnotationConfigVersionUpcaster(),
            new AnnotationImportedAuthorUpcaster(), new ProjectExportedFiltersUpcaster(),
            new ProjectExportedGroundTruthUpcaster(), new ProjectExportedRawValuesUpcaster(),
            new io.labelledger.project.upcasting.ProjectExportedSelectionUpcaster(),
            new io.labelledger.organization.upcasting.LdapSettingsChangedUrlUpcaster(),
            new io.labelledger.task.upcasting.TaskSkippedCommentUpcaster(),
            new io.labelledger.project.upcasting.ProjectSettingsChangedReviewersUpcaster(),
            new io.labelledger.task.upcasting.TaskIntIdUpcaster(),
            new io.labelledger.project.upcasting.ProjectCreatedIntIdUpcaster());

    static final Jackson3Serializer SERIALIZER = Jackson3Serializer.builder().build();

    static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.labelledger");

    static Stream<Object> samples() { return SAMPLES.stream(); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void serializedShapeMatchesTheGoldenFile(Object event) throws IOException {
        SerializedObject<String> serialized = SERIALIZER.serialize(event, String.class);
        ObjectNode actual = MAPPER.createObjectNode();
        actual.put("type", serialized.getType().getName());
        actual.put("revision", serialized.getType().getRevision());
        actual.set("payload", MAPPER.readTree(serialized.getData()));

        Path file = goldenFile(event);
        if (!Files.exists(file)) {
            if (!REGENERATE) fail("Golden file " + file + " is missing: write it with `" + REGENERATE_COMMAND + "`, inspect it, commit it");
            Files.createDirectories(GOLDEN);
            Files.writeString(file, MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(actual) + "\n",
                    StandardCharsets.UTF_8);
        }
        JsonNode golden = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
        assertThat(actual).as("serialized " + event.getClass().getSimpleName() + " vs " + file).isEqualTo(golden);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void theGoldenFileReadsBackToTheSample(Object event) throws IOException {
        Path file = goldenFile(event);
        if (REGENERATE && !Files.exists(file)) serializedShapeMatchesTheGoldenFile(event); // whichever runs first writes it
        assertThat(file).exists();
        JsonNode golden = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
        SimpleSerializedObject<String> stored = new SimpleSerializedObject<>(
                MAPPER.writeValueAsString(golden.get("payload")), String.class,
                new SimpleSerializedType(golden.get("type").asString(), golden.get("revision").asString()));

        Object read = SERIALIZER.deserialize(stored);

        assertThat(read).isInstanceOf(event.getClass()).isEqualTo(event);
    }

    /** {@code <Event>.json} for revision 1 (the file names from before revisions changed), {@code <Event>_v<n>.json} after. */
    static Path goldenFile(Object event) {
        String revision = event.getClass().getAnnotation(Revision.class).value();
        String name = event.getClass().getSimpleName();
        return GOLDEN.resolve("1".equals(revision) ? name + ".json" : name + "_v" + revision + ".json");
    }

    static String goldenRevision(Object event) { return event.getClass().getAnnotation(Revision.class).value(); }

    static Stream<String> olderRevisions() { return UPCAST.keySet().stream().sorted(); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("olderRevisions")
    void anOlderRevisionReadsBackThroughTheUpcasters(String fileName) throws IOException {
        JsonNode golden = MAPPER.readTree(Files.readString(GOLDEN.resolve(fileName), StandardCharsets.UTF_8));
        GenericDomainEventEntry<String> stored = new GenericDomainEventEntry<>("Task", TASK.value(), 3, "event-1",
                java.time.Instant.parse("2026-11-01T10:00:00Z"), golden.get("type").asString(), golden.get("revision").asString(),
                MAPPER.writeValueAsString(golden.get("payload")), "{}");

        List<IntermediateEventRepresentation> upcast = UPCASTERS.upcast(Stream.of(new InitialEventRepresentation(stored, SERIALIZER))).toList();

        assertThat(upcast).hasSize(1);
        assertThat(upcast.get(0).getType().getRevision()).isEqualTo(goldenRevision(UPCAST.get(fileName)));
        Object read = SERIALIZER.deserialize(upcast.get(0).getData());
        assertThat(read).isEqualTo(UPCAST.get(fileName));
    }

    @Test
    void everyGoldenFileOfAnOlderRevisionHasAnUpcastExpectation() throws IOException {
        Set<String> current = SAMPLES.stream().map(e -> goldenFile(e).getFileName().toString()).collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(GOLDEN)) {
            Set<String> older = files.map(f -> f.getFileName().toString()).filter(f -> !current.contains(f))
                                     .collect(Collectors.toCollection(TreeSet::new));
            assertThat(older).as("golden files of older revisions").isEqualTo(new TreeSet<>(UPCAST.keySet()));
        }
    }

    @Test
    void everyEventHasARevisionAndAGoldenSample() {
        Set<String> events = new TreeSet<>();
        // events are named in the past tense (style guide) ...
        MAIN_CLASSES.stream()
                .filter(c -> c.getPackageName().endsWith(".api") && c.isRecord() && c.getSimpleName().endsWith("ed"))
                .forEach(c -> events.add(c.getName()));
        // ... and are what aggregates source their state from
        MAIN_CLASSES.stream()
                .flatMap(c -> c.getMethods().stream())
                .filter(m -> m.isAnnotatedWith(EventSourcingHandler.class))
                .map(JavaMethod::getRawParameterTypes)
                .filter(p -> !p.isEmpty())
                .forEach(p -> events.add(p.get(0).getName()));
        assertThat(events).as("events found in the module").hasSizeGreaterThanOrEqualTo(SAMPLES.size());

        Set<String> withoutRevision = MAIN_CLASSES.stream()
                .filter(c -> events.contains(c.getName()) && !c.isAnnotatedWith(Revision.class))
                .map(JavaClass::getName).collect(Collectors.toCollection(TreeSet::new));
        assertThat(withoutRevision).as("events without @Revision").isEmpty();

        Set<String> revised = MAIN_CLASSES.stream().filter(c -> c.isAnnotatedWith(Revision.class))
                .map(JavaClass::getName).collect(Collectors.toCollection(TreeSet::new));
        Set<String> sampled = SAMPLES.stream().map(e -> e.getClass().getName()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(sampled).as("events with a golden sample").isEqualTo(revised).containsAll(events);
    }

    @Test
    void revisionedClassesAreRecordsInAnApiPackage() {
        Map<String, JavaClass> revised = MAIN_CLASSES.stream().filter(c -> c.isAnnotatedWith(Revision.class))
                .collect(Collectors.toMap(JavaClass::getName, Function.identity()));
        assertThat(revised).isNotEmpty();
        assertThat(revised.values()).allSatisfy(c -> {
            assertThat(c.isRecord()).as(c.getName() + " is a record").isTrue();
            assertThat(c.getPackageName()).as(c.getName() + " lives in an api package").endsWith(".api");
        });
    }
}
