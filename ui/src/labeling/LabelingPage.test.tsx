import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { renderWithQueries } from '../shared/testing/render';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Me, ProjectDetail, TaskDetail } from '../shared/api/types';
import { SessionContext } from '../identity/session';
import { fakeEditorState } from '../shared/testing/fakeEditor';
import { LabelingPage } from './LabelingPage';
import { ERROR_SENTENCES } from '../shared/lib/errors';

vi.mock('./LabelStudioEditor', () => import('../shared/testing/fakeEditor'));

const me: Me = { id: 'u1', email: 'a@b.c', displayName: 'Ann', role: 'OWNER', organization: { id: 'o1', name: 'Org' } };
const project: ProjectDetail = {
  id: 'p1', title: 'Sentiment', description: '', createdAt: '2030-01-01T00:00:00Z', taskCount: 2, completedCount: 0, annotationCount: 0, workspace: null,
  labelConfig: '<View><Text name="text" value="$text"/><Choices name="sentiment" toName="text"><Choice value="Positive"/><Choice value="Negative"/><Choice value="Neutral"/></Choices></View>',
  labelConfigVersion: 1, mediaProxy: false,
  controls: [{ name: 'sentiment', type: 'Choices', toName: ['text'], options: ['Positive', 'Negative', 'Neutral'], choice: 'single', required: false }],
  objects: [{ name: 'text', type: 'Text', valueField: 'text' }],
};
const task = (id: string, number: number, text: string): TaskDetail => ({
  id, number, projectId: 'p1', data: { text }, annotationCount: 0, skipCount: 0, completed: false,
  createdAt: '2030-01-01T00:00:00Z', updatedAt: '2030-01-01T00:00:00Z', annotations: [],
});

type Handler = (variables: Record<string, unknown>) => unknown;

/** What the page asks besides the test's own handlers: no draft, no comments, drafts saved. */
const defaults: Record<string, Handler> = {
  MyDraft: (v) => ({ task: { id: v.id, myDraft: null } }),
  TaskComments: (v) => ({ task: { id: v.id, commentCount: 0, annotations: [] } }),
  SaveDraft: () => ({ saveDraft: { draft: null, errors: [] } }),
};

function backend(overrides: Record<string, Handler>) {
  const handlers = { ...defaults, ...overrides };
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
  renderWithQueries(
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
  fakeEditorState.result = null;
  fakeEditorState.serialized = 0;
});

const positive = [{ value: { choices: ['Positive'] }, id: 'c1', from_name: 'sentiment', to_name: 'text', type: 'choices', origin: 'manual' }];
const box = { original_width: 640, original_height: 480, image_rotation: 0, value: { x: 1, y: 2, width: 3, height: 4, rotation: 0, rectanglelabels: ['Cat'] },
  id: 'r1', from_name: 'box', to_name: 'img', type: 'rectanglelabels', origin: 'manual' };
const annotationBy = (id: string, author: string, result: unknown[], extra: Record<string, unknown> = {}) => ({
  id, taskId: 't1', author: { id: author, displayName: author === 'u1' ? 'Ann' : 'Bob' }, result, leadTimeSeconds: 3,
  createdAt: '2030-01-01T00:00:00Z', updatedAt: '2030-01-01T00:00:00Z', ...extra,
});

