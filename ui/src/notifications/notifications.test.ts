import { describe, expect, it } from 'vitest';
import type { Notification } from './operations';
import { addNotification, describeNotification, notificationLink } from './notifications';

const n = (id: string, extra: Partial<Notification> = {}): Notification => ({
  id, kind: 'COMMENT_ON_YOUR_ANNOTATION', taskId: 't1', projectId: 'p1', annotationId: 'a1', regionId: null, commentId: 'c1',
  actor: { id: 'u2', displayName: 'Bob' }, createdAt: '2030-01-01T00:00:00Z', read: false, ...extra,
});

describe('notifications', () => {
  it('says who did what', () => {
    expect(describeNotification(n('1'))).toBe('Bob commented on your annotation');
    expect(describeNotification(n('1', { kind: 'REPLY_IN_YOUR_THREAD', regionId: 'r1' }))).toBe('Bob replied in your thread (on a region)');
  });

  it('deep-links to the task, annotation, region and comment', () => {
    expect(notificationLink(n('1', { regionId: 'r1' }))).toBe('/projects/p1/tasks/t1?annotation=a1&region=r1&comment=c1');
  });

  it('adds a pushed notification once, newest first', () => {
    const first = addNotification([n('1')], n('2'));
    expect(first.added).toBe(true);
    expect(first.list.map((x) => x.id)).toEqual(['2', '1']);
    expect(addNotification(first.list, n('2')).added).toBe(false);
  });
});
