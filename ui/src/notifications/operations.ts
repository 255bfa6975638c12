// GraphQL documents of in-app notifications (ADR 0032): the bell in the top bar.
import { operation } from '../shared/api/graphql';
import type { Connection, UserError, UserRef } from '../shared/api/types';

export type NotificationKind = 'COMMENT_ON_YOUR_ANNOTATION' | 'REPLY_IN_YOUR_THREAD';

export interface Notification {
  id: string;
  kind: NotificationKind;
  taskId: string;
  projectId: string;
  annotationId: string;
  regionId: string | null;
  commentId: string;
  actor: UserRef;
  createdAt: string;
  read: boolean;
}

const NOTIFICATION = `id kind taskId projectId annotationId regionId commentId actor { id displayName } createdAt read`;

export const NotificationsQuery = operation<
  { notifications: Connection<Notification>; unreadNotificationCount: number },
  { first?: number; after?: string | null }
>(`
  query Notifications($first: Int, $after: String) {
    notifications(first: $first, after: $after) { edges { cursor node { ${NOTIFICATION} } } pageInfo { hasNextPage endCursor } }
    unreadNotificationCount
  }`);

export const UnreadNotificationCountQuery = operation<{ unreadNotificationCount: number }>(`
  query UnreadNotificationCount { unreadNotificationCount }`);

export const MarkNotificationsReadMutation = operation<
  { markNotificationsRead: { unreadCount: number | null; errors: UserError[] } },
  { input: { ids?: string[]; all?: boolean } }
>(`
  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { unreadCount errors { code field message } } }`);

export const NotificationAddedSubscription = operation<{ notificationAdded: Notification }>(`
  subscription NotificationAdded { notificationAdded { ${NOTIFICATION} } }`);
