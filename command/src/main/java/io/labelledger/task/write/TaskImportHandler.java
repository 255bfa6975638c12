package io.labelledger.task.write;

import io.labelledger.project.api.ProjectId;
import io.labelledger.project.config.LabelingConfig;
import io.labelledger.project.config.LabelingConfigs;
import io.labelledger.project.config.ResultValidator;
import io.labelledger.project.config.VersionedConfig;
import io.labelledger.project.write.Project;
import io.labelledger.shared.NotFound;
import io.labelledger.task.api.ImportTasks;
import io.labelledger.task.api.NewTask;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

/**
 * Imports a batch of tasks in one unit of work: the project reserves the task numbers and every task aggregate is
 * created in the same transaction, so a batch lands whole or not at all.
 */
public class TaskImportHandler {
    private final Repository<Project> projects;
    private final Repository<Task> tasks;
    private final LabelingConfigs configs;

    public TaskImportHandler(Repository<Project> projects, Repository<Task> tasks, LabelingConfigs configs) {
        this.projects = projects;
        this.tasks = tasks;
        this.configs = configs;
    }

    @CommandHandler
    public int handle(ImportTasks cmd) throws Exception {
        Aggregate<Project> project = load(cmd.projectId());
        long first = project.invoke(p -> p.recordImport(cmd.organizationId(), cmd.importId(), cmd.tasks().size(), cmd.by()));
        VersionedConfig versioned = configs.versioned(cmd.projectId());
        LabelingConfig config = versioned.config();
        for (int i = 0; i < cmd.tasks().size(); i++) {
            NewTask task = cmd.tasks().get(i);
            for (int p = 0; p < task.predictions().size(); p++) {
                ResultValidator.validate(config, task.predictions().get(p).result(), "tasks[" + i + "].predictions[" + p + "].result", task.data());
            }
            for (int a = 0; a < task.annotations().size(); a++) {
                ResultValidator.validate(config, task.annotations().get(a).result(), "tasks[" + i + "].annotations[" + a + "].result", task.data());
            }
            long number = first + i;
            tasks.newInstance(() -> new Task(task, cmd.projectId(), cmd.organizationId(), cmd.importId(), number, cmd.by(), versioned.version()));
        }
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
