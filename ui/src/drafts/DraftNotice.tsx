import { formatDateTime } from '../shared/lib/format';

/** "Draft restored from <time>" above the editor, with Discard; and the autosave's state. */
export function DraftNotice({ restoredFrom, onDiscard, busy }: { restoredFrom: string | null; onDiscard: () => void; busy?: boolean }) {
  if (!restoredFrom) return null;
  return (
    <div className="card notice" data-testid="draft-restored">
      Draft restored from {formatDateTime(restoredFrom)}.{' '}
      <button type="button" className="btn btn-small" disabled={busy} onClick={onDiscard} data-testid="discard-draft">Discard</button>
    </div>
  );
}

export function AutosaveStatus({ savedAt, error }: { savedAt: Date | null; error: string | null }) {
  if (error) return <span className="muted small" role="status" data-testid="draft-status" data-state="error">Draft not saved: {error}</span>;
  if (!savedAt) return null;
  return (
    <span className="muted small" role="status" data-testid="draft-status" data-state="saved">
      Draft saved {formatDateTime(savedAt.toISOString())}
    </span>
  );
}
