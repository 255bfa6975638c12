package io.labelledger.identity.ldap;

import io.labelledger.organization.api.OrganizationRole;

import java.util.List;

/**
 * How one organization's people sign in through its directory. {@code userFilter} holds {@code {email}} where the
 * (escaped) email goes. {@code defaultRole} null: people outside every mapped group may not sign in.
 */
public record LdapSettings(String organizationId, boolean enabled, String emailDomain, String url, String bindDn,
                           String bindPassword, String userBaseDn, String userFilter, String groupBaseDn,
                           OrganizationRole defaultRole, List<RoleMapping> roleMappings, java.time.Instant updatedAt) {
    public LdapSettings {
        roleMappings = List.copyOf(roleMappings);
    }

    public record RoleMapping(String group, OrganizationRole role) {}

    /** For logs and errors: never the password. */
    @Override
    public String toString() {
        return "LdapSettings[" + organizationId + ", " + emailDomain + ", " + url + "]";
    }
}
