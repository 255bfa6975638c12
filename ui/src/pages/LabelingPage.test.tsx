import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Me, ProjectDetail, TaskDetail } from '../api/types';
import { SessionContext } from '../session';
import { LabelingPage } from './LabelingPage';
import { ERROR_SENTENCES } from '../lib/errors';

const me: Me = { id: 'u1', email: 'a@b.c', displayName: 'Ann', role: 'OWNER', organization: { id: 'o1', name: 'Org' } };
const project: ProjectDetail = {
  id: 'p1', title: 'Sentiment', description: '', createdAt: '2030-01-01T00:00:00Z', taskCount: 2, completedCount: 0, annotationCount: 0, workspace: null,
  labelConfig: '...', labelConfigVersion: 1, mediaProxy: false,
  controls: [{ name: 'sentiment', type: 'Choices', toName: ['text'], options: ['Positive', 'Negative', 'Neutral'], choice: 'single', required: false }],
  objects: [{ name: 'text', type: 'Text', valueField: 'text' }],
};
const task = (id: string, number: number, text: string): TaskDetail => ({
  id, number, projectId: 'p1', data: { text }, annotationCount: 0, skipCount: 0, completed: false,
  createdAt: '2030-01-01T00:00:00Z', updatedAt: '2030-01-01T00:00:00Z', annotations: [],
});

type Handler = (variables: Record<string, unknown>) => unknown;

function backend(handlers: Record<string, Handler>) {
  const calls: { op: string; variables: Record<string, unknown> }[] = [];
  vi.stubGlobal('fetch', vi.fn(async (_url: string, init: RequestInit) => {
    const { query, variables } = JSON.parse(init.body as string);
    const op = /(?:query|mutation)\s+(\w+)/.exec(query)![1];
    calls.push({ op, variables });
    const handler = handlers[op];
    if (!handler) return new Response(JSON.stringify({ errors: [{ message: `unexpected ${op}` }] }), { status: 200 });
    return new Response(JSON.stringify({ data: handler(variables) }), { status: 200 });
  }));
  return calls;
}

