package io.labelledger.task.write;

import io.labelledger.shared.DomainException;
import io.labelledger.shared.ErrorCode;
import io.labelledger.task.api.SaveDraft;

import java.util.List;

public class DraftTooLarge extends DomainException {
    public DraftTooLarge() {
        super(ErrorCode.DRAFT_TOO_LARGE, List.of("result"), "A draft has at most " + SaveDraft.MAX_RESULT_CHARS + " characters of JSON");
    }
}
