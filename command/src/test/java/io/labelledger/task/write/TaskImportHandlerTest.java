package io.labelledger.task.write;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.project.api.ProjectCreated;
import io.labelledger.project.api.ProjectId;
import io.labelledger.project.api.TasksImported;
import io.labelledger.project.config.InvalidResult;
import io.labelledger.project.config.LabelingConfigParser;
import io.labelledger.project.write.Project;
import io.labelledger.shared.DomainException;
import io.labelledger.shared.ErrorCode;
import io.labelledger.shared.NotFound;
import io.labelledger.shared.ValidationFailed;
import io.labelledger.task.api.AnnotationId;
import io.labelledger.task.api.AnnotationImported;
import io.labelledger.task.api.GroundTruthChanged;
import io.labelledger.task.api.ImportedAnnotation;
import io.labelledger.task.api.AnnotationSubmitted;
import io.labelledger.task.api.ImportId;
import io.labelledger.task.api.ImportTasks;
import io.labelledger.task.api.NewTask;
import io.labelledger.task.api.Prediction;
import io.labelledger.task.api.SubmitAnnotation;
import io.labelledger.task.api.TaskId;
import io.labelledger.task.api.TaskImported;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.concurrent.Callable;

import static io.labelledger.testing.Configs.SENTIMENT;
import static io.labelledger.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage;

/**
 * The import handler against Axon's in-memory event store: the project numbers the batch and every task aggregate
 * is created in the same unit of work, which commits whole or rolls back whole.
 */
class TaskImportHandlerTest {
    static final ProjectId PROJECT = new ProjectId("project-1");
    static final OrganizationId ORG = new OrganizationId("org-1");
    static final OrganizationId OTHER_ORG = new OrganizationId("org-2");
    static final UserId MANAGER = new UserId("manager");
    static final UserId ALICE = new UserId("alice");
    static final ImportId IMPORT_1 = new ImportId("import-1");
    static final ImportId IMPORT_2 = new ImportId("import-2");
    static final JsonNode POSITIVE = json("[{'from_name':'sentiment','to_name':'text','type':'choices','value':{'choices':['Positive']}}]");
    static final JsonNode UNKNOWN_CHOICE = json("[{'from_name':'sentiment','to_name':'text','type':'choices','value':{'choices':['Angry']}}]");

    InMemoryEventStorageEngine engine;
    EmbeddedEventStore store;
    EventSourcingRepository<Project> projects;
    EventSourcingRepository<Task> tasks;
    TaskImportHandler handler;

    @BeforeEach
    void setUp() {
        engine = new InMemoryEventStorageEngine();
        store = EmbeddedEventStore.builder().storageEngine(engine).build();
        projects = EventSourcingRepository.builder(Project.class).eventStore(store).build();
        tasks = EventSourcingRepository.builder(Task.class).eventStore(store).build();
        LabelingConfigParser parser = new LabelingConfigParser();
        handler = new TaskImportHandler(projects, tasks, projectId -> new io.labelledger.project.config.VersionedConfig(1, parser.parse(SENTIMENT)),
                ImportedAuthors.NONE);
        store.publish(new GenericDomainEventMessage<>("Project", PROJECT.value(), 0,
                new ProjectCreated(PROJECT, ORG, "Reviews", "", SENTIMENT, 1, MANAGER)));
    }

    @AfterEach
    void tearDown() { store.shutDown(); }

    static NewTask task(String id, String text, Prediction... predictions) {
        return new NewTask(new TaskId(id), json("{'text':'" + text + "'}"), List.of(predictions));
    }

    ResultMessage<?> inUnitOfWork(Object command, Callable<?> work) {
        DefaultUnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(asCommandMessage(command));
        return uow.executeWithResult(work, RollbackConfigurationType.ANY_THROWABLE);
    }

    ResultMessage<?> importTasks(ImportTasks cmd) {
        return inUnitOfWork(cmd, () -> handler.handle(cmd));
    }

