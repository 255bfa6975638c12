package io.labelledger.project.api;

/** Roles inside one project, given to organization members who work on it. */
public enum ProjectRole { REVIEWER, ANNOTATOR }
