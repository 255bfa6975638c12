package io.labelledger.project.read;

/** A project's settings as recorded (JSON of ProjectSettings; null: never changed, the defaults) and their version. */
public record SettingsView(String projectId, String settingsJson, int version) {}
