package io.labelledger.organization.read;

public record ProjectMemberView(String projectId, String userId, String displayName, String role) {}
