import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { renderWithQueries as render } from '../shared/testing/render';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { decodeView, encodeView, type DataManagerView } from './view';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProjectDetail, TaskRow } from '../shared/api/types';
import { mockGraphql } from '../shared/testing/graphqlMock';
import { DataManager, shownLabel, taskFilter } from './DataManager';

vi.mock('../shared/api/ws', () => ({ subscribe: () => () => {} }));

const project = (canReview: boolean): ProjectDetail => ({
  id: 'p1', title: 'Sentiment', description: '', createdAt: '2030-01-01T00:00:00Z', taskCount: 3, completedCount: 2, annotationCount: 2, workspace: null,
  labelConfig: '...', labelConfigVersion: 1, mediaProxy: false, canReview, controls: [], objects: [],
});
const row = (id: string, number: number, reviewState: TaskRow['reviewState']): TaskRow => ({
  id, number, projectId: 'p1', data: { text: id }, annotationCount: reviewState === 'NONE' ? 0 : 1, skipCount: 0,
  completed: reviewState !== 'NONE', reviewState, createdAt: '2030-01-01T00:00:00Z', updatedAt: '2030-01-01T00:00:00Z',
});
const rows = [row('t1', 1, 'ACCEPTED'), row('t2', 2, 'REJECTED'), row('t3', 3, 'NONE')];

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function tasksAnswer(list: TaskRow[]) {
  return { project: { id: 'p1', tasks: { edges: list.map((n) => ({ cursor: n.id, node: n })), pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 3 } } };
}

/** The Data Manager's other queries: no tabs, fields or members; a match count. */
function other(op: string) {
  if (op === 'MatchingTasks') return { project: { id: 'p1', matchingTasks: { count: 1, exact: true } } };
  if (op === 'DataManagerTabs') return { dataManagerTabs: [] };
  if (op === 'ProjectMembers') return { projectMembers: [] };
  return { project: { id: 'p1', dataFields: [] } };
}

describe('DataManager review column and filter', () => {
  it('shows each row\'s review state and filters by it on the server', async () => {
    const filters: unknown[] = [];
    mockGraphql((op, vars) => {
      if (op !== 'ProjectTasks') return other(op);
      filters.push(vars.filter ?? null);
      const state = (vars.filter as { reviewState?: string } | undefined)?.reviewState;
      return tasksAnswer(state ? rows.filter((r) => r.reviewState === state) : rows);
    });
    render(<MemoryRouter><DataManager project={project(false)} onChanged={() => {}} /></MemoryRouter>);

    await waitFor(() => expect(screen.getAllByTestId('task-row')).toHaveLength(3));
    const states = screen.getAllByTestId('task-review').map((cell) => cell.querySelector('[data-review-state]')?.getAttribute('data-review-state') ?? '');
    expect(states).toEqual(['ACCEPTED', 'REJECTED', '']);
    expect(screen.queryByTestId('review-button')).toBeNull();

    fireEvent.change(screen.getByTestId('review-filter'), { target: { value: 'REJECTED' } });
    await waitFor(() => expect(screen.getAllByTestId('task-row')).toHaveLength(1));
    expect(screen.getByTestId('task-row').dataset.taskId).toBe('t2');
    expect(filters).toEqual([null, { reviewState: 'REJECTED' }]);
  });

  it('offers the review queue to people who may review', async () => {
    mockGraphql(() => tasksAnswer(rows));
    render(<MemoryRouter><DataManager project={project(true)} onChanged={() => {}} /></MemoryRouter>);
    expect(await screen.findByTestId('review-button')).toBeTruthy();
  });

  it('filters by ground truth on the server, together with the review state', async () => {
    const filters: unknown[] = [];
    const marked = { ...rows[0], groundTruth: true };
    mockGraphql((op, vars) => {
      if (op !== 'ProjectTasks') return other(op);
      filters.push(vars.filter ?? null);
      const gt = (vars.filter as { groundTruth?: boolean } | undefined)?.groundTruth;
      return tasksAnswer(gt === true ? [marked] : gt === false ? rows.slice(1) : [marked, ...rows.slice(1)]);
    });
    render(<MemoryRouter><DataManager project={project(false)} onChanged={() => {}} /></MemoryRouter>);
    await waitFor(() => expect(screen.getAllByTestId('task-row')).toHaveLength(3));

    fireEvent.change(screen.getByTestId('ground-truth-filter'), { target: { value: 'yes' } });
    await waitFor(() => expect(screen.getAllByTestId('task-row')).toHaveLength(1));
    fireEvent.change(screen.getByTestId('ground-truth-filter'), { target: { value: 'no' } });
    await waitFor(() => expect(screen.getAllByTestId('task-row')).toHaveLength(2));
    expect(filters).toEqual([null, { groundTruth: true }, { groundTruth: false }]);
  });

  it('builds the filter only from what is chosen', () => {
    expect(taskFilter('', '')).toBeUndefined();
    expect(taskFilter('PENDING', '')).toEqual({ reviewState: 'PENDING' });
    expect(taskFilter('', 'no')).toEqual({ groundTruth: false });
    expect(taskFilter('ACCEPTED', 'yes')).toEqual({ reviewState: 'ACCEPTED', groundTruth: true });
  });

  it('counts the project\'s tasks without a filter and only what is shown with one', () => {
    expect(shownLabel(50, 340, true, false)).toBe('50 of 340 tasks shown');
    expect(shownLabel(50, 340, true, true)).toBe('50+ matching tasks shown');
    expect(shownLabel(1, 340, false, true)).toBe('1 matching task shown');
    expect(shownLabel(0, null, false, true)).toBe('');
  });
});