    List<Object> allEvents() {
        return engine.readEvents(null, false).map(EventMessage::getPayload).map(Object.class::cast).toList();
    }

    List<Object> eventsOf(String aggregateId) {
        return store.readEvents(aggregateId).asStream().map(EventMessage::getPayload).map(Object.class::cast).toList();
    }

    static DomainException failure(ResultMessage<?> result) {
        assertThat(result.isExceptional()).as("the import should have failed").isTrue();
        assertThat(result.exceptionResult()).isInstanceOf(DomainException.class);
        return (DomainException) result.exceptionResult();
    }

    @Test
    void aBatchIsNumberedFromOneAndEachTaskIsImported() {
        NewTask t1 = task("task-1", "Great", new Prediction("v1", 0.8, POSITIVE));
        NewTask t2 = task("task-2", "Bad");
        NewTask t3 = task("task-3", "Meh");

        ResultMessage<?> result = importTasks(new ImportTasks(PROJECT, ORG, IMPORT_1, List.of(t1, t2, t3), MANAGER));

        assertThat(result.isExceptional()).isFalse();
        assertThat(result.getPayload()).isEqualTo(3);
        assertThat(allEvents()).containsExactly(
                new ProjectCreated(PROJECT, ORG, "Reviews", "", SENTIMENT, 1, MANAGER),
                new TasksImported(PROJECT, ORG, IMPORT_1, 1, 3, MANAGER),
                new TaskImported(t1.taskId(), PROJECT, ORG, IMPORT_1, 1, t1.data(), t1.predictions(), MANAGER),
                new TaskImported(t2.taskId(), PROJECT, ORG, IMPORT_1, 2, t2.data(), List.of(), MANAGER),
                new TaskImported(t3.taskId(), PROJECT, ORG, IMPORT_1, 3, t3.data(), List.of(), MANAGER));
    }

    @Test
    void aSecondBatchContinuesTheNumbering() {
        importTasks(new ImportTasks(PROJECT, ORG, IMPORT_1, List.of(task("task-1", "a"), task("task-2", "b")), MANAGER));
        ResultMessage<?> second = importTasks(new ImportTasks(PROJECT, ORG, IMPORT_2, List.of(task("task-3", "c"), task("task-4", "d")), MANAGER));

        assertThat(second.isExceptional()).isFalse();
        assertThat(eventsOf(PROJECT.value())).containsExactly(
                new ProjectCreated(PROJECT, ORG, "Reviews", "", SENTIMENT, 1, MANAGER),
                new TasksImported(PROJECT, ORG, IMPORT_1, 1, 2, MANAGER),
                new TasksImported(PROJECT, ORG, IMPORT_2, 3, 2, MANAGER));
        assertThat(eventsOf("task-3")).singleElement()
                .isInstanceOfSatisfying(TaskImported.class, e -> assertThat(e.number()).isEqualTo(3));
        assertThat(eventsOf("task-4")).singleElement()
                .isInstanceOfSatisfying(TaskImported.class, e -> assertThat(e.number()).isEqualTo(4));
    }

    @Test
    void importedTasksCanBeLoadedAndAnnotated() {
        importTasks(new ImportTasks(PROJECT, ORG, IMPORT_1, List.of(task("task-1", "a")), MANAGER));
        LabelingConfigParser parser = new LabelingConfigParser();
        SubmitAnnotation submit = new SubmitAnnotation(new TaskId("task-1"), ORG, new AnnotationId("a-1"), POSITIVE, 3.0, ALICE);

        ResultMessage<?> result = inUnitOfWork(submit, () -> {
            tasks.load("task-1").execute(t -> t.handle(submit, projectId -> new io.labelledger.project.config.VersionedConfig(1, parser.parse(SENTIMENT)),
                    projectId -> io.labelledger.project.config.ProjectWorkflow.DEFAULT, (projectId, userId, except, at) -> 0));
            return null;
        });

        assertThat(result.isExceptional()).isFalse();
        assertThat(eventsOf("task-1")).hasSize(2).last()
                .isEqualTo(new AnnotationSubmitted(new TaskId("task-1"), PROJECT, ORG, submit.annotationId(), POSITIVE, 3.0, ALICE, 1));
    }

