// Threads from the flat comment list the server answers (oldest first, a reply names its parent; ADR 0032).
import type { OrganizationRole } from '../shared/api/types';
import type { Comment } from './operations';

export interface Thread {
  root: Comment;
  /** Every reply in the thread, however deep, oldest first. */
  replies: Comment[];
}

export const MAX_COMMENT = 5000;

/** Groups comments into threads under their first comment; a reply whose parent is unknown starts its own thread. */
export function buildThreads(comments: Comment[]): Thread[] {
  const byId = new Map(comments.map((c) => [c.id, c]));
  const rootOf = (c: Comment): Comment => {
    let at = c;
    const seen = new Set<string>();
    while (at.parentId && byId.has(at.parentId) && !seen.has(at.id)) {
      seen.add(at.id);
      at = byId.get(at.parentId)!;
    }
    return at;
  };
  const threads = new Map<string, Thread>();
  for (const c of comments) {
    const root = rootOf(c);
    if (root.id === c.id) threads.set(c.id, threads.get(c.id) ?? { root: c, replies: [] });
  }
  for (const c of comments) {
    const root = rootOf(c);
    if (root.id !== c.id) threads.get(root.id)!.replies.push(c);
  }
  return [...threads.values()];
}

/** The region a comment is about: its thread's (a reply may not name it itself); null for the whole annotation. */
export function regionOfComment(comments: Comment[], commentId: string): string | null {
  const thread = buildThreads(comments).find((t) => t.root.id === commentId || t.replies.some((r) => r.id === commentId));
  if (!thread) return null;
  const own = thread.root.id === commentId ? thread.root : thread.replies.find((r) => r.id === commentId)!;
  return own.regionId ?? thread.root.regionId ?? null;
}

/** Threads about one region (regionId), or about the annotation as a whole (null), or all of them (undefined). */
export function threadsAbout(threads: Thread[], regionId: string | null | undefined): Thread[] {
  return regionId === undefined ? threads : threads.filter((t) => (t.root.regionId ?? null) === regionId);
}

/** Live (not deleted) comments per region id ('' for the annotation as a whole), replies in their thread's region. */
export function countsByRegion(comments: Comment[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of buildThreads(comments)) {
    const key = t.root.regionId ?? '';
    const live = [t.root, ...t.replies].filter((c) => !c.deleted).length;
    if (live > 0) out[key] = (out[key] ?? 0) + live;
  }
  return out;
}

/** Threads whose first comment is neither resolved nor deleted. */
export function openThreads(threads: Thread[]): number {
  return threads.filter((t) => !t.root.resolved && !t.root.deleted).length;
}

const MODERATORS: OrganizationRole[] = ['MANAGER', 'ADMIN', 'OWNER'];

/** Resolve, reopen and delete: the comment's author, or a Manager and above (the server decides; ADR 0032). */
export function mayModerate(comment: Pick<Comment, 'author' | 'deleted'>, meId: string | undefined, role: OrganizationRole | undefined): boolean {
  if (comment.deleted || !meId) return false;
  return comment.author.id === meId || (role !== undefined && MODERATORS.includes(role));
}

/** The text as sent, or why it cannot be. */
export function commentText(text: string): { text: string | null; error: string | null } {
  const trimmed = text.trim();
  if (!trimmed) return { text: null, error: 'Write a comment first.' };
  if (trimmed.length > MAX_COMMENT) return { text: null, error: `A comment has at most ${MAX_COMMENT} characters.` };
  return { text: trimmed, error: null };
}
