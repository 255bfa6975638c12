// Background exports (createExport): the server writes a snapshot to a file and the list shows its progress.
// Pure helpers for the export control.
import type { ExportJob } from '../shared/api/types';

export function exportJobEnded(job: Pick<ExportJob, 'state'>): boolean {
  return job.state === 'COMPLETED' || job.state === 'FAILED';
}

/** Percent of the snapshot's tasks read so far, or null while queued / failed. */
export function exportJobPercent(job: Pick<ExportJob, 'state' | 'processedTasks' | 'totalTasks'>): number | null {
  if (job.state === 'COMPLETED') return 100;
  if (job.state !== 'RUNNING') return null;
  if (job.totalTasks <= 0) return 0;
  return Math.min(99, Math.floor((job.processedTasks * 100) / job.totalTasks));
}

/**
 * The value of a datetime-local input (the user's local time, no zone) as an ISO instant, or null when empty or
 * not a date. The browser's time zone is the user's.
 */
export function localInputToInstant(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
