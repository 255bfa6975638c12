import type { JSONValue } from '../api/types';

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, Math.max(0, max - 1)) + '…';
}

/** "field: value" for the first fields of a task's data, truncated. */
export function dataPreview(data: JSONValue | unknown, maxFields = 2, maxChars = 90): string {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return truncate(JSON.stringify(data) ?? '', maxChars);
  const entries = Object.entries(data as Record<string, unknown>).slice(0, maxFields);
  const text = entries
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' · ');
  return truncate(text, maxChars);
}

/**
 * The app's one date format (issue 9: pages formatted dates each their own way): an instant in the browser's local
 * time as {@code 2026-12-07 10:29:41}, the same on every page and in every browser language, unambiguous and sortable.
 * Empty → "—"; unreadable → as given.
 */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return toDateTimeLocal(d).replace('T', ' ');
}

/** Value for <input type="datetime-local"> from a Date, in local time, to the second. */
export function toDateTimeLocal(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** ISO-8601 instant from an <input type="datetime-local"> value (local time); null if unreadable. */
export function fromDateTimeLocal(value: string): string | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** The errors for one input field; field paths may be ["title"] or ["input", "title"]. */
export function errorsFor<T extends { field: string[] | null }>(errors: T[], field: string): T[] {
  return errors.filter((e) => e.field != null && e.field.length > 0 && e.field[e.field.length - 1] === field);
}

/** The errors not tied to any of the given fields. */
export function otherErrors<T extends { field: string[] | null }>(errors: T[], fields: string[]): T[] {
  return errors.filter((e) => e.field == null || e.field.length === 0 || !fields.includes(e.field[e.field.length - 1]));
}
