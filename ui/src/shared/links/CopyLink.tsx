import { useState } from 'react';
import { absoluteLink } from './deepLink';

/**
 * Copies an absolute link to the clipboard; the link also stays visible (selectable) in case the browser refuses
 * the clipboard (no permission, an insecure origin).
 */
export function CopyLink({ path, label, testId = 'copy-link' }: { path: string; label: string; testId?: string }) {
  const [shown, setShown] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  async function copy() {
    const link = absoluteLink(path);
    setShown(link);
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }
  return (
    <span className="copy-link">
      <button type="button" className="btn btn-small" onClick={() => void copy()} data-testid={testId}>{label}</button>
      {shown && (
        <>
          {' '}
          <input className="copied-link" readOnly value={shown} onFocus={(e) => e.target.select()} data-testid={`${testId}-value`} aria-label="Link" />
          {copied && <span className="muted small"> copied</span>}
        </>
      )}
    </span>
  );
}
