import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { errorMessage, gql } from '../api/graphql';
import {
  DeleteAnnotationMutation,
  SetGroundTruthMutation,
  NextTaskQuery,
  ProjectQuery,
  SkipTaskMutation,
  SubmitAnnotationMutation,
  TaskAsOfQuery,
  TaskQuery,
  UpdateAnnotationMutation,
} from '../api/operations';
import { mediaSrc } from '../lib/mediaUrl';
import type { Annotation, Control, JSONValue, ObjectTag, ProjectDetail, TaskDetail, TaskSnapshot, UserError } from '../api/types';
import { ErrorBox } from '../components/Errors';
import { Loading, ProjectCrumbs } from '../components/ProjectCrumbs';
import { ReviewBadge, ReviewControls } from '../components/ReviewControls';
import { formatDateTime, fromDateTimeLocal, toDateTimeLocal } from '../lib/format';
import { interfaceFor } from '../lib/configVersion';
import { buildResult, isChoices, isMultiple, selectionsFromResult, summarizeResult, toggleChoice, validateSelections, type Selections } from '../lib/labeling';
import { useSession } from '../session';
import { maySetGroundTruth } from '../lib/groundTruth';

type TaskState = { kind: 'loading' } | { kind: 'done' } | { kind: 'missing' } | { kind: 'task'; task: TaskDetail };

