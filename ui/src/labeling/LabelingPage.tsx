import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { errorMessage } from '../shared/api/graphql';
import { request } from '../shared/api/query';
import { ProjectQuery } from '../projects/operations';
import {
  DeleteAnnotationMutation,
  SetGroundTruthMutation,
  NextTaskQuery,
  SubmitAnnotationMutation,
  TaskQuery,
  UpdateAnnotationMutation,
} from './operations';
import type { Annotation, JSONValue, ProjectDetail, TaskDetail, UserError } from '../shared/api/types';
import { ErrorBox } from '../shared/components/Errors';
import { Loading, ProjectCrumbs } from '../projects/ProjectCrumbs';
import { ReviewBadge, ReviewControls } from '../review/ReviewControls';
import { annotationReviewState } from '../review/review';
import { formatDateTime } from '../shared/lib/format';
import { interfaceFor } from './configVersion';
import { summarizeResult } from './labeling';
import { useSession } from '../identity/session';
import { maySetGroundTruth } from './groundTruth';
import { useEditorView } from './useEditorView';
import { LabelStudioEditor, type EditorHandle } from './LabelStudioEditor';
import { DateTimeFields } from './DateTimeFields';
import { OwnTags, type OwnTagsHandle } from './tags/OwnTags';
import { dateTimeResult, dateTimeValues, describePrediction, mergeResult, splitResult, type ResultItem } from './bridge';
import { taskEditorProps, useEditorConfig } from './editorTask';
import type { EditorHotkey } from './protocol';
import { DiscardDraftMutation, MyDraftQuery, type Draft } from '../drafts/operations';
import { DRAFT_ANNOTATION_ID, withDraft } from '../drafts/withDraft';
import { useDraftAutosave } from '../drafts/useDraftAutosave';
import { AutosaveStatus, DraftNotice } from '../drafts/DraftNotice';
import { CommentsPanel } from '../comments/CommentsPanel';
import { TaskCommentsQuery } from '../comments/operations';
import { regionOfComment } from '../comments/threads';
import { readDeepLink, taskLink } from '../shared/links/deepLink';
import { CopyLink } from '../shared/links/CopyLink';
import { HelpPanel } from './keyboard/HelpPanel';
import { isTextField, shortcutFor, type KeyPress, type ShortcutAction } from './keyboard/shortcuts';
import { TaskHistoryPanel } from '../history/TaskHistoryPanel';
import { StreamBanner } from '../workflow/StreamBanner';
import { useAnnotatingOptions } from '../workflow/useAnnotatingOptions';
import { nextSelectedTask, SelectedStreamBanner, useLabelSelection } from '../datamanager/SelectedStream';
import { skipTask } from '../workflow/skip';

type TaskState = { kind: 'loading' } | { kind: 'done' } | { kind: 'missing' } | { kind: 'task'; task: TaskDetail };

/** A result item id in Label Studio's style (10 characters), for our own controls' items. */
function newItemId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-';
  const bytes = new Uint8Array(10);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => alphabet[b % 64]).join('');
}

