package io.labelledger.task.jobs;

import io.labelledger.project.api.ProjectDeleted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A deleted project's jobs go with it (issue 11's danger zone, ADR 0042): export files and their rows, import uploads
 * and their rows, bulk jobs. A <b>subscribing</b> processor ({@value #GROUP}): it runs in the transaction that records
 * ProjectDeleted, so nobody downloads an export of the project after the deletion answered. A worker still running one
 * of these jobs finds its row gone and ends.
 */
@ProcessingGroup(ProjectJobsCleanup.GROUP)
public class ProjectJobsCleanup {
    public static final String GROUP = "project-cleanup";
    private final JdbcTemplate jdbc;
    private final ExportJobFiles exportFiles;
    private final ImportJobFiles importFiles;

    public ProjectJobsCleanup(JdbcTemplate jdbc, ExportJobFiles exportFiles, ImportJobFiles importFiles) {
        this.jdbc = jdbc;
        this.exportFiles = exportFiles;
        this.importFiles = importFiles;
    }

    @EventHandler
    void on(ProjectDeleted e) {
        String project = e.projectId().value();
        for (String job : jdbc.queryForList("DELETE FROM export_job WHERE project_id = ? RETURNING job_id", String.class, project)) {
            deleteQuietly(exportFiles.done(job));
            deleteQuietly(exportFiles.partial(job));
        }
        for (String job : jdbc.queryForList("DELETE FROM import_job WHERE project_id = ? RETURNING job_id", String.class, project)) {
            try {
                importFiles.delete(job);
            } catch (RuntimeException ignored) {
                // as above: the sweeper removes orphaned files
            }
        }
        jdbc.update("DELETE FROM bulk_job WHERE project_id = ?", project);
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // the job sweeper removes files without a job row later
        }
    }
}
