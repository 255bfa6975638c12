// VideoRectangle (ADR 0035): our video player with frame-accurate stepping, boxes drawn on the current frame with
// Konva (Rect + Transformer: no hand-written drawing or handles), keyframes where a box is drawn, moved or
// resized, linear motion between them, and a timeline of the labelled regions.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Layer, Rect, Stage, Transformer } from 'react-konva';
import type Konva from 'konva';
import type { OwnControl } from '../bridge';
import { newItemId } from './own';
import {
  type Box, type VideoRegion, frameAt, framesCount, seekTime, setKeyframe, shapeAt, toggleAlive,
} from './videoRectangle';

const WIDTH = 640;
const COLORS = ['#e8590c', '#1c7ed6', '#2f9e44', '#ae3ec9', '#f08c00'];

export function VideoRectangles({ control, url, fps, labels, regions, onChange, onDuration, disabled }: {
  control: OwnControl;
  url: string | null;
  fps: number;
  /** Label values of the Labels controls on this video. */
  labels: string[];
  regions: VideoRegion[];
  onChange: (regions: VideoRegion[]) => void;
  onDuration: (seconds: number) => void;
  disabled: boolean;
}) {
  const video = useRef<HTMLVideoElement>(null);
  const transformer = useRef<Konva.Transformer>(null);
  const shapes = useRef(new Map<string, Konva.Rect>());
  const [size, setSize] = useState({ width: WIDTH, height: 360 });
  const [duration, setDuration] = useState(0);
  const [frame, setFrame] = useState(1);
  const [selected, setSelected] = useState<string | null>(null);
  const [label, setLabel] = useState<string | null>(labels[0] ?? null);
  const [draft, setDraft] = useState<Box | null>(null);
  const start = useRef<{ x: number; y: number } | null>(null);
  const total = framesCount(duration, fps);

  const readFrame = useCallback(() => {
    if (video.current) setFrame(frameAt(video.current.currentTime, fps));
  }, [fps]);

  useEffect(() => {
    const v = video.current;
    if (!v) return;
    const meta = () => {
      const d = Number.isFinite(v.duration) ? v.duration : 0;
      setDuration(d);
      onDuration(d);
      if (v.videoWidth > 0) setSize({ width: WIDTH, height: Math.round((WIDTH * v.videoHeight) / v.videoWidth) });
    };
    v.addEventListener('loadedmetadata', meta);
    v.addEventListener('seeked', readFrame);
    v.addEventListener('timeupdate', readFrame);
    if (v.readyState >= 1) meta();
    return () => {
      v.removeEventListener('loadedmetadata', meta);
      v.removeEventListener('seeked', readFrame);
      v.removeEventListener('timeupdate', readFrame);
    };
  }, [url, readFrame, onDuration]);

  const goTo = useCallback((f: number) => {
    const v = video.current;
    if (!v) return;
    v.pause();
    const last = Math.max(1, framesCount(Number.isFinite(v.duration) ? v.duration : 0, fps));
    const target = Math.min(Math.max(1, f), last);
    v.currentTime = seekTime(target, fps);
    setFrame(target);
  }, [fps]);

  const visible = useMemo(() => regions.map((r) => ({ r, box: shapeAt(r, frame) })).filter((x): x is { r: VideoRegion; box: Box } => x.box !== null), [regions, frame]);

  useEffect(() => {
    const node = selected ? shapes.current.get(selected) : undefined;
    transformer.current?.nodes(node && !disabled ? [node] : []);
    transformer.current?.getLayer()?.batchDraw();
  }, [selected, visible, disabled]);

  const pct = (px: number, of: number) => (px / of) * 100;
  const update = (id: string, f: (r: VideoRegion) => VideoRegion) => onChange(regions.map((r) => (r.id === id ? f(r) : r)));

  function pointer(e: Konva.KonvaEventObject<MouseEvent | TouchEvent>) {
    return e.target.getStage()?.getPointerPosition() ?? null;
  }

  function onDown(e: Konva.KonvaEventObject<MouseEvent | TouchEvent>) {
    if (disabled || e.target !== e.target.getStage()) return;
    setSelected(null);
    const p = pointer(e);
    if (p) start.current = p;
  }
  function onMove(e: Konva.KonvaEventObject<MouseEvent | TouchEvent>) {
    const p = pointer(e);
    if (!start.current || !p) return;
    const s = start.current;
    setDraft({ x: pct(Math.min(s.x, p.x), size.width), y: pct(Math.min(s.y, p.y), size.height), width: pct(Math.abs(p.x - s.x), size.width), height: pct(Math.abs(p.y - s.y), size.height), rotation: 0 });
  }
  function onUp() {
    const d = draft;
    start.current = null;
    setDraft(null);
    if (!d || d.width < 1 || d.height < 1) return;
    const region: VideoRegion = setKeyframe({ id: newItemId(), labels: label ? [label] : [], sequence: [] }, frame, d);
    onChange([...regions, region]);
    setSelected(region.id);
  }

  function moved(id: string, node: Konva.Rect) {
    const box: Box = {
      x: pct(node.x(), size.width), y: pct(node.y(), size.height),
      width: pct(node.width() * node.scaleX(), size.width), height: pct(node.height() * node.scaleY(), size.height), rotation: node.rotation(),
    };
    node.scaleX(1);
    node.scaleY(1);
    update(id, (r) => setKeyframe(r, frame, box));
  }

  function onKey(e: React.KeyboardEvent) {
    if (e.key === ',' || e.key === 'ArrowLeft') goTo(frame - 1);
    else if (e.key === '.' || e.key === 'ArrowRight') goTo(frame + 1);
    else return;
    e.preventDefault();
  }

  const color = (r: VideoRegion) => COLORS[Math.max(0, labels.indexOf(r.labels[0] ?? '')) % COLORS.length];
  const sel = regions.find((r) => r.id === selected);

  return (
    <div className="video-rectangles" data-testid={`video-${control.name}`} data-frame={frame} data-frames={total || ''} data-regions={regions.length}>
      {labels.length > 0 && (
        <div className="row own-labels" role="radiogroup" aria-label="Label of new boxes">
          {labels.map((l) => (
            <button key={l} type="button" role="radio" aria-checked={label === l} className={`btn btn-small${label === l ? ' btn-primary' : ''}`} disabled={disabled} onClick={() => setLabel(l)} data-testid={`video-label-${l}`}>{l}</button>
          ))}
        </div>
      )}
      <div className="video-stage" tabIndex={0} onKeyDown={onKey} aria-label="Video: draw a box with the mouse; , and . step one frame">
        {url && <video ref={video} src={url} muted playsInline preload="auto" width={size.width} height={size.height} data-testid={`video-element-${control.name}`} />}
        <Stage width={size.width} height={size.height} className="video-overlay" onMouseDown={onDown} onMouseMove={onMove} onMouseUp={onUp} onTouchStart={onDown} onTouchMove={onMove} onTouchEnd={onUp}>
          <Layer>
            {visible.map(({ r, box }) => (
              <Rect
                key={r.id}
                ref={(n) => {
                  if (n) shapes.current.set(r.id, n);
                  else shapes.current.delete(r.id);
                }}
                x={(box.x / 100) * size.width}
                y={(box.y / 100) * size.height}
                width={(box.width / 100) * size.width}
                height={(box.height / 100) * size.height}
                rotation={box.rotation}
                stroke={color(r)}
                strokeWidth={selected === r.id ? 3 : 2}
                fill={`${color(r)}22`}
                draggable={!disabled}
                onMouseDown={() => setSelected(r.id)}
                onTap={() => setSelected(r.id)}
                onDragEnd={(e) => moved(r.id, e.target as Konva.Rect)}
                onTransformEnd={(e) => moved(r.id, e.target as Konva.Rect)}
              />
            ))}
            {draft && <Rect x={(draft.x / 100) * size.width} y={(draft.y / 100) * size.height} width={(draft.width / 100) * size.width} height={(draft.height / 100) * size.height} stroke="#333" dash={[4, 4]} />}
            <Transformer ref={transformer} rotateEnabled={false} keepRatio={false} ignoreStroke boundBoxFunc={(old, b) => (b.width < 4 || b.height < 4 ? old : b)} />
          </Layer>
        </Stage>
      </div>
      <div className="row video-controls">
        <button type="button" className="btn btn-small" onClick={() => goTo(frame - 1)} aria-label="Previous frame" data-testid={`video-prev-${control.name}`}>◀ frame</button>
        <button type="button" className="btn btn-small" onClick={() => { const v = video.current; if (v) void (v.paused ? v.play() : v.pause()); }} data-testid={`video-play-${control.name}`}>Play / pause</button>
        <button type="button" className="btn btn-small" onClick={() => goTo(frame + 1)} aria-label="Next frame" data-testid={`video-next-${control.name}`}>frame ▶</button>
        <label>
          Frame{' '}
          <input type="number" min={1} max={total || undefined} value={frame} onChange={(e) => goTo(Number(e.target.value))} data-testid={`video-frame-${control.name}`} />
        </label>
        <span className="muted small">of {total || '–'} · {fps} fps</span>
      </div>
      {sel && !disabled && (
        <div className="row video-selected" data-testid="video-selected">
          <span>Box {sel.labels.join(', ') || '(no label)'} · {sel.sequence.length} keyframe{sel.sequence.length === 1 ? '' : 's'}</span>
          <button type="button" className="btn btn-small" onClick={() => update(sel.id, (r) => toggleAlive(r, frame))} data-testid="video-toggle-alive">
            {shapeAt(sel, frame) ? 'Hide from this frame' : 'Show from this frame'}
          </button>
          <button type="button" className="btn btn-small btn-danger" onClick={() => { onChange(regions.filter((r) => r.id !== sel.id)); setSelected(null); }} data-testid="video-delete-box">Delete box</button>
        </div>
      )}
      <Timeline regions={regions} total={total} frame={frame} color={color} onSeek={goTo} onSelect={setSelected} selected={selected} />
      {!url && <p className="muted">No video to show.</p>}
    </div>
  );
}

