import { describe, expect, it, vi } from 'vitest';
import type { ImportJob } from '../shared/api/types';
import { importUploadUrl, isEnded, progressPercent, uploadImport, UploadError, usesJob } from './importJob';

const job = (over: Partial<ImportJob>): ImportJob => ({
  id: 'j', state: 'IMPORTING', mode: 'ALL_OR_NOTHING', readCount: 0, importedCount: 0, rejectedCount: 0, error: null, ...over,
});

describe('importJob', () => {
  it('sends files over 200 KB through a job', () => {
    expect(usesJob(200 * 1024)).toBe(false);
    expect(usesJob(200 * 1024 + 1)).toBe(true);
  });

  it('builds the upload URL with encoded parameters', () => {
    expect(importUploadUrl('p 1', 'CSV', 'SKIP_BAD', 'a&b.csv')).toBe('/api/projects/p%201/imports?format=CSV&mode=SKIP_BAD&fileName=a%26b.csv');
  });

  it('knows the percentage only once the total is known, and never says 100 before the end', () => {
    expect(progressPercent(job({ state: 'VALIDATING', readCount: 500 }), null)).toBeNull();
    expect(progressPercent(job({ importedCount: 250 }), null)).toBeNull();
    expect(progressPercent(job({ importedCount: 250 }), 1000)).toBe(25);
    expect(progressPercent(job({ importedCount: 1000 }), 1000)).toBe(99);
    expect(progressPercent(job({ state: 'COMPLETED', importedCount: 1000 }), null)).toBe(100);
    expect(progressPercent(job({ state: 'FAILED' }), 1000)).toBeNull();
    expect(isEnded(job({ state: 'FAILED' }))).toBe(true);
    expect(isEnded(job({ state: 'QUEUED' }))).toBe(false);
  });

  it('returns the job id of a 202 and turns a refusal into a typed error', async () => {
    const file = Object.assign(new Blob(['[]']), { name: 't.json' });
    const ok = vi.fn(async () => new Response(JSON.stringify({ id: 'j1', state: 'QUEUED' }), { status: 202 }));
    await expect(uploadImport('p1', file, 'JSON', 'ALL_OR_NOTHING', ok as unknown as typeof fetch)).resolves.toBe('j1');
    const refused = vi.fn(async () => new Response(JSON.stringify({ errors: [{ code: 'FILE_TOO_LARGE', message: 'too big' }] }), { status: 413 }));
    const error = await uploadImport('p1', file, 'JSON', 'ALL_OR_NOTHING', refused as unknown as typeof fetch).catch((e) => e);
    expect(error).toBeInstanceOf(UploadError);
    expect(error.status).toBe(413);
    expect(error.code).toBe('FILE_TOO_LARGE');
  });
});
