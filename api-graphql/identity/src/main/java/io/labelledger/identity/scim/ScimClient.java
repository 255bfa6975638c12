package io.labelledger.identity.scim;

import java.io.Serializable;

/**
 * The principal of a SCIM request: which token, hence which organization, and the person who created the token, whose
 * current rights the token acts with (docs/adr/0026). Nothing else is trusted.
 */
public record ScimClient(String tokenId, String organizationId, String createdBy) implements Serializable {
    /** The actor recorded in event metadata and the audit log. */
    public String actorId() { return "scim:" + tokenId; }
}
