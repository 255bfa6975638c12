package io.labelledger.project.config;

import io.labelledger.shared.DomainException;
import io.labelledger.shared.ErrorCode;

import java.util.List;

/** The labeling config was refused; the message names the line, tag or attribute. */
public class InvalidLabelConfig extends DomainException {
    public InvalidLabelConfig(String message) {
        super(ErrorCode.INVALID_LABEL_CONFIG, List.of("labelConfig"), message);
    }
}
