import { describe, expect, it } from 'vitest';
import { DraftAutosave } from './autosave';

function harness(initial: unknown[] | null) {
  let work: unknown[] | null = initial;
  const saves: { work: unknown[]; keepalive: boolean }[] = [];
  const errors: string[] = [];
  let refuse = false;
  const autosave = new DraftAutosave<unknown[]>({
    collect: async () => work,
    save: async (w, keepalive) => {
      if (refuse) throw new Error('refused');
      saves.push({ work: w, keepalive });
    },
    onError: (m) => errors.push(m),
  });
  return {
    autosave, saves, errors,
    set: (w: unknown[] | null) => { work = w; },
    refuse: (r: boolean) => { refuse = r; },
  };
}

describe('DraftAutosave', () => {
  it('given the editor loaded a task, when nothing changes, then nothing is saved', async () => {
    const h = harness([{ id: 'a' }]);
    await h.autosave.rebase();
    await h.autosave.tick();
    await h.autosave.tick();
    expect(h.saves).toEqual([]);
  });

  it('given a change, when ticking twice, then it is saved once', async () => {
    const h = harness([]);
    await h.autosave.rebase();
    h.set([{ id: 'box' }]);
    await h.autosave.tick();
    await h.autosave.tick();
    expect(h.saves).toEqual([{ work: [{ id: 'box' }], keepalive: false }]);
  });

  it('given a change not yet saved, when the page leaves, then flush sends it with keepalive', async () => {
    const h = harness([]);
    await h.autosave.rebase();
    h.refuse(true);
    h.set([{ id: 'box' }]);
    await h.autosave.tick();
    expect(h.errors).toEqual(['refused']);
    h.refuse(false);
    h.autosave.flush();
    await Promise.resolve();
    expect(h.saves).toEqual([{ work: [{ id: 'box' }], keepalive: true }]);
  });

  it('given a save of the same content, when flushing, then nothing more is sent', async () => {
    const h = harness([]);
    await h.autosave.rebase();
    h.set([{ id: 'x' }]);
    await h.autosave.tick();
    h.autosave.flush();
    expect(h.saves).toHaveLength(1);
  });

  it('given a pause (submit under way), then ticks save nothing until resumed; after stop nothing is ever saved', async () => {
    const h = harness([]);
    await h.autosave.rebase();
    await h.autosave.pause();
    h.set([{ id: 'x' }]);
    await h.autosave.tick();
    h.autosave.flush();
    expect(h.saves).toEqual([]);
    h.autosave.resume();
    await h.autosave.tick();
    expect(h.saves).toHaveLength(1);
    h.set([{ id: 'y' }]);
    h.autosave.stop();
    await h.autosave.tick();
    h.autosave.flush();
    expect(h.saves).toHaveLength(1);
  });

  it('given the editor reloads, then its new content is the baseline', async () => {
    const h = harness([{ id: 'a' }]);
    await h.autosave.rebase();
    h.set([{ id: 'b' }]);
    await h.autosave.rebase();
    await h.autosave.tick();
    expect(h.saves).toEqual([]);
  });

  it('saveNow stores the given work even when unchanged since the baseline', async () => {
    const h = harness([{ id: 'a' }]);
    await h.autosave.rebase();
    await h.autosave.saveNow([{ id: 'a' }]);
    expect(h.saves).toEqual([{ work: [{ id: 'a' }], keepalive: false }]);
  });

  it('given an update stored while paused, when restarted, then the editor\'s content is the new baseline', async () => {
    const h = harness([]);
    await h.autosave.rebase();
    await h.autosave.pause();
    h.set([{ id: 'stored' }]);
    h.autosave.restart();
    await h.autosave.tick();
    expect(h.saves).toEqual([]);
    h.set([{ id: 'stored' }, { id: 'more' }]);
    await h.autosave.tick();
    expect(h.saves).toHaveLength(1);
  });
});
