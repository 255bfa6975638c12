package io.labelledger.shared.read;

import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The integer ids of Label Studio's REST API (ADR 0050) and the ids they stand for. Every lookup of an integer is
 * scoped by the caller's organization: the numbers are guessable, so another organization's number is "not found",
 * exactly as a number that names nothing.
 */
public class IntIdQueries {
    /** What a number may name, with the read model that keeps it. */
    public enum Kind {
        PROJECT("rm_project", "project_id"),
        TASK("dm_task", "task_id"),
        ANNOTATION("dm_annotation", "annotation_id");

        final String table;
        final String idColumn;

        Kind(String table, String idColumn) {
            this.table = table;
            this.idColumn = idColumn;
        }
    }

    private final DatabaseClient db;

    public IntIdQueries(DatabaseClient db) {
        this.db = db;
    }

    /** The id a number names in this organization; empty when it names nothing there. */
    public Mono<String> idOf(Kind kind, String organizationId, long intId) {
        return db.sql("SELECT " + kind.idColumn + " AS id FROM " + kind.table + " WHERE int_id = :n AND organization_id = :org")
                 .bind("n", intId).bind("org", organizationId)
                 .map(r -> r.get("id", String.class)).one();
    }

    /** The ids these numbers name in this organization (numbers that name nothing there are left out). */
    public Mono<java.util.List<String>> idsOf(Kind kind, String organizationId, Collection<Long> intIds) {
        if (intIds.isEmpty()) return Mono.just(java.util.List.of());
        return db.sql("SELECT " + kind.idColumn + " AS id FROM " + kind.table + " WHERE organization_id = :org AND int_id = ANY(:ns)")
                 .bind("org", organizationId).bind("ns", intIds.stream().distinct().toArray(Long[]::new))
                 .map(r -> r.get("id", String.class)).all().collectList();
    }

    /** An annotation a number names in this organization, with its task. */
    public record AnnotationRef(String annotationId, String taskId) {}

    public Mono<AnnotationRef> annotation(String organizationId, long intId) {
        return db.sql("SELECT annotation_id, task_id FROM dm_annotation WHERE int_id = :n AND organization_id = :org")
                 .bind("n", intId).bind("org", organizationId)
                 .map(r -> new AnnotationRef(r.get("annotation_id", String.class), r.get("task_id", String.class))).one();
    }

    /** The task holding the prediction a number names in this organization (predictions live in their task's list). */
    public Mono<String> taskOfPrediction(String organizationId, long intId) {
        return db.sql("SELECT task_id FROM dm_task WHERE organization_id = :org AND predictions @> CAST(:p AS jsonb)")
                 .bind("org", organizationId).bind("p", "[{\"intId\": " + intId + "}]")
                 .map(r -> r.get("task_id", String.class)).one();
    }

    /** The numbers of these ids (those of the organization that have one). */
    public Mono<Map<String, Long>> intIdsOf(Kind kind, String organizationId, Collection<String> ids) {
        if (ids.isEmpty()) return Mono.just(Map.of());
        return db.sql("SELECT " + kind.idColumn + " AS id, int_id FROM " + kind.table
                      + " WHERE organization_id = :org AND " + kind.idColumn + " = ANY(:ids) AND int_id IS NOT NULL")
                 .bind("org", organizationId).bind("ids", ids.stream().distinct().toArray(String[]::new))
                 .map(r -> Map.entry(r.get("id", String.class), r.get("int_id", Long.class)))
                 .all()
                 .collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new)
                 .map(m -> (Map<String, Long>) m);
    }

    /** The numbers of these people's accounts (every account has one). */
    public Mono<Map<String, Long>> userIntIds(Collection<String> userIds) {
        if (userIds.isEmpty()) return Mono.just(Map.of());
        return db.sql("SELECT user_id, int_id FROM user_account WHERE user_id = ANY(:ids)")
                 .bind("ids", userIds.stream().distinct().toArray(String[]::new))
                 .map(r -> Map.entry(r.get("user_id", String.class), r.get("int_id", Long.class)))
                 .all()
                 .collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new)
                 .map(m -> (Map<String, Long>) m);
    }
}
