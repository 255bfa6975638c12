// Our components for the tags Label Studio 1.4.0 does not know (ADR 0035), beside its editor: a PDF (PDF.js) with
// its classifications, the newer Ranker's List (drag and drop), a Video with VideoRectangle boxes. Their items
// join the editor's in the same annotation (the page's collect()), in Label Studio's JSON.
import { Suspense, lazy, useEffect, useImperativeHandle, useMemo, useState, type Ref } from 'react';
import type { JSONValue, ObjectTag } from '../../shared/api/types';
import { mediaSrc } from '../../shared/lib/mediaUrl';
import { isResultItem, type OwnControl, type ResultItem } from '../bridge';
import { ClassicControls } from './ClassicControls';
import { missingRequired } from './classic';
import { pdfSource, videoSource } from './media';
import { firstTarget, type OwnPlan } from './own';
import { PdfViewer } from './PdfViewer';
import { listItems, rankerItem, rankerModel, type RankerModel } from './ranker';
import { frameRate, regionItem, regionsOf, type VideoRegion } from './videoRectangle';

// loaded only by configs that use them: Konva and @dnd-kit stay out of the app's main bundle (PDF.js too, in PdfViewer)
const RankerList = lazy(() => import('./RankerList').then((m) => ({ default: m.RankerList })));
const VideoRectangles = lazy(() => import('./VideoRectangles').then((m) => ({ default: m.VideoRectangles })));

export interface OwnTagsHandle {
  /** The items of our controls, and what is missing (required controls). */
  collect(): { items: ResultItem[]; problems: string[] };
}

export function OwnTags({ plan, objects, data, stored, projectId, mediaProxy, readOnly, ref }: {
  plan: OwnPlan;
  objects: ObjectTag[];
  data: JSONValue;
  /** The result of the annotation (or prediction) shown; only our controls' items are read. */
  stored: JSONValue | undefined;
  projectId: string;
  mediaProxy: boolean;
  readOnly: boolean;
  ref?: Ref<OwnTagsHandle>;
}) {
  const fields = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, JSONValue>) : {};
  const valueOf = (o: OwnControl) => {
    const field = objects.find((x) => x.name === o.name)?.valueField ?? (o.attributes.value ?? '').replace(/^\$/, '');
    return fields[field];
  };
  const [items, setItems] = useState<ResultItem[]>(() => (Array.isArray(stored) ? (stored as unknown[]) : []).filter(isResultItem).filter((i) => plan.controlNames.has(i.from_name)));
  const [durations, setDurations] = useState<Record<string, number>>({});
  const proxied = (url: string) => mediaSrc(projectId, url, mediaProxy);

  const rankers = useMemo(() => plan.rankers.map((r) => {
    const list = plan.objects.find((o) => o.name === firstTarget(r))!;
    return { ranker: r, list, items: listItems(valueOf(list)) };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }), [plan, data]);

  const rankerModelOf = (r: (typeof rankers)[number]): RankerModel => {
    const item = items.find((i) => i.from_name === r.ranker.name);
    return rankerModel(r.ranker, r.list.attributes.title ?? '', r.items, item?.value.ranker);
  };

  useImperativeHandle(ref, () => ({
    collect() {
      const out = [...items];
      // Label Studio's ranker writes its result on submit even when nothing was moved (its beforeSend)
      for (const r of rankers) {
        if (!out.some((i) => i.from_name === r.ranker.name) && r.items.length > 0) out.push(rankerItem(r.ranker, rankerModelOf(r), undefined));
      }
      const missing = [...missingRequired(out, plan.classics), ...missingRequired(out, plan.videoRectangles)];
      return { items: out, problems: missing.map((m) => `"${m}" is required.`) };
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }), [items, rankers, plan]);

  if (plan.objects.length === 0) return null;
  return (
    <div className="own-tags" data-testid="own-tags" data-results={items.length}>
      <Suspense fallback={<p className="muted">Loading…</p>}>
      {plan.objects.map((o) => {
        const classics = plan.classics.filter((c) => firstTarget(c) === o.name);
        return (
          <div key={o.name} className="card own-object" data-testid={`own-object-${o.name}`}>
            {o.tag === 'List' && rankers.filter((r) => r.list === o).map((r) => (
              <RankerList
                key={r.ranker.name}
                ranker={r.ranker}
                items={r.items}
                model={rankerModelOf(r)}
                disabled={readOnly}
                onChange={(m) => setItems((all) => {
                  const old = all.find((i) => i.from_name === r.ranker.name);
                  const next = rankerItem(r.ranker, m, old);
                  return old ? all.map((i) => (i === old ? next : i)) : [...all, next];
                })}
              />
            ))}
            {o.tag === 'List' && <ClassicControls controls={classics} items={items} onChange={setItems} itemIndex={null} disabled={readOnly} />}
            {o.tag === 'Pdf' && <PdfObject object={o} value={valueOf(o)} proxied={proxied} classics={classics} items={items} onChange={setItems} disabled={readOnly} />}
            {o.tag === 'Video' && (
              <VideoObject
                object={o}
                value={valueOf(o)}
                proxied={proxied}
                plan={plan}
                items={items}
                duration={durations[o.name] ?? 0}
                onDuration={(d) => setDurations((all) => (all[o.name] === d ? all : { ...all, [o.name]: d }))}
                onChange={setItems}
                classics={classics}
                disabled={readOnly}
              />
            )}
          </div>
        );
      })}
      </Suspense>
    </div>
  );
}

