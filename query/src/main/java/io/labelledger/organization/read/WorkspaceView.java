package io.labelledger.organization.read;

import java.time.Instant;

public record WorkspaceView(String id, String name, boolean archived, Instant createdAt, long memberCount, long projectCount) {}
