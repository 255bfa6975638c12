// The bridge between LabelLedger and Label Studio's editor ("LSF" 1.4.0, ADR 0031). Pure: no DOM access beyond
// parsing, so it runs in Vitest without a browser.
//
// Ours → LSF: the labeling config without the tags LSF 1.4.0 does not know, the task data with HyperText
// sanitized and media URLs checked, our annotations and predictions in LSF's task shape.
// LSF → ours: the result LSF serializes, exactly as Label Studio's own frontend sends it to its backend, plus the
// results of our own controls (DateTime) and the items of an annotation that the editor was not shown.
import DOMPurify from 'dompurify';
import type { Annotation, JSONValue, ObjectTag, Prediction } from '../shared/api/types';

/** A Label Studio result item (region or classification); LSF's fields are kept as they are. */
export type ResultItem = { from_name: string; to_name: string; type: string; value: Record<string, unknown>; id?: string } & Record<string, unknown>;

/** A relation between two regions, as LSF serializes it: {from_id, to_id, type: "relation", direction, labels?}. */
export type RelationItem = { type: 'relation'; from_id: string; to_id: string } & Record<string, unknown>;

/** Control tags LSF 1.4.0 cannot load ("No model registered for tag", or fails to render): given to it without them. */
// Markdown and MagicWand: accepted by our config parser, not registered in LSF 1.4.0's bundle (a config with either
// failed to load there as a whole); removed from its config and listed as not labelable, their stored items kept
export const TAGS_LSF_LACKS = ['DateTime', 'VideoRectangle', 'Pdf', 'List', 'Markdown', 'MagicWand'] as const;

/**
 * Every tag LSF 1.4.0's bundle registers (its `Registry.addTag` calls, read in build/static/js/main.js), lower case as
 * LSF matches them. Any other tag in a config (a newer or Enterprise tag: TimelineLabels, Chat, OcrLabels, Repeater…)
 * makes LSF refuse the whole config ("No model registered for tag"), so it is removed like the tags above and listed as
 * not labelable; what is left still labels (ADR 0041).
 */
export const LSF_REGISTERED_TAGS: ReadonlySet<string> = new Set([
  'audio', 'audioplus', 'brush', 'brushlabels', 'channel', 'choice', 'choices', 'collapse', 'dialog', 'ellipse', 'ellipselabels',
  'filter', 'header', 'hypertext', 'hypertextlabels', 'image', 'keypoint', 'keypointlabels', 'label', 'labels', 'list', 'number',
  'pairwise', 'panel', 'paragraphlabels', 'paragraphs', 'polygon', 'polygonlabels', 'ranker', 'rating', 'rectangle',
  'rectanglelabels', 'relation', 'relations', 'shortcut', 'style', 'table', 'taxonomy', 'text', 'textarea', 'timeseries',
  'timeserieslabels', 'video', 'view',
]);

/** Tags we handle ourselves that LSF does not register (a Ranker's Bucket goes with its Ranker). */
const OURS_UNREGISTERED = new Set<string>([...TAGS_LSF_LACKS, 'Bucket']);

/** A control of the config that LSF is not given; we render it ourselves (DateTime) or say it is not labelable yet. */
export interface OwnControl {
  tag: string;
  name: string;
  toName: string;
  attributes: Record<string, string>;
  /** Its Choice, Label and Bucket descendants (our own controls render them), in config order. */
  options?: { tag: string; attributes: Record<string, string> }[];
}

const OPTION_TAGS = new Set(['Choice', 'Label', 'Bucket']);

export interface PreparedConfig {
  /** The config for LSF. */
  config: string;
  /** Removed controls and objects, in config order. */
  removed: OwnControl[];
  /** Names of the controls LSF is given (their results come from it). */
  editorControls: string[];
}

const CONTROL_TAGS = new Set([
  'Choices', 'Labels', 'RectangleLabels', 'PolygonLabels', 'KeyPointLabels', 'EllipseLabels', 'BrushLabels', 'HyperTextLabels',
  'ParagraphLabels', 'TimeSeriesLabels', 'Rectangle', 'Polygon', 'KeyPoint', 'Ellipse', 'Brush', 'TextArea', 'Rating', 'Number',
  'DateTime', 'Taxonomy', 'Relations', 'Ranker', 'Pairwise', 'VideoRectangle', 'MagicWand',
]);

