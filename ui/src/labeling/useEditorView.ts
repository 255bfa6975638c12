import { useCallback, useState } from 'react';

/**
 * Which annotation the editor shows, and a version that makes it load the task anew: opening an annotation, or a
 * different config, gives the editor a fresh start (LSF keeps its own state otherwise).
 */
export function useEditorView() {
  const [viewing, setViewing] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const open = useCallback((id: string | null) => {
    setViewing(id);
    setVersion((v) => v + 1);
  }, []);
  return { viewing, version, open, reload };
}
