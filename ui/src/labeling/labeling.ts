// Reading Label Studio result JSON for people (the editor builds results: ADR 0031).
import type { JSONValue } from '../shared/api/types';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Short text for a result, e.g. "sentiment: Positive". */
export function summarizeResult(result: JSONValue | unknown): string {
  if (!Array.isArray(result)) return JSON.stringify(result);
  const parts: string[] = [];
  for (const item of result) {
    if (!isRecord(item)) continue;
    const name = typeof item.from_name === 'string' ? item.from_name : '?';
    const value = isRecord(item.value) ? item.value : {};
    const values = Object.values(value).flatMap((v) => (Array.isArray(v) ? v.map(String) : [String(v)]));
    parts.push(`${name}: ${values.join(', ')}`);
  }
  return parts.length ? parts.join('; ') : '(empty result)';
}
