// The typed postMessage protocol between the labeling page and the sandboxed editor frame /lsf/frame.html
// (ui/public/lsf/frame.js is the other side; ADR 0031). The frame has an opaque origin ("null"), so origin checks
// alone cannot tell it from another sandboxed document that replaced it (a followed link): every message carries
// the channel named in the frame URL's fragment, and the page accepts messages only from the frame's window.
import type { JSONValue } from '../shared/api/types';
import type { LsfAnnotation, LsfPrediction } from './bridge';

export const FRAME_PATH = '/lsf/frame.html';

/** LSF interfaces we enable: no submit/update/skip buttons (ours are outside the frame), no ground truth. */
export const EDITOR_INTERFACES = ['panel', 'side-column', 'topbar', 'annotations:menu', 'predictions:menu', 'edit-history', 'instruction'];

export interface InitMessage {
  ll: 'lsf-host';
  channel: string;
  type: 'init';
  config: string;
  interfaces: string[];
  /** LSF's user: its pk must be a number (mobx-state-tree type); only the name is shown. */
  user: { pk: number; firstName: string };
  task: { id: number; data: Record<string, JSONValue> };
  annotations: LsfAnnotation[];
  predictions: LsfPrediction[];
  media: Record<string, Blob>;
  /** The annotation to open (by our id); none: a new one, from the first prediction when startFromPrediction. */
  selectAnnotationId: string | null;
  startFromPrediction: boolean;
  readOnly: boolean;
  /** A region (Label Studio result item id) to select once loaded: a deep link or a comment's region. */
  selectRegionId?: string | null;
}

export interface SerializeMessage {
  ll: 'lsf-host';
  channel: string;
  type: 'serialize';
  requestId: number;
}

/** Select a region of the open annotation (null: none), e.g. when a comment about it is clicked. */
export interface SelectRegionMessage {
  ll: 'lsf-host';
  channel: string;
  type: 'selectRegion';
  regionId: string | null;
}

export type HostMessage = InitMessage | SerializeMessage | SelectRegionMessage;

/** One hotkey the editor has bound (LSF's own keymap and the labels' keys), as the frame reports it. */
export interface EditorHotkey {
  key: string;
  description: string;
}

export type FrameMessage =
  | { type: 'ready'; hasEditor: boolean }
  | { type: 'loaded'; millis: number; results: number }
  | { type: 'serialized'; requestId: number; result: unknown[] | null }
  | { type: 'error'; message: string; requestId?: number }
  | { type: 'height'; height: number }
  /** The selected region of the open annotation changed (null: none or several). */
  | { type: 'region'; regionId: string | null }
  /** The hotkeys the editor bound for this task. */
  | { type: 'hotkeys'; keys: EditorHotkey[] }
  /** An image, audio or video element of the editor failed to load its source. */
  | { type: 'mediaError'; tag: string }
  /** A key of the page's own shortcuts pressed while the editor had focus (only those keys are forwarded). */
  | { type: 'key'; key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean; inTextField: boolean };

/** A fresh, unguessable channel name for one frame load. */
export function newChannel(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The frame's message, or null when the event is not from our frame: it must come from the frame's window, with
 * the opaque origin of a sandboxed document, on this channel, in a known shape.
 */
export function readFrameMessage(event: Pick<MessageEvent, 'source' | 'origin' | 'data'>, frame: Window | null | undefined, channel: string): FrameMessage | null {
  if (!frame || event.source !== frame || event.origin !== 'null') return null;
  const d = event.data as Record<string, unknown> | null;
  if (!d || typeof d !== 'object' || d.ll !== 'lsf-frame' || d.channel !== channel) return null;
  switch (d.type) {
    case 'ready':
      return { type: 'ready', hasEditor: d.hasEditor === true };
    case 'loaded':
      return typeof d.millis === 'number' ? { type: 'loaded', millis: d.millis, results: typeof d.results === 'number' ? d.results : 0 } : null;
    case 'serialized':
      return typeof d.requestId === 'number' && (d.result === null || Array.isArray(d.result))
        ? { type: 'serialized', requestId: d.requestId, result: d.result as unknown[] | null }
        : null;
    case 'error':
      return typeof d.message === 'string'
        ? { type: 'error', message: d.message, requestId: typeof d.requestId === 'number' ? d.requestId : undefined }
        : null;
    case 'height':
      return typeof d.height === 'number' && Number.isFinite(d.height) ? { type: 'height', height: d.height } : null;
    case 'region':
      return d.regionId === null || (typeof d.regionId === 'string' && d.regionId.length <= 200)
        ? { type: 'region', regionId: d.regionId as string | null }
        : null;
    case 'hotkeys':
      return Array.isArray(d.keys)
        ? {
            type: 'hotkeys',
            keys: (d.keys as unknown[])
              .filter((k): k is EditorHotkey => !!k && typeof (k as EditorHotkey).key === 'string' && typeof (k as EditorHotkey).description === 'string')
              .slice(0, 300)
              .map((k) => ({ key: k.key.slice(0, 60), description: k.description.slice(0, 200) })),
          }
        : null;
    case 'mediaError':
      return typeof d.tag === 'string' ? { type: 'mediaError', tag: d.tag.slice(0, 20).toLowerCase() } : null;
    case 'key':
      return typeof d.key === 'string' && d.key.length <= 20
        ? { type: 'key', key: d.key, ctrlKey: d.ctrlKey === true, metaKey: d.metaKey === true, shiftKey: d.shiftKey === true, altKey: d.altKey === true, inTextField: d.inTextField === true }
        : null;
    default:
      return null;
  }
}