function renderAt(path: string) {
  render(
    <SessionContext.Provider value={{ me, reload: async () => me, signOut: async () => {} }}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="/projects/:id/label" element={<LabelingPage />} />
          <Route path="/projects/:id/tasks/:taskId" element={<LabelingPage />} />
        </Routes>
      </MemoryRouter>
    </SessionContext.Provider>,
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('LabelingPage', () => {
  it('renders the text and choices, submits a Label Studio result with lead time, then loads the next task', async () => {
    let next = 0;
    const tasks = [task('t1', 1, 'I love it'), task('t2', 2, 'Terrible')];
    const calls = backend({
      Project: () => ({ project }),
      NextTask: () => ({ nextTask: tasks[next] ?? null }),
      SubmitAnnotation: () => {
        next++;
        return { submitAnnotation: { annotation: null, task: null, errors: [] } };
      },
    });
    renderAt('/projects/p1/label');

    expect((await screen.findByTestId('object-text')).textContent).toContain('I love it');
    expect(screen.getByTestId('labeling-task-number').textContent).toBe('Task #1');
    const positive = screen.getByTestId('choice-sentiment-Positive') as HTMLInputElement;
    expect(positive.type).toBe('radio');
    fireEvent.click(positive);
    fireEvent.click(screen.getByTestId('submit-annotation'));

    await waitFor(() => expect(screen.getByTestId('labeling-task-number').textContent).toBe('Task #2'));
    const submit = calls.find((c) => c.op === 'SubmitAnnotation')!;
    const input = submit.variables.input as { taskId: string; result: unknown; leadTimeSeconds: number };
    expect(input.taskId).toBe('t1');
    expect(input.result).toEqual([{ from_name: 'sentiment', to_name: 'text', type: 'choices', value: { choices: ['Positive'] } }]);
    expect(typeof input.leadTimeSeconds).toBe('number');
    expect(input.leadTimeSeconds).toBeGreaterThanOrEqual(0);
  });

  it('asks again when a lagging read side still offers the task just submitted', async () => {
    const t1 = task('t1', 1, 'I love it');
    const t2 = task('t2', 2, 'Terrible');
    let submitted = false;
    let stale = 2;
    const calls = backend({
      Project: () => ({ project }),
      NextTask: () => ({ nextTask: !submitted ? t1 : stale-- > 0 ? t1 : t2 }),
      SubmitAnnotation: () => {
        submitted = true;
        return { submitAnnotation: { annotation: null, task: null, errors: [] } };
      },
    });
    renderAt('/projects/p1/label');
    fireEvent.click(await screen.findByTestId('choice-sentiment-Negative'));
    fireEvent.click(screen.getByTestId('submit-annotation'));
    await waitFor(() => expect(screen.getByTestId('labeling-task-number').textContent).toBe('Task #2'), { timeout: 4000 });
    expect(calls.filter((c) => c.op === 'NextTask')).toHaveLength(4);
  });

  it('shows "All tasks done" when nextTask is null', async () => {
    backend({ Project: () => ({ project }), NextTask: () => ({ nextTask: null }) });
    renderAt('/projects/p1/label');
    expect((await screen.findByTestId('all-done')).textContent).toContain('All tasks done');
  });

  it('offers Update and Delete for the caller\'s own annotation, prefilled', async () => {
    const mine = {
      ...task('t1', 1, 'Meh'),
      annotationCount: 1,
      annotations: [{
        id: 'a1', taskId: 't1', author: { id: 'u1', displayName: 'Ann' },
        result: [{ from_name: 'sentiment', to_name: 'text', type: 'choices', value: { choices: ['Neutral'] } }],
        leadTimeSeconds: 3, createdAt: '2030-01-01T00:00:00Z', updatedAt: '2030-01-01T00:00:00Z',
      }],
    };
    const calls = backend({
      Project: () => ({ project }),
      Task: () => ({ task: mine }),
      UpdateAnnotation: () => ({ updateAnnotation: { annotation: null, task: null, errors: [{ code: 'INVALID_RESULT', field: ['result'], message: 'nope' }] } }),
    });
    renderAt('/projects/p1/tasks/t1');
    await screen.findByTestId('update-annotation');
    expect(screen.queryByTestId('submit-annotation')).toBeNull();
    expect(screen.getByTestId('delete-annotation')).toBeTruthy();
    expect((screen.getByTestId('choice-sentiment-Neutral') as HTMLInputElement).checked).toBe(true);
    expect(screen.getByTestId('task-annotations').textContent).toContain('sentiment: Neutral');

    fireEvent.click(screen.getByTestId('choice-sentiment-Negative'));
    fireEvent.click(screen.getByTestId('update-annotation'));
    expect((await screen.findByTestId('labeling-errors')).textContent).toContain(ERROR_SENTENCES.INVALID_RESULT);
    const update = calls.find((c) => c.op === 'UpdateAnnotation')!;
    expect((update.variables.input as { annotationId: string }).annotationId).toBe('a1');
  });

  it('shows every annotation\'s review state and offers Accept / Reject on others\' annotations to reviewers', async () => {
    const annotated = {
      ...task('t1', 1, 'Meh'),
      annotationCount: 2,
      reviewState: 'PENDING' as const,
      annotations: [
        { id: 'a1', taskId: 't1', author: { id: 'u1', displayName: 'Ann' }, result: [], leadTimeSeconds: 3,
          createdAt: '2030-01-01T00:00:00Z', updatedAt: '2030-01-01T00:00:00Z',
          review: { decision: 'ACCEPTED' as const, comment: null, reviewer: { id: 'u3', displayName: 'Rita' }, reviewedAt: '2030-01-02T00:00:00Z' } },
        { id: 'a2', taskId: 't1', author: { id: 'u2', displayName: 'Bob' }, result: [], leadTimeSeconds: 3,
          createdAt: '2030-01-01T00:00:00Z', updatedAt: '2030-01-01T00:00:00Z', review: null },
      ],
    };
    const rejected = { ...annotated, reviewState: 'REJECTED' as const, annotations: [annotated.annotations[0], {
      ...annotated.annotations[1], review: { decision: 'REJECTED' as const, comment: 'No', reviewer: { id: 'u1', displayName: 'Ann' }, reviewedAt: '2030-01-03T00:00:00Z' } }] };
    const calls = backend({
      Project: () => ({ project: { ...project, canReview: true } }),
      Task: () => ({ task: annotated }),
      ReviewAnnotation: () => ({ reviewAnnotation: { annotation: null, task: rejected, errors: [] } }),
    });
    renderAt('/projects/p1/tasks/t1');

    const reviews = await screen.findAllByTestId('annotation-review');
    expect(reviews.map((r) => r.querySelector('[data-review-state]')!.getAttribute('data-review-state'))).toEqual(['ACCEPTED', 'PENDING']);
    // my own annotation (u1) has no buttons; Bob's has
    expect(reviews[0].querySelector('[data-testid="review-form"]')).toBeNull();
    expect(reviews[1].querySelector('[data-testid="review-form"]')).not.toBeNull();
    fireEvent.change(reviews[1].querySelector('[data-testid="review-comment-input"]')!, { target: { value: 'No' } });
    fireEvent.click(reviews[1].querySelector('[data-testid="review-reject"]')!);

    await waitFor(() => expect(screen.getByTestId('task-review-state').dataset.reviewState).toBe('REJECTED'));
    const review = calls.find((c) => c.op === 'ReviewAnnotation')!;
    expect(review.variables.input).toEqual({ taskId: 't1', annotationId: 'a2', decision: 'REJECTED', comment: 'No' });
  });

  it('offers no review buttons without the right to review', async () => {
    const annotated = { ...task('t1', 1, 'Meh'), annotationCount: 1, annotations: [
      { id: 'a2', taskId: 't1', author: { id: 'u2', displayName: 'Bob' }, result: [], leadTimeSeconds: 3,
        createdAt: '2030-01-01T00:00:00Z', updatedAt: '2030-01-01T00:00:00Z', review: null }] };
    backend({ Project: () => ({ project: { ...project, canReview: false } }), Task: () => ({ task: annotated }) });
    renderAt('/projects/p1/tasks/t1');
    expect((await screen.findByTestId('annotation-review')).querySelector('[data-testid="review-form"]')).toBeNull();
  });

  it('shows an annotation made with an older config version with that version, and says so', async () => {
    const v1Controls = [{ name: 'mood', type: 'Choices', toName: ['text'], options: ['Happy', 'Sad'], choice: 'single', required: false }];
    const projectV2 = { ...project, labelConfigVersion: 2 };
    const old = {
      ...task('t1', 1, 'Meh'),
      annotationCount: 1,
      annotations: [{
        id: 'a1', taskId: 't1', author: { id: 'u1', displayName: 'Ann' },
        result: [{ from_name: 'mood', to_name: 'text', type: 'choices', value: { choices: ['Sad'] } }],
        leadTimeSeconds: 3, createdAt: '2030-01-01T00:00:00Z', updatedAt: '2030-01-01T00:00:00Z', configVersion: 1,
        labelingConfig: { version: 1, xml: '<View/>', createdAt: '2029-12-01T00:00:00Z', controls: v1Controls, objects: project.objects },
      }],
    };
    backend({ Project: () => ({ project: projectV2 }), Task: () => ({ task: old }) });
    renderAt('/projects/p1/tasks/t1');

    const notice = await screen.findByTestId('config-version-notice');
    expect(notice.textContent).toContain('version 1');
    expect(notice.textContent).toContain('now uses version 2');
    expect(screen.getByTestId('labeling-controls').getAttribute('data-config-version')).toBe('1');
    expect((screen.getByTestId('choice-mood-Sad') as HTMLInputElement).checked).toBe(true);
    expect(screen.queryByTestId('control-sentiment')).toBeNull();
    expect(screen.getByTestId('task-annotations').textContent).toContain('config v1');

    fireEvent.click(screen.getByTestId('use-current-config'));
    expect(screen.getByTestId('labeling-controls').getAttribute('data-config-version')).toBe('2');
    expect(screen.getByTestId('control-sentiment')).toBeTruthy();
    expect(screen.queryByTestId('control-mood')).toBeNull();
    expect(screen.getByTestId('config-version-notice').textContent).toContain('made with version 1');
  });

  it('says nothing about versions when the annotation was made with the current config', async () => {
    const current = {
      ...task('t1', 1, 'Meh'),
      annotationCount: 1,
      annotations: [{
        id: 'a1', taskId: 't1', author: { id: 'u1', displayName: 'Ann' },
        result: [{ from_name: 'sentiment', to_name: 'text', type: 'choices', value: { choices: ['Neutral'] } }],
        leadTimeSeconds: 3, createdAt: '2030-01-01T00:00:00Z', updatedAt: '2030-01-01T00:00:00Z', configVersion: 1,
        labelingConfig: { version: 1, xml: '<View/>', createdAt: '2029-12-01T00:00:00Z', controls: project.controls, objects: project.objects },
      }],
    };
    backend({ Project: () => ({ project }), Task: () => ({ task: current }) });
    renderAt('/projects/p1/tasks/t1');
    await screen.findByTestId('update-annotation');
    expect(screen.queryByTestId('config-version-notice')).toBeNull();
    expect((screen.getByTestId('choice-sentiment-Neutral') as HTMLInputElement).checked).toBe(true);
  });
});
