// Threaded comments on the annotation open in the editor and on its selected region (ADR 0032, issue 10).
import { useEffect, useState } from 'react';
import { errorMessage } from '../shared/api/graphql';
import { request, useGraphQLQuery } from '../shared/api/query';
import type { OrganizationRole, UserError } from '../shared/api/types';
import { ErrorBox } from '../shared/components/Errors';
import { formatDateTime } from '../shared/lib/format';
import { CopyLink } from '../shared/links/CopyLink';
import { taskLink } from '../shared/links/deepLink';
import {
  AddCommentMutation, DeleteCommentMutation, ReopenCommentMutation, ResolveCommentMutation, TaskCommentsQuery,
  type Comment, type CommentPayload,
} from './operations';
import { buildThreads, commentText, countsByRegion, mayModerate, openThreads, threadsAbout, type Thread } from './threads';

export interface CommentsPanelProps {
  projectId: string;
  taskId: string;
  /** The annotation open in the editor (null: none yet, nothing to comment on). */
  annotationId: string | null;
  /** The region selected in the editor (null: none). */
  regionId: string | null;
  /** A comment to highlight (deep link). */
  focusCommentId?: string | null;
  onSelectRegion: (regionId: string | null) => void;
  me: { id: string; role: OrganizationRole } | null;
}

