// Large files are imported as background jobs: the file is sent as it is (the browser streams it, nothing is read
// into the page) to POST /api/projects/{id}/imports, which answers 202 with the job's id; progress comes from the
// importJob subscription.
import { csrfHeaders } from '../shared/api/graphql';
import type { ImportFormat, ImportJob, ImportMode } from '../shared/api/types';

/** Files above this size go through a background job instead of the importTasks mutation. */
export const JOB_THRESHOLD_BYTES = 200 * 1024;

export function usesJob(sizeBytes: number): boolean {
  return sizeBytes > JOB_THRESHOLD_BYTES;
}

export function importUploadUrl(projectId: string, format: ImportFormat, mode: ImportMode, fileName: string): string {
  const q = new URLSearchParams({ format, mode, fileName });
  return `/api/projects/${encodeURIComponent(projectId)}/imports?${q.toString()}`;
}

export class UploadError extends Error {
  constructor(readonly status: number, readonly code: string | null, message: string) {
    super(message);
  }
}

/** Uploads the file; returns the job id. A refusal (413 FILE_TOO_LARGE, 404, 403...) throws an UploadError. */
export async function uploadImport(
  projectId: string,
  file: Blob & { name: string },
  format: ImportFormat,
  mode: ImportMode,
  fetchImpl: typeof fetch = fetch,
): Promise<string> {
  const response = await fetchImpl(importUploadUrl(projectId, format, mode, file.name), {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/octet-stream', ...csrfHeaders() },
    body: file,
  });
  let body: { id?: string; errors?: { code: string; message: string }[] } = {};
  try {
    body = await response.json();
  } catch {
    body = {};
  }
  if (response.status !== 202 || !body.id) {
    const first = body.errors?.[0];
    throw new UploadError(response.status, first?.code ?? null, first ? `${first.code}: ${first.message}` : `The server answered ${response.status}`);
  }
  return body.id;
}

export function isEnded(job: Pick<ImportJob, 'state'>): boolean {
  return job.state === 'COMPLETED' || job.state === 'FAILED';
}

/**
 * Percent done for the progress bar, or null when it cannot be known yet. The import pass's total is the number
 * of records the validation pass read (ALL_OR_NOTHING); SKIP_BAD has a single pass of unknown length.
 */
export function progressPercent(job: ImportJob, recordsInFile: number | null): number | null {
  if (job.state === 'COMPLETED') return 100;
  if (job.state === 'FAILED' || job.state === 'QUEUED' || job.state === 'VALIDATING') return null;
  if (!recordsInFile) return null;
  return Math.min(99, Math.floor(((job.importedCount + job.rejectedCount) * 100) / recordsInFile));
}
