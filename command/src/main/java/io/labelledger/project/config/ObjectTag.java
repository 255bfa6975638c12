package io.labelledger.project.config;

/** A tag that shows task data (Text, Image, Audio...). {@code valueField} is the task data key of value="$key". */
public record ObjectTag(String name, String type, String valueField, int line) {}
