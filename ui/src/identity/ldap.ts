// Pure logic of the LDAP settings form.
import type { OrganizationRole } from '../shared/api/types';
import type { ConfigureLdapInput, LdapSettingsFieldsFragment as LdapSettings } from '../shared/gql/graphql';

type LdapRoleMapping = LdapSettings['roleMappings'][number];

export interface LdapForm {
  enabled: boolean;
  emailDomain: string;
  url: string;
  bindDn: string;
  /** empty: keep the stored password */
  bindPassword: string;
  userBaseDn: string;
  userFilter: string;
  groupBaseDn: string;
  defaultRole: OrganizationRole | '';
  roleMappings: LdapRoleMapping[];
}

export const EMPTY_LDAP_FORM: LdapForm = {
  enabled: true,
  emailDomain: '',
  url: 'ldaps://',
  bindDn: '',
  bindPassword: '',
  userBaseDn: '',
  userFilter: '(mail={email})',
  groupBaseDn: '',
  defaultRole: '',
  roleMappings: [{ group: '', role: 'ANNOTATOR' }],
};

/** Roles a directory may grant: never Owner. */
export const DIRECTORY_ROLES: OrganizationRole[] = ['ADMIN', 'MANAGER', 'REVIEWER', 'ANNOTATOR'];

export function formOf(s: LdapSettings | null): LdapForm {
  if (!s) return EMPTY_LDAP_FORM;
  return {
    enabled: s.enabled,
    emailDomain: s.emailDomain,
    url: s.url,
    bindDn: s.bindDn ?? '',
    bindPassword: '',
    userBaseDn: s.userBaseDn,
    userFilter: s.userFilter,
    groupBaseDn: s.groupBaseDn ?? '',
    defaultRole: s.defaultRole ?? '',
    roleMappings: s.roleMappings.length > 0 ? s.roleMappings : [],
  };
}

/** The mutation input: blanks become nulls, an empty password keeps the stored one, empty mapping rows are dropped. */
export function inputOf(f: LdapForm): ConfigureLdapInput {
  const blank = (v: string) => (v.trim() === '' ? null : v.trim());
  return {
    enabled: f.enabled,
    emailDomain: f.emailDomain.trim(),
    url: f.url.trim(),
    bindDn: blank(f.bindDn),
    bindPassword: f.bindPassword === '' ? null : f.bindPassword,
    userBaseDn: f.userBaseDn.trim(),
    userFilter: blank(f.userFilter),
    groupBaseDn: blank(f.groupBaseDn),
    defaultRole: f.defaultRole === '' ? null : f.defaultRole,
    roleMappings: f.roleMappings.filter((m) => m.group.trim() !== '').map((m) => ({ group: m.group.trim(), role: m.role })),
  };
}
