// The reviewer's decision on the annotation open in the editor (issue 10, ADR 0032): Accept, Reject (a comment
// required, so the author learns why) or Fix and accept (the editor becomes editable; the corrected result is sent
// with FIX_AND_ACCEPT and becomes a new version by the reviewer, the original staying in the history).
import { useState } from 'react';
import { errorMessage } from '../shared/api/graphql';
import { request } from '../shared/api/query';
import type { Annotation, JSONValue, UserError } from '../shared/api/types';
import { ErrorBox } from '../shared/components/Errors';
import { mergeResult, splitResult } from '../labeling/bridge';
import { MAX_REVIEW_COMMENT, reviewComment } from './review';
import { ReviewInEditorMutation, type EditorReviewDecision } from './operations';

export interface EditorReviewProps {
  taskId: string;
  annotation: Annotation;
  /** Controls the editor is given (items of other controls are kept as they are on a fix). */
  editorControls: string[];
  fixing: boolean;
  onFixing: (fixing: boolean) => void;
  /** The editor's current result (LSF's serialization). */
  serialize: () => Promise<unknown[] | null>;
  /** Seconds spent fixing, for the new version's lead time. */
  leadTimeSeconds: () => number;
  onReviewed: () => void;
}

/** A reject needs a reason; accept and fix may have one. */
export function reviewProblem(decision: EditorReviewDecision, text: string): string | null {
  const checked = reviewComment(text);
  if (checked.error) return checked.error;
  if (decision === 'REJECTED' && !checked.comment) return 'Say why you reject it: a comment is required.';
  return null;
}

export function EditorReview({ taskId, annotation, editorControls, fixing, onFixing, serialize, leadTimeSeconds, onReviewed }: EditorReviewProps) {
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<UserError[]>([]);
  const [message, setMessage] = useState<string | null>(null);

  async function decide(decision: EditorReviewDecision) {
    const problem = reviewProblem(decision, comment);
    if (problem) {
      setErrors([{ code: 'VALIDATION', field: ['comment'], message: problem }]);
      return;
    }
    setBusy(true);
    setErrors([]);
    setMessage(null);
    try {
      let result: JSONValue | null = null;
      if (decision === 'FIX_AND_ACCEPT') {
        const fromEditor = await serialize();
        // items of controls the editor was not given stay as the author left them
        result = mergeResult(fromEditor, [], splitResult(annotation.result, editorControls).aside) as unknown as JSONValue;
      }
      const r = await request(ReviewInEditorMutation, {
        input: {
          taskId, annotationId: annotation.id, decision, comment: reviewComment(comment).comment, result,
          leadTimeSeconds: decision === 'FIX_AND_ACCEPT' ? leadTimeSeconds() : null,
        },
      });
      if (r.reviewAnnotation.errors.length > 0) setErrors(r.reviewAnnotation.errors);
      else {
        setComment('');
        onReviewed();
      }
    } catch (e) {
      setMessage(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="card editor-review" data-testid="editor-review" data-fixing={String(fixing)}>
      <p className="small">
        {fixing
          ? `Fixing the annotation of ${annotation.author.displayName}: your correction becomes a new version by you, and it is accepted. The original stays in the history.`
          : `Reviewing the annotation of ${annotation.author.displayName} (read-only).`}
      </p>
      <textarea rows={2} maxLength={MAX_REVIEW_COMMENT + 100} placeholder="Comment (required to reject)" value={comment} disabled={busy}
        onChange={(e) => setComment(e.target.value)} data-testid="editor-review-comment" />
      <div className="actions">
        {fixing ? (
          <>
            <button className="btn btn-primary" disabled={busy} onClick={() => void decide('FIX_AND_ACCEPT')} data-testid="editor-fix-accept">Accept with my fix</button>
            <button className="btn" disabled={busy} onClick={() => onFixing(false)} data-testid="editor-fix-cancel">Cancel the fix</button>
          </>
        ) : (
          <>
            <button className="btn btn-primary" disabled={busy} onClick={() => void decide('ACCEPTED')} data-testid="editor-accept">Accept</button>
            <button className="btn btn-danger" disabled={busy} onClick={() => void decide('REJECTED')} data-testid="editor-reject">Reject</button>
            <button className="btn" disabled={busy} onClick={() => onFixing(true)} data-testid="editor-fix">Fix and accept…</button>
          </>
        )}
      </div>
      <ErrorBox errors={errors} message={message} testId="editor-review-errors" />
    </div>
  );
}