function attributesOf(el: Element): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of Array.from(el.attributes)) out[a.name] = a.value;
  return out;
}

/**
 * The config for LSF: tags it lacks are removed (a DateTime, VideoRectangle, a Pdf object, the newer Ranker's
 * {@code <List>} object), and so is every control whose target was removed (a Ranker on a List, Choices on a Pdf).
 * A Video with a VideoRectangle is removed too: our own player shows it with its boxes (one player, not two), so
 * its other controls (the Labels of the boxes, Choices on the video) become ours as well (ADR 0035).
 */
export function prepareConfig(xml: string): PreparedConfig {
  // Nothing to parse while the project loads. Not only cheaper: Chromium's XML parser answers a malformed document (an
  // empty one too) with a <parsererror> element carrying an inline style attribute, and the document DOMParser makes
  // inherits the page's Content-Security-Policy, so each such parse was reported as a style-src violation (measured in
  // the browser e2e; ADR 0041). A stored config is always well-formed: the server refuses any other.
  if (xml.trim() === '') return { config: xml, removed: [], editorControls: [] };
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  if (doc.getElementsByTagName('parsererror').length > 0) return { config: xml, removed: [], editorControls: [] };
  const removed: OwnControl[] = [];
  const all = Array.from(doc.getElementsByTagName('*'));
  const removedObjects = new Set<string>();
  // tags nobody knows (neither LSF 1.4.0 nor we): removed; an unknown object takes its controls with it
  const unknown = new Set(all.filter((el) => !LSF_REGISTERED_TAGS.has(el.tagName.toLowerCase()) && !OURS_UNREGISTERED.has(el.tagName)));
  for (const el of all) {
    if ((TAGS_LSF_LACKS as readonly string[]).includes(el.tagName) && !CONTROL_TAGS.has(el.tagName)) {
      removedObjects.add(el.getAttribute('name') ?? '');
    }
    if (unknown.has(el) && el.hasAttribute('name') && !el.hasAttribute('toName')) removedObjects.add(el.getAttribute('name')!);
    if (el.tagName === 'VideoRectangle') {
      for (const t of (el.getAttribute('toName') ?? '').split(',')) if (t.trim()) removedObjects.add(t.trim());
    }
  }
  // LSF 1.4.0's older <Audio> does not load (a wavesurfer error, no waveform; ADR 0031): its <AudioPlus> reads the
  // same value and writes the same results, so the editor gets that instead
  let renamed = false;
  for (const el of all) {
    if (el.tagName !== 'Audio') continue;
    const plus = doc.createElement('AudioPlus');
    for (const a of Array.from(el.attributes)) plus.setAttribute(a.name, a.value);
    while (el.firstChild) plus.appendChild(el.firstChild);
    el.parentNode?.replaceChild(plus, el);
    renamed = true;
  }
  // LSF 1.4.0 renders HyperText into nested srcdoc frames sandboxed "allow-same-origin allow-scripts"; inside our
  // sandbox (no allow-same-origin) they get an opaque origin of their own, so LSF cannot read their document, never
  // marks the text loaded and keeps a spinner over it (measured; ADR 0035). Inline, LSF renders the (sanitized) HTML
  // in the editor's own document: the same frame sandbox and CSP as Text, and the same XPath results.
  for (const el of all) {
    if (el.tagName !== 'HyperText' || el.hasAttribute('inline')) continue;
    el.setAttribute('inline', 'true');
    renamed = true;
  }
  const editorControls: string[] = [];
  for (const el of all) {
    // inside a tag removed already (the children of an unknown tag, a Ranker's Buckets): gone with it
    if (!doc.documentElement.contains(el)) continue;
    const lacks = (TAGS_LSF_LACKS as readonly string[]).includes(el.tagName) || unknown.has(el)
      || (el.tagName === 'Video' && removedObjects.has(el.getAttribute('name') ?? ''));
    const targets = (el.getAttribute('toName') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    const orphan = CONTROL_TAGS.has(el.tagName) && targets.length > 0 && targets.every((t) => removedObjects.has(t));
    if (lacks || orphan) {
      const options = Array.from(el.getElementsByTagName('*')).filter((o) => OPTION_TAGS.has(o.tagName)).map((o) => ({ tag: o.tagName, attributes: attributesOf(o) }));
      removed.push({ tag: el.tagName, name: el.getAttribute('name') ?? '', toName: el.getAttribute('toName') ?? '', attributes: attributesOf(el), options });
      el.parentNode?.removeChild(el);
    } else if (CONTROL_TAGS.has(el.tagName) && el.getAttribute('name')) {
      editorControls.push(el.getAttribute('name')!);
    }
  }
  if (removed.length === 0 && !renamed) return { config: xml, removed, editorControls };
  return { config: new XMLSerializer().serializeToString(doc), removed, editorControls };
}

// ---- task data -----------------------------------------------------------------------------------------------

const MEDIA_TAGS = new Set(['image', 'audio', 'audioplus', 'video']);

/** What the page does with one media value before the editor sees it. */
export type MediaSource =
  | { kind: 'as-is'; url: string } // a data:image/audio/video URL, or an http(s) URL the project does not proxy
  | { kind: 'fetch'; url: string } // same-origin (storage proxy or our own path): fetched with the session, passed as a Blob
  | { kind: 'refused'; value: string }; // javascript:, data:text/html and anything else

/** The media URL rule (ADR 0031, "never javascript: or data:text/html"). */
export function mediaSource(value: string, proxied: (url: string) => string): MediaSource {
  const v = value.trim();
  if (/^data:(image|audio|video)\/[a-z0-9.+-]+(;[a-z0-9=.+-]+)*,/i.test(v) && !/^data:image\/svg/i.test(v)) return { kind: 'as-is', url: v };
  if (/^https?:\/\//i.test(v)) {
    const p = proxied(v);
    return p === v ? { kind: 'as-is', url: v } : { kind: 'fetch', url: p };
  }
  if (/^\/(?!\/)/.test(v)) return { kind: 'fetch', url: v };
  return { kind: 'refused', value: v };
}

/** HTML for LSF with scripts, event handlers, javascript: URLs and the like removed (DOMPurify's HTML profile). */
export function sanitizeHtml(html: string): string {
  // where DOMPurify cannot work it returns its input: show the HTML as text instead
  if (!DOMPurify.isSupported) return html.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return DOMPurify.sanitize(html, { USE_PROFILES: { html: true }, FORBID_TAGS: ['style', 'form', 'iframe', 'object', 'embed', 'base', 'meta', 'link'] });
}

export interface PreparedData {
  data: Record<string, JSONValue>;
  /** Fields to fetch with the user's session and pass to the editor as Blobs. */
  fetch: Record<string, string>;
  /** Fields whose media URL was refused. */
  refused: string[];
}

/**
 * The task data LSF is given: HyperText values sanitized (Text and Paragraphs LSF renders as text), media values
 * by {@link mediaSource}. The stored data is not changed.
 */
export function prepareData(data: JSONValue, objects: ObjectTag[], proxied: (url: string) => string): PreparedData {
  const src = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, JSONValue>) : {};
  const out: Record<string, JSONValue> = { ...src };
  const fetch: Record<string, string> = {};
  const refused: string[] = [];
  for (const o of objects) {
    const field = o.valueField;
    if (!field || !(field in src)) continue;
    const value = src[field];
    const type = o.type.toLowerCase();
    if (type === 'hypertext' && typeof value === 'string') {
      out[field] = sanitizeHtml(value);
    } else if (MEDIA_TAGS.has(type) && typeof value === 'string') {
      const m = mediaSource(value, proxied);
      if (m.kind === 'as-is') out[field] = m.url;
      else if (m.kind === 'fetch') fetch[field] = m.url;
      else {
        out[field] = '';
        refused.push(field);
      }
    }
  }
  return { data: out, fetch, refused };
}

