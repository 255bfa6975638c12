import { cleanup, screen } from '@testing-library/react';
import { renderWithQueries } from '../shared/testing/render';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Me, OrganizationRole } from '../shared/api/types';
import { SessionContext } from '../identity/session';
import { mockGraphql } from '../shared/testing/graphqlMock';
import { ProjectsPage } from './ProjectsPage';

function renderAs(role: OrganizationRole) {
  mockGraphql((op) => (op === 'Workspaces' ? { workspaces: [] }
    : { projects: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } }));
  const me: Me = { id: 'u1', email: 'a@a.test', displayName: 'A', role, organization: { id: 'o1', name: 'Acme' } };
  renderWithQueries(
    <SessionContext.Provider value={{ me, reload: async () => me, signOut: async () => {} }}>
      <MemoryRouter><ProjectsPage /></MemoryRouter>
    </SessionContext.Provider>,
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('ProjectsPage', () => {
  it.each(['ANNOTATOR', 'REVIEWER'] as OrganizationRole[])('offers no "Create project" to a %s (createProject would be FORBIDDEN)', async (role) => {
    renderAs(role);
    expect(await screen.findByTestId('projects-table')).toBeTruthy();
    expect(screen.queryByTestId('new-project')).toBeNull();
  });

  it.each(['OWNER', 'ADMIN', 'MANAGER'] as OrganizationRole[])('offers "Create project" to a %s', async (role) => {
    renderAs(role);
    expect((await screen.findByTestId('new-project')).textContent).toBe('Create project');
  });
});
