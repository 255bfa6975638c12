package io.labelledger.organization.write;

import io.labelledger.shared.DomainException;
import io.labelledger.shared.ErrorCode;

import java.util.List;

public class RevokedInvitation extends DomainException {
    public RevokedInvitation() {
        super(ErrorCode.INVITATION_REVOKED, List.of("invitation"), "This invitation was withdrawn; ask for a new one");
    }
}
