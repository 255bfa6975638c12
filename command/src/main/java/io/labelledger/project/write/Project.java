package io.labelledger.project.write;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.project.api.AddProjectMember;
import io.labelledger.project.api.ChangeLabelingConfig;
import io.labelledger.project.api.ChangeMediaProxy;
import io.labelledger.project.api.MediaProxyChanged;
import io.labelledger.project.api.ChangeProjectRole;
import io.labelledger.project.api.ProjectMemberAdded;
import io.labelledger.project.api.ProjectMemberRemoved;
import io.labelledger.project.api.ProjectRole;
import io.labelledger.project.api.ProjectRoleChanged;
import io.labelledger.project.api.RemoveProjectMember;
import io.labelledger.shared.Conflict;
import io.labelledger.project.api.CreateProject;
import io.labelledger.project.api.LabelingConfigChanged;
import io.labelledger.project.api.ProjectCreated;
import io.labelledger.project.api.ProjectDetailsChanged;
import io.labelledger.project.api.ProjectExported;
import io.labelledger.project.api.ProjectId;
import io.labelledger.project.api.RecordProjectExport;
import io.labelledger.project.api.TasksImported;
import io.labelledger.project.api.UpdateProjectDetails;
import io.labelledger.project.config.LabelUsage;
import io.labelledger.project.config.LabelingConfigParser;
import io.labelledger.project.config.LabelsInUse;
import io.labelledger.shared.NotFound;
import io.labelledger.shared.ValidationFailed;
import io.labelledger.task.api.ImportId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import io.labelledger.project.api.AnnotatorPaused;
import io.labelledger.project.api.AnnotatorResumed;
import io.labelledger.project.api.PauseAnnotator;
import io.labelledger.project.api.PauseSource;
import io.labelledger.project.api.ProjectSettings;
import io.labelledger.project.api.ProjectSettingsChanged;
import io.labelledger.project.api.ResumeAnnotator;
import io.labelledger.project.api.SettingsNotice;
import io.labelledger.project.api.UpdateProjectSettings;
import io.labelledger.project.api.BulkTaskActionRecorded;
import io.labelledger.project.api.DeleteProject;
import io.labelledger.project.api.ProjectDeleted;
import io.labelledger.project.api.RecordBulkTaskAction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A project: title, labeling config (versioned) and the numbering of its tasks. It never holds its tasks — a project
 * may have millions — only the next task number, so that numbers stay unique and gap-free under concurrent imports.
 */
@Aggregate
public class Project {
    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 10_000;
    private static final LabelingConfigParser PARSER = new LabelingConfigParser();

    @AggregateIdentifier
    private ProjectId id;
    private OrganizationId organizationId;
    private String title;
    private String description;
    private String labelConfig;
    private int labelConfigVersion;
    private long nextTaskNumber;
    /** Whether the server may fetch the URLs of task data (storage proxy); off unless someone allowed it. */
    private boolean mediaProxy;
    /** People working on the project, with their project role (bounded by the organization's size, not the tasks). */
    private final Map<UserId, ProjectRole> members = new HashMap<>();
    /** Workflow settings (issue 11); the defaults until the first ProjectSettingsChanged. */
    private ProjectSettings settings = ProjectSettings.DEFAULTS;
    private int settingsVersion;
    /** Agreement settings (issue 13, ADR 0049); the defaults until the first QualitySettingsChanged. */
    private io.labelledger.project.api.QualitySettings qualitySettings = io.labelledger.project.api.QualitySettings.DEFAULTS;
    private int qualitySettingsVersion;
    /** Paused people and why (bounded like the members). */
    private final Map<UserId, String> paused = new HashMap<>();
    /** Deleted (danger zone): the project takes no more commands; its events stay. */
    private boolean deleted;
    /**
     * Bulk jobs already recorded (ADR 0042, 0048): a job the sweeper queued again after its worker died past this point
     * records nothing twice. Bounded by the bulk actions people start (a few a day), not by the tasks.
     */
    private final java.util.Set<String> recordedBulkJobs = new java.util.HashSet<>();