// ---- annotations and predictions -----------------------------------------------------------------------------

export function isResultItem(v: unknown): v is ResultItem {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const r = v as Record<string, unknown>;
  return typeof r.from_name === 'string' && typeof r.to_name === 'string' && typeof r.type === 'string'
    && typeof r.value === 'object' && r.value !== null;
}

export function isRelationItem(v: unknown): v is RelationItem {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const r = v as Record<string, unknown>;
  return r.type === 'relation' && typeof r.from_id === 'string' && typeof r.to_id === 'string';
}

/** Result items and relations (a relation has no from_name: it must not be dropped as malformed). */
function items(result: JSONValue | unknown): ResultItem[] {
  return Array.isArray(result) ? (result.filter((v) => isResultItem(v) || isRelationItem(v)) as ResultItem[]) : [];
}

/**
 * A stored result split into what the editor is shown (results of its controls, and relations) and what is kept
 * aside (results of controls it is not given), so that an update keeps every item it could not show.
 */
export function splitResult(result: JSONValue | unknown, editorControls: string[]): { editor: ResultItem[]; aside: ResultItem[] } {
  const editor: ResultItem[] = [];
  const aside: ResultItem[] = [];
  for (const item of items(result)) {
    if (item.type === 'relation' || editorControls.includes(item.from_name)) editor.push(item);
    else aside.push(item);
  }
  return { editor, aside };
}

