package io.labelledger.organization.write;

import io.labelledger.shared.DomainException;
import io.labelledger.shared.ErrorCode;

import java.util.List;

public class InvitationExpired extends DomainException {
    public InvitationExpired() {
        super(ErrorCode.INVITATION_EXPIRED, List.of("invitation"), "This invitation has expired");
    }
}
