import { csrfHeaders } from '../shared/api/graphql';
import { request } from '../shared/api/query';
import type { JSONValue, UserError } from '../shared/api/types';
import { userErrorText } from '../shared/lib/errors';
import { SaveDraftMutation } from './operations';

export class DraftRefused extends Error {
  constructor(readonly errors: UserError[]) {
    super(errors.map(userErrorText).join(' '));
    this.name = 'DraftRefused';
  }
}

/**
 * Saves the caller's draft. keepalive: the page is being left, so the request is sent with fetch's keepalive and
 * outlives it (GraphQL over POST allows it; the browser caps such bodies at 64 KiB, beyond which the last periodic
 * save stands).
 */
export async function saveDraft(taskId: string, result: JSONValue, leadTimeSeconds: number | null, keepalive: boolean): Promise<void> {
  const variables = { input: { taskId, result, leadTimeSeconds } };
  if (keepalive) {
    await fetch('/graphql', {
      method: 'POST',
      keepalive: true,
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', ...csrfHeaders() },
      body: JSON.stringify({ query: SaveDraftMutation.toString(), variables }),
    });
    return;
  }
  const r = await request(SaveDraftMutation, variables);
  if (r.saveDraft.errors.length > 0) throw new DraftRefused(r.saveDraft.errors);
}
