package io.labelledger.task.write;

import io.labelledger.shared.DomainException;
import io.labelledger.shared.ErrorCode;

import java.util.List;

/** Nobody reviews their own annotation, whatever their role. */
public class OwnAnnotation extends DomainException {
    public OwnAnnotation() {
        super(ErrorCode.FORBIDDEN, List.of("annotationId"), "You cannot review your own annotation");
    }
}
