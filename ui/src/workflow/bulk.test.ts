import { describe, expect, it } from 'vitest';
import type { Control } from '../shared/api/types';
import { bulkLabelControls, bulkResult, jobSummary, selectionInput } from './bulk';

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
