// Task media through the storage proxy (ADR 0019): GET /api/projects/{id}/media?url=… when the project allows it.
// Pure: decides which URL an <img>/<audio>/<video> gets.

/** The source to show for a task data value: proxied for http(s) URLs when the project allows it, else as is. */
export function mediaSrc(projectId: string, value: string, mediaProxy: boolean): string {
  if (!mediaProxy || !/^https?:\/\//i.test(value.trim())) return value;
  return `/api/projects/${encodeURIComponent(projectId)}/media?${new URLSearchParams({ url: value.trim() }).toString()}`;
}
