package io.labelledger.identity.saml;

/**
 * A SAML message (or IdP metadata) that LabelLedger refuses. The reason is a stable code for callers, tests and the
 * refusal record; the detail is short and never echoes personal data from the untrusted message.
 */
public class SamlRefused extends RuntimeException {
    public enum Reason {
        /** SSO is not configured or is disabled for the organization. */
        NOT_CONFIGURED,
        /** Unreadable, oversized or structurally wrong XML / metadata. */
        MALFORMED,
        /** Neither the response nor the assertion carries a signature. */
        UNSIGNED,
        /** A signature does not verify with the IdP's certificates, or breaks the SAML signature profile. */
        BAD_SIGNATURE,
        /** More than one assertion, an ID used twice, or a signature not covering the element that is read. */
        WRAPPING,
        /** Encrypted assertions are not supported. */
        ENCRYPTED,
        /** The IdP answered with a status other than Success. */
        STATUS,
        /** Issuer is not the configured IdP. */
        ISSUER,
        /** Destination of the response is not our ACS. */
        DESTINATION,
        /** Recipient of the subject confirmation is not our ACS, or no bearer confirmation. */
        RECIPIENT,
        /** Our SP is not in the audience. */
        AUDIENCE,
        /** NotOnOrAfter has passed. */
        EXPIRED,
        /** NotBefore is in the future. */
        NOT_YET_VALID,
        /** The assertion was already used. */
        REPLAY,
        /** InResponseTo is missing (IdP-initiated) or not a request we sent and have not yet seen answered. */
        IN_RESPONSE_TO,
        /** No usable email in the assertion. */
        NO_EMAIL,
        /** The email belongs to an account that is not a member of this organization. */
        ACCOUNT_CONFLICT,
        /** The person is deactivated in the organization (or their account is). */
        DEACTIVATED
    }

    private final Reason reason;

    public SamlRefused(Reason reason, String detail) {
        super(detail, null, false, false); // no stack trace: refusals are expected traffic
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
