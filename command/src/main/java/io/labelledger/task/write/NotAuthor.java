package io.labelledger.task.write;

import io.labelledger.shared.DomainException;
import io.labelledger.shared.ErrorCode;

import java.util.List;

public class NotAuthor extends DomainException {
    public NotAuthor() {
        super(ErrorCode.NOT_AUTHOR, List.of("annotationId"), "Only the author can change this annotation");
    }
}
