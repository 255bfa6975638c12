import type { ConfigureSsoInput, SsoSettingsFieldsFragment as SsoSettings } from '../shared/gql/graphql';

type SsoRoleMapping = SsoSettings['roleMappings'][number];
type SsoWorkspaceMapping = SsoSettings['workspaceMappings'][number];
import type { OrganizationRole } from '../shared/api/types';

/** Roles single sign-on may grant: never Owner (the server refuses it too). */
export const SSO_ROLES: readonly OrganizationRole[] = ['ADMIN', 'MANAGER', 'REVIEWER', 'ANNOTATOR'];

/** The server answers relative SP URLs when it has no configured public URL: put this page's origin in front. */
export function absoluteUrl(url: string, origin: string): string {
  return url.startsWith('/') ? origin + url : url;
}

export interface SsoForm {
  enabled: boolean;
  slug: string;
  metadataSource: 'xml' | 'url';
  metadataXml: string;
  metadataUrl: string;
  defaultRole: OrganizationRole;
  mappings: SsoRoleMapping[];
  workspaceMappings: SsoWorkspaceMapping[];
}

export function formFrom(settings: SsoSettings | null): SsoForm {
  return {
    enabled: settings?.enabled ?? true,
    slug: settings?.slug ?? '',
    metadataSource: settings?.idpMetadataUrl ? 'url' : 'xml',
    metadataXml: '',
    metadataUrl: settings?.idpMetadataUrl ?? '',
    defaultRole: settings?.defaultRole ?? 'ANNOTATOR',
    mappings: settings?.roleMappings.map((m) => ({ ...m })) ?? [],
    workspaceMappings: settings?.workspaceMappings?.map((m) => ({ ...m })) ?? [],
  };
}

/**
 * The mutation input: metadata only when newly given (an unchanged URL is not fetched again), mappings without
 * blank rows.
 */
export function inputFrom(form: SsoForm, current: SsoSettings | null): ConfigureSsoInput {
  const input: ConfigureSsoInput = {
    enabled: form.enabled,
    slug: form.slug.trim(),
    defaultRole: form.defaultRole,
    roleMappings: form.mappings
      .map((m) => ({ attribute: m.attribute.trim(), value: m.value.trim(), role: m.role }))
      .filter((m) => m.attribute !== '' || m.value !== ''),
    workspaceMappings: form.workspaceMappings
      .map((m) => ({ attribute: m.attribute.trim(), value: m.value.trim(), workspaceId: m.workspaceId }))
      .filter((m) => m.attribute !== '' || m.value !== ''),
  };
  if (form.metadataSource === 'xml' && form.metadataXml.trim() !== '') input.idpMetadataXml = form.metadataXml;
  if (form.metadataSource === 'url' && form.metadataUrl.trim() !== '' && form.metadataUrl.trim() !== current?.idpMetadataUrl) {
    input.idpMetadataUrl = form.metadataUrl.trim();
  }
  return input;
}

/** Where "Sign in with SSO" sends the browser for an organization's slug or id. */
export function ssoLoginPath(organization: string): string {
  return `/saml/${encodeURIComponent(organization.trim())}/login`;
}
