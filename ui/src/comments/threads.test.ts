import { describe, expect, it } from 'vitest';
import type { Comment } from './operations';
import { buildThreads, commentText, countsByRegion, mayModerate, openThreads, regionOfComment, threadsAbout } from './threads';

const c = (id: string, extra: Partial<Comment> = {}): Comment => ({
  id, taskId: 't', annotationId: 'a', regionId: null, parentId: null, author: { id: 'u1', displayName: 'Ann' }, text: id,
  resolved: false, resolvedBy: null, resolvedAt: null, deleted: false, createdAt: '2030-01-01T00:00:00Z', updatedAt: '2030-01-01T00:00:00Z', ...extra,
});

describe('comment threads', () => {
  it('given replies to replies, when building threads, then each lands under its first comment in order', () => {
    const threads = buildThreads([c('1'), c('2', { regionId: 'r1' }), c('3', { parentId: '1' }), c('4', { parentId: '3' }), c('5', { parentId: '2', regionId: 'r1' })]);
    expect(threads.map((t) => [t.root.id, t.replies.map((r) => r.id)])).toEqual([['1', ['3', '4']], ['2', ['5']]]);
  });

  it('given a reply whose parent is not there, then it starts its own thread', () => {
    expect(buildThreads([c('9', { parentId: 'gone' })]).map((t) => t.root.id)).toEqual(['9']);
  });

  it('filters threads by region, the annotation as a whole, or none', () => {
    const threads = buildThreads([c('1'), c('2', { regionId: 'r1' })]);
    expect(threadsAbout(threads, 'r1').map((t) => t.root.id)).toEqual(['2']);
    expect(threadsAbout(threads, null).map((t) => t.root.id)).toEqual(['1']);
    expect(threadsAbout(threads, undefined)).toHaveLength(2);
  });

  it('counts live comments per region and open threads', () => {
    const list = [c('1'), c('2', { regionId: 'r1' }), c('3', { regionId: 'r1', parentId: '2', deleted: true, text: null }), c('4', { resolved: true })];
    expect(countsByRegion(list)).toEqual({ '': 2, r1: 1 });
    expect(openThreads(buildThreads(list))).toBe(2);
    expect(countsByRegion([c('5', { regionId: 'r2' }), c('6', { parentId: '5' })])).toEqual({ r2: 2 });
  });

  it('lets the author and Managers and above moderate; nobody a deleted comment', () => {
    expect(mayModerate(c('1'), 'u1', 'ANNOTATOR')).toBe(true);
    expect(mayModerate(c('1'), 'u2', 'ANNOTATOR')).toBe(false);
    expect(mayModerate(c('1'), 'u2', 'REVIEWER')).toBe(false);
    expect(mayModerate(c('1'), 'u2', 'MANAGER')).toBe(true);
    expect(mayModerate(c('1', { deleted: true }), 'u1', 'OWNER')).toBe(false);
  });

  it('refuses empty and overlong texts, trims the rest', () => {
    expect(commentText('  ').error).not.toBeNull();
    expect(commentText('x'.repeat(5001)).error).not.toBeNull();
    expect(commentText(' hi ')).toEqual({ text: 'hi', error: null });
  });

  it('finds the region of a comment through its thread', () => {
    const list = [c('1', { regionId: 'r1' }), c('2', { parentId: '1' }), c('3')];
    expect(regionOfComment(list, '2')).toBe('r1');
    expect(regionOfComment(list, '1')).toBe('r1');
    expect(regionOfComment(list, '3')).toBeNull();
    expect(regionOfComment(list, 'gone')).toBeNull();
  });
});
