package io.labelledger.identity.web;

/** The answer of a sign-in, a switch or a join over REST: who the session acts as now. */
public record SessionView(String userId, String organizationId) {}