describe('LabelingPage', () => {
  it('submits exactly the result the editor serialized, with lead time, then loads the next task', async () => {
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

    const editor = await screen.findByTestId('fake-editor');
    expect(screen.getByTestId('labeling-task-number').textContent).toBe('Task #1');
    expect(editor.dataset.config).toBe(project.labelConfig);
    expect(editor.dataset.select).toBe('');
    expect(editor.dataset.readonly).toBe('false');
    fakeEditorState.result = positive;
    fireEvent.click(screen.getByTestId('submit-annotation'));

    await waitFor(() => expect(screen.getByTestId('labeling-task-number').textContent).toBe('Task #2'));
    const submit = calls.find((c) => c.op === 'SubmitAnnotation')!;
    const input = submit.variables.input as { taskId: string; result: unknown; leadTimeSeconds: number };
    expect(input.taskId).toBe('t1');
    expect(JSON.stringify(input.result)).toBe(JSON.stringify(positive));
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
    await screen.findByTestId('fake-editor');
    fakeEditorState.result = positive;
    fireEvent.click(screen.getByTestId('submit-annotation'));
    await waitFor(() => expect(screen.getByTestId('labeling-task-number').textContent).toBe('Task #2'), { timeout: 4000 });
    expect(calls.filter((c) => c.op === 'NextTask')).toHaveLength(4);
  });

  it('refuses to submit an empty annotation and sends nothing', async () => {
    const calls = backend({ Project: () => ({ project }), NextTask: () => ({ nextTask: task('t1', 1, 'x') }) });
    renderAt('/projects/p1/label');
    await screen.findByTestId('fake-editor');
    fakeEditorState.result = [];
    fireEvent.click(screen.getByTestId('submit-annotation'));
    expect((await screen.findByTestId('labeling-errors')).textContent).toContain(ERROR_SENTENCES.INVALID_RESULT);
    expect(calls.filter((c) => c.op === 'SubmitAnnotation')).toHaveLength(0);
  });

  it('shows "All tasks done" when nextTask is null', async () => {
    backend({ Project: () => ({ project }), NextTask: () => ({ nextTask: null }) });
    renderAt('/projects/p1/label');
    expect((await screen.findByTestId('all-done')).textContent).toContain('All tasks done');
  });

  it('updates an imported annotation with regions: the editor\'s regions and the items it was not shown are all kept', async () => {
    const imageProject = { ...project, labelConfig: '<View><Image name="img" value="$image"/><RectangleLabels name="box" toName="img"><Label value="Cat"/></RectangleLabels><Pdf name="doc" value="$pdf"/><Choices name="kind" toName="doc"><Choice value="Invoice"/></Choices><Taxonomy name="tax" toName="doc"><Choice value="A"/></Taxonomy></View>' };
    // the Pdf's Choices are ours (ADR 0035); a Taxonomy on a Pdf nobody renders: kept as it was
    const pdfItem = { id: 'p1', from_name: 'kind', to_name: 'doc', type: 'choices', value: { choices: ['Invoice'] } };
    const taxItem = { id: 'p2', from_name: 'tax', to_name: 'doc', type: 'taxonomy', value: { taxonomy: [['A']] } };
    const imported = { ...task('t1', 1, ''), annotationCount: 1, annotations: [annotationBy('a1', 'u1', [box, { ...box, id: 'r2' }, pdfItem, taxItem])] };
    const calls = backend({
      Project: () => ({ project: imageProject }),
      Task: () => ({ task: imported }),
      UpdateAnnotation: () => ({ updateAnnotation: { annotation: null, task: imported, errors: [] } }),
    });
    renderAt('/projects/p1/tasks/t1');
    const editor = await screen.findByTestId('fake-editor');
    expect(editor.dataset.select).toBe('a1');
    expect(editor.dataset.config).not.toContain('Pdf');
    expect(screen.getByTestId('not-labelable').textContent).toContain('Taxonomy "tax"');
    expect((screen.getByTestId('own-control-kind').querySelector('input[type=radio]') as HTMLInputElement).checked).toBe(true);
    expect(screen.queryByTestId('submit-annotation')).toBeNull();
    expect(screen.getByTestId('delete-annotation')).toBeTruthy();

    // the editor gives back both regions, one of them moved
    const moved = { ...box, id: 'r2', value: { ...box.value, x: 50 } };
    fakeEditorState.result = [box, moved];
    fireEvent.click(screen.getByTestId('update-annotation'));
    await waitFor(() => expect(calls.filter((c) => c.op === 'UpdateAnnotation')).toHaveLength(1));
    const input = calls.find((c) => c.op === 'UpdateAnnotation')!.variables.input as { annotationId: string; result: unknown };
    expect(input.annotationId).toBe('a1');
    expect(input.result).toEqual([box, moved, pdfItem, taxItem]);
  });

  it('shows the server\'s typed error next to the editor and keeps the user\'s work (no reload of the editor)', async () => {
    const mine = { ...task('t1', 1, 'Meh'), annotationCount: 1, annotations: [annotationBy('a1', 'u1', positive)] };
    backend({
      Project: () => ({ project }),
      Task: () => ({ task: mine }),
      UpdateAnnotation: () => ({ updateAnnotation: { annotation: null, task: null, errors: [{ code: 'INVALID_RESULT', field: ['result', '0', 'value'], message: 'nope' }] } }),
    });
    renderAt('/projects/p1/tasks/t1');
    const version = (await screen.findByTestId('fake-editor')).dataset.version;
    fakeEditorState.result = positive;
    fireEvent.click(screen.getByTestId('update-annotation'));
    expect((await screen.findByTestId('labeling-errors')).textContent).toContain(ERROR_SENTENCES.INVALID_RESULT);
    expect(screen.getByTestId('fake-editor').dataset.version).toBe(version);
  });

  it('blind labeling: an annotator gets only their own annotation from the server, and the page shows just that', async () => {
    const own = { ...task('t1', 1, 'Meh'), annotationCount: 2, annotations: [annotationBy('a1', 'u1', positive)] };
    backend({ Project: () => ({ project: { ...project, canReview: false } }), Task: () => ({ task: own }) });
    renderAt('/projects/p1/tasks/t1');
    const editor = await screen.findByTestId('fake-editor');
    expect(editor.dataset.annotations).toBe('a1');
    expect(screen.getAllByTestId('annotation-item')).toHaveLength(1);
    expect(screen.getByTestId('task-annotations').textContent).not.toContain('Bob');
  });

  it('an annotator in a project that shows everyone\'s annotations sees them and opens another person\'s read-only', async () => {
    // the server decides (AnnotationVisibility, BlindLabelingIT): here the project's setting is on, so it answers both
    const both = { ...task('t1', 1, 'Meh'), annotationCount: 2, annotations: [annotationBy('a1', 'u1', positive), annotationBy('a2', 'u2', positive)] };
    backend({ Project: () => ({ project: { ...project, canReview: false } }), Task: () => ({ task: both }) });
    renderAt('/projects/p1/tasks/t1');
    const editor = await screen.findByTestId('fake-editor');
    expect(editor.dataset.annotations).toBe('a1,a2');
    expect(screen.getAllByTestId('annotation-item')).toHaveLength(2);
    fireEvent.click(screen.getByTestId('open-in-editor'));
    await waitFor(() => expect(screen.getByTestId('fake-editor').dataset.select).toBe('a2'));
    expect(screen.getByTestId('fake-editor').dataset.readonly).toBe('true');
    expect(screen.getByTestId('viewing-other').textContent).toContain('Bob');
    expect(screen.queryByTestId('review-accept')).toBeNull(); // seeing is not reviewing
  });

  it('reviewers see every annotation and open another person\'s read-only in the editor', async () => {
    const both = { ...task('t1', 1, 'Meh'), annotationCount: 2, annotations: [annotationBy('a1', 'u1', positive), annotationBy('a2', 'u2', positive)] };
    backend({ Project: () => ({ project: { ...project, canReview: true } }), Task: () => ({ task: both }) });
    renderAt('/projects/p1/tasks/t1');
    const editor = await screen.findByTestId('fake-editor');
    expect(editor.dataset.annotations).toBe('a1,a2');
    expect(editor.dataset.readonly).toBe('false');
    fireEvent.click(screen.getByTestId('open-in-editor'));
    await waitFor(() => expect(screen.getByTestId('fake-editor').dataset.select).toBe('a2'));
    expect(screen.getByTestId('fake-editor').dataset.readonly).toBe('true');
    expect(screen.getByTestId('viewing-other').textContent).toContain('Bob');
    expect(screen.queryByTestId('update-annotation')).toBeNull();
    fireEvent.click(screen.getByTestId('back-to-mine'));
    await waitFor(() => expect(screen.getByTestId('fake-editor').dataset.select).toBe('a1'));
  });

  it('offers predictions as pre-annotations with model version and score', async () => {
    const predicted = { ...task('t1', 1, 'Meh'), predictions: [{ modelVersion: 'v7', score: 0.91, result: positive }] };
    backend({ Project: () => ({ project }), NextTask: () => ({ nextTask: predicted }) });
    renderAt('/projects/p1/label');
    const editor = await screen.findByTestId('fake-editor');
    expect(editor.dataset.predictions).toBe('1');
    expect(screen.getByTestId('prediction-item').textContent).toContain('model v7 · score 0.91');
  });

  it('reveals predictions only when asked, when the project says so, and hides Skip when the project does', async () => {
    const predicted = { ...task('t1', 1, 'Meh'), predictions: [{ modelVersion: 'v7', score: 0.91, result: positive }] };
    const annotating = { showSkip: false, allowEmptyAnnotations: false, revealPredictionsInteractively: true, annotatorsSeeDataManager: true, showOthersAnnotations: false };
    backend({
      Project: () => ({ project }), NextTask: () => ({ nextTask: predicted }),
      ProjectSettings: () => ({ project: { id: 'p1', settingsVersion: 1, settings: { general: { color: '', instructions: '', showInstructionsBeforeLabeling: false }, annotating } } }),
    });
    renderAt('/projects/p1/label');
    await screen.findByTestId('reveal-predictions');
    expect(screen.getByTestId('fake-editor').dataset.predictions).toBe('0');
    expect(screen.queryByTestId('skip-task')).toBeNull();
    fireEvent.click(screen.getByTestId('reveal-predictions'));
    await waitFor(() => expect(screen.getByTestId('fake-editor').dataset.predictions).toBe('1'));
    expect(screen.getByTestId('prediction-item').textContent).toContain('model v7');
  });

  it('gives LSF the config without DateTime, renders our date input and merges its result into the annotation', async () => {
    const dated = { ...project, labelConfig: '<View><Text name="text" value="$text"/><DateTime name="when" toName="text" only="date" required="true"/><Choices name="sentiment" toName="text"><Choice value="Positive"/></Choices></View>' };
    const calls = backend({
      Project: () => ({ project: dated }),
      NextTask: () => ({ nextTask: calls.some((c) => c.op === 'SubmitAnnotation') ? null : task('t1', 1, 'x') }),
      SubmitAnnotation: () => ({ submitAnnotation: { annotation: null, task: null, errors: [] } }),
    });
    renderAt('/projects/p1/label');
    const editor = await screen.findByTestId('fake-editor');
    expect(editor.dataset.config).not.toContain('DateTime');
    fakeEditorState.result = positive;
    fireEvent.click(screen.getByTestId('submit-annotation'));
    // required, and empty: refused before anything is sent
    expect((await screen.findByTestId('labeling-errors')).textContent).toContain('"when" is required');
    fireEvent.change(screen.getByTestId('datetime-when'), { target: { value: '2024-01-31' } });
    fireEvent.click(screen.getByTestId('submit-annotation'));
    await screen.findByTestId('all-done');
    const result = (calls.find((c) => c.op === 'SubmitAnnotation')!.variables.input as { result: Record<string, unknown>[] }).result;
    expect(result[0]).toEqual(positive[0]);
    expect(result[1]).toMatchObject({ from_name: 'when', to_name: 'text', type: 'datetime', value: { datetime: '2024-01-31' } });
    expect(result).toHaveLength(2);
  });

  it('shows an annotation made with an older config version with that version\'s config, and says so', async () => {
    const v1 = '<View><Text name="text" value="$text"/><Choices name="mood" toName="text"><Choice value="Sad"/></Choices></View>';
    const projectV2 = { ...project, labelConfigVersion: 2 };
    const old = { ...task('t1', 1, 'Meh'), annotationCount: 1, annotations: [annotationBy('a1', 'u1',
      [{ from_name: 'mood', to_name: 'text', type: 'choices', value: { choices: ['Sad'] } }],
      { configVersion: 1, labelingConfig: { version: 1, xml: v1, createdAt: '2029-12-01T00:00:00Z', objects: project.objects } })] };
    backend({ Project: () => ({ project: projectV2 }), Task: () => ({ task: old }) });
    renderAt('/projects/p1/tasks/t1');

    const notice = await screen.findByTestId('config-version-notice');
    expect(notice.textContent).toContain('version 1');
    expect(notice.textContent).toContain('now uses version 2');
    expect(screen.getByTestId('labeling-controls').getAttribute('data-config-version')).toBe('1');
    expect(screen.getByTestId('fake-editor').dataset.config).toBe(v1);
    expect(screen.getByTestId('task-annotations').textContent).toContain('config v1');

    fireEvent.click(screen.getByTestId('use-current-config'));
    expect(screen.getByTestId('labeling-controls').getAttribute('data-config-version')).toBe('2');
    expect(screen.getByTestId('fake-editor').dataset.config).toBe(project.labelConfig);
    expect(screen.getByTestId('config-version-notice').textContent).toContain('made with version 1');
  });

  it('says nothing about versions when the annotation was made with the current config', async () => {
    const current = { ...task('t1', 1, 'Meh'), annotationCount: 1, annotations: [annotationBy('a1', 'u1', positive,
      { configVersion: 1, labelingConfig: { version: 1, xml: project.labelConfig, createdAt: '2029-12-01T00:00:00Z', objects: project.objects } })] };
    backend({ Project: () => ({ project }), Task: () => ({ task: current }) });
    renderAt('/projects/p1/tasks/t1');
    await screen.findByTestId('update-annotation');
    expect(screen.queryByTestId('config-version-notice')).toBeNull();
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

  it('restores my draft into the editor as a new annotation, says from when, and discards it on request', async () => {
    const draft = { taskId: 't1', result: positive, leadTimeSeconds: 5, savedAt: '2030-01-02T03:04:05Z' };
    let kept: typeof draft | null = draft;
    const calls = backend({
      Project: () => ({ project }),
      Task: () => ({ task: task('t1', 1, 'Meh') }),
      MyDraft: () => ({ task: { id: 't1', myDraft: kept } }),
      DiscardDraft: () => {
        kept = null;
        return { discardDraft: { draft: null, errors: [] } };
      },
    });
    renderAt('/projects/p1/tasks/t1');
    const editor = await screen.findByTestId('fake-editor');
    expect(editor.dataset.select).toBe('draft');
    expect(editor.dataset.readonly).toBe('false');
    expect(JSON.parse(editor.dataset.annotationResults!)).toEqual([positive]);
    expect(screen.getByTestId('draft-restored').textContent).toContain('Draft restored from');
    fireEvent.click(screen.getByTestId('discard-draft'));
    await waitFor(() => expect(screen.queryByTestId('draft-restored')).toBeNull());
    expect(calls.filter((c) => c.op === 'DiscardDraft')).toHaveLength(1);
    expect(screen.getByTestId('fake-editor').dataset.select).toBe('');
  });

  it('restores my draft over my annotation (work on an update)', async () => {
    const other = [{ ...positive[0], value: { choices: ['Negative'] } }];
    backend({
      Project: () => ({ project }),
      Task: () => ({ task: { ...task('t1', 1, 'Meh'), annotationCount: 1, annotations: [annotationBy('a1', 'u1', positive)] } }),
      MyDraft: () => ({ task: { id: 't1', myDraft: { taskId: 't1', result: other, leadTimeSeconds: 1, savedAt: '2030-01-02T03:04:05Z' } } }),
    });
    renderAt('/projects/p1/tasks/t1');
    const editor = await screen.findByTestId('fake-editor');
    expect(editor.dataset.select).toBe('a1');
    expect(JSON.parse(editor.dataset.annotationResults!)).toEqual([other]);
    expect(screen.getByTestId('update-annotation')).toBeTruthy();
  });

  it('keeps the work as a draft when the server refuses the submit', async () => {
    const calls = backend({
      Project: () => ({ project }),
      Task: () => ({ task: task('t1', 1, 'Meh') }),
      SubmitAnnotation: () => ({ submitAnnotation: { annotation: null, task: null, errors: [{ code: 'INVALID_RESULT', field: ['result'], message: 'config changed' }] } }),
    });
    renderAt('/projects/p1/tasks/t1');
    await screen.findByTestId('fake-editor');
    fakeEditorState.result = positive;
    fireEvent.click(screen.getByTestId('submit-annotation'));
    expect((await screen.findByTestId('labeling-errors')).textContent).toContain(ERROR_SENTENCES.INVALID_RESULT);
    await screen.findByTestId('kept-as-draft');
    const saved = calls.find((c) => c.op === 'SaveDraft')!.variables.input as { taskId: string; result: unknown };
    expect(saved.taskId).toBe('t1');
    expect(saved.result).toEqual(positive);
  });

  it('opens the annotation and region a deep link names', async () => {
    const both = { ...task('t1', 1, 'Meh'), annotationCount: 2, annotations: [annotationBy('a1', 'u1', positive), annotationBy('a2', 'u2', positive)] };
    backend({ Project: () => ({ project: { ...project, canReview: true } }), Task: () => ({ task: both }) });
    renderAt('/projects/p1/tasks/t1?annotation=a2&region=c1');
    const editor = await screen.findByTestId('fake-editor');
    expect(editor.dataset.select).toBe('a2');
    expect(editor.dataset.region).toBe('c1');
    expect(screen.queryByTestId('deep-link-missing')).toBeNull();
  });

  it('says so when a deep link names an annotation the reader may not see, and shows nothing of it', async () => {
    backend({ Project: () => ({ project: { ...project, canReview: false } }), Task: () => ({ task: task('t1', 1, 'Meh') }) });
    renderAt('/projects/p1/tasks/t1?annotation=hidden&region=r1');
    const editor = await screen.findByTestId('fake-editor');
    expect(screen.getByTestId('deep-link-missing').textContent).toContain('not found');
    expect(editor.dataset.select).toBe('');
    expect(editor.dataset.region).toBe('');
  });

  it('submits with Ctrl+Enter and toggles the keyboard help with ?', async () => {
    const calls = backend({
      Project: () => ({ project }),
      Task: () => ({ task: task('t1', 1, 'Meh') }),
      SubmitAnnotation: () => ({ submitAnnotation: { annotation: null, task: null, errors: [] } }),
    });
    renderAt('/projects/p1/tasks/t1');
    await screen.findByTestId('fake-editor');
    fireEvent.keyDown(window, { key: '?' });
    expect(screen.getByTestId('our-shortcuts').textContent).toContain('Ctrl+Enter');
    fireEvent.keyDown(window, { key: '?' });
    expect(screen.queryByTestId('help-panel')).toBeNull();
    fakeEditorState.result = positive;
    fireEvent.keyDown(window, { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(calls.filter((c) => c.op === 'SubmitAnnotation')).toHaveLength(1));
  });

  it('a link to a reply selects the region its thread is about', async () => {
    const both = { ...task('t1', 1, 'Meh'), annotationCount: 2, annotations: [annotationBy('a1', 'u1', positive), annotationBy('a2', 'u2', positive)] };
    const comment = (id: string, regionId: string | null, parentId: string | null) => ({
      id, taskId: 't1', annotationId: 'a2', regionId, parentId, author: { id: 'u1', displayName: 'Ann' }, text: id, resolved: false,
      resolvedBy: null, resolvedAt: null, deleted: false, createdAt: '2030-01-01T00:00:00Z', updatedAt: '2030-01-01T00:00:00Z',
    });
    backend({
      Project: () => ({ project: { ...project, canReview: true } }),
      Task: () => ({ task: both }),
      TaskComments: () => ({ task: { id: 't1', commentCount: 2, annotations: [{ id: 'a2', comments: [comment('k1', 'r9', null), comment('k2', null, 'k1')] }] } }),
    });
    renderAt('/projects/p1/tasks/t1?annotation=a2&comment=k2');
    const editor = await screen.findByTestId('fake-editor');
    expect(editor.dataset.select).toBe('a2');
    expect(editor.dataset.region).toBe('r9');
  });
});
