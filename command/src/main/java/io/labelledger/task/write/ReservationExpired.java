package io.labelledger.task.write;

import io.labelledger.shared.DomainException;
import io.labelledger.shared.ErrorCode;

import java.util.List;

public class ReservationExpired extends DomainException {
    public ReservationExpired() {
        super(ErrorCode.RESERVATION_EXPIRED, List.of("taskId"), "Your reservation of this task expired and others have taken it; your draft is kept");
    }
}
