// Data Manager bulk actions (issue 11, ADR 0042): what a selection is as the server takes it, the one result item a
// bulk label applies, and following a bulk job to its end. Pure except runBulkJob and followBulkJob (they ask the
// server: the job's progress is pushed by the bulkTaskJob subscription, ADR 0048).
import { asOperation, request } from '../shared/api/query';
import type { Control, UserError } from '../shared/api/types';
import { subscribe } from '../shared/api/ws';
import type { BulkTaskJobFieldsFragment } from '../shared/gql/graphql';
import { BulkTaskJobQuery, BulkTaskJobSubscription } from './operations';
import type { TaskSelectionInput } from './types';

/** A bulk job as the generated fragment has it. */
export type BulkTaskJob = BulkTaskJobFieldsFragment;

export interface BulkTaskJobPayload {
  job: BulkTaskJob | null;
  errors: UserError[];
}

/** The control types a bulk label applies: one value that fits every task (no regions), as the server allows. */
export const BULK_LABEL_TYPES = ['choices', 'taxonomy', 'textarea', 'rating', 'number', 'datetime'];

export function bulkLabelControls(controls: Control[]): Control[] {
  return controls.filter((c) => BULK_LABEL_TYPES.includes(c.type.toLowerCase()));
}

/** Ticked rows, or "all that match" the current filter ({} without one). */
export function selectionInput(selection: { mode: 'some'; ids: Set<string> } | { mode: 'all' }, filter: object | null): TaskSelectionInput {
  return selection.mode === 'all' ? { filter: filter ?? {} } : { taskIds: [...selection.ids] };
}

/** The result item of a bulk label: the control's value as Label Studio stores it; null while there is no value. */
export function bulkResult(control: Control, value: string): Record<string, unknown> | null {
  const v = value.trim();
  if (!v) return null;
  const type = control.type.toLowerCase();
  const base = { from_name: control.name, to_name: control.toName[0] ?? '', type };
  switch (type) {
    case 'choices': return { ...base, value: { choices: [v] } };
    case 'taxonomy': return { ...base, value: { taxonomy: [v.split('/').map((s) => s.trim()).filter(Boolean)] } };
    case 'textarea': return { ...base, value: { text: [v] } };
    case 'rating': return Number.isFinite(Number(v)) ? { ...base, value: { rating: Number(v) } } : null;
    case 'number': return Number.isFinite(Number(v)) ? { ...base, value: { number: Number(v) } } : null;
    case 'datetime': return { ...base, value: { datetime: v } };
    default: return null;
  }
}

export function jobEnded(job: BulkTaskJob): boolean {
  return job.state === 'COMPLETED' || job.state === 'FAILED';
}

/** "Done: 10 of 10 tasks changed" and the like, for the progress line. */
export function jobSummary(job: BulkTaskJob): string {
  if (job.state === 'FAILED') return `Stopped: ${job.error ?? 'the bulk action failed'}`;
  if (job.state !== 'COMPLETED') return `${job.processedTasks} of ${job.totalTasks} tasks…`;
  const rest = job.totalTasks - job.changedTasks - job.refusedTasks;
  return `Done: ${job.changedTasks} of ${job.totalTasks} task${job.totalTasks === 1 ? '' : 's'} changed`
    + (rest > 0 ? `, ${rest} already so` : '') + (job.refusedTasks > 0 ? `, ${job.refusedTasks} refused` : '');
}

/** Follows a job until it ends: the job as it changes, and at the end the job as it ended. */
export type FollowJob = (id: string, onProgress: (job: BulkTaskJob) => void) => Promise<BulkTaskJob | null>;

/**
 * Follows a bulk job over the bulkTaskJob subscription (ADR 0048): the server pushes the job now and after every page
 * of tasks until it ends. Should the socket fail (e.g. a proxy without WebSockets), it asks for the job every
 * {@code pollMs} instead.
 */
export function followBulkJob(id: string, onProgress: (job: BulkTaskJob) => void, pollMs = 1000): Promise<BulkTaskJob | null> {
  return new Promise((resolve, reject) => {
    let settled = false;
    // handlers may run before subscribe() returns (a mock, a job already ended): stop on the next microtask
    const stop = subscribe(asOperation(BulkTaskJobSubscription), { id }, {
      next: ({ bulkTaskJob }) => {
        if (settled) return;
        onProgress(bulkTaskJob);
        if (jobEnded(bulkTaskJob)) {
          settled = true;
          queueMicrotask(() => stop());
          resolve(bulkTaskJob);
        }
      },
      error: () => {
        if (settled) return;
        settled = true;
        queueMicrotask(() => stop());
        pollBulkJob(id, onProgress, pollMs).then(resolve, reject);
      },
    });
  });
}

/** The fallback: asks for the job until it ends (null: the job is not (or no longer) visible). */
export async function pollBulkJob(id: string, onProgress: (job: BulkTaskJob) => void, pollMs: number): Promise<BulkTaskJob | null> {
  for (;;) {
    const job = (await request(BulkTaskJobQuery, { id })).bulkTaskJob;
    if (!job) return null;
    onProgress(job);
    if (jobEnded(job)) return job;
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

/** Starts a bulk job and follows it until it ends; the user errors of a refused start come back as they are. */
export async function runBulkJob(start: () => Promise<BulkTaskJobPayload>, onProgress: (job: BulkTaskJob) => void,
                                 follow: FollowJob = followBulkJob): Promise<{ job: BulkTaskJob | null; errors: UserError[] }> {
  const started = await start();
  if (started.errors.length > 0 || !started.job) return { job: null, errors: started.errors };
  onProgress(started.job);
  if (jobEnded(started.job)) return { job: started.job, errors: [] };
  const ended = await follow(started.job.id, onProgress);
  return { job: ended ?? started.job, errors: [] };
}
