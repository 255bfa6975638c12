import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { renderWithQueries } from '../shared/testing/render';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Me, ProjectDetail, TaskDetail } from '../shared/api/types';
import { mockGraphql } from '../shared/testing/graphqlMock';
import { SessionContext } from '../identity/session';
import { ReviewPage } from './ReviewPage';
import { fakeEditorState } from '../shared/testing/fakeEditor';

vi.mock('../labeling/LabelStudioEditor', () => import('../shared/testing/fakeEditor'));

const me: Me = { id: 'rita', email: 'r@b.c', displayName: 'Rita', role: 'ANNOTATOR', organization: { id: 'o1', name: 'Org' } };
const project: ProjectDetail = {
  id: 'p1', title: 'Sentiment', description: '', createdAt: '2030-01-01T00:00:00Z', taskCount: 2, completedCount: 2, annotationCount: 2, workspace: null,
  labelConfig: '...', labelConfigVersion: 1, mediaProxy: false, canReview: true,
  controls: [{ name: 'sentiment', type: 'Choices', toName: ['text'], options: ['Positive', 'Negative'], choice: 'single', required: false }],
  objects: [{ name: 'text', type: 'Text', valueField: 'text' }],
};
const task = (id: string, number: number, text: string): TaskDetail => ({
  id, number, projectId: 'p1', data: { text }, annotationCount: 1, skipCount: 0, completed: true, reviewState: 'PENDING',
  createdAt: '2030-01-01T00:00:00Z', updatedAt: '2030-01-01T00:00:00Z',
  annotations: [{
    id: `a-${id}`, taskId: id, author: { id: 'ann', displayName: 'Ann' }, result: [{ from_name: 'sentiment', to_name: 'text', type: 'choices', value: { choices: ['Positive'] } }],
    leadTimeSeconds: 2, createdAt: '2030-01-01T00:00:00Z', updatedAt: '2030-01-01T00:00:00Z', review: null,
  }],
});

