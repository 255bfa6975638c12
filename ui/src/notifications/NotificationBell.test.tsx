import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { renderWithQueries } from '../shared/testing/render';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockGraphql } from '../shared/testing/graphqlMock';
import { NotificationBell } from './NotificationBell';
import type { Notification } from './operations';

const pushed: { next?: (data: { notificationAdded: Notification }) => void } = {};
vi.mock('../shared/api/ws', () => ({
  subscribe: (_op: unknown, _vars: unknown, handlers: { next: (data: { notificationAdded: Notification }) => void }) => {
    pushed.next = handlers.next;
    return () => {};
  },
}));

const n = (id: string, read = false): Notification => ({
  id, kind: 'COMMENT_ON_YOUR_ANNOTATION', taskId: 't1', projectId: 'p1', annotationId: 'a1', regionId: 'r1', commentId: `c${id}`,
  actor: { id: 'u2', displayName: 'Bob' }, createdAt: '2030-01-01T00:00:00Z', read,
});

function Where() {
  const l = useLocation();
  return <div data-testid="where">{l.pathname + l.search}</div>;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('NotificationBell', () => {
  it('shows the unread count, adds pushed notifications, marks read and follows the deep link', async () => {
    const marked: unknown[] = [];
    mockGraphql((op, vars) => {
      if (op === 'Notifications') return { notifications: { edges: [{ cursor: '1', node: n('1') }], pageInfo: { hasNextPage: false, endCursor: '1' } }, unreadNotificationCount: 1 };
      if (op === 'MarkNotificationsRead') {
        marked.push(vars.input);
        return { markNotificationsRead: { unreadCount: (vars.input as { all?: boolean }).all ? 0 : 1, errors: [] } };
      }
      throw new Error(`unexpected ${op}`);
    });
    renderWithQueries(
      <MemoryRouter initialEntries={['/projects']}>
        <NotificationBell userId="u1" />
        <Routes><Route path="*" element={<Where />} /></Routes>
      </MemoryRouter>,
    );
    await waitFor(() => expect(screen.getByTestId('notification-count').textContent).toBe('1'));
    act(() => pushed.next!({ notificationAdded: n('2') }));
    act(() => pushed.next!({ notificationAdded: n('2') }));
    // the cache notifies its readers on the next tick
    await waitFor(() => expect(screen.getByTestId('notification-count').textContent).toBe('2'));

    fireEvent.click(screen.getByTestId('notification-bell'));
    expect(screen.getAllByTestId('notification-item')).toHaveLength(2);
    fireEvent.click(screen.getAllByTestId('notification-link')[0]);
    expect(screen.getByTestId('where').textContent).toBe('/projects/p1/tasks/t1?annotation=a1&region=r1&comment=c2');
    await waitFor(() => expect(marked).toEqual([{ ids: ['2'] }]));

    fireEvent.click(screen.getByTestId('notification-bell'));
    fireEvent.click(screen.getByTestId('notifications-mark-all'));
    await waitFor(() => expect(screen.queryByTestId('notification-count')).toBeNull());
    expect(marked).toEqual([{ ids: ['2'] }, { all: true }]);
  });
});
