// Ground truth on the task page (the star per annotation) and in the Data Manager (a sortable column).
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { renderWithQueries } from '../shared/testing/render';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Annotation, Me, OrganizationRole, ProjectDetail, TaskDetail, TaskRow } from '../shared/api/types';
import { SessionContext } from '../identity/session';
import { mockGraphql } from '../shared/testing/graphqlMock';
import { DataManager } from '../datamanager/DataManager';
import { LabelingPage } from './LabelingPage';
import { ERROR_SENTENCES } from '../shared/lib/errors';

vi.mock('../shared/api/ws', () => ({ subscribe: () => () => {} }));
vi.mock('./LabelStudioEditor', () => import('../shared/testing/fakeEditor'));

const project: ProjectDetail = {
  id: 'p1', title: 'Sentiment', description: '', createdAt: '2030-01-01T00:00:00Z', taskCount: 2, completedCount: 1, annotationCount: 2, workspace: null,
  labelConfig: '...', labelConfigVersion: 1, mediaProxy: false,
  controls: [{ name: 'sentiment', type: 'Choices', toName: ['text'], options: ['Positive', 'Negative'], choice: 'single', required: false }],
  objects: [{ name: 'text', type: 'Text', valueField: 'text' }],
};
const annotation = (id: string, author: string, groundTruth: boolean): Annotation => ({
  id, taskId: 't1', author: { id: author, displayName: author === 'u2' ? 'Bob' : 'Cid' },
  result: [{ from_name: 'sentiment', to_name: 'text', type: 'choices', value: { choices: ['Positive'] } }],
  leadTimeSeconds: 2, createdAt: '2030-01-01T00:00:00Z', updatedAt: '2030-01-01T00:00:00Z', groundTruth,
});
const task = (marks: [boolean, boolean]): TaskDetail => ({
  id: 't1', number: 1, projectId: 'p1', data: { text: 'Nice' }, annotationCount: 2, skipCount: 0, completed: true,
  createdAt: '2030-01-01T00:00:00Z', updatedAt: '2030-01-01T00:00:00Z', groundTruth: marks[0] || marks[1],
  annotations: [annotation('a1', 'u2', marks[0]), annotation('a2', 'u3', marks[1])],
});

function renderAs(role: OrganizationRole, element: React.ReactNode, path = '/projects/p1/tasks/t1') {
  const me: Me = { id: 'u1', email: 'a@b.c', displayName: 'Ann', role, organization: { id: 'o1', name: 'Org' } };
  renderWithQueries(
    <SessionContext.Provider value={{ me, reload: async () => me, signOut: async () => {} }}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="/projects/:id/tasks/:taskId" element={element} />
          <Route path="/projects/:id" element={element} />
        </Routes>
      </MemoryRouter>
    </SessionContext.Provider>,
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('ground truth on the task page', () => {
  it('lets a manager move the star to another annotation', async () => {
    const fetchMock = mockGraphql((op, vars) => {
      if (op === 'Project') return { project: { ...project, canReview: true } };
      if (op === 'Task') return { task: task([true, false]) };
      if (op === 'MyDraft') return { task: { id: vars.id, myDraft: null } };
      if (op === 'TaskComments') return { task: { id: vars.id, commentCount: 0, annotations: [] } };
      if (op === 'SetGroundTruth') {
        expect(vars.input).toEqual({ taskId: 't1', annotationId: 'a2', groundTruth: true });
        return { setGroundTruth: { task: task([false, true]), errors: [] } };
      }
      throw new Error(`unexpected ${op}`);
    });
    renderAs('MANAGER', <LabelingPage />);

    const toggles = await screen.findAllByTestId('ground-truth-toggle');
    expect(toggles.map((t) => t.getAttribute('aria-pressed'))).toEqual(['true', 'false']);
    fireEvent.click(toggles[1]);

    await waitFor(() => expect(screen.getAllByTestId('annotation-item').map((li) => li.getAttribute('data-ground-truth'))).toEqual(['false', 'true']));
    expect(fetchMock.mock.calls.filter(([, init]) => (init.body as string).includes('SetGroundTruth'))).toHaveLength(1);
  });

  it('unmarks the ground truth when its star is clicked, and shows the server\'s refusal', async () => {
    mockGraphql((op, vars) => {
      if (op === 'Project') return { project: { ...project, canReview: true } };
      if (op === 'Task') return { task: task([true, false]) };
      if (op === 'MyDraft') return { task: { id: vars.id, myDraft: null } };
      if (op === 'TaskComments') return { task: { id: vars.id, commentCount: 0, annotations: [] } };
      expect((vars.input as { groundTruth: boolean }).groundTruth).toBe(false);
      return { setGroundTruth: { task: null, errors: [{ code: 'NOT_FOUND', field: ['annotationId'], message: 'Annotation not found' }] } };
    });
    renderAs('OWNER', <LabelingPage />);
    fireEvent.click((await screen.findAllByTestId('ground-truth-toggle'))[0]);
    expect((await screen.findByTestId('labeling-errors')).textContent).toContain(ERROR_SENTENCES.NOT_FOUND);
  });

  it('shows annotators the mark (on their own annotation: blind labeling) but no toggle', async () => {
    const own = task([false, true]);
    own.annotations[1] = { ...own.annotations[1], author: { id: 'u1', displayName: 'Ann' } };
    mockGraphql((op) => (op === 'Project' ? { project } : { task: own }));
    renderAs('ANNOTATOR', <LabelingPage />);
    expect(await screen.findByTestId('ground-truth-mark')).toBeTruthy();
    expect(screen.queryByTestId('ground-truth-toggle')).toBeNull();
  });
});

describe('ground truth in the Data Manager', () => {
  const row = (id: string, number: number, groundTruth: boolean): TaskRow => ({
    id, number, projectId: 'p1', data: { text: id }, annotationCount: 1, skipCount: 0, completed: true,
    createdAt: '2030-01-01T00:00:00Z', updatedAt: '2030-01-01T00:00:00Z', groundTruth,
  });

  it('shows a star column that sorts the tasks with ground truth first', async () => {
    const orders: unknown[] = [];
    mockGraphql((_op, vars) => {
      orders.push(vars.orderBy);
      const rows = (vars.orderBy as { field: string }).field === 'GROUND_TRUTH' ? [row('t2', 2, true), row('t1', 1, false)] : [row('t1', 1, false), row('t2', 2, true)];
      return { project: { id: 'p1', tasks: { edges: rows.map((n) => ({ cursor: n.id, node: n })), pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 2 } } };
    });
    renderAs('MANAGER', <DataManager project={project} onChanged={() => {}} />, '/projects/p1');

    await waitFor(() => expect(screen.getAllByTestId('task-ground-truth')).toHaveLength(2));
    expect(screen.getAllByTestId('task-ground-truth').map((c) => c.getAttribute('data-ground-truth'))).toEqual(['false', 'true']);

    fireEvent.click(screen.getByTestId('sort-GROUND_TRUTH'));
    await waitFor(() => expect(screen.getAllByTestId('task-ground-truth').map((c) => c.getAttribute('data-ground-truth'))).toEqual(['true', 'false']));
    expect(orders.at(-1)).toEqual({ field: 'GROUND_TRUTH', direction: 'DESC' });
  });
});
