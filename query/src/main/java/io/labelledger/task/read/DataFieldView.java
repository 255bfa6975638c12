package io.labelledger.task.read;

import java.util.List;

/** A data field of a project's tasks: its key path and the JSON kinds seen there (string, number, boolean, array, object). */
public record DataFieldView(List<String> path, List<String> kinds) {}
