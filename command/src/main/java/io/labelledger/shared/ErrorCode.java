package io.labelledger.shared;

/** Stable codes of user errors, shared by the write side and the API. */
public enum ErrorCode {
    VALIDATION, INVALID_LABEL_CONFIG, INVALID_RESULT, INVALID_IMPORT, NOT_FOUND, FORBIDDEN, CONFLICT,
    ALREADY_ANNOTATED, NOT_AUTHOR
}