export function LabelingPage() {
  const { id: projectId = '', taskId } = useParams();
  // "Label selected" from the Data Manager (issue 12): only those tasks, for this tab's session
  const labelSelection = useLabelSelection(projectId);
  const navigate = useNavigate();
  const { me } = useSession();
  const [project, setProject] = useState<ProjectDetail | null>(null);
  const [state, setState] = useState<TaskState>({ kind: 'loading' });
  const annotating = useAnnotatingOptions(projectId);
  // "reveal pre-annotations interactively" (issue 11): a new annotation starts empty until the person reveals the predictions
  const [revealedFor, setRevealedFor] = useState<string | null>(null);
  const [errors, setErrors] = useState<UserError[]>([]);
  const [requestError, setRequestError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** Show my annotation with the project's current config instead of the version it was made with. */
  const [useCurrentConfig, setUseCurrentConfig] = useState(false);
  /** The annotation open in the editor (null: a new one). */
  /** Values of our own DateTime controls, and the ids of their result items. */
  const [dates, setDates] = useState<Record<string, string>>({});
  const dateIds = useRef<Record<string, string>>({});
  /** Bumped whenever the editor must be reloaded from the task (a new task, a saved annotation). */
  const { viewing, version: editorVersion, open, reload: reloadEditor } = useEditorView();
  const editor = useRef<EditorHandle>(null);
  /** Our components for the tags the editor lacks (Pdf, List + Ranker, VideoRectangle; ADR 0035). */
  const ownTags = useRef<OwnTagsHandle>(null);
  const shownAt = useRef(performance.now());
  /** Tasks submitted or skipped in this session of the labeling flow. */
  const location = useLocation();
  const finished = useRef(new Set<string>((location.state as { finished?: string[] } | null)?.finished ?? []));
  /** The caller's draft on the task, restored into the editor (null: none). */
  const [draft, setDraft] = useState<Draft | null>(null);
  /** A note after a refused submit: the work was kept as a draft. */
  const [keptAsDraft, setKeptAsDraft] = useState(false);
  /** What a deep link names (applied once, when the task opens), and whether the reader may see it. */
  const link = useMemo(() => readDeepLink(location.search), [location.search]);
  const [linkMissing, setLinkMissing] = useState(false);
  const [linkRegion, setLinkRegion] = useState<string | null>(null);
  /** The region selected in the editor (for comments). */
  const [region, setRegion] = useState<string | null>(null);
  const [help, setHelp] = useState(false);
  const [editorKeys, setEditorKeys] = useState<EditorHotkey[]>([]);

  const show = useCallback(
    (task: TaskDetail | null, notFound = false, draftNow: Draft | null = null, target: ReturnType<typeof readDeepLink> | null = null) => {
      if (!task) {
        setState(notFound ? { kind: 'missing' } : { kind: 'done' });
        return;
      }
      setState({ kind: 'task', task });
      setDraft(draftNow);
      setKeptAsDraft(false);
      setRegion(null);
      const mine = task.annotations.find((a) => a.author.id === me?.id);
      const stored = dateTimeValues(draftNow?.result ?? mine?.result);
      setDates(Object.fromEntries(Object.entries(stored).map(([k, v]) => [k, v.value])));
      dateIds.current = Object.fromEntries(Object.entries(stored).filter(([, v]) => v.id).map(([k, v]) => [k, v.id!]));
      setUseCurrentConfig(false);
      // a deep link opens the annotation it names, if the reader may see it (the server answers only those)
      const linked = target?.annotation ? task.annotations.find((a) => a.id === target.annotation) : undefined;
      setLinkMissing(!!target?.annotation && !linked);
      setLinkRegion(linked ? target!.region : null);
      open(linked && linked.id !== mine?.id ? linked.id : mine?.id ?? (draftNow ? DRAFT_ANNOTATION_ID : null));
      shownAt.current = performance.now();
    },
    [me?.id, open],
  );

  const loadTask = useCallback(async () => {
    setState({ kind: 'loading' });
    setErrors([]);
    setRequestError(null);
    try {
      if (taskId) {
        const data = await request(TaskQuery, { id: taskId });
        const d = data.task ? (await request(MyDraftQuery, { id: data.task.id })).task?.myDraft ?? null : null;
        let target = link;
        if (data.task && link.annotation && link.comment && !link.region) {
          // a link to a comment selects the region its thread is about
          const comments = (await request(TaskCommentsQuery, { id: data.task.id })).task?.annotations.find((a) => a.id === link.annotation)?.comments ?? [];
          target = { ...link, region: regionOfComment(comments, link.comment) };
        }
        show(data.task, true, d, target);
      } else {
        // The read side is eventually consistent: if it still offers a task finished here a moment ago,
        // ask again shortly (a few times) instead of showing it twice.
        let next: TaskDetail | null = null;
        for (let attempt = 0; attempt < 6; attempt++) {
          next = labelSelection ? await nextSelectedTask(projectId, labelSelection.input) : (await request(NextTaskQuery, { projectId })).nextTask;
          if (!next || !finished.current.has(next.id)) break;
          await new Promise((r) => setTimeout(r, 300 + attempt * 200));
        }
        const d = next ? (await request(MyDraftQuery, { id: next.id })).task?.myDraft ?? null : null;
        show(next, false, d);
      }
    } catch (e) {
      setRequestError(errorMessage(e));
      setState({ kind: 'missing' });
    }
    // the deep link is read when the task opens, not on every change of the query string
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [projectId, taskId, show, labelSelection]);

  useEffect(() => {
    request(ProjectQuery, { id: projectId })
      .then((d) => setProject(d.project))
      .catch((e) => setRequestError(errorMessage(e)));
  }, [projectId]);

  useEffect(() => {
    void loadTask();
  }, [loadTask]);

  const task = state.kind === 'task' ? state.task : null;
  const mine = task?.annotations.find((a) => a.author.id === me?.id);
  const viewed = task?.annotations.find((a) => a.id === viewing);
  const editingMine = mine !== undefined && viewing === mine.id;
  const editingDraft = viewing === DRAFT_ANNOTATION_ID;
  const readOnly = viewing !== null && !editingMine && !editingDraft;
  /** Set on each render below once the config is known: the work as it would be stored (autosave, submit). */
  const gatherRef = useRef<(() => Promise<ResultItem[] | null>) | null>(null);
  const drafts = useDraftAutosave({
    taskId: task?.id ?? null,
    enabled: task !== null && !readOnly,
    collect: () => (gatherRef.current?.() ?? Promise.resolve(null)) as Promise<JSONValue[] | null>,
    leadTimeSeconds: () => leadTimeSeconds(),
  });
  const actions = useRef<Record<ShortcutAction, () => void> | null>(null);
  const onKey = useCallback((k: KeyPress) => {
    const action = shortcutFor(k);
    if (!action) return false;
    if (action === 'help') setHelp((h) => !h);
    else actions.current?.[action]();
    return true;
  }, []);
  useEffect(() => {
    function onKeyDown(e: KeyboardEvent) {
      if (onKey({ key: e.key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, shiftKey: e.shiftKey, altKey: e.altKey, inTextField: isTextField(e.target) })) e.preventDefault();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onKey]);
  const shown = project ? interfaceFor(project, viewed ?? mine, viewed && viewed !== mine ? false : useCurrentConfig) : null;
  const xml = project && shown
    ? (shown.annotationsVersion ? (viewed ?? mine)?.labelingConfig?.xml ?? project.labelConfig : project.labelConfig)
    : '';
  const { prepared, ownPlan } = useEditorConfig(xml);

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
      // the editor keeps the user's work: it is reloaded only after a success
      if (errs.length > 0) setErrors(errs);
      else await after(r);
    } catch (e) {
      setRequestError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  if (!project || !shown || state.kind === 'loading') return <Loading error={requestError} />;

  const back = <ProjectCrumbs projectId={projectId} title={project.title} />;

  if (state.kind === 'done') {
    return (
      <div>
        {back}
        {/* its stream query would hand out a task of the whole project: with a selection, say where it stands instead */}
        {labelSelection ? (
          <>
            <SelectedStreamBanner projectId={projectId} count={labelSelection.count} />
            <div className="card done" data-testid="all-done">
              <h1>All tasks done</h1>
              <p className="muted">There is no task left that you have neither annotated nor skipped.</p>
              <Link className="btn" to={`/projects/${projectId}`} data-testid="back-to-data-manager">Back to the Data Manager</Link>
            </div>
          </>
        ) : (
          <StreamBanner projectId={projectId} taskShown={false} allDone={
            <div className="card done" data-testid="all-done">
              <h1>All tasks done</h1>
              <p className="muted">There is no task left that you have neither annotated nor skipped.</p>
              <Link className="btn" to={`/projects/${projectId}`} data-testid="back-to-data-manager">Back to the Data Manager</Link>
            </div>
          } />
        )}
      </div>
    );
  }
  if (state.kind === 'missing' || !task) {
    return (
      <div>
        {back}
        <ErrorBox message={requestError ?? 'Task not found.'} />
      </div>
    );
  }

  const ownDateControls = prepared.removed.filter((c) => c.tag === 'DateTime');
  const notYet = ownPlan.unsupported;
  // every object is ours (a Pdf, a List, a Video with boxes): the editor, still loaded for its (empty) result, takes no room
  const editorEmpty = shown.objects.length > 0 && shown.objects.every((o) => ownPlan.objects.some((x) => x.name === o.name));
  // the server answers only the annotations the caller may see (blind labeling unless the project shows everyone's, or
  // they review here: AnnotationVisibility); the page shows exactly those and opens others' read-only
  const shownAnnotations = task.annotations;
  const allPredictions = task.predictions ?? [];
  const hidePredictions = annotating?.revealPredictionsInteractively === true && revealedFor !== task.id;
  const predictions = hidePredictions ? [] : allPredictions;
  const forEditor = withDraft(shownAnnotations, draft, mine, { id: me?.id ?? '', displayName: me?.displayName ?? '' });
  /** The annotation comments are about: the one open in the editor, once it is stored. */
  const commentOn = viewing && viewing !== DRAFT_ANNOTATION_ID ? viewing : null;

  /** Our DateTime items; required ones left empty are listed in problems. */
  function ownItems(problems: UserError[]): ResultItem[] {
    const own: ResultItem[] = [];
    for (const c of ownDateControls) {
      const value = dates[c.name] ?? '';
      if (!value && c.attributes.required === 'true') problems.push({ code: 'INVALID_RESULT', field: ['result'], message: `"${c.name}" is required.` });
      const id = (dateIds.current[c.name] ??= newItemId());
      const item = dateTimeResult(c, value, id);
      if (item) own.push(item);
    }
    // our own tags' items (ADR 0035), with what they miss
    const ours = ownTags.current?.collect() ?? { items: [], problems: [] };
    own.push(...ours.items);
    for (const p of ours.problems) problems.push({ code: 'INVALID_RESULT', field: ['result'], message: p });
    return own;
  }

  /** The work as it would be stored now: the editor's result, our DateTime items, and what the editor was not shown. */
  async function gather(): Promise<ResultItem[] | null> {
    if (!editor.current || readOnly) return null;
    const own = ownItems([]);
    const fromEditor = await editor.current.serialize();
    if (fromEditor === null) return null;
    const aside = editingMine ? splitResult(mine!.result, prepared.editorControls).aside.filter((i) => !ownPlan.controlNames.has(i.from_name) && (i.type !== 'datetime' || !ownDateControls.some((c) => c.name === i.from_name))) : [];
    return mergeResult(fromEditor, own, aside);
  }
  gatherRef.current = gather;

  /** The annotation to store, checked; null (with the problems shown) when it cannot be sent. */
  async function collect(): Promise<ResultItem[] | null> {
    const problems: UserError[] = [];
    ownItems(problems);
    let result: ResultItem[] | null;
    try {
      result = await gather();
    } catch (e) {
      setRequestError(errorMessage(e));
      return null;
    }
    if (!result) return null;
    if (problems.length === 0 && result.length === 0) problems.push({ code: 'INVALID_RESULT', field: ['result'], message: 'Nothing is labeled yet.' });
    if (problems.length > 0) {
      setErrors(problems);
      return null;
    }
    return result;
  }

  /**
   * Submit or update: autosave waits meanwhile; a success ends the draft (the server discarded it), a refusal keeps
   * the work as a draft and shows the typed error beside the editor.
   */
  async function store<T>(result: ResultItem[], send: () => Promise<T>, after: (r: T) => Promise<void> | void, getErrors: (r: T) => UserError[], leaves: boolean) {
    const autosave = drafts.autosave();
    await autosave?.pause();
    let ok = false;
    await run(send, async (r) => {
      ok = true;
      // a submit leaves the task; after an update it stays open and further work is a new draft
      if (leaves) autosave?.stop();
      else autosave?.restart();
      await after(r);
    }, getErrors);
    if (!ok && autosave) {
      autosave.resume();
      await autosave.saveNow(result as unknown as JSONValue[]);
      setKeptAsDraft(true);
    }
  }

  const submit = async () => {
    setErrors([]);
    setRequestError(null);
    setKeptAsDraft(false);
    const result = await collect();
    if (!result) return;
    await store(
      result,
      () => request(SubmitAnnotationMutation, { input: { taskId: task.id, result: result as unknown as JSONValue, leadTimeSeconds: leadTimeSeconds() } }),
      () => goNext(task.id),
      (r) => r.submitAnnotation.errors,
      true,
    );
  };
  const update = async () => {
    if (!mine) return;
    setErrors([]);
    setRequestError(null);
    setKeptAsDraft(false);
    const result = await collect();
    if (!result) return;
    await store(
      result,
      () => request(UpdateAnnotationMutation, { input: { taskId: task.id, annotationId: mine.id, result: result as unknown as JSONValue, leadTimeSeconds: leadTimeSeconds() } }),
      async (r) => (r.updateAnnotation.task ? show(r.updateAnnotation.task) : loadTask()),
      (r) => r.updateAnnotation.errors,
      false,
    );
  };
  const discardDraft = () =>
    run(
      () => request(DiscardDraftMutation, { input: { taskId: task.id } }),
      () => show(task, false, null),
      (r) => r.discardDraft.errors,
    );
  const remove = () =>
    mine &&
    window.confirm('Delete your annotation of this task?') &&
    run(
      () => request(DeleteAnnotationMutation, { input: { taskId: task.id, annotationId: mine.id } }),
      async (r) => (r.deleteAnnotation.task ? show(r.deleteAnnotation.task) : loadTask()),
      (r) => r.deleteAnnotation.errors,
    );
  // the star: marking another annotation moves the mark (the server records which one lost it)
  const toggleGroundTruth = (a: Annotation) =>
    run(
      () => request(SetGroundTruthMutation, { input: { taskId: task.id, annotationId: a.id, groundTruth: !a.groundTruth } }),
      async (r) => (r.setGroundTruth.task ? show(r.setGroundTruth.task) : loadTask()),
      (r) => r.setGroundTruth.errors,
    );
  const skip = () =>
    run(
      () => skipTask(task.id),
      () => goNext(task.id),
      (r) => r.skipTask.errors,
    );
  actions.current = {
    submit: () => {
      if (busy) return;
      if (editingMine) void update();
      else if (!readOnly) void submit();
    },
    skip: () => !busy && void skip(),
    next: () => !busy && void goNext(task.id),
    help: () => setHelp((h) => !h),
  };

  return (
    <div className="labeling">
      {back}
      <StreamBanner projectId={projectId} taskShown />
      {labelSelection && !taskId && <SelectedStreamBanner projectId={projectId} count={labelSelection.count} />}
      <div className="page-head">
        <h1 data-testid="labeling-task-number">Task #{task.number}</h1>
        <div className="links small">
          <CopyLink path={taskLink(project.id, task.id)} label="Copy link to task" testId="copy-task-link" />{' '}
          {commentOn && <CopyLink path={taskLink(project.id, task.id, { annotation: commentOn })} label="Copy link to annotation" testId="copy-annotation-link" />}{' '}
          <button type="button" className="btn btn-small" onClick={() => setHelp((h) => !h)} data-testid="help-button" title="Keyboard shortcuts (?)">?</button>
        </div>
        <div className="muted small">
          {task.annotationCount} annotation{task.annotationCount === 1 ? '' : 's'} · {task.skipCount} skip{task.skipCount === 1 ? '' : 's'}
          {task.completed && <span className="badge ok"> completed</span>}
          {task.reviewState && task.reviewState !== 'NONE' && <ReviewBadge state={task.reviewState} testId="task-review-state" />}
        </div>
      </div>
      {shown.differs && mine && editingMine && (
        <div className="card notice" data-testid="config-version-notice">
          {shown.annotationsVersion ? (
            <>
              Your annotation was made with labeling config version {shown.version}; the project now uses version{' '}
              {project.labelConfigVersion}. It is shown with version {shown.version}.{' '}
              <button className="btn" onClick={() => { setUseCurrentConfig(true); reloadEditor(); }} data-testid="use-current-config">
                Edit with the current config
              </button>
            </>
          ) : (
            <>
              Shown with the current labeling config (version {project.labelConfigVersion}); your annotation was made with version{' '}
              {mine.labelingConfig?.version}.{' '}
              <button className="btn" onClick={() => { setUseCurrentConfig(false); reloadEditor(); }} data-testid="use-annotation-config">
                Show as it was made
              </button>
            </>
          )}
        </div>
      )}
      {help && <HelpPanel editorKeys={editorKeys} onClose={() => setHelp(false)} />}
      {linkMissing && (
        <div className="alert alert-error" role="alert" data-testid="deep-link-missing">
          The linked annotation was not found: it was deleted, or you may not see it.
        </div>
      )}
      <DraftNotice restoredFrom={draft?.savedAt ?? null} onDiscard={() => void discardDraft()} busy={busy} />
      {readOnly && viewed && (
        <div className="card notice" data-testid="viewing-other">
          Viewing the annotation of {viewed.author.displayName} (read-only).{' '}
          <button className="btn" onClick={() => open(mine?.id ?? null)} data-testid="back-to-mine">{mine ? 'Back to my annotation' : 'Back to labeling'}</button>
        </div>
      )}
      {notYet.length > 0 && (
        <div className="card notice" data-testid="not-labelable">
          Not labelable in this editor yet (kept unchanged on update):{' '}
          {notYet.map((c) => `${c.tag}${c.name ? ` "${c.name}"` : ''}`).join(', ')}
        </div>
      )}
      <div className={`card lsf-card${editorEmpty ? ' lsf-empty' : ''}`} data-testid="labeling-controls" data-config-version={shown.version}>
        <LabelStudioEditor
          ref={editor}
          {...taskEditorProps(prepared, project, task, { objects: shown.objects, user: me })}
          annotations={forEditor.annotations}
          predictions={viewing === null ? predictions : []}
          selectAnnotationId={viewing}
          readOnly={readOnly}
          version={`${task.id}:${editorVersion}:${xml.length}`}
          selectRegionId={viewing && viewing === (link.annotation ?? undefined) ? linkRegion : null}
          onRegionSelected={setRegion}
          onHotkeys={setEditorKeys}
          onLoaded={drafts.onEditorLoaded}
          onKey={onKey}
        />
      </div>
      <OwnTags
        key={`${task.id}:${editorVersion}:${xml.length}`}
        ref={ownTags}
        plan={ownPlan}
        objects={shown.objects}
        data={task.data}
        stored={forEditor.annotations.find((a) => a.id === viewing)?.result ?? (viewing === null ? predictions[0]?.result : undefined)}
        projectId={project.id}
        mediaProxy={project.mediaProxy}
        readOnly={readOnly || busy}
      />
      <div className="labeling-grid">
        <div>
          {!readOnly && <DateTimeFields controls={ownDateControls} values={dates} onChange={(n, v) => setDates((d) => ({ ...d, [n]: v }))} disabled={busy} />}
          <div className="card">
            <ErrorBox errors={errors} message={requestError} testId="labeling-errors" />
            {keptAsDraft && <p className="small" role="status" data-testid="kept-as-draft">Your work is kept as a draft: nothing is lost.</p>}
            <div className="actions">
              {editingMine ? (
                <>
                  <button className="btn btn-primary" disabled={busy} onClick={() => void update()} data-testid="update-annotation">Update</button>
                  <button className="btn btn-danger" disabled={busy} onClick={() => void remove()} data-testid="delete-annotation">Delete</button>
                </>
              ) : (
                !readOnly && <button className="btn btn-primary" disabled={busy} onClick={() => void submit()} data-testid="submit-annotation">Submit</button>
              )}
              {annotating?.showSkip !== false && <button className="btn" disabled={busy} onClick={() => void skip()} data-testid="skip-task">Skip</button>}
              {!readOnly && <AutosaveStatus savedAt={drafts.savedAt} error={drafts.error} />}
            </div>
          </div>
          {hidePredictions && allPredictions.length > 0 && (
            <div className="card" data-testid="predictions-hidden">
              <h2>Predictions</h2>
              <p className="muted small">This project shows predictions when you ask for them.</p>
              <button className="btn" onClick={() => { setRevealedFor(task.id); reloadEditor(); }} data-testid="reveal-predictions">
                Reveal {allPredictions.length} prediction{allPredictions.length === 1 ? '' : 's'}
              </button>
            </div>
          )}
          {predictions.length > 0 && (
            <div className="card" data-testid="predictions">
              <h2>Predictions</h2>
              <p className="muted small">Shown as pre-annotations{mine ? '' : ': a new annotation starts from the first one'}.</p>
              <ul>
                {predictions.map((p, i) => (
                  <li key={i} data-testid="prediction-item">{describePrediction(p)} · {summarizeResult(p.result)}</li>
                ))}
              </ul>
            </div>
          )}
        </div>
        <aside>
          <div className="card">
            <h2>Annotations</h2>
            <AnnotationList
              annotations={shownAnnotations}
              meId={me?.id}
              testId="task-annotations"
              review={{ taskId: task.id, canReview: project.canReview, onReviewed: (t) => (t ? show(t) : void loadTask()) }}
              onToggleGroundTruth={maySetGroundTruth(me?.role) ? (a) => void toggleGroundTruth(a) : undefined}
              onOpen={(a) => open(a.id)}
              openId={viewing}
              disabled={busy}
            />
          </div>
          <CommentsPanel
            projectId={project.id}
            taskId={task.id}
            annotationId={commentOn}
            regionId={region}
            focusCommentId={link.comment}
            onSelectRegion={(id) => editor.current?.selectRegion(id)}
            me={me ? { id: me.id, role: me.role } : null}
          />
          <TaskHistoryPanel taskId={task.id} project={project} />
        </aside>
      </div>
    </div>
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
export function AnnotationList({ annotations, meId, testId, review, onToggleGroundTruth, onOpen, openId, disabled }: {
  annotations: Annotation[];
  meId?: string;
  testId: string;
  review?: ReviewContext;
  onToggleGroundTruth?: (a: Annotation) => void;
  /** "Open in editor" per annotation; openId: the one open. */
  onOpen?: (a: Annotation) => void;
  openId?: string | null;
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
          {onOpen && a.id !== openId && (
            <button type="button" className="btn btn-small" disabled={disabled} onClick={() => onOpen(a)} data-testid="open-in-editor">Open in editor</button>
          )}
          <div className="muted small">
            {formatDateTime(a.updatedAt)}
            {a.leadTimeSeconds != null && ` · ${a.leadTimeSeconds.toFixed(1)} s`}
            {a.configVersion != null && ` · config v${a.configVersion}`}
          </div>
          {review ? (
            <ReviewControls taskId={review.taskId} annotation={a} canReview={review.canReview} meId={meId} onReviewed={review.onReviewed} />
          ) : (
            a.review !== undefined && <ReviewBadge state={annotationReviewState(a)} />
          )}
        </li>
      ))}
    </ul>
  );
}
