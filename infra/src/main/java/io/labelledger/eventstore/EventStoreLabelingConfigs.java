package io.labelledger.eventstore;

import io.labelledger.organization.api.OrganizationId;
import io.labelledger.project.api.LabelingConfigChanged;
import io.labelledger.project.api.ProjectCreated;
import io.labelledger.project.api.ProjectId;
import io.labelledger.project.config.LabelingConfig;
import io.labelledger.project.config.LabelingConfigParser;
import io.labelledger.project.config.OrganizationLabelingConfigs;
import io.labelledger.project.config.ProjectWorkflow;
import io.labelledger.project.config.ProjectWorkflows;
import io.labelledger.project.api.AnnotatorPaused;
import io.labelledger.project.api.AnnotatorResumed;
import io.labelledger.project.api.ProjectSettings;
import io.labelledger.project.api.ProjectSettingsChanged;
import io.labelledger.project.api.TasksImported;
import io.labelledger.identity.api.UserId;
import io.labelledger.project.config.VersionedConfig;
import io.labelledger.shared.NotFound;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The write side's view of a project's current labeling config and workflow (settings, paused people, task count:
 * issue 11), read from the project's own events (not from a projection, which may lag). Each lookup reads only the events appended since the previous one (a project gains an
 * event per import batch), and parsed configs are kept per (project, version).
 */
public class EventStoreLabelingConfigs implements OrganizationLabelingConfigs, ProjectWorkflows {
    private final EventStore events;
    private final LabelingConfigParser parser = new LabelingConfigParser();
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    private record Known(long nextSequence, OrganizationId owner, String xml, int version, LabelingConfig parsed, ProjectWorkflow workflow) {}

    public EventStoreLabelingConfigs(EventStore events) {
        this.events = events;
    }

    @Override
    public VersionedConfig versioned(ProjectId projectId) {
        Known k = known(projectId, null);
        return new VersionedConfig(k.version(), k.parsed());
    }

    @Override
    public ProjectWorkflow workflow(ProjectId projectId) {
        return known(projectId, null).workflow();
    }

    @Override
    public LabelingConfig current(ProjectId projectId, OrganizationId caller) {
        return known(projectId, caller).parsed();
    }

    private Known known(ProjectId projectId, OrganizationId caller) {
        Known k = known.compute(projectId.value(), (id, previous) -> catchUp(id, previous));
        if (k == null || (caller != null && !caller.equals(k.owner()))) throw new NotFound("Project", "projectId");
        return k;
    }

    private Known catchUp(String projectId, Known previous) {
        long from = previous == null ? 0 : previous.nextSequence();
        DomainEventStream stream = events.readEvents(projectId, from);
        OrganizationId owner = previous == null ? null : previous.owner();
        String xml = previous == null ? null : previous.xml();
        int version = previous == null ? 0 : previous.version();
        long next = from;
        ProjectSettings settings = previous == null ? ProjectSettings.DEFAULTS : previous.workflow().settings();
        Map<UserId, String> paused = new java.util.HashMap<>(previous == null ? Map.of() : previous.workflow().paused());
        long taskCount = previous == null ? 0 : previous.workflow().taskCount();
        while (stream.hasNext()) {
            DomainEventMessage<?> m = stream.next();
            next = m.getSequenceNumber() + 1;
            if (m.getPayload() instanceof ProjectCreated e) {
                owner = e.organizationId();
                xml = e.labelConfig();
                version = e.labelConfigVersion();
            } else if (m.getPayload() instanceof LabelingConfigChanged e) {
                xml = e.labelConfig();
                version = e.labelConfigVersion();
            } else if (m.getPayload() instanceof ProjectSettingsChanged e) {
                settings = e.settings();
            } else if (m.getPayload() instanceof AnnotatorPaused e) {
                paused.put(e.userId(), e.reason());
            } else if (m.getPayload() instanceof AnnotatorResumed e) {
                paused.remove(e.userId());
            } else if (m.getPayload() instanceof TasksImported e) {
                taskCount = e.firstNumber() + e.count() - 1;
            } else if (m.getPayload() instanceof io.labelledger.project.api.ProjectDeleted) {
                // a deleted project is not found: its tasks take no more work (ADR 0042)
                return null;
            }
        }
        if (xml == null) return null;
        LabelingConfig parsed = previous != null && previous.version() == version ? previous.parsed() : parser.parse(xml);
        return new Known(next, owner, xml, version, parsed, new ProjectWorkflow(settings, paused, taskCount));
    }
}