    @Test
    void annotationsInsideImportedTasksBecomeTheImportersAnnotations() {
        ImportedAnnotation a1 = new ImportedAnnotation(new AnnotationId("a-1"), POSITIVE, 12.5);
        NewTask t1 = new NewTask(new TaskId("task-1"), json("{'text':'a'}"), List.of(), List.of(a1));

        ResultMessage<?> result = importTasks(new ImportTasks(PROJECT, ORG, IMPORT_1, List.of(t1), MANAGER));

        assertThat(result.isExceptional()).isFalse();
        assertThat(eventsOf("task-1")).containsExactly(
                new TaskImported(t1.taskId(), PROJECT, ORG, IMPORT_1, 1, t1.data(), List.of(), MANAGER),
                new AnnotationImported(t1.taskId(), PROJECT, ORG, a1.annotationId(), IMPORT_1, POSITIVE, 12.5, MANAGER, 1));
        // the importer now holds an annotation on the task: a second one of theirs is refused
        LabelingConfigParser parser = new LabelingConfigParser();
        SubmitAnnotation submit = new SubmitAnnotation(new TaskId("task-1"), ORG, new AnnotationId("a-2"), POSITIVE, 3.0, MANAGER);
        ResultMessage<?> again = inUnitOfWork(submit, () -> {
            tasks.load("task-1").execute(t -> t.handle(submit, projectId -> new io.labelledger.project.config.VersionedConfig(1, parser.parse(SENTIMENT)),
                    projectId -> io.labelledger.project.config.ProjectWorkflow.DEFAULT, (projectId, userId, except, at) -> 0));
            return null;
        });
        assertThat(failure(again)).isInstanceOf(AlreadyAnnotated.class);
    }

    @Test
    void anImportedGroundTruthAnnotationIsMarkedRightAfterItIsImported() {
        ImportedAnnotation a1 = new ImportedAnnotation(new AnnotationId("a-1"), POSITIVE, 12.5, true);
        ImportedAnnotation a2 = new ImportedAnnotation(new AnnotationId("a-2"), POSITIVE, null, false);
        NewTask t1 = new NewTask(new TaskId("task-1"), json("{'text':'a'}"), List.of(), List.of(a1, a2));

        ResultMessage<?> result = importTasks(new ImportTasks(PROJECT, ORG, IMPORT_1, List.of(t1), MANAGER));

        assertThat(result.isExceptional()).isFalse();
        assertThat(eventsOf("task-1")).containsExactly(
                new TaskImported(t1.taskId(), PROJECT, ORG, IMPORT_1, 1, t1.data(), List.of(), MANAGER),
                new AnnotationImported(t1.taskId(), PROJECT, ORG, a1.annotationId(), IMPORT_1, POSITIVE, 12.5, MANAGER, 1),
                new AnnotationImported(t1.taskId(), PROJECT, ORG, a2.annotationId(), IMPORT_1, POSITIVE, null, MANAGER, 1),
                new GroundTruthChanged(t1.taskId(), PROJECT, ORG, a1.annotationId(), true, null, MANAGER));
    }