    protected Project() {}

    @CommandHandler
    public Project(CreateProject cmd) {
        String title = requireTitle(cmd.title());
        String description = checkDescription(cmd.description());
        PARSER.parse(cmd.labelConfig());
        apply(new ProjectCreated(cmd.projectId(), cmd.organizationId(), title, description, cmd.labelConfig(), 1, cmd.by(), cmd.intId()));
    }

    @CommandHandler
    void handle(UpdateProjectDetails cmd) {
        requireOrganization(cmd.organizationId());
        String newTitle = cmd.title() == null ? title : requireTitle(cmd.title());
        String newDescription = cmd.description() == null ? description : checkDescription(cmd.description());
        if (newTitle.equals(title) && newDescription.equals(description)) return; // nothing changed, nothing to record
        apply(new ProjectDetailsChanged(id, organizationId, newTitle, newDescription, cmd.by()));
    }

    @CommandHandler
    void handle(ChangeLabelingConfig cmd, LabelUsage usage) {
        requireOrganization(cmd.organizationId());
        var config = PARSER.parse(cmd.labelConfig());
        if (Objects.equals(cmd.labelConfig(), labelConfig)) return;
        // as Label Studio does: a config that would orphan labels of existing annotations is refused
        var orphaned = usage.orphanedBy(id, config);
        if (!orphaned.isEmpty()) throw new LabelsInUse(orphaned);
        apply(new LabelingConfigChanged(id, organizationId, cmd.labelConfig(), labelConfigVersion + 1, cmd.by()));
    }

    @CommandHandler
    void handle(ChangeMediaProxy cmd) {
        requireOrganization(cmd.organizationId());
        if (cmd.allowed() == mediaProxy) return; // already so, nothing to record
        apply(new MediaProxyChanged(id, organizationId, cmd.allowed(), cmd.by()));
    }

    @CommandHandler
    void handle(RecordProjectExport cmd) {
        requireOrganization(cmd.organizationId());
        if (cmd.format() == null || cmd.format().isBlank()) throw new ValidationFailed("format", "The export format is required");
        if (cmd.taskCount() < 0) throw new ValidationFailed("taskCount", "The task count cannot be negative");
        apply(new ProjectExported(id, organizationId, cmd.format(), cmd.onlyCompleted(), cmd.onlyGroundTruth(), cmd.annotationsBy(), cmd.asOf(),
                cmd.taskCount(), cmd.exportJobId(), cmd.by(), cmd.rawValues(), cmd.selection()));
    }

    @CommandHandler
    void handle(AddProjectMember cmd) {
        requireOrganization(cmd.organizationId());
        if (cmd.role() == null) throw new ValidationFailed("role", "Choose a project role");
        if (members.containsKey(cmd.userId())) throw new Conflict("userId", "Already a member of this project");
        apply(new ProjectMemberAdded(id, organizationId, cmd.userId(), cmd.role(), cmd.by()));
    }

    @CommandHandler
    void handle(ChangeProjectRole cmd) {
        requireOrganization(cmd.organizationId());
        if (cmd.role() == null) throw new ValidationFailed("role", "Choose a project role");
        ProjectRole current = members.get(cmd.userId());
        if (current == null) throw new NotFound("Project member", "userId");
        if (current == cmd.role()) return;
        apply(new ProjectRoleChanged(id, organizationId, cmd.userId(), current, cmd.role(), cmd.by()));
    }

    @CommandHandler
    void handle(RemoveProjectMember cmd) {
        requireOrganization(cmd.organizationId());
        if (!members.containsKey(cmd.userId())) throw new NotFound("Project member", "userId");
        apply(new ProjectMemberRemoved(id, organizationId, cmd.userId(), cmd.by()));
    }

