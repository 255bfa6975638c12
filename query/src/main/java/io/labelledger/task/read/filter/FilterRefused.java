package io.labelledger.task.read.filter;

import io.labelledger.shared.DomainException;
import io.labelledger.shared.ErrorCode;

import java.util.List;

/** A filter or sort the Data Manager will not run, naming the input field (e.g. {@code conditions.2.operator}). */
public class FilterRefused extends DomainException {
    public FilterRefused(ErrorCode code, List<String> field, String message) {
        super(code, field, message);
    }
}
