package io.labelledger.identity.scim;

/** URNs of the SCIM messages and schemas we speak (RFC 7643/7644), and our one extension (docs/adr/0014). */
public final class ScimSchemas {
    public static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    public static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    /** Group extension: the organization role a group grants its members. */
    public static final String GROUP_ACCESS = "urn:labelledger:params:scim:schemas:extension:2.0:GroupAccess";
    public static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    public static final String LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    public static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
    public static final String SERVICE_PROVIDER_CONFIG = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
    public static final String RESOURCE_TYPE = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
    public static final String SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";
    public static final String MEDIA_TYPE = "application/scim+json";

    private ScimSchemas() {}
}
