package io.labelledger.identity.saml;

import io.labelledger.organization.api.OrganizationRole;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The role an IdP's attributes grant: the highest mapped role, else the default; never Owner. And the workspaces they
 * map to (docs/adr/0020).
 */
public final class RoleMapper {
    private RoleMapper() {}

    public static OrganizationRole roleFor(SsoStore.SsoConfig config, Map<String, List<String>> attributes) {
        OrganizationRole best = null;
        for (SsoStore.RoleMapping m : config.roleMappings()) {
            if (m.role() == OrganizationRole.OWNER) continue; // refused at configuration; checked again here
            if (attributes.getOrDefault(m.attribute(), List.of()).contains(m.value())
                && (best == null || m.role().ordinal() < best.ordinal())) { // OWNER, ADMIN, ... : a lower ordinal is more
                best = m.role();
            }
        }
        return best != null ? best : config.defaultRole();
    }

    /** The workspaces the attributes map to (every matching mapping, in configuration order). */
    public static Set<String> workspacesFor(SsoStore.SsoConfig config, Map<String, List<String>> attributes) {
        Set<String> out = new LinkedHashSet<>();
        for (SsoStore.WorkspaceMapping m : config.workspaceMappings()) {
            if (attributes.getOrDefault(m.attribute(), List.of()).contains(m.value())) out.add(m.workspaceId());
        }
        return out;
    }
}
