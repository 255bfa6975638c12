package io.labelledger.task.write;

import io.labelledger.identity.api.UserId;
import io.labelledger.project.api.ProjectId;
import io.labelledger.project.config.LabelingConfig;
import io.labelledger.project.config.LabelingConfigs;
import io.labelledger.project.config.ResultValidator;
import io.labelledger.project.config.VersionedConfig;
import io.labelledger.project.write.Project;
import io.labelledger.shared.NotFound;
import io.labelledger.task.api.AnnotationId;
import io.labelledger.task.api.ImportTasks;
import io.labelledger.task.api.ImportedAnnotation;
import io.labelledger.task.api.NewTask;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Imports a batch of tasks in one unit of work: the project reserves the task numbers and every task aggregate is
 * created in the same transaction, so a batch lands whole or not at all.
 */
public class TaskImportHandler {
    private final Repository<Project> projects;
    private final Repository<Task> tasks;
    private final LabelingConfigs configs;
    private final ImportedAuthors authors;

    public TaskImportHandler(Repository<Project> projects, Repository<Task> tasks, LabelingConfigs configs, ImportedAuthors authors) {
        this.projects = projects;
        this.tasks = tasks;
        this.configs = configs;
        this.authors = authors;
    }

    @CommandHandler
    public int handle(ImportTasks cmd) throws Exception {
        Aggregate<Project> project = load(cmd.projectId());
        long first = project.invoke(p -> p.recordImport(cmd.organizationId(), cmd.importId(), cmd.tasks().size(), cmd.by()));
        VersionedConfig versioned = configs.versioned(cmd.projectId());
        LabelingConfig config = versioned.config();
        // Label Studio's completed_by: the member with that email is the author; any other value is kept beside the events
        Map<ImportedAnnotation, String> emailOf = new java.util.IdentityHashMap<>(); // by reference: no hashing of results
        cmd.tasks().forEach(t -> t.annotations().forEach(a -> {
            String email = a.completedByEmail();
            if (email != null) emailOf.put(a, email.toLowerCase(Locale.ROOT));
        }));
        Map<String, UserId> members = emailOf.isEmpty() ? Map.of() : authors.members(cmd.organizationId(), new HashSet<>(emailOf.values()));
        Map<AnnotationId, UserId> authorOf = new HashMap<>();
        Map<AnnotationId, String> kept = new LinkedHashMap<>();
        for (NewTask t : cmd.tasks()) {
            for (ImportedAnnotation a : t.annotations()) {
                String email = emailOf.get(a);
                UserId member = email == null ? null : members.get(email);
                if (member != null) authorOf.put(a.annotationId(), member);
                else if (a.completedBy() != null) kept.put(a.annotationId(), a.completedBy().toString());
            }
        }
        for (int i = 0; i < cmd.tasks().size(); i++) {
            NewTask task = cmd.tasks().get(i);
            for (int p = 0; p < task.predictions().size(); p++) {
                ResultValidator.validate(config, task.predictions().get(p).result(), "tasks[" + i + "].predictions[" + p + "].result", task.data());
            }
            for (int a = 0; a < task.annotations().size(); a++) {
                ResultValidator.validate(config, task.annotations().get(a).result(), "tasks[" + i + "].annotations[" + a + "].result", task.data());
            }
            long number = first + i;
            tasks.newInstance(() -> new Task(task, cmd.projectId(), cmd.organizationId(), cmd.importId(), number, cmd.by(), versioned.version(),
                    authorOf));
        }
        if (!kept.isEmpty()) authors.keep(cmd.organizationId(), kept);
        return cmd.tasks().size();
    }

    private Aggregate<Project> load(ProjectId id) {
        try {
            return projects.load(id.value());
        } catch (AggregateNotFoundException e) {
            throw new NotFound("Project", "projectId");
        }
    }
}
