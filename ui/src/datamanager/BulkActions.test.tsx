import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Control } from '../shared/api/types';
import { subscribe } from '../shared/api/ws';
import { renderWithQueries as render } from '../shared/testing/render';
import { BulkActions } from './BulkActions';

vi.mock('../shared/api/ws', () => ({ subscribe: vi.fn(() => () => {}) }));

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.mocked(subscribe).mockReset();
});

const controls: Control[] = [
  { name: 'sentiment', type: 'Choices', toName: ['text'], options: ['Positive', 'Negative'], choice: 'single', required: false },
  { name: 'ner', type: 'Labels', toName: ['text'], options: ['PER'], choice: null, required: false },
];

function server() {
  const calls: { op: string; variables: Record<string, unknown> }[] = [];
  vi.stubGlobal('fetch', vi.fn(async (_url: string, init: RequestInit) => {
    const { query, variables } = JSON.parse(init.body as string);
    const op = /(?:query|mutation)\s+(\w+)/.exec(query)![1];
    calls.push({ op, variables });
    const job = { id: 'j1', action: 'LABEL', state: 'COMPLETED', totalTasks: 2, processedTasks: 2, changedTasks: 2, refusedTasks: 0, error: null };
    const data = op === 'BulkLabelTasks' ? { bulkLabelTasks: { job, errors: [] } }
      : op === 'BulkTaskAction' ? { bulkTaskAction: { job: { ...job, action: 'DELETE' }, errors: [] } } : { bulkTaskJob: job };
    return new Response(JSON.stringify({ data }), { status: 200 });
  }));
  return calls;
}

describe('BulkActions', () => {
  it('offers reviewers the bulk label only, with controls whose one value fits every task', () => {
    server();
    render(<BulkActions projectId="p1" selection={{ mode: 'some', ids: new Set(['t1']) }} filter={null} controls={controls} people={[]}
                        canManage={false} canLabel onDone={() => {}} />);
    const options = [...(screen.getByTestId('bulk-action') as HTMLSelectElement).options].map((o) => o.value);
    expect(options).toEqual(['', 'LABEL']);
    fireEvent.change(screen.getByTestId('bulk-action'), { target: { value: 'LABEL' } });
    expect(screen.queryByTestId('bulk-control')).toBeNull(); // one labelable control: no choice to make
  });

  it('bulk labels the ticked tasks with the chosen value and reports the job', async () => {
    const calls = server();
    const done = vi.fn();
    render(<BulkActions projectId="p1" selection={{ mode: 'some', ids: new Set(['t1', 't2']) }} filter={null} controls={controls} people={[]}
                        canManage canLabel onDone={done} />);
    fireEvent.change(screen.getByTestId('bulk-action'), { target: { value: 'LABEL' } });
    expect((screen.getByTestId('bulk-apply') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByTestId('bulk-value'), { target: { value: 'Positive' } });
    fireEvent.click(screen.getByTestId('bulk-apply'));
    await waitFor(() => expect(done).toHaveBeenCalledWith('Done: 2 of 2 tasks changed'));
    expect(calls[0]).toMatchObject({ op: 'BulkLabelTasks', variables: { input: { projectId: 'p1', selection: { taskIds: ['t1', 't2'] },
      result: { from_name: 'sentiment', to_name: 'text', type: 'choices', value: { choices: ['Positive'] } } } } });
  });

  it('deletes all that match the filter', async () => {
    const calls = server();
    render(<BulkActions projectId="p1" selection={{ mode: 'all' }} filter={{ reviewState: 'PENDING' }} controls={controls} people={[]}
                        canManage canLabel={false} onDone={() => {}} />);
    fireEvent.change(screen.getByTestId('bulk-action'), { target: { value: 'DELETE' } });
    fireEvent.click(screen.getByTestId('bulk-apply'));
    await waitFor(() => expect(calls.some((c) => c.op === 'BulkTaskAction')).toBe(true));
    expect(calls[0].variables).toEqual({ input: { projectId: 'p1', selection: { filter: { reviewState: 'PENDING' } }, action: 'DELETE' } });
  });

  it('follows a running job over the subscription, not by asking again', async () => {
    const calls: string[] = [];
    vi.stubGlobal('fetch', vi.fn(async (_url: string, init: RequestInit) => {
      const { query } = JSON.parse(init.body as string);
      calls.push(/(?:query|mutation)\s+(\w+)/.exec(query)![1]);
      const job = { id: 'j2', action: 'DELETE', state: 'QUEUED', totalTasks: 400, processedTasks: 0, changedTasks: 0, refusedTasks: 0, error: null };
      return new Response(JSON.stringify({ data: { bulkTaskAction: { job, errors: [] } } }), { status: 200 });
    }));
    const pushes: ((data: unknown) => void)[] = [];
    vi.mocked(subscribe).mockImplementation((_op, _vars, handlers) => {
      pushes.push(handlers.next as (data: unknown) => void);
      return () => {};
    });
    const done = vi.fn();
    render(<BulkActions projectId="p1" selection={{ mode: 'all' }} filter={null} controls={controls} people={[]} canManage canLabel={false}
                        onDone={done} />);
    fireEvent.change(screen.getByTestId('bulk-action'), { target: { value: 'DELETE' } });
    fireEvent.click(screen.getByTestId('bulk-apply'));
    await waitFor(() => expect(pushes).toHaveLength(1));
    expect(vi.mocked(subscribe).mock.calls[0][1]).toEqual({ id: 'j2' });
    const running = { id: 'j2', action: 'DELETE', state: 'RUNNING', totalTasks: 400, processedTasks: 200, changedTasks: 200, refusedTasks: 0, error: null };
    pushes[0]({ bulkTaskJob: running });
    await waitFor(() => expect(screen.getByTestId('bulk-progress').textContent).toBe('200 of 400 tasks…'));
    pushes[0]({ bulkTaskJob: { ...running, state: 'COMPLETED', processedTasks: 400, changedTasks: 400 } });
    await waitFor(() => expect(done).toHaveBeenCalledWith('Done: 400 of 400 tasks changed'));
    expect(calls).toEqual(['BulkTaskAction']); // no polling
  });

  it('shows nothing to people who may do none of it', () => {
    server();
    render(<BulkActions projectId="p1" selection={{ mode: 'all' }} filter={null} controls={controls} people={[]} canManage={false} canLabel={false}
                        onDone={() => {}} />);
    expect(screen.queryByTestId('bulk-actions')).toBeNull();
  });
});
