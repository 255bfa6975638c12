import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithQueries } from '../shared/testing/render';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Me, Member, OrganizationRole } from '../shared/api/types';
import { SessionContext } from '../identity/session';
import { MembersPage } from './MembersPage';
import { mockGraphql } from '../shared/testing/graphqlMock';
import { ERROR_SENTENCES } from '../shared/lib/errors';

const member = (userId: string, displayName: string, role: OrganizationRole, active = true): Member => ({
  userId, displayName, role, active, email: `${displayName.toLowerCase()}@acme.test`, joinedAt: '2030-01-01T00:00:00Z',
});
const MEMBERS = [member('u1', 'Olga', 'OWNER'), member('u2', 'Ann', 'ANNOTATOR'), member('u3', 'Rex', 'REVIEWER'), member('u4', 'Ada', 'ANNOTATOR', false)];

function renderAs(role: OrganizationRole) {
  const me: Me = { id: 'u1', email: 'olga@acme.test', displayName: 'Olga', role, organization: { id: 'o1', name: 'Acme' } };
  renderWithQueries(
    <SessionContext.Provider value={{ me, reload: async () => me, signOut: async () => {} }}>
      <MemoryRouter><MembersPage /></MemoryRouter>
    </SessionContext.Provider>,
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const rows = () => screen.queryAllByTestId('member-row').map((r) => r.getAttribute('data-user-id'));

describe('MembersPage', () => {
  it('shows each member\'s last sign-in and last annotation', async () => {
    mockGraphql((op) => {
      if (op === 'Members') return { members: [{ ...MEMBERS[1], lastLoginAt: '2030-01-05T10:00:00Z', lastAnnotationAt: null }] };
      return { invitations: [] };
    });
    renderAs('OWNER');
    await waitFor(() => expect(screen.getAllByTestId('member-row')).toHaveLength(1));
    expect(screen.getByTestId('member-last-login').textContent).toContain('2030');
    expect(screen.getByTestId('member-last-annotation').textContent).toBe('—');
  });

  it('filters by text, role and status', async () => {
    mockGraphql((op) => (op === 'Members' ? { members: MEMBERS } : { invitations: [] }));
    renderAs('OWNER');
    await waitFor(() => expect(rows()).toEqual(['u1', 'u2', 'u3', 'u4']));
    fireEvent.change(screen.getByTestId('member-search'), { target: { value: 'REX@' } });
    expect(rows()).toEqual(['u3']);
    fireEvent.change(screen.getByTestId('member-search'), { target: { value: '' } });
    fireEvent.change(screen.getByTestId('member-role-filter'), { target: { value: 'ANNOTATOR' } });
    expect(rows()).toEqual(['u2', 'u4']);
    fireEvent.change(screen.getByTestId('member-active-filter'), { target: { value: 'inactive' } });
    expect(rows()).toEqual(['u4']);
    fireEvent.change(screen.getByTestId('member-search'), { target: { value: 'ad' } });
    expect(rows()).toEqual(['u4']);
    fireEvent.change(screen.getByTestId('member-search'), { target: { value: 'zzz' } });
    expect(screen.getByText('No member matches the filters.')).toBeTruthy();
  });

  it('bulk-changes the role of the selected members and shows each refusal as a sentence', async () => {
    const fetchMock = mockGraphql((op, vars) => {
      if (op === 'Members') return { members: MEMBERS };
      if (op === 'Invitations') return { invitations: [] };
      const { userId, role } = (vars as { input: { userId: string; role: OrganizationRole } }).input;
      if (userId === 'u1') return { changeMemberRole: { member: null, errors: [{ code: 'LAST_OWNER', field: null, message: 'An organization keeps one active Owner' }] } };
      return { changeMemberRole: { member: { ...MEMBERS.find((m) => m.userId === userId)!, role }, errors: [] } };
    });
    renderAs('OWNER');
    await waitFor(() => expect(rows()).toHaveLength(4));
    fireEvent.click(screen.getByTestId('member-select-all'));
    expect(screen.getByTestId('bulk-count').textContent).toBe('4 selected');
    fireEvent.click(within(screen.getAllByTestId('member-row')[3]).getByTestId('member-select'));
    expect(screen.getByTestId('bulk-count').textContent).toBe('3 selected');
    fireEvent.change(screen.getByTestId('bulk-role'), { target: { value: 'REVIEWER' } });
    fireEvent.click(screen.getByTestId('bulk-apply'));

    const errors = await screen.findByTestId('member-errors');
    expect(errors.textContent).toContain(ERROR_SENTENCES.LAST_OWNER);
    expect(errors.textContent).toContain('Olga');
    const sent = fetchMock.mock.calls
      .map((c) => JSON.parse(c[1].body as string))
      .filter((b) => b.query.includes('changeMemberRole'))
      .map((b) => b.variables.input.userId);
    expect(sent).toEqual(['u1', 'u2']); // Rex is already a Reviewer
    expect(screen.getAllByTestId('member-role').map((c) => c.textContent)).toEqual(['Owner', 'Reviewer', 'Reviewer', 'Annotator']);
    expect(screen.getByTestId('bulk-count').textContent).toBe('1 selected'); // the refused one stays selected
  });

  it('deactivates a member and shows the refusal', async () => {
    vi.stubGlobal('confirm', vi.fn(() => true));
    mockGraphql((op) => {
      if (op === 'Members') return { members: MEMBERS };
      if (op === 'Invitations') return { invitations: [] };
      return { deactivateMember: { member: null, errors: [{ code: 'FORBIDDEN', field: null, message: 'Not allowed' }] } };
    });
    renderAs('ADMIN');
    await waitFor(() => expect(rows()).toHaveLength(4));
    // an Admin cannot touch the Owner row
    expect(within(screen.getAllByTestId('member-row')[0]).queryByTestId('member-deactivate')).toBeNull();
    expect(within(screen.getAllByTestId('member-row')[3]).getByTestId('member-reactivate')).toBeTruthy();
    fireEvent.click(within(screen.getAllByTestId('member-row')[1]).getByTestId('member-deactivate'));
    expect((await screen.findByTestId('member-errors')).textContent).toContain(ERROR_SENTENCES.FORBIDDEN);
  });

  it('creates an invitation and shows the link once with a copy button', async () => {
    const writeText = vi.fn(async () => {});
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const fetchMock = mockGraphql((op) => {
      if (op === 'Members') return { members: MEMBERS };
      if (op === 'Invitations') return { invitations: [] };
      return {
        createInvitation: {
          token: 'lli_secret', link: '/invite/lli_secret', errors: [],
          invitation: { id: 'i1', role: 'REVIEWER', expiresAt: '2030-01-08T00:00:00Z', createdBy: 'u1', createdAt: '2030-01-01T00:00:00Z', acceptedBy: null, acceptedAt: null },
        },
      };
    });
    renderAs('OWNER');
    fireEvent.change(screen.getByTestId('invite-role'), { target: { value: 'REVIEWER' } });
    fireEvent.change(screen.getByTestId('invite-days'), { target: { value: '3' } });
    fireEvent.click(screen.getByTestId('invite-create'));
    const link = (await screen.findByTestId('invite-link')) as HTMLInputElement;
    expect(link.value).toBe(`${window.location.origin}/invite/lli_secret`);
    const body = fetchMock.mock.calls.map((c) => JSON.parse(c[1].body as string)).find((b) => b.query.includes('createInvitation'));
    expect(body.variables.input).toEqual({ role: 'REVIEWER', expiresInDays: 3 });
    fireEvent.click(screen.getByTestId('invite-copy'));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(`${window.location.origin}/invite/lli_secret`));
    fireEvent.click(screen.getByText('Done'));
    expect(screen.queryByTestId('invite-link')).toBeNull();
  });

  it('withdraws an open invitation; an Admin is not offered Owner invitations', async () => {
    vi.stubGlobal('confirm', vi.fn(() => true));
    const inv = (id: string, role: OrganizationRole, extra = {}) => ({
      id, role, expiresAt: '2999-01-08T00:00:00Z', createdBy: 'u1', createdAt: '2030-01-01T00:00:00Z', acceptedBy: null, acceptedAt: null, revokedAt: null, ...extra,
    });
    const fetchMock = mockGraphql((op, vars) => {
      if (op === 'Members') return { members: MEMBERS };
      if (op === 'Invitations') return { invitations: [inv('i1', 'ANNOTATOR'), inv('i2', 'OWNER'), inv('i3', 'REVIEWER', { acceptedBy: 'u3', acceptedAt: '2030-01-02T00:00:00Z' })] };
      const id = (vars as { input: { invitationId: string } }).input.invitationId;
      return { revokeInvitation: { invitation: inv(id, 'ANNOTATOR', { revokedAt: '2030-01-03T00:00:00Z' }), errors: [] } };
    });
    renderAs('ADMIN');
    await waitFor(() => expect(screen.getAllByTestId('invitation-row')).toHaveLength(3));
    // open ANNOTATOR invitation only: the Owner one is an Owner's to withdraw, the accepted one is used
    expect(screen.getAllByTestId('invitation-revoke')).toHaveLength(1);
    fireEvent.click(screen.getByTestId('invitation-revoke'));
    await waitFor(() => expect(within(screen.getAllByTestId('invitation-row')[0]).getByText('revoked')).toBeTruthy());
    expect(screen.queryAllByTestId('invitation-revoke')).toHaveLength(0);
    const body = fetchMock.mock.calls.map((c) => JSON.parse(c[1].body as string)).find((b) => b.query.includes('revokeInvitation'));
    expect(body.variables.input).toEqual({ invitationId: 'i1' });
  });

  it('refuses an expiry outside 1..30 days without calling the server', async () => {
    const fetchMock = mockGraphql((op) => (op === 'Members' ? { members: MEMBERS } : { invitations: [] }));
    renderAs('OWNER');
    fireEvent.change(screen.getByTestId('invite-days'), { target: { value: '45' } });
    fireEvent.submit(screen.getByTestId('invite-form'));
    expect((await screen.findByTestId('invite-days-errors')).textContent).toContain('1 to 30');
    expect(fetchMock.mock.calls.some((c) => (c[1].body as string).includes('createInvitation'))).toBe(false);
  });

  it('is read only for a Manager and closed to a Reviewer', async () => {
    mockGraphql(() => ({ members: MEMBERS }));
    renderAs('MANAGER');
    await waitFor(() => expect(rows()).toHaveLength(4));
    expect(screen.getByTestId('members-readonly')).toBeTruthy();
    expect(screen.queryByTestId('member-select')).toBeNull();
    expect(screen.queryByTestId('invite-form')).toBeNull();
    cleanup();
    const fetchMock = mockGraphql(() => ({ members: MEMBERS }));
    renderAs('REVIEWER');
    expect(screen.getByTestId('members-forbidden')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
