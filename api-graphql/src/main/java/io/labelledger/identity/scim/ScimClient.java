package io.labelledger.identity.scim;

import java.io.Serializable;

/** The principal of a SCIM request: which token, hence which organization. Nothing else is trusted. */
public record ScimClient(String tokenId, String organizationId) implements Serializable {
    /** The actor recorded in event metadata and the audit log. */
    public String actorId() { return "scim:" + tokenId; }
}
