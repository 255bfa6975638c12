package io.labelledger.eventstore;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.task.api.AnnotationId;
import io.labelledger.task.write.ImportedAuthors;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@link ImportedAuthors} over the accounts and the directory's members (emails are stored in lower case), and the
 * {@code imported_annotation_author} table for Label Studio authors who are not members (ADR 0030). Runs inside the
 * import's unit of work, so a kept value lands with its annotations. Erasing a person's data includes deleting the
 * rows that name them.
 */
public class JdbcImportedAuthors implements ImportedAuthors {
    private final JdbcTemplate jdbc;

    public JdbcImportedAuthors(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, UserId> members(OrganizationId organizationId, Set<String> emails) {
        Map<String, UserId> found = new HashMap<>();
        List<String> all = emails.stream().map(e -> e.toLowerCase(Locale.ROOT)).distinct().toList();
        for (int from = 0; from < all.size(); from += 500) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
            List<Object> args = new ArrayList<>();
            args.add(organizationId.value());
            args.addAll(chunk);
            jdbc.query("SELECT u.email, u.user_id FROM user_account u JOIN rm_org_member m ON m.user_id = u.user_id AND m.organization_id = ?"
                       + " WHERE u.email IN (" + String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ")",
                    rs -> { found.put(rs.getString(1), new UserId(rs.getString(2))); }, args.toArray());
        }
        return found;
    }

    @Override
    public void keep(OrganizationId organizationId, Map<AnnotationId, String> completedBy) {
        List<Object[]> rows = completedBy.entrySet().stream()
                .map(e -> new Object[]{e.getKey().value(), organizationId.value(), e.getValue()}).toList();
        jdbc.batchUpdate("""
                INSERT INTO imported_annotation_author (annotation_id, organization_id, completed_by) VALUES (?, ?, ?::jsonb)
                ON CONFLICT (annotation_id) DO NOTHING""", rows);
    }
}
