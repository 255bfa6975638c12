package io.labelledger.task.write;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.task.api.AnnotationId;

import java.util.Map;
import java.util.Set;

/**
 * What an import needs to know about the authors Label Studio names in {@code completed_by} (ADR 0030): which members
 * of the organization have those emails, and where to keep the values that name nobody of it. Those values may be
 * personal data (an email), so they are kept beside the events, never in them. Implemented over the accounts (infra).
 */
public interface ImportedAuthors {
    /** The organization's members among these emails (compared in lower case), by lower-case email. */
    Map<String, UserId> members(OrganizationId organizationId, Set<String> emails);

    /** Keeps Label Studio's {@code completed_by} (JSON text) of annotations whose author is not a member. */
    void keep(OrganizationId organizationId, Map<AnnotationId, String> completedBy);

    /** Knows nobody and keeps nothing (tests of the write side alone). */
    ImportedAuthors NONE = new ImportedAuthors() {
        @Override
        public Map<String, UserId> members(OrganizationId organizationId, Set<String> emails) { return Map.of(); }

        @Override
        public void keep(OrganizationId organizationId, Map<AnnotationId, String> completedBy) { }
    };
}