    @Test
    void ofSeveralImportedGroundTruthAnnotationsTheLastOneIsKept() {
        ImportedAnnotation a1 = new ImportedAnnotation(new AnnotationId("a-1"), POSITIVE, null, true);
        ImportedAnnotation a2 = new ImportedAnnotation(new AnnotationId("a-2"), POSITIVE, null, true);
        NewTask t1 = new NewTask(new TaskId("task-1"), json("{'text':'a'}"), List.of(), List.of(a1, a2));

        importTasks(new ImportTasks(PROJECT, ORG, IMPORT_1, List.of(t1), MANAGER));

        assertThat(eventsOf("task-1")).filteredOn(GroundTruthChanged.class::isInstance)
                .containsExactly(new GroundTruthChanged(t1.taskId(), PROJECT, ORG, a2.annotationId(), true, null, MANAGER));
    }

    @Test
    void anImportedAnnotationNotFittingTheConfigRefusesTheWholeBatch() {
        NewTask bad = new NewTask(new TaskId("task-1"), json("{'text':'a'}"), List.of(),
                List.of(new ImportedAnnotation(new AnnotationId("a-1"), UNKNOWN_CHOICE, null)));

        DomainException error = failure(importTasks(new ImportTasks(PROJECT, ORG, IMPORT_1, List.of(bad), MANAGER)));

        assertThat(error).isInstanceOf(InvalidResult.class);
        assertThat(error.field()).first().isEqualTo("tasks[0].annotations[0].result");
        assertThat(allEvents()).hasSize(1);
    }

    @Test
    void aPredictionNotFittingTheConfigRefusesTheWholeBatch() {
        NewTask good = task("task-1", "Great", new Prediction("v1", 0.8, POSITIVE));
        NewTask bad = task("task-2", "Awful", new Prediction("v1", 0.7, POSITIVE), new Prediction("v2", 0.4, UNKNOWN_CHOICE));

        DomainException error = failure(importTasks(new ImportTasks(PROJECT, ORG, IMPORT_1, List.of(good, bad), MANAGER)));

        assertThat(error).isInstanceOf(InvalidResult.class);
        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_RESULT);
        assertThat(error.field()).containsExactly("tasks[1].predictions[1].result", "0", "value", "choices");
        assertThat(allEvents()).containsExactly(new ProjectCreated(PROJECT, ORG, "Reviews", "", SENTIMENT, 1, MANAGER));
    }

    @Test
    void aRefusedBatchDoesNotConsumeNumbers() {
        NewTask bad = task("task-1", "Awful", new Prediction("v2", 0.4, UNKNOWN_CHOICE));
        failure(importTasks(new ImportTasks(PROJECT, ORG, IMPORT_1, List.of(bad), MANAGER)));

        importTasks(new ImportTasks(PROJECT, ORG, IMPORT_2, List.of(task("task-2", "ok")), MANAGER));

        assertThat(eventsOf(PROJECT.value())).last().isEqualTo(new TasksImported(PROJECT, ORG, IMPORT_2, 1, 1, MANAGER));
    }

    @Test
    void anUnknownProjectIsNotFound() {
        ImportTasks cmd = new ImportTasks(new ProjectId("no-such-project"), ORG, IMPORT_1, List.of(task("task-1", "a")), MANAGER);

        DomainException error = failure(importTasks(cmd));

        assertThat(error).isInstanceOf(NotFound.class);
        assertThat(error.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(error.field()).containsExactly("projectId");
        assertThat(allEvents()).hasSize(1);
    }

    @Test
    void anotherOrganizationsProjectIsNotFound() {
        DomainException error = failure(importTasks(new ImportTasks(PROJECT, OTHER_ORG, IMPORT_1, List.of(task("task-1", "a")), MANAGER)));

        assertThat(error).isInstanceOf(NotFound.class);
        assertThat(error.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(allEvents()).hasSize(1);
    }

    @Test
    void anEmptyBatchIsRefused() {
        DomainException error = failure(importTasks(new ImportTasks(PROJECT, ORG, IMPORT_1, List.of(), MANAGER)));

        assertThat(error).isInstanceOf(ValidationFailed.class);
        assertThat(error.code()).isEqualTo(ErrorCode.VALIDATION);
        assertThat(allEvents()).hasSize(1);
    }
}
