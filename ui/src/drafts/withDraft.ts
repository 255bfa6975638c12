import type { Annotation, UserRef } from '../shared/api/types';
import type { Draft } from './operations';

/** The editor's id of a draft that is not (yet) an annotation. */
export const DRAFT_ANNOTATION_ID = 'draft';

/**
 * The annotations the editor is given when the caller has a draft: the draft takes the place of their annotation's
 * result (work on an update), or comes as a new annotation of theirs (work not submitted yet). `select` is what
 * the editor opens: the caller's annotation or the draft.
 */
export function withDraft(annotations: Annotation[], draft: Draft | null, mine: Annotation | undefined, me: UserRef): { annotations: Annotation[]; select: string | null } {
  if (!draft) return { annotations, select: mine?.id ?? null };
  if (mine) return { annotations: annotations.map((a) => (a.id === mine.id ? { ...a, result: draft.result } : a)), select: mine.id };
  const fromDraft: Annotation = {
    id: DRAFT_ANNOTATION_ID, taskId: draft.taskId, author: me, result: draft.result, leadTimeSeconds: draft.leadTimeSeconds,
    createdAt: draft.savedAt, updatedAt: draft.savedAt,
  };
  return { annotations: [...annotations, fromDraft], select: DRAFT_ANNOTATION_ID };
}
