import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { renderWithQueries } from '../shared/testing/render';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SsoSettingsFieldsFragment as Settings } from '../shared/gql/graphql';
import type { Me, OrganizationRole } from '../shared/api/types';
import { absoluteUrl, inputFrom, formFrom, ssoLoginPath } from './sso';
import { SessionContext } from './session';
import { SsoSignIn } from './AuthPages';
import { SsoSettings } from './SsoSettings';
import { mockGraphql } from '../shared/testing/graphqlMock';

const SETTINGS: Settings = {
  enabled: true, slug: 'acme', idpEntityId: 'https://idp.acme.test', idpSsoUrl: 'https://idp.acme.test/sso', idpMetadataUrl: null,
  idpCertificates: [{ subject: 'CN=IdP', notAfter: '2031-01-01T00:00:00Z', sha256: 'AB:CD' }], defaultRole: 'ANNOTATOR',
  roleMappings: [{ attribute: 'groups', value: 'qa', role: 'REVIEWER' }], workspaceMappings: [],
  spEntityId: '/saml/o1/metadata', acsUrl: '/saml/o1/acs', metadataUrl: '/saml/o1/metadata', loginUrl: '/saml/acme/login',
  spCertificate: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
  refusals: [{ reason: 'REPLAY', hour: '2030-01-01T10:00:00Z', attempts: 3, lastAt: '2030-01-01T10:20:00Z', lastClientIp: '10.0.0.9', detail: null }],
  updatedAt: '2030-01-01T00:00:00Z', metadataRefreshedAt: null, metadataRefreshError: null,
};

