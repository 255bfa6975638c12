import type { TaskEvent } from './operations';

const NAMES: Record<string, string> = {
  TaskImported: 'Imported',
  AnnotationSubmitted: 'Annotation submitted',
  AnnotationImported: 'Annotation imported',
  AnnotationUpdated: 'Annotation updated',
  AnnotationDeleted: 'Annotation deleted',
  AnnotationReviewed: 'Annotation reviewed',
  GroundTruthChanged: 'Ground truth changed',
  TaskSkipped: 'Skipped',
  DraftSaved: 'Draft saved',
  DraftDiscarded: 'Draft discarded',
  CommentAdded: 'Comment added',
  CommentResolved: 'Comment resolved',
  CommentReopened: 'Comment reopened',
  CommentDeleted: 'Comment deleted',
};

/** A person's words for an event name; unknown names are split at their capitals. */
export function describeEvent(type: string): string {
  return NAMES[type] ?? type.replace(/([a-z])([A-Z])/g, '$1 $2');
}

/**
 * The instant to ask taskAsOf for to see the task right after an event: a millisecond after its time, since the
 * event store keeps finer instants than the API's DateTime shows (an "as of" includes the events up to it).
 */
export function asOfAfter(event: Pick<TaskEvent, 'occurredAt'>): string {
  return new Date(Date.parse(event.occurredAt) + 1).toISOString();
}

/** The event shown for an instant: the last one at or before it (-1: before the first). */
export function eventIndexAt(events: Pick<TaskEvent, 'occurredAt'>[], instant: string): number {
  const t = Date.parse(instant);
  let at = -1;
  events.forEach((e, i) => {
    if (Date.parse(e.occurredAt) <= t) at = i;
  });
  return at;
}
