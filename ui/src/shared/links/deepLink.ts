// Deep links to a task, an annotation of it, a region (Label Studio result item id) or a comment:
// /projects/:projectId/tasks/:taskId?annotation=…&region=…&comment=… (issue 10). Opening one selects what it names,
// when the reader may see it; the server decides what they see.

export interface DeepLinkTarget {
  annotation?: string | null;
  region?: string | null;
  comment?: string | null;
}

export function taskLink(projectId: string, taskId: string, target: DeepLinkTarget = {}): string {
  const params = new URLSearchParams();
  if (target.annotation) params.set('annotation', target.annotation);
  if (target.annotation && target.region) params.set('region', target.region);
  if (target.annotation && target.comment) params.set('comment', target.comment);
  const query = params.toString();
  return `/projects/${encodeURIComponent(projectId)}/tasks/${encodeURIComponent(taskId)}${query ? `?${query}` : ''}`;
}

/** What a link's query names (ids are opaque to us: only their length is bounded). */
export function readDeepLink(search: string): Required<DeepLinkTarget> {
  const params = new URLSearchParams(search);
  const id = (name: string) => {
    const v = params.get(name);
    return v && v.length <= 200 ? v : null;
  };
  const annotation = id('annotation');
  return { annotation, region: annotation ? id('region') : null, comment: annotation ? id('comment') : null };
}

export function absoluteLink(path: string, origin: string = window.location.origin): string {
  return origin + path;
}
