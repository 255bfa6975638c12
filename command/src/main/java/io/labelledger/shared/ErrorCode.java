package io.labelledger.shared;

/** Stable codes of user errors, shared by the write side and the API. Only ever extended, never renamed. */
public enum ErrorCode {
    VALIDATION, INVALID_LABEL_CONFIG, INVALID_RESULT, INVALID_IMPORT, NOT_FOUND, FORBIDDEN, CONFLICT,
    ALREADY_ANNOTATED, NOT_AUTHOR,
    /** The invitation's expiry has passed. */
    INVITATION_EXPIRED,
    /** The invitation was already accepted (invitations are single use). */
    INVITATION_USED,
    /** The change would leave the organization without an active Owner. */
    LAST_OWNER,
    /** Too many attempts (sign-in throttling); retry later. */
    RATE_LIMITED,
    /** A service the request depends on (e.g. the organization's LDAP directory) did not answer; retry later. */
    UNAVAILABLE,
    /** The invitation was withdrawn by an Owner or Admin. */
    INVITATION_REVOKED,
    /** A SAML sign-in was refused (bad or replayed response, wrong audience...); the reason says which check. */
    SAML_REFUSED,
    /** An upload is larger than the server accepts (labelledger.import.max-bytes); nothing was stored. */
    FILE_TOO_LARGE,
    /** The project does not allow the server to fetch the URLs of its task data (storage proxy off). */
    MEDIA_PROXY_OFF,
    /** A URL the storage proxy will not fetch: not http(s), or its host is private, loopback, link-local... (SSRF). */
    URL_REFUSED,
    /** An annotation without any result ({@code []}); the project does not allow empty annotations. */
    EMPTY_RESULT,
    /** A draft larger than the server keeps (SaveDraft.MAX_RESULT_CHARS); the earlier draft is unchanged. */
    DRAFT_TOO_LARGE,
    /** The task has as many annotations and live reservations as its overlap asks for (the label stream moves on). */
    TASK_FULL,
    /** The person already holds a live reservation of this task. */
    ALREADY_RESERVED,
    /** The person is paused in the project (by a Manager or a quality policy): no tasks, no submits. */
    PAUSED,
    /** The person reached the project's annotation limit. */
    LIMIT_REACHED,
    /** The person's reservation expired and the task was handed to others up to its overlap; their draft is kept. */
    RESERVATION_EXPIRED,
    /** A Data Manager filter or sort names a column (or data path / control) that does not exist. */
    FILTER_UNKNOWN_FIELD,
    /** A Data Manager filter uses an operator that does not fit the column's type. */
    FILTER_OPERATOR,
    /** A Data Manager filter value of the wrong type, shape or size (e.g. a too long regex). */
    FILTER_VALUE,
    /** A Data Manager query ran past its time limit (e.g. a regex over a whole large project); narrow the filter. */
    QUERY_TOO_SLOW
}