    /**
     * Settings: each change records all settings with the next version; a change that changes nothing records nothing.
     * Work in progress is never undone: a lower overlap or a shorter reservation applies to new hand-outs (notices).
     */
    @CommandHandler
    List<SettingsNotice> handle(UpdateProjectSettings cmd) {
        requireOrganization(cmd.organizationId());
        ProjectSettings next = settings.with(SettingsRules.checked(cmd.general()), SettingsRules.checked(cmd.distribution()),
                SettingsRules.checked(cmd.skipping()), SettingsRules.checked(cmd.annotating()), SettingsRules.checked(cmd.review()));
        if (next.equals(settings)) return List.of();
        List<SettingsNotice> notices = new ArrayList<>();
        if (next.distribution().overlap() < settings.distribution().overlap()) notices.add(SettingsNotice.LOWER_OVERLAP_APPLIES_TO_NEW_HAND_OUTS);
        if (next.distribution().reservationMinutes() < settings.distribution().reservationMinutes()) {
            notices.add(SettingsNotice.SHORTER_RESERVATION_APPLIES_TO_NEW_HAND_OUTS);
        }
        var limit = next.distribution().limit();
        long taskCount = nextTaskNumber - 1;
        if (limit != null && limit.unit() == ProjectSettings.LimitUnit.COUNT && limit.value() > taskCount) {
            notices.add(SettingsNotice.LIMIT_ABOVE_TASK_COUNT);
        }
        apply(new ProjectSettingsChanged(id, organizationId, next, settingsVersion + 1, cmd.by()));
        return notices;
    }

    /**
     * Agreement settings, checked against the current labeling config: each change records all of them with the next
     * version (the quality projection rescores the project's tasks); the same settings again record nothing.
     */
    @CommandHandler
    void handle(io.labelledger.project.api.ChangeQualitySettings cmd) {
        requireOrganization(cmd.organizationId());
        var next = QualitySettingsRules.checked(cmd.settings(), PARSER.parse(labelConfig));
        if (next.equals(qualitySettings)) return;
        apply(new io.labelledger.project.api.QualitySettingsChanged(id, organizationId, next, qualitySettingsVersion + 1, cmd.by()));
    }

    /** Pausing the paused again with the same reason records nothing; with another reason records the new one. */
    @CommandHandler
    void handle(PauseAnnotator cmd) {
        requireOrganization(cmd.organizationId());
        if (cmd.userId() == null) throw new ValidationFailed("userId", "Choose the person to pause");
        String reason = cmd.reason() == null ? "" : cmd.reason().strip();
        if (reason.isEmpty()) throw new ValidationFailed("reason", "Tell the person why they are paused");
        if (reason.length() > PauseAnnotator.MAX_REASON) {
            throw new ValidationFailed("reason", "A pause reason is at most " + PauseAnnotator.MAX_REASON + " characters");
        }
        if (reason.equals(paused.get(cmd.userId()))) return;
        apply(new AnnotatorPaused(id, organizationId, cmd.userId(), reason, cmd.source() == null ? PauseSource.MANAGER : cmd.source(), cmd.by()));
    }

    @CommandHandler
    void handle(ResumeAnnotator cmd) {
        requireOrganization(cmd.organizationId());
        if (!paused.containsKey(cmd.userId())) return; // not paused: nothing to record
        apply(new AnnotatorResumed(id, organizationId, cmd.userId(), cmd.by()));
    }

    /** Reserves numbers for an import batch and records it; returns the first number. */
    public long recordImport(OrganizationId caller, ImportId importId, int count, UserId by) {
        requireOrganization(caller);
        if (count <= 0) throw new ValidationFailed("json", "The import holds no task");
        long first = nextTaskNumber;
        apply(new TasksImported(id, organizationId, importId, first, count, by));
        return first;
    }

    public ProjectId id() { return id; }

    private void requireOrganization(OrganizationId caller) {
        // another organization's project does not exist for the caller, nor does a deleted one
        if (!organizationId.equals(caller) || deleted) throw new NotFound("Project", "projectId");
    }

