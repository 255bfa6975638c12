// Our own shortcuts on the labeling page (Label Studio's are the editor's, listed beside them in the help panel).
// Keys pressed while the editor frame has focus reach the page as the frame's 'key' messages (ADR 0031 protocol).

export type ShortcutAction = 'submit' | 'skip' | 'next' | 'help';

export interface KeyPress {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  shiftKey?: boolean;
  altKey?: boolean;
  /** The key went to a text field (typing a '?' there is text, not a request for help). */
  inTextField?: boolean;
}

export const SHORTCUTS: { action: ShortcutAction; keys: string; description: string }[] = [
  { action: 'submit', keys: 'Ctrl+Enter', description: 'Submit (or update) the annotation' },
  { action: 'skip', keys: 'Ctrl+Space', description: 'Skip the task' },
  { action: 'next', keys: 'Ctrl+→', description: 'Next task (leave this one as it is; a draft is kept)' },
  { action: 'help', keys: '?', description: 'Show or hide this help' },
];

export function shortcutFor(k: KeyPress): ShortcutAction | null {
  const mod = !!(k.ctrlKey || k.metaKey);
  if (mod && !k.altKey && k.key === 'Enter') return 'submit';
  if (mod && !k.altKey && (k.key === ' ' || k.key === 'Spacebar')) return 'skip';
  if (mod && !k.altKey && !k.shiftKey && k.key === 'ArrowRight') return 'next';
  if (!mod && !k.altKey && k.key === '?' && !k.inTextField) return 'help';
  return null;
}

export function isTextField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  return el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable === true;
}
