import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { renderWithQueries } from '../shared/testing/render';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LdapSettingsFieldsFragment as LdapSettings } from '../shared/gql/graphql';
import { LdapSettingsForm } from './SignInSettingsPage';
import { mockGraphql } from '../shared/testing/graphqlMock';

function setup(handler: (op: string, vars: Record<string, unknown>) => unknown) {
  const fn = mockGraphql(handler);
  renderWithQueries(<LdapSettingsForm />);
  return fn;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const stored: LdapSettings = {
  enabled: true, emailDomain: 'corp.test', url: 'ldap://dir:389', bindDn: 'cn=svc,dc=corp', hasBindPassword: true,
  userBaseDn: 'ou=people,dc=corp', userFilter: '(mail={email})', groupBaseDn: 'ou=groups,dc=corp', defaultRole: null,
  roleMappings: [{ group: 'cn=qa,ou=groups,dc=corp', role: 'REVIEWER' }], updatedAt: '2030-01-01T00:00:00Z',
  domainVerification: { domain: 'corp.test', record: '_labelledger.corp.test', value: 'labelledger-verification=abc123', verified: false, verifiedAt: null },
};

describe('LDAP settings', () => {
  it('configures a new directory with group mappings and shows field errors', async () => {
    let attempt = 0;
    const fn = setup((op, vars) => {
      if (op === 'LdapSettings') return { ldapSettings: null };
      attempt++;
      if (attempt === 1) {
        return { configureLdap: { settings: null, errors: [
          { code: 'VALIDATION', field: ['url'], message: 'Enter the directory address' },
          { code: 'VALIDATION', field: ['roleMappings', '0', 'group'], message: 'Not a valid group DN' },
        ] } };
      }
      const input = (vars as { input: LdapSettings }).input;
      return { configureLdap: { settings: { ...input, hasBindPassword: true, updatedAt: '2030-01-01T00:00:00Z',
        domainVerification: stored.domainVerification }, errors: [] } };
    });
    await screen.findByTestId('ldap-form');
    fireEvent.change(screen.getByTestId('ldap-domain'), { target: { value: 'corp.test' } });
    fireEvent.change(screen.getByTestId('ldap-url'), { target: { value: 'ldap//dir' } });
    fireEvent.change(screen.getByTestId('ldap-user-base'), { target: { value: 'ou=people,dc=corp' } });
    fireEvent.change(screen.getByTestId('ldap-bind-password'), { target: { value: 's3cret' } });
    fireEvent.change(screen.getByTestId('ldap-mapping-group'), { target: { value: 'cn=labelers' } });
    fireEvent.click(screen.getByTestId('ldap-save'));
    expect((await screen.findByTestId('ldap-url-errors')).textContent).toContain('directory address');
    expect(screen.getByTestId('ldap-mapping-errors').textContent).toContain('group DN');
    expect(screen.queryByTestId('ldap-errors')).toBeNull(); // each error shown once, at its field

    fireEvent.change(screen.getByTestId('ldap-url'), { target: { value: 'ldap://dir:389' } });
    fireEvent.click(screen.getByTestId('ldap-save'));
    await screen.findByTestId('ldap-saved');
    const sent = JSON.parse((fn.mock.calls[2][1] as RequestInit).body as string).variables.input;
    expect(sent).toMatchObject({ emailDomain: 'corp.test', url: 'ldap://dir:389', bindPassword: 's3cret',
      roleMappings: [{ group: 'cn=labelers', role: 'ANNOTATOR' }] });
    expect((screen.getByTestId('ldap-bind-password') as HTMLInputElement).value).toBe(''); // never shown back
  });

  it('keeps the stored password unless a new one is typed', async () => {
    const fn = setup((op, vars) => op === 'LdapSettings' ? { ldapSettings: stored }
      : { configureLdap: { settings: { ...stored, enabled: (vars as { input: LdapSettings }).input.enabled }, errors: [] } });
    await screen.findByTestId('ldap-form');
    expect((screen.getByTestId('ldap-domain') as HTMLInputElement).value).toBe('corp.test');
    expect(screen.getByTestId('ldap-form').textContent).toContain('stored; leave empty to keep it');
    fireEvent.click(screen.getByTestId('ldap-enabled'));
    fireEvent.click(screen.getByTestId('ldap-save'));
    await waitFor(() => expect(fn).toHaveBeenCalledTimes(2));
    const sent = JSON.parse((fn.mock.calls[1][1] as RequestInit).body as string).variables.input;
    expect(sent.bindPassword).toBeNull();
    expect(sent.enabled).toBe(false);
  });

  it('shows the DNS record that verifies the domain and verifies it on request', async () => {
    let verified = false;
    const fn = setup((op) => {
      if (op === 'LdapSettings') return { ldapSettings: stored };
      verified = true;
      return { verifyEmailDomain: { settings: { ...stored, domainVerification: { ...stored.domainVerification, verified: true,
        verifiedAt: '2030-01-02T00:00:00Z' } }, errors: [] } };
    });
    expect((await screen.findByTestId('domain-record')).textContent).toBe('_labelledger.corp.test');
    expect(screen.getByTestId('domain-value').textContent).toBe('labelledger-verification=abc123');
    fireEvent.click(screen.getByTestId('domain-verify'));
    await screen.findByTestId('domain-verified');
    expect(verified).toBe(true);
    expect(JSON.parse((fn.mock.calls[1][1] as RequestInit).body as string).variables.input).toEqual({ domain: 'corp.test' });
  });
});
