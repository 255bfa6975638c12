package io.labelledger.project.read;

import java.time.Instant;

/** A person paused in a project: why (shown to them), by what (MANAGER or POLICY), by whom and since when. */
public record PauseView(String projectId, String userId, String reason, String source, String pausedBy, Instant pausedAt) {}
