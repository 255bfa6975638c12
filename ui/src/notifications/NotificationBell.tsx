// The bell in the top bar: unread count, the latest notifications, pushed live over `notificationAdded`
// (graphql-ws), each a deep link to the comment's task, annotation and region (ADR 0032, issue 10).
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../shared/api/graphql';
import { asOperation, operationName, updateQuery, useGraphQLMutation, useGraphQLQuery } from '../shared/api/query';
import { subscribe } from '../shared/api/ws';
import { formatDateTime } from '../shared/lib/format';
import { addNotification, describeNotification, notificationLink } from './notifications';
import { MarkNotificationsReadMutation, NotificationAddedSubscription, NotificationsQuery, type Notification } from './operations';

/** The bell shows the latest 20. */
const LATEST = { first: 20 };

export function NotificationBell({ userId }: { userId: string }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const latest = useGraphQLQuery(NotificationsQuery, LATEST);
  const markRead = useGraphQLMutation(MarkNotificationsReadMutation);
  const items = latest.data?.notifications.edges.map((e) => e.node) ?? [];
  const unread = latest.data?.unreadNotificationCount ?? 0;
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const error = failure ?? (latest.error ? errorMessage(latest.error) : null);
  const box = useRef<HTMLDivElement>(null);

  // pushed notifications join the cached list (once, newest first) and count as unread
  useEffect(
    () =>
      subscribe(asOperation(NotificationAddedSubscription), {}, {
        next: (data) => {
          updateQuery(queryClient, NotificationsQuery, LATEST, (d) => {
            const list = d.notifications.edges.map((e) => e.node);
            const { list: next, added } = addNotification(list, data.notificationAdded);
            if (!added) return d;
            return {
              notifications: { ...d.notifications, edges: next.map((node) => ({ cursor: node.id, node })) },
              unreadNotificationCount: d.unreadNotificationCount + (data.notificationAdded.read ? 0 : 1),
            };
          });
        },
        // after a reconnect, what was pushed meanwhile is read again
        connected: () => void queryClient.invalidateQueries({ queryKey: [operationName(NotificationsQuery)] }),
      }),
    [userId, queryClient],
  );

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  async function mark(input: { ids?: string[]; all?: boolean }) {
    try {
      const r = await markRead.mutateAsync({ input });
      const count = r.markNotificationsRead.unreadCount;
      updateQuery(queryClient, NotificationsQuery, LATEST, (d) => ({
        notifications: {
          ...d.notifications,
          edges: d.notifications.edges.map((e) => (input.all || input.ids?.includes(e.node.id) ? { ...e, node: { ...e.node, read: true } } : e)),
        },
        unreadNotificationCount: count ?? d.unreadNotificationCount,
      }));
    } catch (e) {
      setFailure(errorMessage(e));
    }
  }

  function follow(n: Notification) {
    setOpen(false);
    if (!n.read) void mark({ ids: [n.id] });
    navigate(notificationLink(n));
  }

  return (
    <div className="bell" ref={box}>
      <button type="button" className="btn btn-small bell-button" aria-label={`Notifications, ${unread} unread`} aria-expanded={open}
        onClick={() => setOpen((o) => !o)} data-testid="notification-bell">
        <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" fill="currentColor">
          <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5-6.71V3.5a2 2 0 0 0-4 0v.79A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z" />
        </svg>
        {unread > 0 && <span className="badge bad" data-testid="notification-count">{unread}</span>}
      </button>
      {open && (
        <div className="bell-menu card" role="menu" data-testid="notification-list">
          <div className="row">
            <strong>Notifications</strong>
            <button type="button" className="btn btn-small" disabled={unread === 0} onClick={() => void mark({ all: true })} data-testid="notifications-mark-all">Mark all read</button>
          </div>
          {error && <p className="alert alert-error small" role="alert">{error}</p>}
          {items.length === 0 ? <p className="muted small">Nothing yet.</p> : (
            <ul>
              {items.map((n) => (
                <li key={n.id} className={n.read ? 'read' : 'unread'} data-testid="notification-item" data-read={String(n.read)}>
                  <a href={notificationLink(n)} role="menuitem" onClick={(e) => {
                    e.preventDefault();
                    follow(n);
                  }} data-testid="notification-link">
                    {describeNotification(n)}
                  </a>
                  <div className="muted small">{formatDateTime(n.createdAt)}</div>
                  {!n.read && <button type="button" className="btn btn-small" onClick={() => void mark({ ids: [n.id] })} data-testid="notification-mark-read">Mark read</button>}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