export interface LsfAnnotation {
  id: string;
  pk: string;
  result: ResultItem[];
  createdBy: string;
  createdAgo?: string;
  created_at: string;
}

export interface LsfPrediction {
  id: string;
  pk: string;
  result: ResultItem[];
  score: number | null;
  model_version: string | null;
  createdBy: string;
}

export function toLsfAnnotation(a: Annotation, editorControls: string[]): LsfAnnotation {
  return { id: a.id, pk: a.id, result: splitResult(a.result, editorControls).editor, createdBy: a.author.displayName, created_at: a.createdAt };
}

/** Predictions as LSF pre-annotations, with their model version and score. */
export function toLsfPredictions(predictions: Prediction[], editorControls: string[]): LsfPrediction[] {
  return predictions.map((p, i) => ({
    id: `prediction-${i + 1}`,
    pk: `prediction-${i + 1}`,
    result: splitResult(p.result, editorControls).editor,
    score: p.score ?? null,
    model_version: p.modelVersion ?? null,
    createdBy: p.modelVersion ? `model ${p.modelVersion}` : 'prediction',
  }));
}

/** "model v3 · score 0.87" */
export function describePrediction(p: Prediction): string {
  const parts = [p.modelVersion ? `model ${p.modelVersion}` : 'model unknown'];
  if (p.score != null) parts.push(`score ${p.score.toFixed(2)}`);
  return parts.join(' · ');
}

/**
 * The result to store: LSF's serialized items untouched (Label Studio's JSON, byte for byte), then our own
 * controls' items, then the items of the edited annotation the editor was not shown (their controls neither LSF's
 * nor ours, e.g. a Pdf or ranker list result imported from Label Studio).
 */
export function mergeResult(fromEditor: unknown, own: ResultItem[], aside: ResultItem[]): ResultItem[] {
  const editor = items(fromEditor);
  const ownNames = new Set(own.map((i) => i.from_name));
  const kept = aside.filter((i) => !ownNames.has(i.from_name) && !editor.some((e) => e.from_name === i.from_name));
  return [...editor.filter((i) => !ownNames.has(i.from_name)), ...own, ...kept];
}

// ---- DateTime (ours, beside the editor) ----------------------------------------------------------------------

export type DateTimeInput = 'datetime-local' | 'date' | 'time' | 'month' | 'year';

/** The input for Label Studio's {@code only} attribute: date+time when absent; date wins over month/year. */
export function dateTimeInput(only: string | undefined): DateTimeInput {
  const parts = (only ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const date = parts.includes('date');
  const time = parts.includes('time');
  if (parts.length === 0 || (date && time)) return 'datetime-local';
  if (date) return 'date';
  if (time) return 'time';
  if (parts.includes('month')) return 'month';
  return 'year';
}

/** The DateTime result item (Label Studio's shape: type "datetime", value.datetime). Empty values give none. */
export function dateTimeResult(control: OwnControl, value: string, id: string): ResultItem | null {
  const v = value.trim();
  if (!v) return null;
  const toName = control.toName.split(',')[0]?.trim() ?? '';
  return { id, from_name: control.name, to_name: toName, type: 'datetime', value: { datetime: v }, origin: 'manual' };
}

/** The DateTime values (and item ids) of a stored result, by control name. */
export function dateTimeValues(result: JSONValue | unknown): Record<string, { value: string; id?: string }> {
  const out: Record<string, { value: string; id?: string }> = {};
  for (const item of items(result)) {
    if (item.type === 'datetime' && typeof item.value.datetime === 'string') out[item.from_name] = { value: item.value.datetime, id: item.id };
  }
  return out;
}