function renderQueue() {
  renderWithQueries(
    <SessionContext.Provider value={{ me, reload: async () => me, signOut: async () => {} }}>
      <MemoryRouter initialEntries={['/projects/p1/review']}>
        <Routes>
          <Route path="/projects/:id/review" element={<ReviewPage />} />
        </Routes>
      </MemoryRouter>
    </SessionContext.Provider>,
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('ReviewPage', () => {
  it('walks the review queue: accept one task, reject the next, then nothing is left', async () => {
    const queue = [task('t1', 1, 'I love it'), task('t2', 2, 'Terrible')];
    const reviews: unknown[] = [];
    mockGraphql((op, vars) => {
      if (op === 'Project') return { project };
      if (op === 'NextReviewTask') return { nextReviewTask: queue[0] ?? null };
      if (op === 'TaskComments') return { task: { id: vars.id, commentCount: 0, annotations: [] } };
      if (op === 'ReviewInEditor') {
        reviews.push(vars.input);
        queue.shift();
        return { reviewAnnotation: { task: null, errors: [] } };
      }
      throw new Error(`unexpected ${op}`);
    });
    renderQueue();

    expect((await screen.findByTestId('review-task-number')).textContent).toContain('Task #1');
    // the annotation under review, read-only in the editor
    expect(screen.getByTestId('fake-editor').dataset.select).toBe('a-t1');
    expect(screen.getByTestId('fake-editor').dataset.readonly).toBe('true');
    fireEvent.click(screen.getByTestId('editor-accept'));

    await waitFor(() => expect(screen.getByTestId('review-task-number').textContent).toContain('Task #2'));
    fireEvent.change(screen.getByTestId('editor-review-comment'), { target: { value: 'Negative, surely' } });
    fireEvent.click(screen.getByTestId('editor-reject'));

    await screen.findByTestId('review-done');
    expect(reviews).toEqual([
      { taskId: 't1', annotationId: 'a-t1', decision: 'ACCEPTED', comment: null, result: null, leadTimeSeconds: null },
      { taskId: 't2', annotationId: 'a-t2', decision: 'REJECTED', comment: 'Negative, surely', result: null, leadTimeSeconds: null },
    ]);
  });

  it('says so when nothing waits for review', async () => {
    mockGraphql((op) => (op === 'Project' ? { project } : { nextReviewTask: null }));
    renderQueue();
    expect((await screen.findByTestId('review-done')).textContent).toContain('Nothing to review');
  });

  it('skips a task to the next one, and offers to start over once the rest is done', async () => {
    const queue = [task('t1', 1, 'I love it'), task('t2', 2, 'Terrible')];
    const asked: unknown[] = [];
    mockGraphql((op, vars) => {
      if (op === 'Project') return { project };
      if (op === 'TaskComments') return { task: { id: vars.id, commentCount: 0, annotations: [] } };
      asked.push(vars.afterNumber);
      const after = (vars.afterNumber as number | null) ?? 0;
      return { nextReviewTask: queue.find((t) => t.number > after) ?? null };
    });
    renderQueue();

    expect((await screen.findByTestId('review-task-number')).textContent).toContain('Task #1');
    fireEvent.click(screen.getByTestId('review-skip'));
    await waitFor(() => expect(screen.getByTestId('review-task-number').textContent).toContain('Task #2'));
    fireEvent.click(screen.getByTestId('review-skip'));
    expect((await screen.findByTestId('review-done')).textContent).toContain('skipped');
    fireEvent.click(screen.getByTestId('review-start-over'));
    await waitFor(() => expect(screen.getByTestId('review-task-number').textContent).toContain('Task #1'));
    expect(asked).toEqual([null, 1, 2, null]);
  });

  it('fix and accept: the editor becomes editable and the corrected result is sent with FIX_AND_ACCEPT', async () => {
    const queue = [task('t1', 1, 'I love it')];
    const reviews: Record<string, unknown>[] = [];
    mockGraphql((op, vars) => {
      if (op === 'Project') return { project };
      if (op === 'NextReviewTask') return { nextReviewTask: queue[0] ?? null };
      if (op === 'TaskComments') return { task: { id: vars.id, commentCount: 0, annotations: [] } };
      if (op === 'ReviewInEditor') {
        reviews.push(vars.input as Record<string, unknown>);
        queue.shift();
        return { reviewAnnotation: { task: null, errors: [] } };
      }
      throw new Error(`unexpected ${op}`);
    });
    renderQueue();
    await screen.findByTestId('editor-review');
    const before = screen.getByTestId('fake-editor').dataset.version;
    fireEvent.click(screen.getByTestId('editor-fix'));
    await waitFor(() => expect(screen.getByTestId('fake-editor').dataset.readonly).toBe('false'));
    expect(screen.getByTestId('fake-editor').dataset.version).not.toBe(before);
    const fixed = [{ id: 'c1', from_name: 'sentiment', to_name: 'text', type: 'choices', value: { choices: ['Negative'] } }];
    fakeEditorState.result = fixed;
    fireEvent.click(screen.getByTestId('editor-fix-accept'));
    await screen.findByTestId('review-done');
    expect(reviews).toEqual([expect.objectContaining({ taskId: 't1', annotationId: 'a-t1', decision: 'FIX_AND_ACCEPT', result: fixed })]);
  });

  it('refuses to reject without a comment, and sends nothing', async () => {
    const calls: string[] = [];
    mockGraphql((op, vars) => {
      calls.push(op);
      if (op === 'Project') return { project };
      if (op === 'NextReviewTask') return { nextReviewTask: task('t1', 1, 'x') };
      if (op === 'TaskComments') return { task: { id: vars.id, commentCount: 0, annotations: [] } };
      throw new Error(`unexpected ${op}`);
    });
    renderQueue();
    fireEvent.click(await screen.findByTestId('editor-reject'));
    expect((await screen.findByTestId('editor-review-errors')).textContent).toContain('comment is required');
    expect(calls).not.toContain('ReviewInEditor');
  });
});
