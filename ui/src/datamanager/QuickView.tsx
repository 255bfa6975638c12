// Quick view (issue 12): a task beside the Data Manager's table, read-only in the labeling editor with the
// annotations the reader may see; the arrow keys step through the rows shown, Escape closes.
import { useEffect, useMemo, useState } from 'react';
import { errorMessage, gql } from '../shared/api/graphql';
import { TaskQuery } from '../shared/api/operations';
import type { ProjectDetail, TaskDetail } from '../shared/api/types';
import { ErrorBox } from '../shared/components/Errors';
import { ReviewBadge } from '../review/ReviewControls';
import { isTextField, type KeyPress } from '../labeling/keyboard/shortcuts';
import { prepareConfig } from '../labeling/bridge';
import { LabelStudioEditor } from '../labeling/LabelStudioEditor';
import { dataPreview, formatDateTime } from '../shared/lib/format';
import { AnnotationList } from '../labeling/LabelingPage';
import { stepKey } from './quickView';

export function QuickView({ project, taskId, onStep, onClose, onOpen }: {
  project: ProjectDetail;
  taskId: string;
  /** Show the previous (-1) or next (1) row. */
  onStep: (by: -1 | 1) => void;
  onClose: () => void;
  /** Open the task's own page (to label or review it). */
  onOpen: () => void;
}) {
  const [task, setTask] = useState<TaskDetail | null | undefined>(undefined);
  const [open, setOpen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const prepared = useMemo(() => prepareConfig(project.labelConfig), [project.labelConfig]);

  useEffect(() => {
    let stale = false;
    setError(null);
    gql(TaskQuery, { id: taskId })
      .then((data) => {
        if (stale) return;
        setTask(data.task);
        setOpen(data.task?.annotations[0]?.id ?? null);
      })
      .catch((e) => { if (!stale) setError(errorMessage(e)); });
    return () => { stale = true; };
  }, [taskId]);

  // the keys go to the page, and (through onKey) from inside the editor's frame too
  const onKey = useMemo(() => (k: KeyPress): boolean => {
    if (k.key === 'Escape' && !k.inTextField) {
      onClose();
      return true;
    }
    const by = stepKey(k);
    if (by === null) return false;
    onStep(by);
    return true;
  }, [onClose, onStep]);
  useEffect(() => {
    function onKeyDown(e: KeyboardEvent) {
      if (onKey({ key: e.key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey, inTextField: isTextField(e.target) })) e.preventDefault();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onKey]);

  const shown = task && task.id === taskId ? task : null;
  return (
    <aside className="card quick-view" data-testid="quick-view" data-task-id={taskId} aria-label="Quick view">
      <div className="quick-view-head">
        <button className="btn btn-small" onClick={() => onStep(-1)} aria-label="Previous task" data-testid="quick-view-prev">↑</button>
        <button className="btn btn-small" onClick={() => onStep(1)} aria-label="Next task" data-testid="quick-view-next">↓</button>
        <strong data-testid="quick-view-number">{shown ? `#${shown.number}` : '…'}</strong>
        {shown?.reviewState && shown.reviewState !== 'NONE' && <ReviewBadge state={shown.reviewState} />}
        <span className="spacer" />
        <button className="btn btn-small" onClick={onOpen} data-testid="quick-view-open">Open</button>
        <button className="btn btn-small" onClick={onClose} aria-label="Close the quick view" data-testid="quick-view-close">✕</button>
      </div>
      <p className="muted small">↑ ↓ (or ← →) step through the rows, Esc closes.</p>
      <ErrorBox message={error} />
      {task === null && <p className="muted">This task no longer exists.</p>}
      {shown && (
        <>
          <p className="small" data-testid="quick-view-data" title={JSON.stringify(shown.data)}>{dataPreview(shown.data)}</p>
          <p className="muted small">
            {shown.annotationCount} annotation{shown.annotationCount === 1 ? '' : 's'} · updated {formatDateTime(shown.updatedAt)}
          </p>
          <div className="lsf-card" data-testid="quick-view-editor">
            <LabelStudioEditor
              prepared={prepared}
              objects={project.objects}
              projectId={project.id}
              mediaProxy={project.mediaProxy}
              taskId={shown.id}
              taskNumber={shown.number}
              data={shown.data}
              annotations={shown.annotations}
              predictions={shown.predictions ?? []}
              selectAnnotationId={open}
              readOnly
              user={{ id: '', displayName: '' }}
              version={`quick:${shown.id}:${open}`}
              onKey={(k) => { onKey(k); }}
            />
          </div>
          <AnnotationList annotations={shown.annotations} testId="quick-view-annotations" onOpen={(a) => setOpen(a.id)} openId={open} />
        </>
      )}
    </aside>
  );
}
