package io.labelledger.task.web;

import graphql.GraphQLContext;
import io.labelledger.api.Caller;
import io.labelledger.api.GraphQlContextInterceptor;
import io.labelledger.project.config.ObjectTag;
import io.labelledger.project.read.LabelingConfigVersionView;
import io.labelledger.project.web.LabelingConfigCache;
import io.labelledger.project.web.ProjectController;
import io.labelledger.project.read.ProjectQueries;
import io.labelledger.task.read.AnnotationView;
import org.dataloader.BatchLoaderEnvironment;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code Annotation.labelingConfig}: the labeling interface an annotation was made with. Authorized like the
 * annotation it hangs off (whoever may read the annotation may read its config), within the caller's organization.
 * One query per batch of annotations, for all versions of their projects.
 */
@Controller
public class AnnotationConfigController {
    private final ProjectQueries projects;
    private final LabelingConfigCache configs;

    public AnnotationConfigController(ProjectQueries projects, LabelingConfigCache configs) {
        this.projects = projects;
        this.configs = configs;
    }

    @SchemaMapping(typeName = "LabelingConfigVersion")
    public List<ProjectController.ControlView> controls(LabelingConfigVersionView version) {
        return ProjectController.controlsOf(configs, version.xml());
    }

    @SchemaMapping(typeName = "LabelingConfigVersion")
    public List<ObjectTag> objects(LabelingConfigVersionView version) {
        return ProjectController.objectsOf(configs, version.xml());
    }

    @BatchMapping(typeName = "Annotation", field = "labelingConfig")
    public Mono<Map<AnnotationView, LabelingConfigVersionView>> labelingConfig(List<AnnotationView> annotations, BatchLoaderEnvironment env) {
        Caller caller = ((GraphQLContext) env.getContext()).get(GraphQlContextInterceptor.CALLER);
        List<String> projectIds = annotations.stream().map(AnnotationView::projectId).filter(Objects::nonNull).distinct().toList();
        return projects.configVersions(caller.organizationId(), projectIds).map(byProject -> {
            Map<AnnotationView, LabelingConfigVersionView> found = new HashMap<>();
            for (AnnotationView a : annotations) {
                LabelingConfigVersionView v = versionOf(a, byProject.getOrDefault(a.projectId(), List.of()));
                if (v != null) found.put(a, v);
            }
            return found;
        });
    }

    /** The recorded version; when unknown, the version that was current at the annotation's last write. */
    static LabelingConfigVersionView versionOf(AnnotationView a, List<LabelingConfigVersionView> versions) {
        LabelingConfigVersionView match = null;
        for (LabelingConfigVersionView v : versions) { // oldest first
            if (a.configVersion() != null ? v.version() == a.configVersion() : !v.createdAt().isAfter(a.updatedAt())) match = v;
        }
        return match;
    }
}