function renderAs(role: OrganizationRole) {
  const me: Me = { id: 'u1', email: 'olga@acme.test', displayName: 'Olga', role, organization: { id: 'o1', name: 'Acme' } };
  renderWithQueries(
    <SessionContext.Provider value={{ me, reload: async () => me, signOut: async () => {} }}>
      <MemoryRouter><SsoSettings /></MemoryRouter>
    </SessionContext.Provider>,
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('SsoSettings', () => {
  it('shows what the IdP needs, with this origin in front of relative URLs, and the refusals', async () => {
    mockGraphql(() => ({ ssoSettings: SETTINGS }));
    renderAs('ADMIN');
    expect((await screen.findByTestId('sso-acs-url')).textContent).toBe(`${window.location.origin}/saml/o1/acs`);
    expect(screen.getByTestId('sso-entity-id').textContent).toBe(`${window.location.origin}/saml/o1/metadata`);
    expect(screen.getByTestId('sso-status').textContent).toBe('Enabled');
    expect(screen.getByTestId('sso-sp-certificate').textContent).toContain('BEGIN CERTIFICATE');
    expect(within(screen.getByTestId('sso-refusals')).getByText('REPLAY')).toBeTruthy();
    expect((screen.getByTestId('sso-slug') as HTMLInputElement).value).toBe('acme');
  });

  it('shows when metadata from a URL was last read, its error, and refreshes it on request', async () => {
    const fromUrl = { ...SETTINGS, idpMetadataUrl: 'https://idp.acme.test/metadata', metadataRefreshedAt: '2030-01-01T00:00:00Z',
      metadataRefreshError: 'IdP metadata refused: The server answered 503' };
    const ops: string[] = [];
    mockGraphql((op) => {
      ops.push(op);
      if (op === 'RefreshSsoMetadata') return { refreshSsoMetadata: { settings: { ...fromUrl, metadataRefreshError: null, idpCertificates: [{ subject: 'CN=IdP', notAfter: '2032-01-01T00:00:00Z', sha256: 'EF:01' }] }, errors: [] } };
      if (op === 'Workspaces') return { workspaces: [] };
      return { ssoSettings: fromUrl };
    });
    renderAs('ADMIN');
    expect((await screen.findByTestId('sso-metadata-error')).textContent).toContain('503');
    expect(screen.getByTestId('sso-metadata-refreshed').textContent).not.toBe('never');
    fireEvent.click(screen.getByTestId('sso-metadata-refresh-button'));
    expect(await screen.findByText('EF:01')).toBeTruthy();
    expect(screen.queryByTestId('sso-metadata-error')).toBeNull();
    expect(ops).toContain('RefreshSsoMetadata');
  });

  it('has no refresh for metadata given as XML', async () => {
    mockGraphql((op) => (op === 'Workspaces' ? { workspaces: [] } : { ssoSettings: SETTINGS }));
    renderAs('ADMIN');
    await screen.findByTestId('sso-acs-url');
    expect(screen.queryByTestId('sso-metadata-refresh')).toBeNull();
  });

  it('never offers Owner as a role', async () => {
    mockGraphql(() => ({ ssoSettings: SETTINGS }));
    renderAs('OWNER');
    const select = await screen.findByTestId('sso-default-role');
    expect(Array.from((select as HTMLSelectElement).options).map((o) => o.value)).toEqual(['ADMIN', 'MANAGER', 'REVIEWER', 'ANNOTATOR']);
  });

  it('sets up SSO from metadata XML with mappings and shows field errors', async () => {
    const calls: Record<string, unknown>[] = [];
    mockGraphql((op, vars) => {
      if (op === 'SsoSettings') return { ssoSettings: null };
      if (op === 'Workspaces') return { workspaces: [] };
      calls.push(vars);
      return calls.length === 1
        ? { configureSso: { settings: null, errors: [{ code: 'VALIDATION', field: ['slug'], message: 'Use 2 to 63 lower-case letters' }] } }
        : { configureSso: { settings: SETTINGS, errors: [] } };
    });
    renderAs('OWNER');
    fireEvent.change(await screen.findByTestId('sso-slug'), { target: { value: ' Bad Slug ' } });
    fireEvent.change(screen.getByTestId('sso-metadata-xml'), { target: { value: '<EntityDescriptor/>' } });
    fireEvent.click(screen.getByTestId('sso-add-mapping'));
    fireEvent.change(screen.getByTestId('sso-mapping-value'), { target: { value: 'labelers' } });
    fireEvent.click(screen.getByTestId('sso-save'));
    expect(await screen.findByText(/Use 2 to 63 lower-case letters/)).toBeTruthy();
    expect(calls[0]).toEqual({ input: { enabled: true, slug: 'Bad Slug', defaultRole: 'ANNOTATOR', idpMetadataXml: '<EntityDescriptor/>',
      roleMappings: [{ attribute: 'groups', value: 'labelers', role: 'ANNOTATOR' }], workspaceMappings: [] } });

    fireEvent.change(screen.getByTestId('sso-slug'), { target: { value: 'acme' } });
    fireEvent.click(screen.getByTestId('sso-save'));
    await screen.findByTestId('sso-saved');
    expect(screen.getByTestId('sso-idp').textContent).toBe('https://idp.acme.test');
  });

  it('tells other roles that only Owners and Admins configure it, without asking the server', () => {
    const fetchMock = mockGraphql(() => ({}));
    renderAs('MANAGER');
    expect(screen.getByTestId('sso-not-allowed')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

describe('sso helpers', () => {
  it('keeps absolute URLs and prefixes relative ones', () => {
    expect(absoluteUrl('https://ll.example/saml/o/acs', 'http://x')).toBe('https://ll.example/saml/o/acs');
    expect(absoluteUrl('/saml/o/acs', 'http://x')).toBe('http://x/saml/o/acs');
  });

  it('does not refetch an unchanged metadata URL and drops blank mappings', () => {
    const current = { ...SETTINGS, idpMetadataUrl: 'https://idp/md' };
    const form = { ...formFrom(current), mappings: [...current.roleMappings, { attribute: ' ', value: '', role: 'ADMIN' as const }] };
    expect(inputFrom(form, current)).toEqual({ enabled: true, slug: 'acme', defaultRole: 'ANNOTATOR', roleMappings: current.roleMappings,
      workspaceMappings: [] });
    expect(inputFrom({ ...form, metadataUrl: 'https://idp/new' }, current).idpMetadataUrl).toBe('https://idp/new');
  });

  it('maps an attribute to a workspace and sends it with the settings', async () => {
    const fetchMock = mockGraphql((op) => op === 'Workspaces'
      ? { workspaces: [{ id: 'w1', name: 'Radiology', archived: false, createdAt: '2030-01-01T00:00:00Z', memberCount: 0, projectCount: 0 }] }
      : op === 'SsoSettings' ? { ssoSettings: SETTINGS } : { configureSso: { settings: SETTINGS, errors: [] } });
    renderAs('OWNER');
    fireEvent.click(await screen.findByTestId('sso-add-workspace-mapping'));
    fireEvent.change(screen.getByTestId('sso-workspace-value'), { target: { value: 'radiologists' } });
    fireEvent.click(screen.getByTestId('sso-save'));
    await screen.findByTestId('sso-saved');
    const body = fetchMock.mock.calls.map((c) => JSON.parse((c[1] as RequestInit).body as string)).find((b) => b.query.includes('configureSso'));
    expect(body.variables.input.workspaceMappings).toEqual([{ attribute: 'groups', value: 'radiologists', workspaceId: 'w1' }]);
  });

  it('sign in with SSO goes to the organization sign-in path', () => {
    const go = vi.fn();
    renderWithQueries(<SsoSignIn go={go} />);
    fireEvent.change(screen.getByTestId('sso-login-organization'), { target: { value: ' acme corp ' } });
    fireEvent.click(screen.getByTestId('sso-login-submit'));
    expect(go).toHaveBeenCalledWith('/saml/acme%20corp/login');
    expect(ssoLoginPath('o-1')).toBe('/saml/o-1/login');
  });
});
