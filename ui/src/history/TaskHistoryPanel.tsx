// "As of" a past instant: the task rebuilt from its events, shown read-only in the editor with the labeling config
// of the time, and the task's events to step through (a list and a slider). Issue 10, history.
import { useEffect, useState } from 'react';
import { errorMessage } from '../shared/api/graphql';
import { request } from '../shared/api/query';
import type { ProjectDetail, TaskSnapshot } from '../shared/api/types';
import { ErrorBox } from '../shared/components/Errors';
import { formatDateTime, fromDateTimeLocal, toDateTimeLocal } from '../shared/lib/format';
import { taskEditorProps, useEditorConfig } from '../labeling/editorTask';
import { LabelStudioEditor } from '../labeling/LabelStudioEditor';
import { AnnotationList } from '../labeling/LabelingPage';
import { asOfAfter, describeEvent, eventIndexAt } from './events';
import { TaskAsOfQuery, TaskHistoryQuery, type TaskEvent } from './operations';

export function TaskHistoryPanel({ taskId, project }: { taskId: string; project: ProjectDetail }) {
  const [when, setWhen] = useState(() => toDateTimeLocal(new Date()));
  const [snapshot, setSnapshot] = useState<TaskSnapshot | null | undefined>(undefined);
  const [events, setEvents] = useState<TaskEvent[] | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    setSnapshot(undefined);
    setEvents(null);
    setError(null);
  }, [taskId]);

  async function loadEvents() {
    try {
      setEvents((await request(TaskHistoryQuery, { id: taskId })).taskHistory);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function showAt(asOf: string) {
    setBusy(true);
    setError(null);
    try {
      const data = await request(TaskAsOfQuery, { id: taskId, asOf });
      setSnapshot(data.taskAsOf);
      setOpen(data.taskAsOf?.annotations[0]?.id ?? null);
      setVersion((v) => v + 1);
      if (events === null) void loadEvents();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  function query() {
    const asOf = fromDateTimeLocal(when);
    if (!asOf) {
      setError('Choose a date and time.');
      return;
    }
    void showAt(asOf);
  }

  function step(event: TaskEvent) {
    setWhen(toDateTimeLocal(new Date(event.occurredAt)));
    void showAt(asOfAfter(event));
  }

  const current = snapshot && events ? eventIndexAt(events, snapshot.asOf) : -1;
  const opened = snapshot?.annotations.find((a) => a.id === open);
  // the config of the time: the one the open annotation was made with, else the project's (a task without annotations)
  const config = opened?.labelingConfig ?? null;
  const xml = config?.xml ?? project.labelConfig;
  const { prepared } = useEditorConfig(xml);

  return (
    <div className="card" data-testid="history-panel">
      <h2>History</h2>
      <p className="muted small">See this task as it was at an instant (rebuilt from its events).</p>
      <div className="row">
        <input type="datetime-local" step={1} value={when} onChange={(e) => setWhen(e.target.value)} data-testid="history-datetime" />
        <button className="btn" disabled={busy} onClick={query} data-testid="history-query">Show</button>
        {events === null && <button className="btn" disabled={busy} onClick={() => void loadEvents()} data-testid="history-events-load">Events</button>}
      </div>
      <ErrorBox message={error} />
      {events && events.length > 0 && (
        <div className="history-events">
          <input type="range" min={0} max={events.length - 1} value={Math.max(0, current)} aria-label="Step through the task's events"
            onChange={(e) => step(events[Number(e.target.value)])} data-testid="history-slider" />
          <ol data-testid="history-events">
            {events.map((e, i) => (
              <li key={e.sequence} data-testid="history-event" data-type={e.type} data-current={String(i === current)} className={i === current ? 'current' : ''}>
                <button type="button" className="link" onClick={() => step(e)} data-testid="history-event-step">
                  {describeEvent(e.type)}
                </button>{' '}
                <span className="muted small">{formatDateTime(e.occurredAt)}{e.actor ? ` · ${e.actor.displayName}` : ''}</span>
              </li>
            ))}
          </ol>
        </div>
      )}
      {snapshot === null && <p data-testid="history-result">The task did not exist yet.</p>}
      {snapshot && (
        <div data-testid="history-result">
          <p className="muted small">
            As of {formatDateTime(snapshot.asOf)} · {snapshot.version} event{snapshot.version === 1 ? '' : 's'} · {snapshot.skipCount} skip{snapshot.skipCount === 1 ? '' : 's'}
            {config && <> · config v{config.version}</>}
          </p>
          <div className="lsf-card" data-testid="history-editor" data-config-version={config?.version ?? ''}>
            <LabelStudioEditor
              {...taskEditorProps(prepared, project, snapshot, { objects: config?.objects })}
              annotations={snapshot.annotations}
              predictions={[]}
              selectAnnotationId={open}
              readOnly
              version={`history:${snapshot.id}:${version}:${open}`}
            />
          </div>
          <AnnotationList annotations={snapshot.annotations} testId="history-annotations" onOpen={(a) => setOpen(a.id)} openId={open} />
        </div>
      )}
    </div>
  );
}
