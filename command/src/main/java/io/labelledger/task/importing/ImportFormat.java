package io.labelledger.task.importing;

/**
 * File formats a task import accepts. Label Studio's own task JSON stays the default; the others map each record to
 * the task's data: NDJSON one task per line, CSV/TSV one task per row (header row = data field names), TEXT one
 * task per line into the config's single text field, URLS one media URL per line into the config's media field.
 */
public enum ImportFormat {
    JSON, NDJSON, CSV, TSV, TEXT, URLS
}
