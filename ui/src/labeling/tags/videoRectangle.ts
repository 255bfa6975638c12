// Label Studio's videorectangle (ADR 0035): a box tracked over a video as keyframes. Frames are numbered from 1
// (frame n shows from (n-1)/fps); a keyframe's time is frame/fps, as Label Studio writes it. Between two keyframes
// the box moves linearly; a keyframe with enabled=false ends the box's life until the next keyframe. Pure.
import type { OwnControl, ResultItem } from '../bridge';
import { withValue } from './own';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
  rotation: number;
}

export interface Keyframe extends Box {
  frame: number;
  enabled: boolean;
}

export interface VideoRegion {
  id: string;
  labels: string[];
  sequence: Keyframe[];
  /** The stored item, kept whole so that an unedited region goes back unchanged. */
  item?: ResultItem;
}

export const DEFAULT_FPS = 25;

/** frameRate="..." (Label Studio also reads framerate); 25 when absent or not a positive number. */
export function frameRate(video: OwnControl | undefined): number {
  const raw = video?.attributes.frameRate ?? video?.attributes.framerate;
  const n = raw === undefined ? NaN : Number(raw);
  return Number.isFinite(n) && n > 0 ? n : DEFAULT_FPS;
}

export function frameAt(time: number, fps: number): number {
  return Math.floor(time * fps + 1e-6) + 1;
}

/** Where to seek to show a frame: its middle, so that rounding cannot show the one before. */
export function seekTime(frame: number, fps: number): number {
  return (frame - 1 + 0.5) / fps;
}

export function framesCount(duration: number, fps: number): number {
  return Number.isFinite(duration) && duration > 0 ? Math.ceil(duration * fps - 1e-6) : 0;
}

const round = (n: number) => Math.round(n * 1e4) / 1e4;

/** A box kept inside the frame (0..100 percent), as the server requires for an unrotated box. */
export function clampBox(b: Box): Box {
  const width = Math.min(100, Math.max(0, b.width));
  const height = Math.min(100, Math.max(0, b.height));
  const x = Math.min(100 - width, Math.max(0, b.x));
  const y = Math.min(100 - height, Math.max(0, b.y));
  return { x: round(x), y: round(y), width: round(width), height: round(height), rotation: round(b.rotation) };
}

/** The box on a frame, null when the region is not alive there. */
export function shapeAt(region: VideoRegion, frame: number): Box | null {
  const seq = region.sequence;
  const before = seq.filter((k) => k.frame <= frame).at(-1);
  if (!before || !before.enabled) return null;
  const after = seq.find((k) => k.frame > frame);
  if (!after || before.frame === frame) return pick(before);
  const t = (frame - before.frame) / (after.frame - before.frame);
  const mix = (a: number, b: number) => round(a + (b - a) * t);
  return { x: mix(before.x, after.x), y: mix(before.y, after.y), width: mix(before.width, after.width), height: mix(before.height, after.height), rotation: mix(before.rotation, after.rotation) };
}

function pick(k: Box): Box {
  return { x: k.x, y: k.y, width: k.width, height: k.height, rotation: k.rotation };
}

/** The region with a keyframe at this frame holding the box (added, or the one there replaced). */
export function setKeyframe(region: VideoRegion, frame: number, box: Box): VideoRegion {
  const k: Keyframe = { frame, enabled: true, ...clampBox(box) };
  const sequence = [...region.sequence.filter((s) => s.frame !== frame), k].sort((a, b) => a.frame - b.frame);
  return { ...region, sequence };
}

/** Ends the region's life at this frame (a disabled keyframe), or revives it there. */
export function toggleAlive(region: VideoRegion, frame: number): VideoRegion {
  const at = region.sequence.find((s) => s.frame === frame);
  if (at) return { ...region, sequence: region.sequence.map((s) => (s === at ? { ...s, enabled: !s.enabled } : s)) };
  const shape = shapeAt(region, frame) ?? pick(region.sequence.filter((k) => k.frame <= frame).at(-1) ?? region.sequence[0]);
  const k: Keyframe = { frame, enabled: false, ...shape };
  return { ...region, sequence: [...region.sequence, k].sort((a, b) => a.frame - b.frame) };
}

/** The regions of a VideoRectangle control in a stored result. */
export function regionsOf(items: ResultItem[], control: OwnControl): VideoRegion[] {
  return items.filter((i) => i.from_name === control.name && i.type === 'videorectangle').map((item) => {
    const v = item.value as Record<string, unknown>;
    const seq = Array.isArray(v.sequence) ? v.sequence : [];
    const sequence: Keyframe[] = seq.filter((k): k is Record<string, unknown> => !!k && typeof k === 'object').map((k) => ({
      frame: Number(k.frame), enabled: k.enabled !== false, x: Number(k.x), y: Number(k.y), width: Number(k.width), height: Number(k.height), rotation: Number(k.rotation ?? 0),
    }));
    const labels = Array.isArray(v.labels) ? v.labels.filter((l): l is string => typeof l === 'string') : [];
    return { id: String(item.id ?? ''), labels, sequence, item };
  });
}

/** Label Studio's videorectangle item for a region, keeping a stored item's other keys. */
export function regionItem(region: VideoRegion, control: OwnControl, fps: number, duration: number): ResultItem {
  const value: Record<string, unknown> = {
    framesCount: framesCount(duration, fps),
    duration,
    sequence: region.sequence.map((k) => ({ frame: k.frame, enabled: k.enabled, rotation: k.rotation, x: k.x, y: k.y, width: k.width, height: k.height, time: round(k.frame / fps) })),
  };
  if (region.labels.length > 0) value.labels = region.labels;
  const item = withValue(region.item, control, 'videorectangle', value);
  return region.item ? item : { ...item, id: region.id };
}