export function LabelingPage() {
  const { id: projectId = '', taskId } = useParams();
  const navigate = useNavigate();
  const { me } = useSession();
  const [project, setProject] = useState<ProjectDetail | null>(null);
  const [state, setState] = useState<TaskState>({ kind: 'loading' });
  const [selections, setSelections] = useState<Selections>({});
  const [errors, setErrors] = useState<UserError[]>([]);
  const [requestError, setRequestError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** Show my annotation with the project's current config instead of the version it was made with. */
  const [useCurrentConfig, setUseCurrentConfig] = useState(false);
  const shownAt = useRef(performance.now());
  /** Tasks submitted or skipped in this session of the labeling flow. */
  const location = useLocation();
  const finished = useRef(new Set<string>((location.state as { finished?: string[] } | null)?.finished ?? []));

  const myAnnotation = (task: TaskDetail): Annotation | undefined => task.annotations.find((a) => a.author.id === me?.id);

  const show = useCallback(
    (task: TaskDetail | null, notFound = false) => {
      if (!task) {
        setState(notFound ? { kind: 'missing' } : { kind: 'done' });
        return;
      }
      setState({ kind: 'task', task });
      const mine = task.annotations.find((a) => a.author.id === me?.id);
      setSelections(mine ? selectionsFromResult(mine.result) : {});
      setUseCurrentConfig(false);
      shownAt.current = performance.now();
    },
    [me?.id],
  );

  const loadTask = useCallback(async () => {
    setState({ kind: 'loading' });
    setErrors([]);
    setRequestError(null);
    try {
      if (taskId) {
        const data = await gql(TaskQuery, { id: taskId });
        show(data.task, true);
      } else {
        // The read side is eventually consistent: if it still offers a task finished here a moment ago,
        // ask again shortly (a few times) instead of showing it twice.
        let next: TaskDetail | null = null;
        for (let attempt = 0; attempt < 6; attempt++) {
          next = (await gql(NextTaskQuery, { projectId })).nextTask;
          if (!next || !finished.current.has(next.id)) break;
          await new Promise((r) => setTimeout(r, 300 + attempt * 200));
        }
        show(next);
      }
    } catch (e) {
      setRequestError(errorMessage(e));
      setState({ kind: 'missing' });
    }
  }, [projectId, taskId, show]);

  useEffect(() => {
    gql(ProjectQuery, { id: projectId })
      .then((d) => setProject(d.project))
      .catch((e) => setRequestError(errorMessage(e)));
  }, [projectId]);

  useEffect(() => {
    void loadTask();
  }, [loadTask]);

  function leadTimeSeconds(): number {
    return Math.round((performance.now() - shownAt.current)) / 1000;
  }

  async function goNext(doneTaskId: string) {
    finished.current.add(doneTaskId);
    if (taskId) navigate(`/projects/${projectId}/label`, { state: { finished: [doneTaskId] } });
    else await loadTask();
  }

  async function run<T>(action: () => Promise<T>, after: (result: T) => Promise<void> | void, getErrors: (r: T) => UserError[]) {
    setBusy(true);
    setErrors([]);
    setRequestError(null);
    try {
      const r = await action();
      const errs = getErrors(r);
      if (errs.length > 0) setErrors(errs);
      else await after(r);
    } catch (e) {
      setRequestError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  if (!project || state.kind === 'loading') return <Loading error={requestError} />;

  const back = <ProjectCrumbs projectId={projectId} title={project.title} />;

  if (state.kind === 'done') {
    return (
      <div>
        {back}
        <div className="card done" data-testid="all-done">
          <h1>All tasks done</h1>
          <p className="muted">There is no task left that you have neither annotated nor skipped.</p>
          <Link className="btn" to={`/projects/${projectId}`} data-testid="back-to-data-manager">Back to the Data Manager</Link>
        </div>
      </div>
    );
  }
  if (state.kind === 'missing') {
    return (
      <div>
        {back}
        <ErrorBox message={requestError ?? 'Task not found.'} />
      </div>
    );
  }

  const task = state.task;
  const mine = myAnnotation(task);
  const shown = interfaceFor(project, mine, useCurrentConfig);
  const result = () => buildResult(shown.controls, selections);

  function validate(): boolean {
    const problems = validateSelections(shown.controls, selections);
    if (problems.length > 0) {
      setErrors(problems.map((message) => ({ code: 'INVALID_RESULT', field: ['result'], message })));
      return false;
    }
    return true;
  }

  const submit = () =>
    validate() &&
    run(
      () => gql(SubmitAnnotationMutation, { input: { taskId: task.id, result: result() as unknown as JSONValue, leadTimeSeconds: leadTimeSeconds() } }),
      () => goNext(task.id),
      (r) => r.submitAnnotation.errors,
    );
  const update = () =>
    mine &&
    validate() &&
    run(
      () => gql(UpdateAnnotationMutation, { input: { taskId: task.id, annotationId: mine.id, result: result() as unknown as JSONValue, leadTimeSeconds: leadTimeSeconds() } }),
      async (r) => (r.updateAnnotation.task ? show(r.updateAnnotation.task) : loadTask()),
      (r) => r.updateAnnotation.errors,
    );
  const remove = () =>
    mine &&
    window.confirm('Delete your annotation of this task?') &&
    run(
      () => gql(DeleteAnnotationMutation, { input: { taskId: task.id, annotationId: mine.id } }),
      async (r) => (r.deleteAnnotation.task ? show(r.deleteAnnotation.task) : loadTask()),
      (r) => r.deleteAnnotation.errors,
    );
  // the star: marking another annotation moves the mark (the server records which one lost it)
  const toggleGroundTruth = (a: Annotation) =>
    run(
      () => gql(SetGroundTruthMutation, { input: { taskId: task.id, annotationId: a.id, groundTruth: !a.groundTruth } }),
      async (r) => (r.setGroundTruth.task ? show(r.setGroundTruth.task) : loadTask()),
      (r) => r.setGroundTruth.errors,
    );
  const skip = () =>
    run(
      () => gql(SkipTaskMutation, { input: { taskId: task.id } }),
      () => goNext(task.id),
      (r) => r.skipTask.errors,
    );

  return (
    <div className="labeling">
      {back}
      <div className="page-head">
        <h1 data-testid="labeling-task-number">Task #{task.number}</h1>
        <div className="muted small">
          {task.annotationCount} annotation{task.annotationCount === 1 ? '' : 's'} · {task.skipCount} skip{task.skipCount === 1 ? '' : 's'}
          {task.completed && <span className="badge ok"> completed</span>}
          {task.reviewState && task.reviewState !== 'NONE' && <ReviewBadge state={task.reviewState} testId="task-review-state" />}
        </div>
      </div>
      <div className="labeling-grid">
        <div>
          {shown.differs && mine && (
            <div className="card notice" data-testid="config-version-notice">
              {shown.annotationsVersion ? (
                <>
                  Your annotation was made with labeling config version {shown.version}; the project now uses version{' '}
                  {project.labelConfigVersion}. It is shown with version {shown.version}.{' '}
                  <button className="btn" onClick={() => setUseCurrentConfig(true)} data-testid="use-current-config">
                    Edit with the current config
                  </button>
                </>
              ) : (
                <>
                  Shown with the current labeling config (version {project.labelConfigVersion}); your annotation was made with version{' '}
                  {mine.labelingConfig?.version}.{' '}
                  <button className="btn" onClick={() => setUseCurrentConfig(false)} data-testid="use-annotation-config">
                    Show as it was made
                  </button>
                </>
              )}
            </div>
          )}
          <div className="card" data-testid="task-data">
            <TaskData objects={shown.objects} data={task.data} projectId={project.id} mediaProxy={project.mediaProxy} />
          </div>
          <div className="card" data-testid="labeling-controls" data-config-version={shown.version}>
            {shown.controls.map((c) => (
              <ControlView key={c.name} control={c} selections={selections} onChange={setSelections} disabled={busy} />
            ))}
            {shown.controls.length === 0 && <p className="muted">This labeling config has no controls.</p>}
            <ErrorBox errors={errors} message={requestError} testId="labeling-errors" />
            <div className="actions">
              {mine ? (
                <>
                  <button className="btn btn-primary" disabled={busy} onClick={() => void update()} data-testid="update-annotation">Update</button>
                  <button className="btn btn-danger" disabled={busy} onClick={() => void remove()} data-testid="delete-annotation">Delete</button>
                </>
              ) : (
                <button className="btn btn-primary" disabled={busy} onClick={() => void submit()} data-testid="submit-annotation">Submit</button>
              )}
              <button className="btn" disabled={busy} onClick={() => void skip()} data-testid="skip-task">Skip</button>
            </div>
          </div>
        </div>
        <aside>
          <div className="card">
            <h2>Annotations</h2>
            <AnnotationList
              annotations={task.annotations}
              meId={me?.id}
              testId="task-annotations"
              review={{ taskId: task.id, canReview: project.canReview, onReviewed: (t) => (t ? show(t) : void loadTask()) }}
              onToggleGroundTruth={maySetGroundTruth(me?.role) ? (a) => void toggleGroundTruth(a) : undefined}
              disabled={busy}
            />
          </div>
          <HistoryPanel taskId={task.id} />
        </aside>
      </div>
    </div>
  );
}

export function TaskData({ objects, data, projectId, mediaProxy }: { objects: ObjectTag[]; data: JSONValue; projectId: string; mediaProxy: boolean }) {
  const record = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, JSONValue>) : {};
  const shown = objects.filter((o) => o.valueField);
  if (shown.length === 0) return <pre className="json">{JSON.stringify(data, null, 2)}</pre>;
  return (
    <>
      {shown.map((o) => {
        const value = record[o.valueField!];
        const type = o.type.toLowerCase();
        return (
          <div key={o.name} className="object" data-testid={`object-${o.name}`}>
            <div className="object-label muted small">{o.name}</div>
            {type === 'image' && typeof value === 'string' ? (
              <img src={mediaSrc(projectId, value, mediaProxy)} alt={o.name} className="object-image" />
            ) : type === 'text' || type === 'hypertext' || type === 'paragraphs' ? (
              <div className="object-text">{typeof value === 'string' ? value : JSON.stringify(value)}</div>
            ) : (
              <pre className="json">{JSON.stringify(value, null, 2)}</pre>
            )}
            {value === undefined && <div className="muted small">(no "{o.valueField}" field in this task's data)</div>}
          </div>
        );
      })}
    </>
  );
}

function ControlView({ control, selections, onChange, disabled }: { control: Control; selections: Selections; onChange: (s: Selections) => void; disabled: boolean }) {
  if (!isChoices(control)) {
    return (
      <p className="muted small">
        Control <code>{control.name}</code> ({control.type}) cannot be edited in this interface yet.
      </p>
    );
  }
  const multiple = isMultiple(control);
  const chosen = selections[control.name] ?? [];
  return (
    <fieldset className="choices" data-testid={`control-${control.name}`}>
      <legend>
        {control.name}
        {control.required && <span className="required"> *</span>}
        <span className="muted small"> ({multiple ? 'choose any' : 'choose one'})</span>
      </legend>
      {control.options.map((option) => (
        <label key={option} className="choice">
          <input
            type={multiple ? 'checkbox' : 'radio'}
            name={`control-${control.name}`}
            value={option}
            checked={chosen.includes(option)}
            disabled={disabled}
            onChange={(e) => onChange(toggleChoice(selections, control, option, e.target.checked))}
            data-testid={`choice-${control.name}-${option}`}
          />
          {option}
        </label>
      ))}
    </fieldset>
  );
}

export interface ReviewContext {
  taskId: string;
  canReview: boolean | undefined;
  onReviewed: (task: TaskDetail | null) => void;
}

/**
 * Annotations with their review state; with a review context, Accept / Reject on others' annotations for reviewers.
 * The ground truth has a star, a toggle for who may set it (onToggleGroundTruth).
 */
export function AnnotationList({ annotations, meId, testId, review, onToggleGroundTruth, disabled }: {
  annotations: Annotation[];
  meId?: string;
  testId: string;
  review?: ReviewContext;
  onToggleGroundTruth?: (a: Annotation) => void;
  disabled?: boolean;
}) {
  if (annotations.length === 0) return <p className="muted" data-testid={testId}>No annotations yet.</p>;
  return (
    <ul className="annotations" data-testid={testId}>
      {annotations.map((a) => (
        <li key={a.id} data-testid="annotation-item" data-ground-truth={a.groundTruth ? 'true' : 'false'}>
          <div>
            {onToggleGroundTruth ? (
              <button
                type="button"
                className={`star ${a.groundTruth ? 'on' : ''}`}
                aria-pressed={a.groundTruth === true}
                title={a.groundTruth ? 'Ground truth: click to unmark' : 'Mark as ground truth'}
                disabled={disabled}
                onClick={() => onToggleGroundTruth(a)}
                data-testid="ground-truth-toggle"
              >
                {a.groundTruth ? '★' : '☆'}
              </button>
            ) : (
              a.groundTruth && <span className="star on" title="Ground truth" data-testid="ground-truth-mark">★</span>
            )}{' '}
            <strong>{a.author.displayName}</strong>
            {a.author.id === meId && <span className="badge">you</span>}
            {a.groundTruth && <span className="badge ok">ground truth</span>}
          </div>
          <div>{summarizeResult(a.result)}</div>
          <div className="muted small">
            {formatDateTime(a.updatedAt)}
            {a.leadTimeSeconds != null && ` · ${a.leadTimeSeconds.toFixed(1)} s`}
            {a.configVersion != null && ` · config v${a.configVersion}`}
          </div>
          {review ? (
            <ReviewControls taskId={review.taskId} annotation={a} canReview={review.canReview} meId={meId} onReviewed={review.onReviewed} />
          ) : (
            a.review !== undefined && <ReviewBadge state={a.review?.decision ?? 'PENDING'} />
          )}
        </li>
      ))}
    </ul>
  );
}

function HistoryPanel({ taskId }: { taskId: string }) {
  const [when, setWhen] = useState(() => toDateTimeLocal(new Date()));
  const [snapshot, setSnapshot] = useState<TaskSnapshot | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setSnapshot(undefined);
    setError(null);
  }, [taskId]);

  async function query() {
    const asOf = fromDateTimeLocal(when);
    if (!asOf) {
      setError('Choose a date and time.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const data = await gql(TaskAsOfQuery, { id: taskId, asOf });
      setSnapshot(data.taskAsOf);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="card" data-testid="history-panel">
      <h2>History</h2>
      <p className="muted small">See this task as it was at an instant (rebuilt from its events).</p>
      <div className="row">
        <input type="datetime-local" step={1} value={when} onChange={(e) => setWhen(e.target.value)} data-testid="history-datetime" />
        <button className="btn" disabled={busy} onClick={() => void query()} data-testid="history-query">Show</button>
      </div>
      <ErrorBox message={error} />
      {snapshot === null && <p data-testid="history-result">The task did not exist yet.</p>}
      {snapshot && (
        <div data-testid="history-result">
          <p className="muted small">
            As of {formatDateTime(snapshot.asOf)} · {snapshot.version} event{snapshot.version === 1 ? '' : 's'} · {snapshot.skipCount} skip{snapshot.skipCount === 1 ? '' : 's'}
          </p>
          <AnnotationList annotations={snapshot.annotations} testId="history-annotations" />
        </div>
      )}
    </div>
  );
}
