import { describe, expect, it } from 'vitest';
import { DIRECTORY_ROLES, EMPTY_LDAP_FORM, formOf, inputOf } from './ldap';

describe('LDAP settings form', () => {
  it('never offers the Owner role', () => {
    expect(DIRECTORY_ROLES).not.toContain('OWNER');
  });

  it('turns blanks into nulls, keeps the stored password when none is typed, drops empty mappings', () => {
    const input = inputOf({
      ...EMPTY_LDAP_FORM,
      emailDomain: ' corp.test ',
      url: 'ldap://dir:389',
      userBaseDn: 'ou=people,dc=corp',
      roleMappings: [{ group: ' cn=qa,dc=corp ', role: 'REVIEWER' }, { group: '  ', role: 'ANNOTATOR' }],
    });
    expect(input).toEqual({
      enabled: true, emailDomain: 'corp.test', url: 'ldap://dir:389', bindDn: null, bindPassword: null,
      userBaseDn: 'ou=people,dc=corp', userFilter: '(mail={email})', groupBaseDn: null, defaultRole: null,
      roleMappings: [{ group: 'cn=qa,dc=corp', role: 'REVIEWER' }],
    });
  });

  it('loads stored settings without their password', () => {
    const form = formOf({
      enabled: false, emailDomain: 'corp.test', url: 'ldaps://dir', bindDn: 'cn=svc', hasBindPassword: true, userBaseDn: 'dc=corp',
      userFilter: '(uid={email})', groupBaseDn: null, defaultRole: 'ANNOTATOR', roleMappings: [], updatedAt: '2030-01-01T00:00:00Z',
      domainVerification: { domain: 'corp.test', record: '_labelledger.corp.test', value: 'labelledger-verification=x', verified: true,
        verifiedAt: '2030-01-01T00:00:00Z' },
    });
    expect(form.bindPassword).toBe('');
    expect(form.groupBaseDn).toBe('');
    expect(form.defaultRole).toBe('ANNOTATOR');
    expect(inputOf(form).bindPassword).toBeNull();
  });
});
