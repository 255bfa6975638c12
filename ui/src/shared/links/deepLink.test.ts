import { describe, expect, it } from 'vitest';
import { absoluteLink, readDeepLink, taskLink } from './deepLink';

describe('deep links', () => {
  it('links a task, an annotation, a region and a comment', () => {
    expect(taskLink('p1', 't1')).toBe('/projects/p1/tasks/t1');
    expect(taskLink('p1', 't1', { annotation: 'a1' })).toBe('/projects/p1/tasks/t1?annotation=a1');
    expect(taskLink('p1', 't1', { annotation: 'a1', region: 'r#1', comment: 'c1' })).toBe('/projects/p1/tasks/t1?annotation=a1&region=r%231&comment=c1');
  });

  it('names no region without its annotation', () => {
    expect(taskLink('p1', 't1', { region: 'r1' })).toBe('/projects/p1/tasks/t1');
    expect(readDeepLink('?region=r1')).toEqual({ annotation: null, region: null, comment: null });
  });

  it('reads back what it wrote, and ignores absurd ids', () => {
    expect(readDeepLink(new URL('http://x' + taskLink('p', 't', { annotation: 'a', region: 'r#1' })).search)).toEqual({ annotation: 'a', region: 'r#1', comment: null });
    expect(readDeepLink(`?annotation=${'x'.repeat(201)}`).annotation).toBeNull();
  });

  it('makes an absolute link on this origin', () => {
    expect(absoluteLink('/projects/p/tasks/t', 'https://ll.example')).toBe('https://ll.example/projects/p/tasks/t');
  });
});
