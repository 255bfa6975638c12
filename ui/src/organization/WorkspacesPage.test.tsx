import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithQueries } from '../shared/testing/render';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Me, Member, OrganizationRole, ProjectSummary, Workspace } from '../shared/api/types';
import { SessionContext } from '../identity/session';
import { WorkspacesPage } from './WorkspacesPage';
import { ProjectsPage } from '../projects/ProjectsPage';
import { setCurrentWorkspace } from './workspaces';
import { mockGraphql } from '../shared/testing/graphqlMock';
import { ERROR_SENTENCES } from '../shared/lib/errors';

const member = (userId: string, displayName: string, role: OrganizationRole): Member =>
  ({ userId, displayName, email: `${userId}@a.test`, role, active: true, joinedAt: '2030-01-01T00:00:00Z' });
const org = [member('u1', 'Olivia', 'OWNER'), member('u2', 'Ann', 'ANNOTATOR'), member('u3', 'Rex', 'REVIEWER'), member('u4', 'Max', 'MANAGER')];
const ws = (id: string, name: string, extra: Partial<Workspace> = {}): Workspace =>
  ({ id, name, archived: false, createdAt: '2030-01-01T00:00:00Z', memberCount: 0, projectCount: 0, ...extra });

function setup(role: OrganizationRole, handler: (op: string, vars: Record<string, unknown>) => unknown, page = <WorkspacesPage />) {
  const fn = mockGraphql(handler);
  const me: Me = { id: 'u1', email: 'o@a.test', displayName: 'Olivia', role, organization: { id: 'o1', name: 'Acme' } };
  renderWithQueries(
    <SessionContext.Provider value={{ me, reload: async () => me, signOut: async () => {} }}>
      <MemoryRouter>{page}</MemoryRouter>
    </SessionContext.Provider>,
  );
  return fn;
}

const sent = (fn: ReturnType<typeof vi.fn>, op: string) =>
  fn.mock.calls.map((c) => JSON.parse((c[1] as RequestInit).body as string)).filter((b) => b.query.includes(op));

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.localStorage.clear();
});

describe('WorkspacesPage', () => {
  it('creates a workspace, adds several members at once, removes one, and shows refusals', async () => {
    let list = [ws('w0', 'Retail')];
    let members: Member[] = [];
    const fn = setup('OWNER', (op, vars) => {
      const input = (vars as { input?: Record<string, unknown> }).input;
      switch (op) {
        case 'Workspaces': return { workspaces: list };
        case 'Workspace': return { workspace: { ...list.find((w) => w.id === vars.id), members } };
        case 'Members': return { members: org };
        case 'CreateWorkspace':
          if (input!.name === 'retail') return { createWorkspace: { workspace: null, errors: [{ code: 'CONFLICT', field: ['name'], message: 'A workspace named "retail" exists already' }] } };
          list = [...list, ws('w1', input!.name as string)];
          return { createWorkspace: { workspace: list[1], errors: [] } };
        case 'AddWorkspaceMembers':
          members = org.filter((m) => (input!.userIds as string[]).includes(m.userId));
          return { addWorkspaceMembers: { workspace: list[1], errors: [] } };
        case 'RemoveWorkspaceMember':
          members = members.filter((m) => m.userId !== input!.userId);
          return { removeWorkspaceMember: { workspace: list[1], errors: [] } };
      }
    });
    await waitFor(() => expect(screen.getAllByTestId('workspace-row')).toHaveLength(1));

    fireEvent.change(screen.getByTestId('workspace-name'), { target: { value: 'retail' } });
    fireEvent.click(screen.getByTestId('workspace-create'));
    expect((await screen.findByTestId('workspace-errors')).textContent).toContain(ERROR_SENTENCES.CONFLICT);

    fireEvent.change(screen.getByTestId('workspace-name'), { target: { value: 'Medical' } });
    fireEvent.click(screen.getByTestId('workspace-create'));
    await waitFor(() => expect(screen.getAllByTestId('workspace-row')).toHaveLength(2));
    // the new workspace opens with every active member as a candidate
    await waitFor(() => expect(screen.getAllByTestId('workspace-candidate')).toHaveLength(4));
    for (const id of ['u2', 'u4']) {
      fireEvent.click(screen.getAllByTestId('workspace-candidate').find((c) => c.getAttribute('data-user-id') === id)!);
    }
    fireEvent.click(screen.getByTestId('workspace-add-submit'));
    await waitFor(() => expect(screen.getAllByTestId('workspace-member-row')).toHaveLength(2));
    expect(sent(fn, 'addWorkspaceMembers')[0].variables.input).toEqual({ workspaceId: 'w1', userIds: ['u2', 'u4'] });
    expect(screen.getAllByTestId('workspace-candidate')).toHaveLength(2); // those already in are not offered again

    fireEvent.click(within(screen.getAllByTestId('workspace-member-row')[0]).getByTestId('workspace-member-remove'));
    await waitFor(() => expect(screen.getAllByTestId('workspace-member-row')).toHaveLength(1));
    expect(sent(fn, 'removeWorkspaceMember')[0].variables.input).toEqual({ workspaceId: 'w1', userId: 'u2' });
  });

  it('tells members an identity provider granted from those added by hand', async () => {
    setup('OWNER', (op) => {
      switch (op) {
        case 'Workspaces': return { workspaces: [ws('w0', 'Retail', { memberCount: 3 })] };
        case 'Workspace': return { workspace: { ...ws('w0', 'Retail'), members: [org[1], org[2], org[3]],
          memberGrants: [{ userId: 'u2', source: 'SCIM' }, { userId: 'u4', source: 'SAML' }] } };
        case 'Members': return { members: org };
      }
    });
    await waitFor(() => expect(screen.getAllByTestId('workspace-row')).toHaveLength(1));
    fireEvent.click(screen.getByTestId('workspace-open'));
    await waitFor(() => expect(screen.getAllByTestId('workspace-member-row')).toHaveLength(3));
    const badge = (id: string) => {
      const row = screen.getAllByTestId('workspace-member-row').find((r) => r.getAttribute('data-user-id') === id)!;
      return within(row).queryByTestId('workspace-member-grant')?.textContent ?? null;
    };
    expect(badge('u2')).toBe('via SCIM group');
    expect(badge('u4')).toBe('via SSO');
    expect(badge('u3')).toBeNull();
  });

  it('lets a Manager manage members of their workspaces but not create, rename or archive', async () => {
    setup('MANAGER', (op) => {
      switch (op) {
        case 'Workspaces': return { workspaces: [ws('w0', 'Retail', { memberCount: 1 })] };
        case 'Workspace': return { workspace: { ...ws('w0', 'Retail'), members: [org[3]] } };
        case 'Members': return { members: org };
      }
    });
    await waitFor(() => expect(screen.getAllByTestId('workspace-row')).toHaveLength(1));
    expect(screen.queryByTestId('workspace-create-form')).toBeNull();
    expect(screen.queryByTestId('workspace-rename')).toBeNull();
    expect(screen.queryByTestId('workspace-archive')).toBeNull();
    fireEvent.click(screen.getByTestId('workspace-open'));
    await waitFor(() => expect(screen.getAllByTestId('workspace-member-remove')).toHaveLength(1));
    expect(screen.getAllByTestId('workspace-candidate')).toHaveLength(3);
  });

  it('does not ask for the members of a workspace as an Annotator (the server denies Workspace.members)', async () => {
    const fn = setup('ANNOTATOR', (op, vars) => {
      switch (op) {
        case 'Workspaces': return { workspaces: [ws('w0', 'Retail', { memberCount: 2 })] };
        // the field is left out of the answer when the query does not include it
        case 'Workspace': return { workspace: { ...ws('w0', 'Retail'), ...(vars.people === false ? {} : { members: [org[1]] }) } };
      }
    });
    await waitFor(() => expect(screen.getAllByTestId('workspace-row')).toHaveLength(1));
    fireEvent.click(screen.getByTestId('workspace-open'));
    await waitFor(() => expect(screen.getByTestId('workspace-members')).toBeTruthy());
    expect(sent(fn, 'query Workspace(').map((b) => b.variables.people)).toEqual([false]);
    expect(screen.queryAllByTestId('workspace-member-row')).toHaveLength(0);
    expect(screen.queryByTestId('workspace-add')).toBeNull();
  });
});

