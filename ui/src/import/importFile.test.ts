import { describe, expect, it } from 'vitest';
import { EDITOR_LIMIT_BYTES, formatBytes, readImportFile, shouldShowInEditor } from './importFile';

function fakeFile(name: string, text: string) {
  return { name, size: new TextEncoder().encode(text).length, text: async () => text };
}

describe('readImportFile', () => {
  it('shows a small file in the editor', async () => {
    const f = await readImportFile(fakeFile('small.json', '[{"data":{"text":"a"}}]'));
    expect(f.showInEditor).toBe(true);
    expect(f.text).toBe('[{"data":{"text":"a"}}]');
  });

  it('keeps a 10,000-task file out of the editor but still returns its full text', async () => {
    const tasks = Array.from({ length: 10_000 }, (_, i) => ({ data: { text: `task number ${i} with some words in it` } }));
    const text = JSON.stringify(tasks);
    const f = await readImportFile(fakeFile('big.json', text));
    expect(f.size).toBeGreaterThan(EDITOR_LIMIT_BYTES);
    expect(f.showInEditor).toBe(false);
    expect(f.text.length).toBe(text.length);
  });

  it('uses the limit as inclusive', () => {
    expect(shouldShowInEditor(10, 10)).toBe(true);
    expect(shouldShowInEditor(11, 10)).toBe(false);
  });

  it('formats sizes', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2.0 KB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB');
  });
});
