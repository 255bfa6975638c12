import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorMessage, gql } from '../api/graphql';
import { ProjectTasksQuery, TaskChangedSubscription } from '../api/operations';
import type { PageInfo, ProjectDetail, ReviewState, TaskOrder, TaskOrderField, TaskRow } from '../api/types';
import { REVIEW_STATES } from '../api/types';
import { ReviewBadge } from '../components/ReviewControls';
import { REVIEW_STATE_LABELS } from '../lib/review';
import { subscribe } from '../api/ws';
import { ErrorBox } from '../components/Errors';
import { dataPreview, formatDateTime } from '../lib/format';
import { applyLiveRow } from '../lib/taskRows';

const PAGE_SIZE = 50;

type LiveState = 'connecting' | 'live' | 'offline';

export function DataManager({ project, onChanged }: { project: ProjectDetail; onChanged: () => void }) {
  const navigate = useNavigate();
  const [order, setOrder] = useState<TaskOrder>({ field: 'NUMBER', direction: 'ASC' });
  const [reviewFilter, setReviewFilter] = useState<ReviewState | ''>('');
  /** '' any task; 'yes' only tasks with a ground-truth annotation; 'no' only those without */
  const [groundTruthFilter, setGroundTruthFilter] = useState<'' | 'yes' | 'no'>('');
  const [rows, setRows] = useState<TaskRow[]>([]);
  const [pageInfo, setPageInfo] = useState<PageInfo | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [live, setLive] = useState<LiveState>('connecting');
  const [liveError, setLiveError] = useState<string | null>(null);

  // the subscription callback reads the current order and paging without resubscribing
  const view = useRef({ order, hasNextPage: false, reviewFilter, groundTruthFilter });
  view.current = { order, hasNextPage: pageInfo?.hasNextPage ?? false, reviewFilter, groundTruthFilter };
  const requestSeq = useRef(0);
  const rowsRef = useRef(rows);
  rowsRef.current = rows;

  const load = useCallback(
    async (after: string | null) => {
      const seq = ++requestSeq.current;
      setLoading(true);
      setError(null);
      try {
        const data = await gql(ProjectTasksQuery, {
          id: project.id, first: PAGE_SIZE, after, orderBy: order, filter: taskFilter(reviewFilter, groundTruthFilter),
        });
        if (seq !== requestSeq.current) return; // a newer request (other sort) won
        const conn = data.project?.tasks;
        if (!conn) {
          setError('Project not found');
          return;
        }
        const nodes = conn.edges.map((e) => e.node);
        setRows((prev) => (after ? [...prev, ...nodes.filter((n) => !prev.some((p) => p.id === n.id))] : nodes));
        setPageInfo(conn.pageInfo);
        setTotal(conn.totalCount);
      } catch (e) {
        if (seq === requestSeq.current) setError(errorMessage(e));
      } finally {
        if (seq === requestSeq.current) setLoading(false);
      }
    },
    [project.id, order, reviewFilter, groundTruthFilter],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  const onChangedRef = useRef(onChanged);
  onChangedRef.current = onChanged;
  useEffect(() => {
    setLive('connecting');
    let statsTimer: ReturnType<typeof setTimeout> | undefined;
    const stop = subscribe(
      TaskChangedSubscription,
      { projectId: project.id },
      {
        connected: () => {
          setLive('live');
          setLiveError(null);
        },
        next: ({ taskChanged }) => {
          setLive('live');
          const filter = view.current.reviewFilter;
          const gt = view.current.groundTruthFilter;
          if ((filter && taskChanged.reviewState && taskChanged.reviewState !== filter)
              || (gt && taskChanged.groundTruth !== undefined && taskChanged.groundTruth !== (gt === 'yes'))) {
            // the row left the filtered view (e.g. a task just reviewed while showing "Pending review")
            rowsRef.current = rowsRef.current.filter((row) => row.id !== taskChanged.id);
            setRows(rowsRef.current);
            return;
          }
          const r = applyLiveRow(rowsRef.current, taskChanged, view.current.order, view.current.hasNextPage);
          rowsRef.current = r.rows;
          setRows(r.rows);
          if (r.isNew) setTotal((t) => (t === null ? t : t + 1));
          // refresh the project's counters, at most every second
          clearTimeout(statsTimer);
          statsTimer = setTimeout(() => onChangedRef.current(), 1000);
        },
        error: (message) => {
          setLive('offline');
          setLiveError(message);
        },
      },
    );
    return () => {
      clearTimeout(statsTimer);
      stop();
    };
  }, [project.id]);

  function sortBy(field: TaskOrderField) {
    setOrder((o) => ({ field, direction: o.field === field && o.direction === 'ASC' ? 'DESC' : o.field === field ? 'ASC' : field === 'NUMBER' ? 'ASC' : 'DESC' }));
  }

  function header(field: TaskOrderField, label: string, className?: string) {
    const active = order.field === field;
    return (
      <th className={`sortable ${className ?? ''} ${active ? 'active' : ''}`} aria-sort={active ? (order.direction === 'ASC' ? 'ascending' : 'descending') : 'none'}>
        <button type="button" onClick={() => sortBy(field)} data-testid={`sort-${field}`}>
          {label} {active ? (order.direction === 'ASC' ? '▲' : '▼') : ''}
        </button>
      </th>
    );
  }

  return (
    <section data-testid="data-manager">
      <div className="toolbar">
        <button className="btn btn-primary" onClick={() => navigate(`/projects/${project.id}/label`)} data-testid="label-button">
          Label
        </button>
        {project.canReview && (
          <button className="btn" onClick={() => navigate(`/projects/${project.id}/review`)} data-testid="review-button">
            Review
          </button>
        )}
        <button className="btn" onClick={() => { void load(null); onChanged(); }} data-testid="refresh-button">Refresh</button>
        <label className="muted small">
          Review{' '}
          <select value={reviewFilter} onChange={(e) => setReviewFilter(e.target.value as ReviewState | '')} data-testid="review-filter">
            <option value="">All</option>
            {REVIEW_STATES.map((s) => (
              <option key={s} value={s}>{REVIEW_STATE_LABELS[s]}</option>
            ))}
          </select>
        </label>
        <label className="muted small">
          Ground truth{' '}
          <select value={groundTruthFilter} onChange={(e) => setGroundTruthFilter(e.target.value as '' | 'yes' | 'no')} data-testid="ground-truth-filter">
            <option value="">All</option>
            <option value="yes">With ground truth</option>
            <option value="no">Without</option>
          </select>
        </label>
        <span className="muted" data-testid="task-total">{shownLabel(rows.length, total, pageInfo?.hasNextPage ?? false, !!(reviewFilter || groundTruthFilter))}</span>
        <span className={`live live-${live}`} title={liveError ?? ''} data-testid="live-status">
          {live === 'live' ? '● live' : live === 'connecting' ? '○ connecting' : '○ offline'}
        </span>
      </div>
      <ErrorBox message={error} />
      <table className="table clickable" data-testid="tasks-table">
        <thead>
          <tr>
            {header('NUMBER', '#', 'num narrow')}
            <th>Data</th>
            {header('ANNOTATIONS', 'Annotations', 'num')}
            {header('COMPLETED', 'Completed', 'center')}
            <th>Review</th>
            {header('GROUND_TRUTH', 'Ground truth', 'center')}
            {header('UPDATED_AT', 'Updated')}
          </tr>
        </thead>
        <tbody>
          {rows.map((t) => (
            <tr
              key={t.id}
              data-testid="task-row"
              data-task-id={t.id}
              data-task-number={t.number}
              tabIndex={0}
              onClick={() => navigate(`/projects/${project.id}/tasks/${t.id}`)}
              onKeyDown={(e) => { if (e.key === 'Enter') navigate(`/projects/${project.id}/tasks/${t.id}`); }}
            >
              <td className="num narrow" data-testid="task-number">{t.number}</td>
              <td className="preview" title={JSON.stringify(t.data)} data-testid="task-preview">{dataPreview(t.data)}</td>
              <td className="num" data-testid="task-annotations">{t.annotationCount}</td>
              <td className="center" data-testid="task-completed" data-completed={t.completed ? 'true' : 'false'}>{t.completed ? '✓' : ''}</td>
              <td data-testid="task-review">{t.reviewState && t.reviewState !== 'NONE' && <ReviewBadge state={t.reviewState} />}</td>
              <td className="center" data-testid="task-ground-truth" data-ground-truth={t.groundTruth ? 'true' : 'false'} title={t.groundTruth ? 'Has a ground-truth annotation' : undefined}>
                {t.groundTruth ? <span className="star on">★</span> : ''}
              </td>
              <td className="muted">{formatDateTime(t.updatedAt)}</td>
            </tr>
          ))}
          {!loading && rows.length === 0 && (
            <tr>
              <td colSpan={7} className="empty">{reviewFilter || groundTruthFilter ? 'No task matches these filters.' : 'No tasks yet. Use the Import tab to add some.'}</td>
            </tr>
          )}
        </tbody>
      </table>
      {loading && <p className="muted">Loading…</p>}
      {pageInfo?.hasNextPage && !loading && (
        <button className="btn" onClick={() => void load(pageInfo.endCursor)} data-testid="load-more">Load more</button>
      )}
    </section>
  );
}

/** The server-side filters of the Data Manager (undefined: none). */
export function taskFilter(review: ReviewState | '', groundTruth: '' | 'yes' | 'no'): { reviewState?: ReviewState; groundTruth?: boolean } | undefined {
  if (!review && !groundTruth) return undefined;
  return { ...(review ? { reviewState: review } : {}), ...(groundTruth ? { groundTruth: groundTruth === 'yes' } : {}) };
}

/**
 * "12 of 340 tasks shown"; with a filter the server does not count the matches (no count(*) per page on big
 * projects), so it says how many are shown and whether more match.
 */
export function shownLabel(shown: number, total: number | null, more: boolean, filtered: boolean): string {
  if (total === null) return '';
  if (filtered) return `${shown}${more ? '+' : ''} matching task${shown === 1 && !more ? '' : 's'} shown`;
  return `${shown} of ${total} tasks shown`;
}