/** One row per region: its life between keyframes as bars, each keyframe a button that seeks to it. */
function Timeline({ regions, total, frame, color, onSeek, onSelect, selected }: {
  regions: VideoRegion[]; total: number; frame: number; color: (r: VideoRegion) => string;
  onSeek: (f: number) => void; onSelect: (id: string) => void; selected: string | null;
}) {
  if (regions.length === 0) return <p className="muted small" data-testid="video-timeline">No boxes yet: draw one on the video.</p>;
  const at = (f: number) => `${total > 1 ? ((f - 1) / (total - 1)) * 100 : 0}%`;
  return (
    <div className="video-timeline" data-testid="video-timeline">
      {regions.map((r) => {
        const spans: { from: number; to: number }[] = [];
        r.sequence.forEach((k, i) => {
          if (k.enabled) spans.push({ from: k.frame, to: r.sequence[i + 1]?.frame ?? Math.max(total, k.frame) });
        });
        return (
          <div key={r.id} className={`timeline-row${selected === r.id ? ' selected' : ''}`} data-testid="video-timeline-row">
            <button type="button" className="timeline-name btn btn-small" onClick={() => onSelect(r.id)}>{r.labels.join(', ') || 'box'}</button>
            <div className="timeline-track">
              {spans.map((s, i) => (
                <div key={i} className="timeline-span" style={{ left: at(s.from), width: `calc(${at(s.to)} - ${at(s.from)})`, background: color(r) }} />
              ))}
              {r.sequence.map((k) => (
                <button key={k.frame} type="button" className={`timeline-key${k.enabled ? '' : ' off'}`} style={{ left: at(k.frame) }} title={`Keyframe at frame ${k.frame}`} aria-label={`Keyframe at frame ${k.frame}`} onClick={() => { onSelect(r.id); onSeek(k.frame); }} data-testid="video-keyframe" />
              ))}
              <div className="timeline-cursor" style={{ left: at(frame) }} />
            </div>
          </div>
        );
      })}
    </div>
  );
}
