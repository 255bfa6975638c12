import { useCallback, useEffect, useRef, useState } from 'react';
import type { JSONValue } from '../shared/api/types';
import { saveDraft } from './api';
import { DraftAutosave } from './autosave';

export const AUTOSAVE_INTERVAL_MS = 3000;

/**
 * Saves the editor's work on a task as the caller's draft every few seconds when it changed, and when the page is
 * hidden or left (visibilitychange, pagehide, leaving the task in the app). Disabled while nothing is editable.
 */
export function useDraftAutosave({ taskId, enabled, collect, leadTimeSeconds, intervalMs = AUTOSAVE_INTERVAL_MS }: {
  taskId: string | null;
  enabled: boolean;
  collect: () => Promise<JSONValue[] | null>;
  leadTimeSeconds: () => number;
  intervalMs?: number;
}) {
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef({ collect, leadTimeSeconds });
  latest.current = { collect, leadTimeSeconds };
  const current = useRef<DraftAutosave<JSONValue[]> | null>(null);

  useEffect(() => {
    setSavedAt(null);
    setError(null);
    if (!taskId || !enabled) return;
    const autosave = new DraftAutosave<JSONValue[]>({
      collect: () => latest.current.collect(),
      save: (work, keepalive) => saveDraft(taskId, work, latest.current.leadTimeSeconds(), keepalive),
      onSaved: (at) => {
        setSavedAt(at);
        setError(null);
      },
      onError: setError,
    });
    current.current = autosave;
    const timer = setInterval(() => void autosave.tick(), intervalMs);
    const onHidden = () => {
      if (document.visibilityState === 'hidden') autosave.flush();
    };
    const onPageHide = () => autosave.flush();
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('pagehide', onPageHide);
      autosave.flush();
      autosave.stop();
      if (current.current === autosave) current.current = null;
    };
  }, [taskId, enabled, intervalMs]);

  /** The editor (re)loaded the task: its content is the baseline. */
  const onEditorLoaded = useCallback(() => void current.current?.rebase(), []);
  const autosave = useCallback(() => current.current, []);
  return { savedAt, error, onEditorLoaded, autosave };
}
