package io.labelledger.audit.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * Someone downloaded the organization's audit log ({@code GET /api/audit/export}, ADR 0051): the format
 * ({@code verification}, {@code jsonl}, {@code csv}) and the time range asked for (null: open). Published on the event
 * bus, so the download is itself an entry of the log.
 */
@Revision("1")
public record AuditExported(OrganizationId organizationId, String format, Instant from, Instant to, UserId by) {}