function PdfObject({ object, value, proxied, classics, items, onChange, disabled }: {
  object: OwnControl; value: JSONValue | undefined; proxied: (u: string) => string; classics: OwnControl[];
  items: ResultItem[]; onChange: (items: ResultItem[]) => void; disabled: boolean;
}) {
  const source = useMemo(() => pdfSource(typeof value === 'string' ? value : '', proxied), [value, proxied]);
  const [page, setPage] = useState(1);
  return (
    <>
      <PdfViewer name={object.name} source={source} page={page} onPage={setPage} onPages={() => {}} />
      <ClassicControls controls={classics} items={items} onChange={onChange} itemIndex={page - 1} disabled={disabled} />
    </>
  );
}

function VideoObject({ object, value, proxied, plan, items, duration, onDuration, onChange, classics, disabled }: {
  object: OwnControl; value: JSONValue | undefined; proxied: (u: string) => string; plan: OwnPlan; items: ResultItem[];
  duration: number; onDuration: (d: number) => void; onChange: (items: ResultItem[]) => void; classics: OwnControl[]; disabled: boolean;
}) {
  const source = useMemo(() => videoSource(typeof value === 'string' ? value : '', proxied), [value, proxied]);
  const [url, setUrl] = useState<string | null>(source.kind === 'url' ? source.url : null);
  const [error, setError] = useState<string | null>(source.kind === 'refused' ? source.reason : null);
  useEffect(() => {
    if (source.kind !== 'fetch') return;
    let objectUrl: string | null = null;
    let cancelled = false;
    fetch(source.url, { credentials: 'same-origin' })
      .then(async (r) => {
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        const blob = await r.blob();
        if (cancelled) return;
        objectUrl = URL.createObjectURL(blob);
        setUrl(objectUrl);
      })
      .catch((e) => !cancelled && setError(`The video could not be loaded (${e instanceof Error ? e.message : String(e)}). You can still skip this task.`));
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [source]);
  const fps = frameRate(object);
  const labels = plan.boxLabels.filter((l) => firstTarget(l) === object.name).flatMap((l) => (l.options ?? []).filter((o) => o.tag === 'Label').map((o) => o.attributes.value ?? ''));
  return (
    <>
      {error && <div className="alert alert-error" role="alert" data-testid="own-media-error">{error}</div>}
      {plan.videoRectangles.filter((c) => firstTarget(c) === object.name).map((c) => {
        const regions = regionsOf(items, c);
        return (
          <VideoRectangles
            key={c.name}
            control={c}
            url={url}
            fps={fps}
            labels={labels}
            regions={regions}
            onDuration={onDuration}
            disabled={disabled}
            onChange={(next: VideoRegion[]) => {
              const others = items.filter((i) => i.from_name !== c.name);
              const byId = new Map(regions.map((r) => [r.id, r]));
              // an untouched region keeps its stored item as it was
              onChange([...others, ...next.map((r) => (byId.get(r.id) === r && r.item ? r.item : regionItem(r, c, fps, duration)))]);
            }}
          />
        );
      })}
      <ClassicControls controls={classics} items={items} onChange={onChange} itemIndex={null} disabled={disabled} />
    </>
  );
}
