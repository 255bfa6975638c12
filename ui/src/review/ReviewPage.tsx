import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { errorMessage } from '../shared/api/graphql';
import { request } from '../shared/api/query';
import { ProjectQuery } from '../projects/operations';
import { NextReviewTaskQuery } from './operations';
import type { ProjectDetail, TaskDetail } from '../shared/api/types';
import { ErrorBox } from '../shared/components/Errors';
import { Loading, ProjectCrumbs } from '../projects/ProjectCrumbs';
import { useSession } from '../identity/session';
import { AnnotationList } from '../labeling/LabelingPage';
import { useEditorView } from '../labeling/useEditorView';
import { LabelStudioEditor, type EditorHandle } from '../labeling/LabelStudioEditor';
import { taskEditorProps, useEditorConfig } from '../labeling/editorTask';
import { OwnTags } from '../labeling/tags/OwnTags';
import { EditorReview } from './EditorReview';
import { canReviewAnnotation } from './review';
import { CommentsPanel } from '../comments/CommentsPanel';

/** done.skipped: the queue ended after a skip (earlier tasks may still wait: "Start over"). */
type QueueState = { kind: 'loading' } | { kind: 'done'; skipped: boolean } | { kind: 'task'; task: TaskDetail };

/**
 * The review queue of a project: the oldest task with an annotation pending review that the caller did not write,
 * with Accept / Reject per annotation; the next task comes once this one has nothing left for the caller.
 */
export function ReviewPage() {
  const { id: projectId = '' } = useParams();
  const { me } = useSession();
  const [project, setProject] = useState<ProjectDetail | null>(null);
  const [state, setState] = useState<QueueState>({ kind: 'loading' });
  const [error, setError] = useState<string | null>(null);
  /** The annotation shown (read-only) in the editor: by default the first one pending review by someone else. */
  const { viewing, version: editorVersion, open, reload } = useEditorView();
  const editor = useRef<EditorHandle>(null);
  /** Fix and accept: the editor is editable while the reviewer corrects the annotation. */
  const [fixing, setFixing] = useState(false);
  const fixStarted = useRef(performance.now());
  const [region, setRegion] = useState<string | null>(null);
  /** The config for the editor, and our components for the tags it lacks (ADR 0035), read-only beside it. */
  const { prepared, ownPlan } = useEditorConfig(project?.labelConfig ?? '');

  /** The next task to review; after a skip, only tasks numbered after the skipped one. */
  const next = useCallback(async (afterNumber?: number) => {
    setError(null);
    try {
      const data = await request(NextReviewTaskQuery, { projectId, afterNumber: afterNumber ?? null });
      const task = data.nextReviewTask;
      setState(task ? { kind: 'task', task } : { kind: 'done', skipped: afterNumber !== undefined });
      setFixing(false);
      setRegion(null);
      const others = task?.annotations.filter((a) => a.author.id !== me?.id) ?? [];
      open((others.find((a) => !a.review) ?? others[0] ?? task?.annotations[0])?.id ?? null);
    } catch (e) {
      setError(errorMessage(e));
      setState({ kind: 'done', skipped: false });
    }
  }, [projectId, me?.id, open]);

  useEffect(() => {
    request(ProjectQuery, { id: projectId })
      .then((d) => setProject(d.project))
      .catch((e) => setError(errorMessage(e)));
    void next();
  }, [projectId, next]);

  if (!project || state.kind === 'loading') return <Loading error={error} />;

  const back = <ProjectCrumbs projectId={projectId} title={project.title} />;

  if (state.kind === 'done') {
    return (
      <div>
        {back}
        <ErrorBox message={error} />
        <div className="card done" data-testid="review-done">
          <h1>{state.skipped ? 'Nothing more after the skipped tasks' : 'Nothing to review'}</h1>
          <p className="muted">
            {state.skipped
              ? 'The tasks you skipped still wait for a review.'
              : 'No annotation by someone else is waiting for review in this project.'}
          </p>
          {state.skipped && (
            <button type="button" className="btn" onClick={() => void next()} data-testid="review-start-over">Start over</button>
          )}{' '}
          <Link className="btn" to={`/projects/${projectId}`}>Back to the Data Manager</Link>
        </div>
      </div>
    );
  }

  const task = state.task;
  const viewed = task.annotations.find((a) => a.id === viewing);
  const reviewable = viewed && canReviewAnnotation(project.canReview ?? true, viewed, me?.id) ? viewed : null;
  const fix = (on: boolean) => {
    setFixing(on);
    fixStarted.current = performance.now();
    reload();
  };
  return (
    <div className="labeling">
      {back}
      <div className="page-head">
        <h1 data-testid="review-task-number">Review · Task #{task.number}</h1>
        <div>
          <button type="button" className="btn" onClick={() => void next(task.number)} data-testid="review-skip">Skip</button>{' '}
          <Link className="btn" to={`/projects/${projectId}/tasks/${task.id}`}>Open in the labeling view</Link>
        </div>
      </div>
      <ErrorBox message={error} />
      <div className="labeling-grid">
        <div>
        <div className="card lsf-card" data-testid="task-data">
          <LabelStudioEditor
            ref={editor}
            {...taskEditorProps(prepared, project, task, { user: me })}
            annotations={task.annotations}
            predictions={[]}
            selectAnnotationId={viewing}
            readOnly={!(fixing && reviewable)}
            version={`${task.id}:${editorVersion}`}
            onRegionSelected={setRegion}
          />
          {reviewable && (
            <EditorReview
              taskId={task.id}
              annotation={reviewable}
              editorControls={prepared.editorControls}
              fixing={fixing}
              onFixing={fix}
              serialize={() => editor.current ? editor.current.serialize() : Promise.resolve(null)}
              leadTimeSeconds={() => Math.round(performance.now() - fixStarted.current) / 1000}
              onReviewed={() => void next()}
            />
          )}
        </div>
        <OwnTags
          key={`${task.id}:${editorVersion}`}
          plan={ownPlan}
          objects={project.objects}
          data={task.data}
          stored={task.annotations.find((a) => a.id === viewing)?.result}
          projectId={project.id}
          mediaProxy={project.mediaProxy}
          readOnly
        />
        </div>
        <aside>
          <div className="card">
            <h2>Annotations</h2>
            <AnnotationList
              annotations={task.annotations}
              meId={me?.id}
              testId="review-annotations"
              // the queue only offers what the caller may review; the server decides anyway
              onOpen={(a) => {
                setFixing(false);
                open(a.id);
              }}
              openId={viewing}
            />
          </div>
          <CommentsPanel
            projectId={project.id}
            taskId={task.id}
            annotationId={viewing}
            regionId={region}
            onSelectRegion={(id) => editor.current?.selectRegion(id)}
            me={me ? { id: me.id, role: me.role } : null}
          />
        </aside>
      </div>
    </div>
  );
}
