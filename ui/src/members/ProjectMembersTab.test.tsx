import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithQueries } from '../shared/testing/render';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Me, Member, OrganizationRole, ProjectDetail, ProjectMember } from '../shared/api/types';
import { SessionContext } from '../identity/session';
import { ProjectMembersTab } from './ProjectMembersTab';
import { mockGraphql } from '../shared/testing/graphqlMock';
import { ERROR_SENTENCES } from '../shared/lib/errors';

const project: ProjectDetail = {
  id: 'p1', title: 'P', description: '', createdAt: '2030-01-01T00:00:00Z', taskCount: 0, completedCount: 0, annotationCount: 0, workspace: null,
  labelConfig: '<View/>', labelConfigVersion: 1, mediaProxy: false, controls: [], objects: [],
};
const org: Member[] = [
  { userId: 'u2', displayName: 'Ann', email: 'ann@a.test', role: 'ANNOTATOR', active: true, joinedAt: '2030-01-01T00:00:00Z' },
  { userId: 'u3', displayName: 'Rex', email: 'rex@a.test', role: 'REVIEWER', active: true, joinedAt: '2030-01-01T00:00:00Z' },
];
const pm = (userId: string, displayName: string, role: ProjectMember['role']): ProjectMember => ({ projectId: 'p1', userId, displayName, role });

function setup(role: OrganizationRole, handler: (op: string, vars: Record<string, unknown>) => unknown) {
  const fn = mockGraphql(handler);
  const me: Me = { id: 'u1', email: 'm@a.test', displayName: 'Max', role, organization: { id: 'o1', name: 'Acme' } };
  renderWithQueries(
    <SessionContext.Provider value={{ me, reload: async () => me, signOut: async () => {} }}>
      <MemoryRouter><ProjectMembersTab project={project} /></MemoryRouter>
    </SessionContext.Provider>,
  );
  return fn;
}

const ops = (fn: ReturnType<typeof vi.fn>) => fn.mock.calls.map((c) => JSON.parse((c[1] as RequestInit).body as string));

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('ProjectMembersTab', () => {
  it('adds an organization member with a role, changes the role, removes, and shows errors', async () => {
    vi.stubGlobal('confirm', vi.fn(() => true));
    let current = [pm('u3', 'Rex', 'REVIEWER')];
    const fn = setup('MANAGER', (op, vars) => {
      const input = (vars as { input?: { userId: string; role?: ProjectMember['role'] } }).input;
      switch (op) {
        case 'ProjectMembers': return { projectMembers: current };
        case 'Members': return { members: org };
        case 'AddProjectMember':
          current = [...current, pm(input!.userId, 'Ann', input!.role!)];
          return { addProjectMember: { member: current[1], members: current, errors: [] } };
        case 'ChangeProjectRole':
          return { changeProjectRole: { member: null, members: [], errors: [{ code: 'FORBIDDEN', field: null, message: 'Not your project' }] } };
        case 'RemoveProjectMember':
          current = current.filter((m) => m.userId !== input!.userId);
          return { removeProjectMember: { members: current, errors: [] } };
      }
    });
    await waitFor(() => expect(screen.getAllByTestId('project-member-row')).toHaveLength(1));
    // Rex is on the project already: only Ann can be added
    const options = [...(screen.getByTestId('project-member-user') as HTMLSelectElement).options].map((o) => o.value);
    expect(options).toEqual(['', 'u2']);
    fireEvent.change(screen.getByTestId('project-member-user'), { target: { value: 'u2' } });
    fireEvent.change(screen.getByTestId('project-member-role'), { target: { value: 'ANNOTATOR' } });
    fireEvent.click(screen.getByTestId('project-member-add'));
    await waitFor(() => expect(screen.getAllByTestId('project-member-row')).toHaveLength(2));
    expect(ops(fn).find((b) => b.query.includes('addProjectMember')).variables.input).toEqual({ projectId: 'p1', userId: 'u2', role: 'ANNOTATOR' });

    fireEvent.change(within(screen.getAllByTestId('project-member-row')[1]).getByTestId('project-member-row-role'), { target: { value: 'REVIEWER' } });
    expect((await screen.findByTestId('project-member-errors')).textContent).toContain(ERROR_SENTENCES.FORBIDDEN);

    fireEvent.click(within(screen.getAllByTestId('project-member-row')[0]).getByTestId('project-member-remove'));
    await waitFor(() => expect(screen.getAllByTestId('project-member-row').map((r) => r.getAttribute('data-user-id'))).toEqual(['u2']));
    expect(screen.queryByTestId('project-member-errors')).toBeNull();
  });

  it('is a read-only list for a Reviewer (who may not list organization members)', async () => {
    const fn = setup('REVIEWER', () => ({ projectMembers: [pm('u3', 'Rex', 'REVIEWER')] }));
    await waitFor(() => expect(screen.getAllByTestId('project-member-row')).toHaveLength(1));
    expect(screen.queryByTestId('project-member-form')).toBeNull();
    expect(screen.queryByTestId('project-member-remove')).toBeNull();
    expect(ops(fn).every((b) => !b.query.includes('members(filter'))).toBe(true);
  });

  it('marks the members a SCIM group granted', async () => {
    setup('ADMIN', (op) => op === 'ProjectMembers'
      ? { projectMembers: [{ ...pm('u3', 'Rex', 'REVIEWER'), grantSource: 'SCIM' }, { ...pm('u2', 'Ann', 'ANNOTATOR'), grantSource: null }] }
      : { members: org });
    await waitFor(() => expect(screen.getAllByTestId('project-member-row')).toHaveLength(2));
    const badge = (userId: string) =>
      within(screen.getAllByTestId('project-member-row').find((r) => r.getAttribute('data-user-id') === userId)!).queryByTestId('project-member-grant');
    expect(badge('u3')?.textContent).toBe('via SCIM group');
    expect(badge('u2')).toBeNull();
  });
});
