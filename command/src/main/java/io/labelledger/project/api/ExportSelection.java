package io.labelledger.project.api;

import java.util.List;

/**
 * Which tasks of the project an export holds when it is not the whole project (the Data Manager's "export selected",
 * ADR 0038): the numbers of the ticked tasks, or the Data Manager filter (its JSON, as the tasks query takes it) that
 * selected all matching tasks. The numbers of a filtered selection are fixed when the export starts and counted in the
 * event's {@code taskCount}; a million numbers would not belong in one event.
 */
public record ExportSelection(List<Long> taskNumbers, String filter) {
    public ExportSelection {
        taskNumbers = taskNumbers == null ? List.of() : List.copyOf(taskNumbers);
        if (taskNumbers.isEmpty() == (filter == null)) {
            throw new IllegalArgumentException("A selection is either task numbers or a filter");
        }
    }

    public static ExportSelection ofNumbers(List<Long> numbers) { return new ExportSelection(numbers, null); }

    public static ExportSelection ofFilter(String filterJson) { return new ExportSelection(List.of(), filterJson); }
}
