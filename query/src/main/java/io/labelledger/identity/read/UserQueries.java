package io.labelledger.identity.read;

import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/** Display names for user ids (people's names are not in events). */
public class UserQueries {
    private final DatabaseClient db;

    public UserQueries(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Map<String, String>> displayNames(Collection<String> userIds) {
        if (userIds.isEmpty()) return Mono.just(Map.of());
        return db.sql("SELECT user_id, display_name FROM user_account WHERE user_id = ANY(:ids)")
                 .bind("ids", userIds.toArray(String[]::new))
                 .map(r -> Map.entry(r.get("user_id", String.class), r.get("display_name", String.class)))
                 .all()
                 .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The people with these ids, one query; an id without an account is shown as {@link UserView#UNKNOWN}. */
    public Mono<Map<String, UserView>> people(Collection<String> userIds) {
        return displayNames(userIds).map(names -> userIds.stream().distinct().collect(Collectors.toMap(id -> id,
                id -> new UserView(id, names.getOrDefault(id, UserView.UNKNOWN)))));
    }

    /** The organizations a user is an active member of, by name, with their role in each. */
    public Flux<Membership> memberships(String userId) {
        return db.sql("""
                SELECT o.organization_id, o.name, m.role FROM rm_org_member m
                JOIN rm_organization o ON o.organization_id = m.organization_id
                WHERE m.user_id = :user AND m.active ORDER BY lower(o.name), o.organization_id""")
                 .bind("user", userId)
                 .map(r -> new Membership(r.get("organization_id", String.class), r.get("name", String.class), r.get("role", String.class)))
                 .all();
    }

    public record Membership(String id, String name, String role) {}

    public Mono<String> organizationName(String organizationId) {
        return db.sql("SELECT name FROM rm_organization WHERE organization_id = :org")
                 .bind("org", organizationId).map(r -> r.get("name", String.class)).one();
    }
}
