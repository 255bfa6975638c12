import { afterEach, describe, expect, it, vi } from 'vitest';
import { skipTask } from './skip';

afterEach(() => vi.unstubAllGlobals());

function server(answers: unknown[]) {
  const sent: unknown[] = [];
  vi.stubGlobal('fetch', vi.fn(async (_url: string, init: RequestInit) => {
    sent.push((JSON.parse(init.body as string) as { variables: { input: unknown } }).variables.input);
    return new Response(JSON.stringify({ data: { skipTask: answers[sent.length - 1] } }), { status: 200 });
  }));
  return sent;
}

const refused = { task: null, errors: [{ code: 'VALIDATION', field: ['comment'], message: 'This project asks for a comment with every skip' }] };

describe('skipTask', () => {
  it('asks why when the project wants a comment, and skips with it', async () => {
    const sent = server([refused, { task: null, errors: [] }]);
    const r = await skipTask('t1', () => 'Not English');
    expect(r.skipTask.errors).toEqual([]);
    expect(sent).toEqual([{ taskId: 't1' }, { taskId: 't1', comment: 'Not English' }]);
  });

  it('skips at once when no comment is asked for', async () => {
    const sent = server([{ task: null, errors: [] }]);
    await skipTask('t1', () => { throw new Error('not asked'); });
    expect(sent).toEqual([{ taskId: 't1' }]);
  });

  it('keeps the refusal when the person cancels', async () => {
    server([refused]);
    expect((await skipTask('t1', () => null)).skipTask.errors).toEqual(refused.errors);
  });
});
