import type { EditorHotkey } from '../protocol';
import { SHORTCUTS } from './shortcuts';

/** The keyboard help (`?`): our shortcuts, and Label Studio's hotkeys as the editor frame reported them. */
export function HelpPanel({ editorKeys, onClose }: { editorKeys: EditorHotkey[]; onClose: () => void }) {
  return (
    <div className="card help-panel" role="dialog" aria-label="Keyboard shortcuts" data-testid="help-panel">
      <div className="row">
        <h2>Keyboard shortcuts</h2>
        <button type="button" className="btn btn-small" onClick={onClose} data-testid="help-close">Close</button>
      </div>
      <h3>This page</h3>
      <table className="hotkeys" data-testid="our-shortcuts">
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.action}><td><kbd>{s.keys}</kbd></td><td>{s.description}</td></tr>
          ))}
        </tbody>
      </table>
      <h3>Editor (Label Studio)</h3>
      {editorKeys.length === 0 ? (
        <p className="muted small" data-testid="editor-hotkeys-none">The editor has not reported its hotkeys yet.</p>
      ) : (
        <table className="hotkeys" data-testid="editor-hotkeys">
          <tbody>
            {editorKeys.map((k) => (
              <tr key={k.key} data-testid="editor-hotkey"><td><kbd>{k.key}</kbd></td><td>{k.description}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
