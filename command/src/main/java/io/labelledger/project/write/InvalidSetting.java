package io.labelledger.project.write;

import io.labelledger.shared.DomainException;
import io.labelledger.shared.ErrorCode;

import java.util.List;

/** A setting out of range; the field path names the section and the setting, e.g. ["distribution", "overlap"]. */
public class InvalidSetting extends DomainException {
    public InvalidSetting(String section, String field, String message) {
        super(ErrorCode.VALIDATION, List.of(section, field), message);
    }
}
