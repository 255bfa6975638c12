import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Control } from '../shared/api/types';
import { subscribe } from '../shared/api/ws';
import { bulkLabelControls, bulkResult, followBulkJob, jobSummary, selectionInput } from './bulk';

vi.mock('../shared/api/ws', () => ({ subscribe: vi.fn(() => () => {}) }));

afterEach(() => {
  vi.unstubAllGlobals();
  vi.mocked(subscribe).mockReset();
});

const control = (type: string, name = 'c'): Control => ({ name, type, toName: ['text'], options: [], choice: null, required: false });

describe('bulk actions', () => {
  it('offers only controls whose one value fits every task', () => {
    expect(bulkLabelControls([control('Choices', 'a'), control('Labels', 'b'), control('TextArea', 'c'), control('Rating', 'd')])
      .map((c) => c.name)).toEqual(['a', 'c', 'd']);
  });

  it('writes the value as Label Studio stores it', () => {
    expect(bulkResult(control('Choices'), 'Positive')).toEqual({ from_name: 'c', to_name: 'text', type: 'choices', value: { choices: ['Positive'] } });
    expect(bulkResult(control('Taxonomy'), 'Animal / Cat')).toMatchObject({ value: { taxonomy: [['Animal', 'Cat']] } });
    expect(bulkResult(control('TextArea'), 'fine')).toMatchObject({ value: { text: ['fine'] } });
    expect(bulkResult(control('Rating'), '4')).toMatchObject({ value: { rating: 4 } });
    expect(bulkResult(control('Number'), 'x')).toBeNull();
    expect(bulkResult(control('Choices'), '  ')).toBeNull();
  });

  it('sends ticked ids, or the filter for all that match', () => {
    expect(selectionInput({ mode: 'some', ids: new Set(['t1', 't2']) }, { conjunction: 'AND' })).toEqual({ taskIds: ['t1', 't2'] });
    expect(selectionInput({ mode: 'all' }, null)).toEqual({ filter: {} });
  });

  it('says how a job went', () => {
    const job = { id: 'j', action: 'LABEL' as const, state: 'COMPLETED' as const, totalTasks: 10, processedTasks: 10, changedTasks: 8, refusedTasks: 1, error: null };
    expect(jobSummary(job)).toBe('Done: 8 of 10 tasks changed, 1 already so, 1 refused');
    expect(jobSummary({ ...job, state: 'RUNNING', processedTasks: 3 })).toBe('3 of 10 tasks…');
  });
});

describe('following a bulk job', () => {
  const job = { id: 'j', action: 'ASSIGN' as const, state: 'RUNNING' as const, totalTasks: 3, processedTasks: 1, changedTasks: 1, refusedTasks: 0, error: null };

  it('takes what the subscription pushes until the job ends', async () => {
    let push: ((data: unknown) => void) | undefined;
    const stop = vi.fn();
    vi.mocked(subscribe).mockImplementation((_op, vars, handlers) => {
      expect(vars).toEqual({ id: 'j' });
      push = handlers.next as (data: unknown) => void;
      return stop;
    });
    const seen: number[] = [];
    const ended = followBulkJob('j', (j) => seen.push(j.processedTasks));
    push!({ bulkTaskJob: job });
    push!({ bulkTaskJob: { ...job, state: 'COMPLETED', processedTasks: 3, changedTasks: 3 } });
    expect(await ended).toMatchObject({ state: 'COMPLETED', processedTasks: 3 });
    expect(seen).toEqual([1, 3]);
    await Promise.resolve();
    expect(stop).toHaveBeenCalled();
  });

  it('asks for the job instead when the socket fails', async () => {
    vi.mocked(subscribe).mockImplementation((_op, _vars, handlers) => {
      handlers.error?.('socket closed');
      return () => {};
    });
    const answers = [job, { ...job, state: 'COMPLETED', processedTasks: 3 }];
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ data: { bulkTaskJob: answers.shift() } }), { status: 200 })));
    const ended = await followBulkJob('j', () => {}, 1);
    expect(ended).toMatchObject({ state: 'COMPLETED' });
    expect(answers).toHaveLength(0);
  });
});
