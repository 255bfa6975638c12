package io.labelledger.organization.api;

/** Organization roles, most powerful first. */
public enum OrganizationRole { OWNER, ADMIN, MANAGER, REVIEWER, ANNOTATOR }