describe('ProjectsPage in a workspace', () => {
  const project = (id: string, workspace: Workspace | null): ProjectSummary => ({
    id, title: `Project ${id}`, description: '', createdAt: '2030-01-01T00:00:00Z', taskCount: 0, completedCount: 0, annotationCount: 0,
    workspace: workspace && { id: workspace.id, name: workspace.name },
  });

  it('lists only the selected workspace and creates projects in it', async () => {
    const medical = ws('w1', 'Medical');
    setCurrentWorkspace('w1');
    const fn = setup('MANAGER', (op) => {
      switch (op) {
        case 'Workspaces': return { workspaces: [medical] };
        case 'Projects': return { projects: { edges: [{ cursor: 'c', node: project('p1', medical) }], pageInfo: { hasNextPage: false, endCursor: null } } };
        case 'CreateProject': return { createProject: { project: null, errors: [{ code: 'FORBIDDEN', field: ['workspaceId'], message: 'You do not belong to this workspace' }] } };
      }
    }, <ProjectsPage />);
    await waitFor(() => expect(screen.getAllByTestId('project-row')).toHaveLength(1));
    expect(screen.getByTestId('projects-workspace').textContent).toContain('Medical');
    expect(screen.getByTestId('project-workspace').textContent).toBe('Medical');
    expect(sent(fn, 'projects(')[0].variables.workspaceId).toBe('w1');

    fireEvent.click(screen.getByTestId('new-project'));
    expect((screen.getByTestId('project-workspace-select') as HTMLSelectElement).value).toBe('w1');
    fireEvent.change(screen.getByTestId('project-title'), { target: { value: 'New' } });
    fireEvent.click(screen.getByTestId('create-project-submit'));
    expect((await screen.findByTestId('project-workspace-errors')).textContent).toContain(ERROR_SENTENCES.FORBIDDEN);
    expect(sent(fn, 'createProject')[0].variables.input.workspaceId).toBe('w1');
  });

  it('forgets a remembered workspace the caller no longer sees', async () => {
    setCurrentWorkspace('gone');
    const fn = setup('ANNOTATOR', (op) => {
      switch (op) {
        case 'Workspaces': return { workspaces: [] };
        case 'Projects': return { projects: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } };
      }
    }, <ProjectsPage />);
    await waitFor(() => expect(sent(fn, 'projects(')).toHaveLength(1));
    expect(sent(fn, 'projects(')[0].variables.workspaceId).toBeNull();
  });
});