export function CommentsPanel({ projectId, taskId, annotationId, regionId, focusCommentId, onSelectRegion, me }: CommentsPanelProps) {
  const read = useGraphQLQuery(TaskCommentsQuery, { id: taskId }, { enabled: annotationId !== null });
  const comments: Comment[] | null = read.data ? (read.data.task?.annotations.find((a) => a.id === annotationId)?.comments ?? []) : null;
  const [text, setText] = useState('');
  const [onRegion, setOnRegion] = useState(true);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<UserError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const message = failure ?? (read.error ? errorMessage(read.error) : null);
  const setMessage = setFailure;

  useEffect(() => {
    setErrors([]);
    setFailure(null);
  }, [annotationId]);

  useEffect(() => setOnRegion(true), [regionId]);

  async function act(run: () => Promise<CommentPayload>) {
    setBusy(true);
    setErrors([]);
    setMessage(null);
    try {
      const payload = await run();
      if (payload.errors.length > 0) setErrors(payload.errors);
      else await read.refetch();
      return payload.errors.length === 0;
    } catch (e) {
      setMessage(errorMessage(e));
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function add(body: string, parent: Comment | null): Promise<boolean> {
    const checked = commentText(body);
    if (checked.error || !annotationId) {
      setErrors([{ code: 'VALIDATION', field: ['text'], message: checked.error ?? 'Nothing to comment on yet.' }]);
      return false;
    }
    const target = parent ? parent.regionId : onRegion ? regionId : null;
    return act(async () => (await request(AddCommentMutation, {
      input: { taskId, annotationId, text: checked.text!, regionId: target ?? null, parentId: parent?.id ?? null },
    })).addComment);
  }

  if (!annotationId) {
    return (
      <div className="card" data-testid="comments-panel">
        <h2>Comments</h2>
        <p className="muted small">Comments are about an annotation: submit yours or open one first.</p>
      </div>
    );
  }

  const threads = buildThreads(comments ?? []);
  const counts = countsByRegion(comments ?? []);
  const shown = regionId ? [...threadsAbout(threads, regionId), ...threads.filter((t) => t.root.regionId !== regionId)] : threads;

  return (
    <div className="card comments" data-testid="comments-panel" data-annotation-id={annotationId}>
      <h2>
        Comments <span className="badge" data-testid="comment-count">{comments ? (comments.filter((c) => !c.deleted).length) : '…'}</span>
        {comments && <span className="muted small"> · {openThreads(threads)} open</span>}
      </h2>
      {regionId && (
        <p className="small" data-testid="selected-region" data-region-id={regionId}>
          Region <code>{regionId}</code> selected · {counts[regionId] ?? 0} comment{counts[regionId] === 1 ? '' : 's'}{' '}
          <CopyLink path={taskLink(projectId, taskId, { annotation: annotationId, region: regionId })} label="Copy link to region" testId="copy-region-link" />
        </p>
      )}
      <form
        className="comment-form"
        onSubmit={(e) => {
          e.preventDefault();
          void add(text, null).then((ok) => ok && setText(''));
        }}
      >
        <textarea rows={2} value={text} maxLength={5100} disabled={busy} placeholder={regionId && onRegion ? 'Comment on the selected region' : 'Comment on this annotation'}
          onChange={(e) => setText(e.target.value)} data-testid="comment-input" />
        {regionId && (
          <label className="small">
            <input type="checkbox" checked={onRegion} onChange={(e) => setOnRegion(e.target.checked)} data-testid="comment-on-region" /> about the selected region
          </label>
        )}
        <button className="btn btn-small btn-primary" type="submit" disabled={busy} data-testid="comment-submit">Comment</button>
      </form>
      <ErrorBox errors={errors} message={message} testId="comment-errors" />
      {comments === null ? <p className="muted small">Loading…</p> : threads.length === 0 ? <p className="muted small" data-testid="no-comments">No comments yet.</p> : (
        <ul className="threads" data-testid="comment-threads">
          {shown.map((t) => (
            <ThreadView key={t.root.id} thread={t} me={me} busy={busy} focusCommentId={focusCommentId} selectedRegion={regionId}
              link={(c) => taskLink(projectId, taskId, { annotation: annotationId, region: c.regionId, comment: c.id })}
              onSelectRegion={onSelectRegion}
              onReply={(parent, body) => add(body, parent)}
              onResolve={(c) => void act(async () => c.resolved
                ? (await request(ReopenCommentMutation, { input: { taskId, commentId: c.id } })).reopenComment
                : (await request(ResolveCommentMutation, { input: { taskId, commentId: c.id } })).resolveComment)}
              onDelete={(c) => window.confirm('Delete this comment?') && void act(async () => (await request(DeleteCommentMutation, { input: { taskId, commentId: c.id } })).deleteComment)}
            />
          ))}
        </ul>
      )}
    </div>
  );
}

function ThreadView({ thread, me, busy, focusCommentId, selectedRegion, link, onSelectRegion, onReply, onResolve, onDelete }: {
  thread: Thread;
  me: CommentsPanelProps['me'];
  busy: boolean;
  focusCommentId?: string | null;
  selectedRegion: string | null;
  link: (c: Comment) => string;
  onSelectRegion: (regionId: string | null) => void;
  onReply: (parent: Comment, text: string) => Promise<boolean>;
  onResolve: (c: Comment) => void;
  onDelete: (c: Comment) => void;
}) {
  const [reply, setReply] = useState('');
  const [replying, setReplying] = useState(false);
  const { root } = thread;
  return (
    <li className={`thread ${root.resolved ? 'resolved' : ''} ${root.regionId && root.regionId === selectedRegion ? 'on-region' : ''}`}
      data-testid="comment-thread" data-region-id={root.regionId ?? ''} data-resolved={String(root.resolved)}>
      {root.regionId && (
        <button type="button" className="btn btn-small region-chip" onClick={() => onSelectRegion(root.regionId)} data-testid="comment-region">
          Region {root.regionId}
        </button>
      )}
      {[root, ...thread.replies].map((c) => (
        <div key={c.id} className={`comment ${c.id === focusCommentId ? 'focused' : ''} ${c === root ? '' : 'reply'}`}
          data-testid="comment-item" data-comment-id={c.id} data-focused={String(c.id === focusCommentId)}>
          <div className="small">
            <strong>{c.author.displayName}</strong> <span className="muted">{formatDateTime(c.createdAt)}</span>
            {c.resolved && <span className="badge ok"> resolved{c.resolvedBy ? ` by ${c.resolvedBy.displayName}` : ''}</span>}
          </div>
          <div className="comment-text" data-testid="comment-text">{c.deleted ? <em className="muted">deleted</em> : c.text}</div>
          <div className="actions small">
            {c === root && me && mayModerate(c, me.id, me.role) && (
              <button type="button" className="btn btn-small" disabled={busy} onClick={() => onResolve(c)} data-testid={c.resolved ? 'comment-reopen' : 'comment-resolve'}>
                {c.resolved ? 'Reopen' : 'Resolve'}
              </button>
            )}
            {me && mayModerate(c, me.id, me.role) && (
              <button type="button" className="btn btn-small btn-danger" disabled={busy} onClick={() => onDelete(c)} data-testid="comment-delete">Delete</button>
            )}
            <CopyLink path={link(c)} label="Link" testId="copy-comment-link" />
          </div>
        </div>
      ))}
      {replying ? (
        <form className="comment-form" onSubmit={(e) => {
          e.preventDefault();
          void onReply(root, reply).then((ok) => {
            if (ok) {
              setReply('');
              setReplying(false);
            }
          });
        }}>
          <textarea rows={2} value={reply} disabled={busy} onChange={(e) => setReply(e.target.value)} data-testid="reply-input" />
          <button className="btn btn-small btn-primary" type="submit" disabled={busy} data-testid="reply-submit">Reply</button>
        </form>
      ) : (
        <button type="button" className="btn btn-small" onClick={() => setReplying(true)} data-testid="comment-reply">Reply</button>
      )}
    </li>
  );
}
