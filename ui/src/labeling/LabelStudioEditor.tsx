// Label Studio's editor in a sandboxed frame (ADR 0031): <iframe sandbox="allow-scripts allow-forms"> without allow-same-origin
// on /lsf/frame.html, talking over the typed protocol of ./protocol. The page fetches the task's media with the
// user's session and hands them over as Blobs; the frame itself has no session and no access to the app.
import { useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react';
import type { Annotation, JSONValue, ObjectTag, Prediction } from '../shared/api/types';
import { mediaSrc } from '../shared/lib/mediaUrl';
import { prepareData, toLsfAnnotation, toLsfPredictions, type PreparedConfig } from './bridge';
import type { KeyPress } from './keyboard/shortcuts';
import { EDITOR_INTERFACES, FRAME_PATH, newChannel, readFrameMessage, type EditorHotkey, type HostMessage } from './protocol';

export interface EditorHandle {
  /** The selected annotation's result as LSF serializes it (null: nothing selected). */
  serialize(): Promise<unknown[] | null>;
  /** Selects a region (result item id) of the open annotation; null: none. */
  selectRegion(regionId: string | null): void;
}

export interface EditorProps {
  prepared: PreparedConfig;
  objects: ObjectTag[];
  projectId: string;
  mediaProxy: boolean;
  taskId: string;
  taskNumber: number;
  data: JSONValue;
  /** Annotations the user may see (blind labeling is decided by the page). */
  annotations: Annotation[];
  predictions: Prediction[];
  selectAnnotationId: string | null;
  readOnly: boolean;
  user: { id: string; displayName: string };
  /** Changes whenever the page wants the editor reloaded with the props (a new task, a saved annotation). */
  version: string;
  /** A region to select once the task is loaded (deep links, comments). */
  selectRegionId?: string | null;
  /** The region selected in the editor changed (null: none or several). */
  onRegionSelected?: (regionId: string | null) => void;
  /** The hotkeys the editor bound for this task (for the help panel). */
  onHotkeys?: (keys: EditorHotkey[]) => void;
  /** The editor loaded the task (each load). */
  onLoaded?: () => void;
  /** One of the page's shortcut keys pressed while the editor had focus. */
  onKey?: (key: KeyPress) => void;
  ref?: Ref<EditorHandle>;
}

const SERIALIZE_TIMEOUT_MS = 10_000;
const MAX_HEIGHT = 1600;

export function LabelStudioEditor(props: EditorProps) {
  const { prepared, objects, projectId, mediaProxy, data, annotations, predictions, selectAnnotationId, readOnly, user, version, taskNumber } = props;
  const frame = useRef<HTMLIFrameElement>(null);
  const [channel, setChannel] = useState(newChannel);
  const loads = useRef(0);
  const [ready, setReady] = useState(false);
  const [loadedMillis, setLoadedMillis] = useState<number | null>(null);
  /** Result items (regions, classifications, relations) of the annotation open in the editor when it loaded. */
  const [results, setResults] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [mediaErrors, setMediaErrors] = useState<string[]>([]);
  const [height, setHeight] = useState(560);
  const pending = useRef(new Map<number, { resolve: (r: unknown[] | null) => void; reject: (e: Error) => void }>());
  const nextRequest = useRef(1);
  const started = useRef(performance.now());
  // the callbacks change with every render of the page: the message listener reads the latest ones
  const callbacks = useRef(props);
  callbacks.current = props;

  const post = useCallback((message: HostMessage) => {
    // the frame's origin is opaque: no target origin can name it; the channel and the fixed src keep it ours
    frame.current?.contentWindow?.postMessage(message, '*');
  }, []);

  useEffect(() => {
    function onMessage(event: MessageEvent) {
      const m = readFrameMessage(event, frame.current?.contentWindow, channel);
      if (!m) return;
      if (m.type === 'ready') {
        if (!m.hasEditor) setError('The labeling editor could not be loaded.');
        setReady(m.hasEditor);
      } else if (m.type === 'loaded') {
        setLoadedMillis(Math.round(performance.now() - started.current));
        setResults(m.results);
        callbacks.current.onLoaded?.();
      } else if (m.type === 'height') {
        setHeight(Math.min(MAX_HEIGHT, Math.max(400, Math.ceil(m.height))));
      } else if (m.type === 'region') {
        callbacks.current.onRegionSelected?.(m.regionId);
      } else if (m.type === 'hotkeys') {
        callbacks.current.onHotkeys?.(m.keys);
      } else if (m.type === 'key') {
        callbacks.current.onKey?.(m);
      } else if (m.type === 'mediaError') {
        const problem = `The ${m.tag === 'img' ? 'image' : m.tag} of this task could not be loaded. You can still skip this task.`;
        setMediaErrors((list) => (list.includes(problem) ? list : [...list, problem]));
      } else if (m.type === 'serialized') {
        pending.current.get(m.requestId)?.resolve(m.result);
        pending.current.delete(m.requestId);
      } else if (m.type === 'error') {
        const waiting = m.requestId !== undefined ? pending.current.get(m.requestId) : undefined;
        if (waiting) {
          waiting.reject(new Error(m.message));
          pending.current.delete(m.requestId!);
        } else {
          setError(`The editor reported an error: ${m.message}`);
        }
      }
    }
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [channel]);

  const proxied = useCallback((url: string) => mediaSrc(projectId, url, mediaProxy), [projectId, mediaProxy]);
  const prepData = useMemo(() => prepareData(data, objects, proxied), [data, objects, proxied]);

  useEffect(() => {
    if (!ready) return;
    let cancelled = false;
    started.current = performance.now();
    setLoadedMillis(null);
    setError(null);
    (async () => {
      const media: Record<string, Blob> = {};
      const problems = prepData.refused.map((f) => `The media URL in "${f}" is not allowed (only http(s), our own paths and data:image/audio/video).`);
      for (const [field, url] of Object.entries(prepData.fetch)) {
        try {
          const r = await fetch(url, { credentials: 'same-origin' });
          if (!r.ok) throw new Error(`HTTP ${r.status}`);
          media[field] = await r.blob();
        } catch (e) {
          problems.push(`The media in "${field}" could not be loaded (${e instanceof Error ? e.message : String(e)}). You can still skip this task.`);
        }
      }
      if (cancelled) return;
      setMediaErrors(problems);
      post({
        ll: 'lsf-host',
        channel,
        type: 'init',
        config: prepared.config,
        interfaces: readOnly ? EDITOR_INTERFACES.filter((i) => i !== 'edit-history') : EDITOR_INTERFACES,
        user: { pk: 1, firstName: user.displayName },
        task: { id: taskNumber, data: prepData.data },
        annotations: annotations.map((a) => toLsfAnnotation(a, prepared.editorControls)),
        predictions: toLsfPredictions(predictions, prepared.editorControls),
        media,
        selectAnnotationId,
        startFromPrediction: selectAnnotationId === null && predictions.length > 0,
        readOnly,
        selectRegionId: props.selectRegionId ?? null,
      });
    })();
    return () => {
      cancelled = true;
    };
    // reload the editor when the page says so (version) or the frame became ready
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready, version, channel]);

  useImperativeHandle(props.ref, () => ({
    serialize() {
      if (!ready) return Promise.reject(new Error('The editor is not loaded yet.'));
      const requestId = nextRequest.current++;
      return new Promise<unknown[] | null>((resolve, reject) => {
        pending.current.set(requestId, { resolve, reject });
        post({ ll: 'lsf-host', channel, type: 'serialize', requestId });
        setTimeout(() => {
          if (pending.current.delete(requestId)) reject(new Error('The editor did not answer.'));
        }, SERIALIZE_TIMEOUT_MS);
      });
    },
    selectRegion(regionId: string | null) {
      if (ready) post({ ll: 'lsf-host', channel, type: 'selectRegion', regionId });
    },
  }), [ready, channel, post]);

  function onLoad() {
    loads.current += 1;
    if (loads.current > 1) {
      // the frame navigated away from our page (a followed link): load ours again on a new channel
      loads.current = 0;
      setReady(false);
      setChannel(newChannel());
    }
  }

  return (
    <div className="lsf-editor" data-testid="lsf-editor" data-ready={ready ? 'true' : 'false'} data-loaded-ms={loadedMillis ?? ''} data-results={results ?? ''}>
      {mediaErrors.length > 0 && (
        <div className="alert alert-error" role="alert" data-testid="media-errors">
          {mediaErrors.map((m) => <p key={m}>{m}</p>)}
        </div>
      )}
      {error && <div className="alert alert-error" role="alert" data-testid="editor-error">{error}</div>}
      <iframe
        key={channel}
        ref={frame}
        title="Label Studio editor"
        src={`${FRAME_PATH}#${channel}`}
        sandbox="allow-scripts allow-forms"
        referrerPolicy="no-referrer"
        onLoad={onLoad}
        className="lsf-frame"
        style={{ height }}
        data-testid="lsf-frame"
      />
    </div>
  );
}
