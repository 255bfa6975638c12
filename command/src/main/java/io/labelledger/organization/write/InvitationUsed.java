package io.labelledger.organization.write;

import io.labelledger.shared.DomainException;
import io.labelledger.shared.ErrorCode;

import java.util.List;

public class InvitationUsed extends DomainException {
    public InvitationUsed() {
        super(ErrorCode.INVITATION_USED, List.of("invitation"), "This invitation was already used");
    }
}
