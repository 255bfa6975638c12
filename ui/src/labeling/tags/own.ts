// Which of the tags removed from Label Studio's config (bridge.prepareConfig) we render ourselves (ADR 0035), and
// the result items they share. Pure: Vitest runs it without a browser.
import type { OwnControl, ResultItem } from '../bridge';

/** Objects we show: a PDF (PDF.js), the newer Ranker's List, a Video with a VideoRectangle. */
export const OWN_OBJECTS = new Set(['Pdf', 'List', 'Video']);
/** Classifications we render for our objects (Label Studio's document-level controls for a Pdf, List or Video). */
export const CLASSIC_CONTROLS = new Set(['Choices', 'Rating', 'TextArea', 'Number']);
/** Label controls whose labels go on our video boxes (Label Studio merges them into the box's value.labels). */
export const BOX_LABEL_CONTROLS = new Set(['Labels', 'RectangleLabels']);

export interface OwnPlan {
  objects: OwnControl[];
  rankers: OwnControl[];
  videoRectangles: OwnControl[];
  boxLabels: OwnControl[];
  classics: OwnControl[];
  /** Removed controls nobody renders (their stored items are kept on update); DateTime is the page's own. */
  unsupported: OwnControl[];
  /** Names of the controls whose items we produce. */
  controlNames: Set<string>;
}

function targets(c: OwnControl): string[] {
  return c.toName.split(',').map((t) => t.trim()).filter(Boolean);
}

export function planOwnTags(removed: OwnControl[]): OwnPlan {
  const objects = removed.filter((c) => OWN_OBJECTS.has(c.tag) && !c.toName);
  const kinds = new Map(objects.map((o) => [o.name, o.tag]));
  const on = (c: OwnControl, ...tags: string[]) => targets(c).length > 0 && targets(c).every((t) => tags.includes(kinds.get(t) ?? ''));
  const plan: OwnPlan = { objects, rankers: [], videoRectangles: [], boxLabels: [], classics: [], unsupported: [], controlNames: new Set() };
  for (const c of removed) {
    if (objects.includes(c) || c.tag === 'DateTime') continue;
    if (c.tag === 'Ranker' && on(c, 'List')) plan.rankers.push(c);
    else if (c.tag === 'VideoRectangle' && on(c, 'Video')) plan.videoRectangles.push(c);
    else if (BOX_LABEL_CONTROLS.has(c.tag) && on(c, 'Video')) plan.boxLabels.push(c);
    else if (CLASSIC_CONTROLS.has(c.tag) && on(c, 'Pdf', 'List', 'Video')) plan.classics.push(c);
    else {
      plan.unsupported.push(c);
      continue;
    }
    // box labels live inside the VideoRectangle's items: they produce none of their own
    if (!BOX_LABEL_CONTROLS.has(c.tag)) plan.controlNames.add(c.name);
  }
  return plan;
}

export function firstTarget(c: OwnControl): string {
  return targets(c)[0] ?? '';
}

/** A result item id in Label Studio's style (10 characters). */
export function newItemId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-';
  const bytes = new Uint8Array(10);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => alphabet[b % 64]).join('');
}

/**
 * An item with a new value: a stored item keeps every other key (id, origin, Label Studio's extras) so that an
 * unedited item goes back exactly as it came.
 */
export function withValue(item: ResultItem | undefined, control: OwnControl, type: string, value: Record<string, unknown>, extra: Record<string, unknown> = {}): ResultItem {
  if (item) return { ...item, value };
  return { id: newItemId(), from_name: control.name, to_name: firstTarget(control), type, value, origin: 'manual', ...extra };
}
