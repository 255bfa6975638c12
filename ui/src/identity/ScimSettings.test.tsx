import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ScimTokenFieldsFragment as ScimToken } from '../shared/gql/graphql';
import { renderWithQueries } from '../shared/testing/render';
import { ScimSettings, scimBaseUrl } from './ScimSettings';
import { mockGraphql } from '../shared/testing/graphqlMock';
import { ERROR_SENTENCES } from '../shared/lib/errors';

const okta: ScimToken = { id: 't1', name: 'Okta', createdAt: '2030-01-01T00:00:00Z', lastUsedAt: null };
const entra: ScimToken = { id: 't2', name: 'Entra', createdAt: '2030-01-02T00:00:00Z', lastUsedAt: '2030-01-03T00:00:00Z' };

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const rowNames = () => screen.queryAllByTestId('scim-token-row').map((r) => r.querySelector('td')!.textContent);

describe('ScimSettings', () => {
  it('shows the SCIM base URL of this server', async () => {
    mockGraphql(() => ({ scimTokens: { baseUrl: '/scim/v2', tokens: [] } }));
    renderWithQueries(<ScimSettings />);
    await waitFor(() => expect(screen.getByText('No SCIM tokens.')).toBeTruthy());
    expect(screen.getByTestId('scim-base-url').textContent).toBe(`${window.location.origin}/scim/v2`);
    expect(scimBaseUrl('https://ll.example.com/', '/scim/v2')).toBe('https://ll.example.com/scim/v2');
  });

  it('creates a token and shows its secret once', async () => {
    let tokens = [okta];
    const fetchMock = mockGraphql((op, vars) => {
      if (op === 'ScimTokens') return { scimTokens: { baseUrl: '/scim/v2', tokens } };
      if (op === 'CreateScimToken') {
        expect(vars).toEqual({ input: { name: 'Entra' } });
        tokens = [entra, okta];
        return { createScimToken: { token: 'lls_secret', scimToken: entra, errors: [] } };
      }
      throw new Error(op);
    });
    renderWithQueries(<ScimSettings />);
    await waitFor(() => expect(rowNames()).toEqual(['Okta']));

    fireEvent.change(screen.getByTestId('scim-token-name'), { target: { value: 'Entra' } });
    fireEvent.click(screen.getByTestId('scim-token-create'));

    await waitFor(() => expect(screen.getByTestId('scim-token-secret').textContent).toContain('lls_secret'));
    await waitFor(() => expect(rowNames()).toEqual(['Entra', 'Okta']));
    expect(screen.queryAllByTestId('scim-token-row').map((r) => r.textContent).join()).not.toContain('lls_secret');
    fireEvent.click(screen.getByText('Done'));
    expect(screen.queryByTestId('scim-token-secret')).toBeNull();
    expect(fetchMock).toHaveBeenCalledTimes(3);
  });

  it('shows a refusal with its code and keeps the form', async () => {
    mockGraphql((op) =>
      op === 'ScimTokens'
        ? { scimTokens: { baseUrl: '/scim/v2', tokens: [] } }
        : { createScimToken: { token: null, scimToken: null, errors: [{ code: 'VALIDATION', field: ['name'], message: 'Name the token' }] } },
    );
    renderWithQueries(<ScimSettings />);
    fireEvent.change(screen.getByTestId('scim-token-name'), { target: { value: ' ' } });
    fireEvent.submit(screen.getByTestId('scim-token-form'));
    await waitFor(() => expect(screen.getByText(`${ERROR_SENTENCES.VALIDATION} Name the token.`)).toBeTruthy());
    expect(screen.queryByTestId('scim-token-secret')).toBeNull();
  });

  it('revokes a token after confirmation', async () => {
    const confirm = vi.fn(() => true);
    vi.stubGlobal('confirm', confirm);
    const fetchMock = mockGraphql((op, vars) => {
      if (op === 'ScimTokens') return { scimTokens: { baseUrl: '/scim/v2', tokens: [entra, okta] } };
      expect(op).toBe('RevokeScimToken');
      expect(vars).toEqual({ input: { id: 't1' } });
      return { revokeScimToken: { revokedId: 't1', errors: [] } };
    });
    renderWithQueries(<ScimSettings />);
    await waitFor(() => expect(rowNames()).toEqual(['Entra', 'Okta']));
    fireEvent.click(screen.getAllByTestId('scim-token-revoke')[1]);
    await waitFor(() => expect(rowNames()).toEqual(['Entra']));
    expect(confirm).toHaveBeenCalledOnce();
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });
});
