package io.labelledger.task.web;

import io.labelledger.api.Caller;
import io.labelledger.project.read.ProjectQueries;
import io.labelledger.task.datamanager.TaskRowNotifier;
import io.labelledger.task.read.TaskQueries;
import io.labelledger.task.read.TaskView;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/**
 * Live Data Manager rows. The projection publishes changed task ids on Redis after each commit; every replica
 * listens and reloads the row for its own subscribers, so this works behind a load balancer.
 */
@Controller
public class TaskSubscriptionController {
    private final ReactiveRedisMessageListenerContainer redis;
    private final ProjectQueries projects;
    private final TaskQueries tasks;

    public TaskSubscriptionController(ReactiveRedisMessageListenerContainer redis, ProjectQueries projects, TaskQueries tasks) {
        this.redis = redis;
        this.projects = projects;
        this.tasks = tasks;
    }

    @SubscriptionMapping
    public Flux<TaskView> taskChanged(@Argument String projectId, @ContextValue Caller caller) {
        // a project of another organization is not found: the stream ends at once
        return projects.get(caller.organizationId(), projectId)
                       .flatMapMany(p -> redis.receive(ChannelTopic.of(TaskRowNotifier.CHANNEL_PREFIX + p.id())))
                       .concatMap(message -> Flux.fromArray(message.getMessage().split(TaskRowNotifier.SEPARATOR)))
                       .concatMap(taskId -> tasks.get(caller.organizationId(), taskId));
    }
}
