package io.labelledger.task.datamanager;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Data Manager's comment columns of a task (dm_task.comment_count, unresolved_comment_count): the live comments of
 * its live annotations and the unresolved ones among them. Recounted from rm_comment and dm_annotation, never
 * incremented, so a redelivered event or a rebuild gives the same numbers; called after every change of either.
 */
public final class CommentCounts {
    private CommentCounts() {
    }

    /** @return whether the task's counts changed. */
    public static boolean recount(JdbcTemplate jdbc, String taskId) {
        return jdbc.update("""
                UPDATE dm_task t SET comment_count = c.n, unresolved_comment_count = c.open
                FROM (SELECT count(*) AS n, count(*) FILTER (WHERE NOT c.resolved) AS open
                      FROM rm_comment c JOIN dm_annotation a ON a.annotation_id = c.annotation_id
                      WHERE c.task_id = ? AND NOT c.deleted) c
                WHERE t.task_id = ? AND (t.comment_count <> c.n OR t.unresolved_comment_count <> c.open)""", taskId, taskId) == 1;
    }
}
