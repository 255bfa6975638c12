import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProjectDetail, TaskRow } from '../api/types';
import { mockGraphql } from '../testing/graphqlMock';
import { DataManager, shownLabel, taskFilter } from './DataManager';

vi.mock('../api/ws', () => ({ subscribe: () => () => {} }));

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

describe('DataManager review column and filter', () => {
  it('shows each row\'s review state and filters by it on the server', async () => {
    const filters: unknown[] = [];
    mockGraphql((_op, vars) => {
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
    mockGraphql((_op, vars) => {
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