describe('DataManager filters, URL, count and selection (issue 12)', () => {
  function Location() {
    const l = useLocation();
    return <span data-testid="location">{l.search}</span>;
  }

  it('applies a filter built with two conditions, keeps it in the URL and counts the matches apart', async () => {
    const asked: { op: string; vars: Record<string, unknown> }[] = [];
    mockGraphql((op, vars) => {
      asked.push({ op, vars });
      if (op === 'MatchingTasks') return { project: { id: 'p1', matchingTasks: { count: 1200, exact: false } } };
      if (op === 'DataFields') return { project: { id: 'p1', dataFields: [{ path: ['meta', 'source'], kinds: ['string'] }] } };
      if (op === 'ProjectTasks') {
        const filtered = (vars.filter as { conditions?: unknown[] } | undefined)?.conditions;
        return { project: { id: 'p1', tasks: { edges: (filtered ? rows.slice(0, 2) : rows).map((n) => ({ cursor: n.id, node: n })),
          pageInfo: { hasNextPage: !!filtered, endCursor: 'c' }, totalCount: 3 } } };
      }
      return other(op);
    });
    render(<MemoryRouter><DataManager project={project(false)} onChanged={() => {}} /><Location /></MemoryRouter>);
    await waitFor(() => expect(screen.getAllByTestId('task-row')).toHaveLength(3));

    fireEvent.click(screen.getByTestId('filters-button'));
    fireEvent.click(screen.getByTestId('filter-add'));
    fireEvent.change(screen.getByTestId('filter-column-0'), { target: { value: 'data:meta.source' } });
    fireEvent.change(screen.getByTestId('filter-value-0'), { target: { value: 'web' } });
    fireEvent.click(screen.getByTestId('filter-add'));
    fireEvent.change(screen.getByTestId('filter-column-1'), { target: { value: 'annotations' } });
    fireEvent.change(screen.getByTestId('filter-operator-1'), { target: { value: 'GREATER' } });
    fireEvent.change(screen.getByTestId('filter-value-1'), { target: { value: '0' } });
    fireEvent.change(screen.getByTestId('filter-conjunction'), { target: { value: 'OR' } });
    fireEvent.click(screen.getByTestId('filter-apply'));

    await waitFor(() => expect(screen.getAllByTestId('task-row')).toHaveLength(2));
    const expected = { conjunction: 'OR', conditions: [
      { column: 'DATA', path: ['meta', 'source'], operator: 'EQUAL', value: 'web' },
      { column: 'ANNOTATIONS', operator: 'GREATER', value: 0 }] };
    expect(asked.filter((a) => a.op === 'ProjectTasks').at(-1)!.vars.filter).toEqual(expected);
    expect(await screen.findByText('about 1200 tasks match')).toBeTruthy();
    expect(asked.filter((a) => a.op === 'MatchingTasks').map((a) => a.vars.filter)).toEqual([expected]);
    const search = new URLSearchParams(screen.getByTestId('location').textContent ?? '');
    expect(decodeView(search.get('view'))?.filter).toEqual(expected);

    // select the rows shown, then every match
    fireEvent.click(screen.getByTestId('select-page'));
    expect(screen.getByTestId('selection-count').textContent).toBe('2 tasks selected');
    fireEvent.click(screen.getByTestId('select-all-matching'));
    expect(screen.getByTestId('selection-count').textContent).toBe('All about 1200 matching tasks selected');
  });

  it('opens the view a link carries', async () => {
    const view = { filter: { conditions: [{ column: 'LABELS', path: ['sentiment'], operator: 'CONTAINS', value: 'Positive' }] },
      orderBy: { field: 'PREDICTION_SCORE', direction: 'DESC' }, columns: [{ key: 'number' }, { key: 'predictionScore' }] } as const;
    const asked: Record<string, unknown>[] = [];
    mockGraphql((op, vars) => {
      if (op !== 'ProjectTasks') return other(op);
      asked.push(vars);
      return tasksAnswer([{ ...rows[0], predictionScore: 0.87 }]);
    });
    render(<MemoryRouter initialEntries={[`/?view=${encodeView(view as unknown as DataManagerView)}`]}>
      <DataManager project={project(false)} onChanged={() => {}} /></MemoryRouter>);
    await waitFor(() => expect(screen.getAllByTestId('task-row')).toHaveLength(1));
    expect(asked[0].filter).toEqual({ conjunction: 'AND', conditions: view.filter.conditions });
    expect(asked[0].orderBy).toEqual(view.orderBy);
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent?.trim())).toEqual(['', '#', 'Prediction score ▼']);
    expect(screen.getByTestId('task-row').textContent).toContain('0.87');
  });
});