    /** The audit entry of a finished bulk action (ADR 0042); counts are what the job saw. */
    @CommandHandler
    void handle(RecordBulkTaskAction cmd) {
        requireOrganization(cmd.organizationId());
        if (cmd.action() == null) throw new ValidationFailed("action", "Choose ASSIGN, UNASSIGN, DELETE or LABEL");
        if (cmd.selected() < 0 || cmd.changed() < 0 || cmd.changed() > cmd.selected()) {
            throw new ValidationFailed("changed", "Counts are not negative and changed tasks were selected");
        }
        if (recordedBulkJobs.contains(cmd.jobId())) return; // the job ran again after a crash: its entry is there already
        apply(new BulkTaskActionRecorded(id, organizationId, cmd.jobId(), cmd.action(), cmd.selected(), cmd.changed(), cmd.by()));
    }

    /**
     * Deleting the project (danger zone): the title typed again guards against deleting the wrong one. The tasks are
     * not touched one by one: their read models go with the project's, and TaskDeleted is for tasks deleted alone.
     */
    @CommandHandler
    void handle(DeleteProject cmd) {
        requireOrganization(cmd.organizationId());
        if (cmd.title() == null || !cmd.title().strip().equals(title)) {
            throw new ValidationFailed("title", "Type the project's title to delete it");
        }
        apply(new ProjectDeleted(id, organizationId, title, nextTaskNumber - 1, cmd.by()));
    }

    private static String requireTitle(String title) {
        String t = title == null ? "" : title.strip();
        if (t.isEmpty()) throw new ValidationFailed("title", "Title is required");
        if (t.length() > MAX_TITLE) throw new ValidationFailed("title", "Title is longer than " + MAX_TITLE + " characters");
        return t;
    }

    private static String checkDescription(String description) {
        String d = description == null ? "" : description.strip();
        if (d.length() > MAX_DESCRIPTION) throw new ValidationFailed("description", "Description is longer than " + MAX_DESCRIPTION + " characters");
        return d;
    }

    @EventSourcingHandler
    void on(ProjectCreated e) {
        id = e.projectId();
        organizationId = e.organizationId();
        title = e.title();
        description = e.description();
        labelConfig = e.labelConfig();
        labelConfigVersion = e.labelConfigVersion();
        nextTaskNumber = 1;
    }

    @EventSourcingHandler
    void on(ProjectDetailsChanged e) {
        title = e.title();
        description = e.description();
    }

    @EventSourcingHandler
    void on(LabelingConfigChanged e) {
        labelConfig = e.labelConfig();
        labelConfigVersion = e.labelConfigVersion();
    }

    @EventSourcingHandler
    void on(MediaProxyChanged e) { mediaProxy = e.allowed(); }

    @EventSourcingHandler
    void on(ProjectDeleted e) { deleted = true; }

    @EventSourcingHandler
    void on(TasksImported e) { nextTaskNumber = e.firstNumber() + e.count(); }

    @EventSourcingHandler
    void on(ProjectSettingsChanged e) {
        settings = e.settings();
        settingsVersion = e.settingsVersion();
    }

    @EventSourcingHandler
    void on(io.labelledger.project.api.QualitySettingsChanged e) {
        qualitySettings = e.settings();
        qualitySettingsVersion = e.settingsVersion();
    }

    @EventSourcingHandler
    void on(AnnotatorPaused e) { paused.put(e.userId(), e.reason()); }

    @EventSourcingHandler
    void on(AnnotatorResumed e) { paused.remove(e.userId()); }

    @EventSourcingHandler
    void on(BulkTaskActionRecorded e) { recordedBulkJobs.add(e.jobId()); }

    @EventSourcingHandler
    void on(ProjectMemberAdded e) { members.put(e.userId(), e.role()); }

    @EventSourcingHandler
    void on(ProjectRoleChanged e) { members.put(e.userId(), e.to()); }

    @EventSourcingHandler
    void on(ProjectMemberRemoved e) { members.remove(e.userId()); }
}
