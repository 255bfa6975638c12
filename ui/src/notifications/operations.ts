// GraphQL documents of in-app notifications (ADR 0032): the bell in the top bar. Their types are generated
// (npm run codegen, ADR 0040).
import { graphql } from '../shared/gql';
import type { NotificationFieldsFragment } from '../shared/gql/graphql';

export type Notification = NotificationFieldsFragment;

export const NotificationFields = graphql(`
  fragment NotificationFields on Notification { id kind taskId projectId annotationId regionId commentId actor { id displayName } createdAt read }`);

export const NotificationsQuery = graphql(`
  query Notifications($first: Int, $after: String) {
    notifications(first: $first, after: $after) { edges { cursor node { ...NotificationFields } } pageInfo { hasNextPage endCursor } }
    unreadNotificationCount
  }`);

export const MarkNotificationsReadMutation = graphql(`
  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { unreadCount errors { code field message } } }`);

export const NotificationAddedSubscription = graphql(`
  subscription NotificationAdded { notificationAdded { ...NotificationFields } }`);
