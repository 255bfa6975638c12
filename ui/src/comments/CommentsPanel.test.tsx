import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { renderWithQueries } from '../shared/testing/render';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockGraphql } from '../shared/testing/graphqlMock';
import { CommentsPanel } from './CommentsPanel';
import type { Comment } from './operations';

const comment = (id: string, extra: Partial<Comment> = {}): Comment => ({
  id, taskId: 't1', annotationId: 'a1', regionId: null, parentId: null, author: { id: 'u2', displayName: 'Bob' }, text: `text ${id}`,
  resolved: false, resolvedBy: null, resolvedAt: null, deleted: false, createdAt: '2030-01-01T00:00:00Z', updatedAt: '2030-01-01T00:00:00Z', ...extra,
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function backend(initial: Comment[]) {
  const list = [...initial];
  const added: Record<string, unknown>[] = [];
  mockGraphql((op, vars) => {
    if (op === 'TaskComments') return { task: { id: 't1', commentCount: list.length, annotations: [{ id: 'a1', comments: list }] } };
    if (op === 'AddComment') {
      const input = vars.input as Record<string, unknown>;
      added.push(input);
      const c = comment(`n${added.length}`, { regionId: (input.regionId as string) ?? null, parentId: (input.parentId as string) ?? null, text: input.text as string, author: { id: 'u1', displayName: 'Ann' } });
      list.push(c);
      return { addComment: { comment: c, errors: [] } };
    }
    throw new Error(`unexpected ${op}`);
  });
  return added;
}

function renderPanel(regionId: string | null, role: 'ANNOTATOR' | 'MANAGER' = 'ANNOTATOR', onSelectRegion = vi.fn()) {
  renderWithQueries(
    <MemoryRouter>
      <CommentsPanel projectId="p1" taskId="t1" annotationId="a1" regionId={regionId} onSelectRegion={onSelectRegion} me={{ id: 'u1', role }} />
    </MemoryRouter>,
  );
  return onSelectRegion;
}

describe('CommentsPanel', () => {
  it('comments on the selected region, and a reply stays in its thread\'s region', async () => {
    const added = backend([]);
    renderPanel('r1');
    await screen.findByTestId('no-comments');
    expect(screen.getByTestId('selected-region').dataset.regionId).toBe('r1');
    fireEvent.change(screen.getByTestId('comment-input'), { target: { value: '  Is this a cat?  ' } });
    fireEvent.click(screen.getByTestId('comment-submit'));
    await waitFor(() => expect(screen.getAllByTestId('comment-thread')).toHaveLength(1));
    expect(added[0]).toEqual({ taskId: 't1', annotationId: 'a1', text: 'Is this a cat?', regionId: 'r1', parentId: null });
    fireEvent.click(screen.getByTestId('comment-reply'));
    fireEvent.change(screen.getByTestId('reply-input'), { target: { value: 'Yes' } });
    fireEvent.click(screen.getByTestId('reply-submit'));
    await waitFor(() => expect(screen.getAllByTestId('comment-item')).toHaveLength(2));
    expect(added[1]).toEqual({ taskId: 't1', annotationId: 'a1', text: 'Yes', regionId: 'r1', parentId: 'n1' });
    expect(screen.getByTestId('comment-count').textContent).toBe('2');
  });

  it('refuses an empty comment without sending it', async () => {
    const added = backend([]);
    renderPanel(null);
    await screen.findByTestId('no-comments');
    fireEvent.click(screen.getByTestId('comment-submit'));
    expect((await screen.findByTestId('comment-errors')).textContent).toContain('Write a comment first');
    expect(added).toEqual([]);
  });

  it('offers resolve and delete to the author and Managers only, and selects a thread\'s region on request', async () => {
    backend([comment('c1', { regionId: 'r7' })]);
    const select = renderPanel(null, 'ANNOTATOR');
    await screen.findByTestId('comment-thread');
    expect(screen.queryByTestId('comment-resolve')).toBeNull();
    expect(screen.queryByTestId('comment-delete')).toBeNull();
    fireEvent.click(screen.getByTestId('comment-region'));
    expect(select).toHaveBeenCalledWith('r7');
    cleanup();
    backend([comment('c1')]);
    renderPanel(null, 'MANAGER');
    await screen.findByTestId('comment-thread');
    expect(screen.getByTestId('comment-resolve')).toBeTruthy();
    expect(screen.getByTestId('comment-delete')).toBeTruthy();
  });
});
