package io.labelledger.organization.write;

import io.labelledger.shared.DomainException;
import io.labelledger.shared.ErrorCode;

import java.util.List;

public class LastOwner extends DomainException {
    public LastOwner() {
        super(ErrorCode.LAST_OWNER, List.of("userId"), "The organization needs at least one active Owner");
    }
}
