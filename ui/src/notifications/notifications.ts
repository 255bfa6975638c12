import { taskLink } from '../shared/links/deepLink';
import type { Notification } from './operations';

export function describeNotification(n: Pick<Notification, 'kind' | 'actor' | 'regionId'>): string {
  const where = n.regionId ? ' (on a region)' : '';
  return n.kind === 'REPLY_IN_YOUR_THREAD'
    ? `${n.actor.displayName} replied in your thread${where}`
    : `${n.actor.displayName} commented on your annotation${where}`;
}

/** The deep link of a notification: the task with the annotation, region and comment selected. */
export function notificationLink(n: Pick<Notification, 'projectId' | 'taskId' | 'annotationId' | 'regionId' | 'commentId'>): string {
  return taskLink(n.projectId, n.taskId, { annotation: n.annotationId, region: n.regionId, comment: n.commentId });
}

/** A pushed notification joins the list once (a reconnect may deliver it again), newest first. */
export function addNotification(list: Notification[], n: Notification): { list: Notification[]; added: boolean } {
  if (list.some((x) => x.id === n.id)) return { list, added: false };
  return { list: [n, ...list], added: true };
}
