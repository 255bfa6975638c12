package io.labelledger.project.write;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.project.api.BulkTaskAction;
import io.labelledger.project.api.BulkTaskActionRecorded;
import io.labelledger.project.api.DeleteProject;
import io.labelledger.project.api.ProjectCreated;
import io.labelledger.project.api.ProjectDeleted;
import io.labelledger.project.api.ProjectId;
import io.labelledger.project.api.RecordBulkTaskAction;
import io.labelledger.project.api.TasksImported;
import io.labelledger.project.api.UpdateProjectDetails;
import io.labelledger.shared.ErrorCode;
import io.labelledger.shared.NotFound;
import io.labelledger.shared.ValidationFailed;
import io.labelledger.task.api.ImportId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.labelledger.testing.Configs.SENTIMENT;
import static io.labelledger.testing.DomainErrors.error;

/** Bulk-action audit entries and deleting a project (issue 11's danger zone, ADR 0042). */
class ProjectDangerZoneTest {
    static final ProjectId PROJECT = new ProjectId("project-1");
    static final OrganizationId ORG = new OrganizationId("org-1");
    static final OrganizationId OTHER_ORG = new OrganizationId("org-2");
    static final UserId ALICE = new UserId("alice");
    static final ProjectCreated CREATED = new ProjectCreated(PROJECT, ORG, "Reviews", "Movie reviews", SENTIMENT, 1, ALICE);
    static final TasksImported IMPORTED = new TasksImported(PROJECT, ORG, new ImportId("import-1"), 1, 40, ALICE);
    static final ProjectDeleted DELETED = new ProjectDeleted(PROJECT, ORG, "Reviews", 40, ALICE);

    AggregateTestFixture<Project> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Project.class);
        fixture.registerInjectableResource((io.labelledger.project.config.LabelUsage) (projectId, config) -> List.of());
    }

    @Nested
    class BulkActions {
        @Test
        void aFinishedBulkActionIsOneEntryWithItsCounts() {
            fixture.given(CREATED, IMPORTED)
                   .when(new RecordBulkTaskAction(PROJECT, ORG, "job-1", BulkTaskAction.LABEL, 10, 9, ALICE))
                   .expectEvents(new BulkTaskActionRecorded(PROJECT, ORG, "job-1", BulkTaskAction.LABEL, 10, 9, ALICE));
        }

        @Test
        void aJobRunAgainAfterACrashIsRecordedOnce() {
            fixture.given(CREATED, IMPORTED, new BulkTaskActionRecorded(PROJECT, ORG, "job-1", BulkTaskAction.LABEL, 10, 9, ALICE))
                   .when(new RecordBulkTaskAction(PROJECT, ORG, "job-1", BulkTaskAction.LABEL, 10, 0, ALICE))
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents();
        }

        @Test
        void countsThatCannotBeAreRefused() {
            fixture.given(CREATED)
                   .when(new RecordBulkTaskAction(PROJECT, ORG, "job-1", BulkTaskAction.DELETE, 3, 4, ALICE))
                   .expectException(error(ValidationFailed.class, ErrorCode.VALIDATION, "changed"));
            fixture.given(CREATED)
                   .when(new RecordBulkTaskAction(PROJECT, ORG, "job-1", null, 3, 3, ALICE))
                   .expectException(error(ValidationFailed.class, ErrorCode.VALIDATION, "action"));
        }

        @Test
        void anotherOrganizationDoesNotFindTheProject() {
            fixture.given(CREATED)
                   .when(new RecordBulkTaskAction(PROJECT, OTHER_ORG, "job-1", BulkTaskAction.ASSIGN, 1, 1, ALICE))
                   .expectException(error(NotFound.class, ErrorCode.NOT_FOUND, "projectId"));
        }
    }

    @Nested
    class Deletion {
        @Test
        void typingTheTitleDeletesTheProjectWithItsTaskCount() {
            fixture.given(CREATED, IMPORTED)
                   .when(new DeleteProject(PROJECT, ORG, " Reviews ", ALICE))
                   .expectEvents(DELETED);
        }

        @Test
        void anotherTitleIsRefused() {
            fixture.given(CREATED, IMPORTED)
                   .when(new DeleteProject(PROJECT, ORG, "reviews", ALICE))
                   .expectException(error(ValidationFailed.class, ErrorCode.VALIDATION, "title"))
                   .expectNoEvents();
            fixture.given(CREATED)
                   .when(new DeleteProject(PROJECT, ORG, null, ALICE))
                   .expectException(error(ValidationFailed.class, ErrorCode.VALIDATION, "title"));
        }

        @Test
        void anotherOrganizationCannotDeleteIt() {
            fixture.given(CREATED)
                   .when(new DeleteProject(PROJECT, OTHER_ORG, "Reviews", ALICE))
                   .expectException(error(NotFound.class, ErrorCode.NOT_FOUND, "projectId"));
        }

        @Test
        void aDeletedProjectIsNotFoundForAnything() {
            fixture.given(CREATED, IMPORTED, DELETED)
                   .when(new DeleteProject(PROJECT, ORG, "Reviews", ALICE))
                   .expectException(error(NotFound.class, ErrorCode.NOT_FOUND, "projectId"));
            fixture.given(CREATED, DELETED)
                   .when(new UpdateProjectDetails(PROJECT, ORG, "Renamed", null, ALICE))
                   .expectException(error(NotFound.class, ErrorCode.NOT_FOUND, "projectId"));
        }
    }
}
