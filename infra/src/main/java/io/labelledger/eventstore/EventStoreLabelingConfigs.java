package io.labelledger.eventstore;

import io.labelledger.organization.api.OrganizationId;
import io.labelledger.project.api.LabelingConfigChanged;
import io.labelledger.project.api.ProjectCreated;
import io.labelledger.project.api.ProjectId;
import io.labelledger.project.config.LabelingConfig;
import io.labelledger.project.config.LabelingConfigParser;
import io.labelledger.project.config.OrganizationLabelingConfigs;
import io.labelledger.shared.NotFound;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The write side's view of a project's current labeling config, read from the project's own events (not from a
 * projection, which may lag). Parsed configs are cached per (project, version).
 */
public class EventStoreLabelingConfigs implements OrganizationLabelingConfigs {
    private final EventStore events;
    private final LabelingConfigParser parser = new LabelingConfigParser();
    private final Map<String, LabelingConfig> parsed = new ConcurrentHashMap<>();

    public EventStoreLabelingConfigs(EventStore events) {
        this.events = events;
    }

    @Override
    public LabelingConfig current(ProjectId projectId) {
        return current(projectId, null);
    }

    @Override
    public LabelingConfig current(ProjectId projectId, OrganizationId caller) {
        DomainEventStream stream = events.readEvents(projectId.value());
        String xml = null;
        int version = 0;
        OrganizationId owner = null;
        while (stream.hasNext()) {
            DomainEventMessage<?> m = stream.next();
            if (m.getPayload() instanceof ProjectCreated e) {
                owner = e.organizationId();
                xml = e.labelConfig();
                version = e.labelConfigVersion();
            } else if (m.getPayload() instanceof LabelingConfigChanged e) {
                xml = e.labelConfig();
                version = e.labelConfigVersion();
            }
        }
        if (xml == null || (caller != null && !caller.equals(owner))) throw new NotFound("Project", "projectId");
        String config = xml;
        return parsed.computeIfAbsent(projectId.value() + "#" + version, k -> parser.parse(config));
    }
}
