import { useState } from 'react';
import type { DataManagerTab } from '../shared/api/types';

/**
 * Saved views of the project: the caller's own and the shared ones. The active tab can be saved with the current
 * view, renamed, duplicated, shared, moved and deleted; "Save as tab" keeps the current view under a new name.
 */
export function TabBar({ tabs, activeId, dirty, onOpen, onSaveAs, onSave, onRename, onDuplicate, onDelete, onShare, onMove }: {
  tabs: DataManagerTab[];
  activeId: string | null;
  /** The view differs from the active tab's saved one. */
  dirty: boolean;
  onOpen: (tab: DataManagerTab | null) => void;
  onSaveAs: (title: string) => void;
  onSave: () => void;
  onRename: (title: string) => void;
  onDuplicate: () => void;
  onDelete: () => void;
  onShare: (shared: boolean) => void;
  onMove: (by: -1 | 1) => void;
}) {
  const [naming, setNaming] = useState<'new' | 'rename' | null>(null);
  const [title, setTitle] = useState('');
  const active = tabs.find((t) => t.id === activeId) ?? null;

  function submit() {
    const t = title.trim();
    if (!t) return;
    if (naming === 'new') onSaveAs(t);
    else onRename(t);
    setNaming(null);
    setTitle('');
  }

  return (
    <div className="tab-bar" data-testid="tab-bar">
      <button type="button" className={`tab ${activeId === null ? 'active' : ''}`} onClick={() => onOpen(null)} data-testid="dm-tab-default">
        All tasks
      </button>
      {tabs.map((t) => (
        <button key={t.id} type="button" className={`tab ${t.id === activeId ? 'active' : ''}`} onClick={() => onOpen(t)}
                data-testid="dm-tab" data-tab-id={t.id} title={t.shared ? 'Shared with the project' : 'Private'}>
          {t.title}{t.shared ? ' 👥' : ''}{t.id === activeId && dirty ? ' •' : ''}
        </button>
      ))}
      {naming ? (
        <span className="tab-naming">
          <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={100} placeholder="Tab name" autoFocus
                 onKeyDown={(e) => { if (e.key === 'Enter') submit(); if (e.key === 'Escape') setNaming(null); }} data-testid="tab-title-input" />
          <button type="button" className="btn btn-small btn-primary" onClick={submit} data-testid="tab-title-confirm">OK</button>
          <button type="button" className="btn btn-small" onClick={() => setNaming(null)}>Cancel</button>
        </span>
      ) : (
        <span className="tab-actions">
          <button type="button" className="btn btn-small" onClick={() => { setTitle(''); setNaming('new'); }} data-testid="tab-save-as">Save as tab</button>
          {active && (
            <>
              {active.mine || dirty ? (
                <button type="button" className="btn btn-small" disabled={!dirty} onClick={onSave} data-testid="tab-save">Save</button>
              ) : null}
              <button type="button" className="btn btn-small" onClick={() => { setTitle(active.title); setNaming('rename'); }} data-testid="tab-rename">Rename</button>
              <button type="button" className="btn btn-small" onClick={onDuplicate} data-testid="tab-duplicate">Duplicate</button>
              {active.mine && (
                <button type="button" className="btn btn-small" onClick={() => onShare(!active.shared)} data-testid="tab-share">
                  {active.shared ? 'Make private' : 'Share'}
                </button>
              )}
              <button type="button" className="btn btn-small" onClick={() => onMove(-1)} aria-label="Move tab left" data-testid="tab-left">←</button>
              <button type="button" className="btn btn-small" onClick={() => onMove(1)} aria-label="Move tab right" data-testid="tab-right">→</button>
              <button type="button" className="btn btn-small btn-danger" onClick={onDelete} data-testid="tab-delete">Delete</button>
            </>
          )}
        </span>
      )}
    </div>
  );
}