describe('DataManager saved tabs', () => {
  it('opens a saved tab, marks it changed after a new sort and saves the view under a new name', async () => {
    const tabView = { filter: { reviewState: 'REJECTED' }, orderBy: { direction: 'ASC', field: 'NUMBER' } };
    const saved: unknown[] = [];
    const asked: Record<string, unknown>[] = [];
    mockGraphql((op, vars) => {
      if (op === 'DataManagerTabs') {
        return { dataManagerTabs: [{ id: 'tab1', projectId: 'p1', title: 'Rejected', shared: true, ownerId: 'u2', mine: false, position: 0,
          view: tabView, updatedAt: '2030-01-01T00:00:00Z' }] };
      }
      if (op === 'SaveDataManagerTab') {
        saved.push(vars.input);
        return { saveDataManagerTab: { tab: { id: 'tab2', projectId: 'p1', title: 'Mine', shared: false, ownerId: 'u1', mine: true, position: 1,
          view: (vars.input as { view: unknown }).view, updatedAt: '2030-01-01T00:00:00Z' }, errors: [] } };
      }
      if (op !== 'ProjectTasks') return other(op);
      asked.push(vars);
      return tasksAnswer(rows);
    });
    render(<MemoryRouter><DataManager project={project(false)} onChanged={() => {}} /><Location /></MemoryRouter>);
    fireEvent.click(await screen.findByTestId('dm-tab'));
    await waitFor(() => expect(asked.at(-1)!.filter).toEqual({ reviewState: 'REJECTED' }));
    expect(new URLSearchParams(screen.getByTestId('location').textContent ?? '').get('tab')).toBe('tab1');
    // the same view as saved (keys in another order): not changed; another sort: changed
    expect(screen.getByTestId('dm-tab').textContent).not.toContain('•');
    fireEvent.click(screen.getByTestId('sort-ANNOTATIONS'));
    await waitFor(() => expect(screen.getByTestId('dm-tab').textContent).toContain('•'));

    fireEvent.click(screen.getByTestId('tab-save-as'));
    fireEvent.change(screen.getByTestId('tab-title-input'), { target: { value: 'Mine' } });
    fireEvent.click(screen.getByTestId('tab-title-confirm'));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toEqual({ projectId: 'p1', title: 'Mine', view: { filter: { reviewState: 'REJECTED' }, orderBy: { field: 'ANNOTATIONS', direction: 'DESC' } } });
  });

  function Location() {
    const l = useLocation();
    return <span data-testid="location">{l.search}</span>;
  }
});

describe('DataManager quick view from the grid', () => {
  it('opens a card beside the grid without leaving the page', async () => {
    mockGraphql((op) => {
      if (op === 'ProjectTasks') return tasksAnswer(rows);
      if (op === 'Task') return { task: null };
      return other(op);
    });
    render(<MemoryRouter initialEntries={['/projects/p1?layout=grid']}><DataManager project={project(false)} onChanged={() => {}} /><Path /></MemoryRouter>);
    await waitFor(() => expect(screen.getAllByTestId('task-card')).toHaveLength(3));
    expect(screen.queryByTestId('quick-view')).toBeNull();

    fireEvent.click(screen.getAllByTestId('quick-view-button')[1]);
    await waitFor(() => expect(screen.getByTestId('quick-view').dataset.taskId).toBe('t2'));
    expect(screen.getAllByTestId('task-card')[1].className).toContain('quick-viewed');
    expect(screen.getByTestId('path').textContent).toBe('/projects/p1'); // the card's own click (open the task) did not happen
    fireEvent.click(screen.getByTestId('quick-view-next'));
    await waitFor(() => expect(screen.getByTestId('quick-view').dataset.taskId).toBe('t3'));
  });

  function Path() {
    return <span data-testid="path">{useLocation().pathname}</span>;
  }
});
