import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { errorMessage, gql } from '../shared/api/graphql';
import {
  DataFieldsQuery, DataManagerTabsQuery, DeleteDataManagerTabMutation, MatchingTasksQuery, ProjectMembersQuery, ProjectTasksQuery,
  ReorderDataManagerTabsMutation, SaveDataManagerTabMutation, TaskChangedSubscription,
} from '../shared/api/operations';
import type { DataField, DataManagerTab, JSONValue, PageInfo, ProjectDetail, ReviewState, TaskRow, UserError } from '../shared/api/types';
import { REVIEW_STATES } from '../shared/api/types';
import { ReviewBadge } from '../review/ReviewControls';
import { REVIEW_STATE_LABELS } from '../review/review';
import { subscribe } from '../shared/api/ws';
import { ErrorBox } from '../shared/components/Errors';
import { userErrorText } from '../shared/lib/errors';
import { dataPreview, formatDateTime } from '../shared/lib/format';
import { applyLiveRow } from './taskRows';
import { ColumnChooser } from './ColumnChooser';
import { FilterBuilder, type Person } from './FilterBuilder';
import { TabBar } from './TabBar';
import { cardOf } from './grid';
import { mediaSrc } from '../shared/lib/mediaUrl';
import { emptySelection, matchLabel, selectedCount, selectionLabel, type Selection } from './selection';
import { BulkActions } from './BulkActions';
import { useSession } from '../identity/session';
import { QuickView } from './QuickView';
import { SelectionActions } from './SelectionActions';
import { stepRow } from './quickView';
import type { ColumnDef, DataManagerView, SortField, ViewFilter, ViewOrder } from './view';
import {
  DEFAULT_ORDER, canonicalJson, columnCatalog, decodeView, describeCondition, encodeView, isFiltered, moveColumn, serverFilter, toggleColumn,
  visibleColumns,
} from './view';

const PAGE_SIZE = 50;

type LiveState = 'connecting' | 'live' | 'offline';

/**
 * The Data Manager (issue 12): filters of any column combined with AND/OR, sort by any column, columns shown and
 * ordered, saved tabs, selection. The view (filter, sort, columns) and the tab live in the URL (?tab=…&view=…), so
 * Back, reload and a shared link show the same rows.
 */
export function DataManager({ project, onChanged }: { project: ProjectDetail; onChanged: () => void }) {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tabId = params.get('tab');
  const [tabs, setTabs] = useState<DataManagerTab[]>([]);
  const activeTab = tabs.find((t) => t.id === tabId) ?? null;
  const urlView = decodeView(params.get('view'));
  // the URL's view; a link with only ?tab= opens the tab's saved view once the tabs are loaded
  const view: DataManagerView = urlView ?? (activeTab ? (activeTab.view as DataManagerView) : {});
  const viewKey = JSON.stringify(view);
  const order: ViewOrder = view.orderBy ?? DEFAULT_ORDER;
  const filter: ViewFilter | undefined = view.filter;
  const reviewFilter: ReviewState | '' = filter?.reviewState ?? '';
  const groundTruthFilter: '' | 'yes' | 'no' = filter?.groundTruth === undefined ? '' : filter.groundTruth ? 'yes' : 'no';
  const conditions = filter?.conditions ?? [];
  const layout = params.get('layout') === 'grid' ? 'grid' : 'table';

  const [rows, setRows] = useState<TaskRow[]>([]);
  const [pageInfo, setPageInfo] = useState<PageInfo | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [match, setMatch] = useState<{ count: number; exact: boolean } | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [live, setLive] = useState<LiveState>('connecting');
  const [liveError, setLiveError] = useState<string | null>(null);
  const [dataFields, setDataFields] = useState<DataField[]>([]);
  const [people, setPeople] = useState<Person[]>([]);
  const [panel, setPanel] = useState<'filters' | 'columns' | null>(null);
  const [selection, setSelection] = useState<Selection>(emptySelection);
  const { me } = useSession();
  const [bulkDone, setBulkDone] = useState<string | null>(null);
  /** The task open in the quick view beside the table (issue 12). */
  const [quick, setQuick] = useState<string | null>(null);

  const catalog = useMemo(() => columnCatalog(dataFields, project.controls), [dataFields, project.controls]);
  const shown = visibleColumns(catalog, view.columns);
  const labelOptions = useMemo(() => Object.fromEntries(project.controls.map((c) => [c.name, c.options])), [project.controls]);
  const peopleById = useMemo(() => new Map(people.map((p) => [p.id, p.name])), [people]);

  /** Shows another view: a new history entry, so Back returns to the previous one. */
  const setView = useCallback((next: DataManagerView, tab: string | null = tabId) => {
    setParams((p) => {
      const q = new URLSearchParams(p);
      q.set('view', encodeView(next));
      if (tab) q.set('tab', tab);
      else q.delete('tab');
      return q;
    });
  }, [setParams, tabId]);

  // the subscription callback reads the current view and paging without resubscribing
  const current = useRef({ order, hasNextPage: false, filter });
  current.current = { order, hasNextPage: pageInfo?.hasNextPage ?? false, filter };
  const requestSeq = useRef(0);
  const rowsRef = useRef(rows);
  rowsRef.current = rows;

  // Live (issue 12): after changes, at most every 1.5 s, the server's count again, and with conditions (which the
  // browser cannot evaluate) the window of rows shown again, so new rows land in their place in sort and filter.
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const refreshLive = useRef<() => void>(() => {});
  refreshLive.current = () => {
    const v = JSON.parse(viewKey) as DataManagerView;
    const f = serverFilter(v.filter);
    const seq = requestSeq.current; // a newer view meanwhile: its own load wins
    gql(MatchingTasksQuery, { id: project.id, filter: f })
      .then((data) => {
        const m = data.project?.matchingTasks;
        if (!m || seq !== requestSeq.current) return;
        if (f) setMatch(m);
        else setTotal(m.count);
      })
      .catch(() => { /* the next change asks again */ });
    if ((v.filter?.conditions?.length ?? 0) === 0) return;
    gql(ProjectTasksQuery, {
      id: project.id, first: Math.min(Math.max(rowsRef.current.length, PAGE_SIZE), 200), after: null, orderBy: v.orderBy ?? DEFAULT_ORDER, filter: f,
    })
      .then((data) => {
        const conn = data.project?.tasks;
        if (!conn || seq !== requestSeq.current) return;
        rowsRef.current = conn.edges.map((e) => e.node);
        setRows(rowsRef.current);
        setPageInfo(conn.pageInfo);
      })
      .catch(() => { /* the next change reads again */ });
  };
  useEffect(() => () => clearTimeout(refreshTimer.current), []);

  const load = useCallback(
    async (after: string | null) => {
      const seq = ++requestSeq.current;
      setLoading(true);
      setError(null);
      const v = JSON.parse(viewKey) as DataManagerView;
      try {
        const data = await gql(ProjectTasksQuery, {
          id: project.id, first: PAGE_SIZE, after, orderBy: v.orderBy ?? DEFAULT_ORDER, filter: serverFilter(v.filter),
        });
        if (seq !== requestSeq.current) return; // a newer request (other view) won
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
    [project.id, viewKey],
  );

  useEffect(() => {
    setSelection(emptySelection);
    void load(null);
  }, [load]);

  // "N tasks match": asked apart from the page, so that a slow count never holds the rows up
  const filterKey = JSON.stringify(serverFilter(filter) ?? null);
  useEffect(() => {
    let stale = false;
    setMatch(null);
    const f = JSON.parse(filterKey) as ViewFilter | null;
    if (!f) return;
    gql(MatchingTasksQuery, { id: project.id, filter: f })
      .then((data) => { if (!stale && data.project?.matchingTasks) setMatch(data.project.matchingTasks); })
      .catch(() => { /* the page shows the filter's error */ });
    return () => { stale = true; };
  }, [project.id, filterKey]);

  const loadTabs = useCallback(async () => {
    try {
      const data = await gql(DataManagerTabsQuery, { projectId: project.id });
      setTabs(data.dataManagerTabs ?? []);
    } catch {
      setTabs([]);
    }
  }, [project.id]);

  const loadDataFields = useCallback(() => {
    gql(DataFieldsQuery, { id: project.id })
      .then((data) => setDataFields(data.project?.dataFields ?? []))
      .catch(() => setDataFields([]));
  }, [project.id]);

  // imports add data fields: read them again whenever the filter or column panel opens
  useEffect(() => {
    if (panel) loadDataFields();
  }, [panel, loadDataFields]);

  useEffect(() => {
    void loadTabs();
    loadDataFields();
    // who works on the project, for people filters and columns (not every role may list them)
    gql(ProjectMembersQuery, { projectId: project.id })
      .then((data) => setPeople((data.projectMembers ?? []).map((m) => ({ id: m.userId, name: m.displayName }))))
      .catch(() => setPeople([]));
  }, [project.id, loadTabs, loadDataFields]);

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
          const f = current.current.filter;
          const known = rowsRef.current.some((row) => row.id === taskChanged.id);
          if (refreshTimer.current === undefined) {
            refreshTimer.current = setTimeout(() => {
              refreshTimer.current = undefined;
              refreshLive.current();
            }, 1500);
          }
          if ((f?.reviewState && taskChanged.reviewState && taskChanged.reviewState !== f.reviewState)
              || (f?.groundTruth !== undefined && taskChanged.groundTruth !== undefined && taskChanged.groundTruth !== f.groundTruth)) {
            // the row left the filtered view (e.g. a task just reviewed while showing "Pending review")
            rowsRef.current = rowsRef.current.filter((row) => row.id !== taskChanged.id);
            setRows(rowsRef.current);
            return;
          }
          // with conditions the browser cannot tell whether a new row matches: it updates the rows it shows
          if ((f?.conditions?.length ?? 0) > 0 && !known) return;
          const r = applyLiveRow(rowsRef.current, taskChanged, current.current.order, current.current.hasNextPage);
          rowsRef.current = r.rows;
          setRows(r.rows);
          // the header's count comes from the server (refreshLive): a task sends several events, counting them overcounts
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

  function withFilter(change: Partial<ViewFilter>) {
    const next: ViewFilter = { ...(filter ?? {}), ...change };
    if (!next.reviewState) delete next.reviewState;
    if (next.groundTruth === undefined) delete next.groundTruth;
    setView({ ...view, filter: next });
  }

  function sortBy(def: ColumnDef) {
    if (!def.sort) return;
    const field: SortField = def.sort;
    const same = order.field === field && (order.path ?? []).join('.') === (def.path ?? []).join('.');
    const direction = same ? (order.direction === 'ASC' ? 'DESC' : 'ASC') : field === 'NUMBER' || field === 'DATA' ? 'ASC' : 'DESC';
    setView({ ...view, orderBy: { field, direction, ...(def.path ? { path: def.path } : {}) } });
  }

  // ---- tabs -----------------------------------------------------------------------------------------------------
  const [tabError, setTabError] = useState<string | null>(null);

  async function saveTab(input: { tabId?: string | null; title: string; shared?: boolean; view: DataManagerView }): Promise<DataManagerTab | null> {
    setTabError(null);
    try {
      const data = await gql(SaveDataManagerTabMutation, { input: { projectId: project.id, ...input, view: input.view as JSONValue } });
      const errors: UserError[] = data.saveDataManagerTab.errors;
      if (errors.length > 0) {
        setTabError(errors.map(userErrorText).join(' '));
        return null;
      }
      await loadTabs();
      return data.saveDataManagerTab.tab;
    } catch (e) {
      setTabError(errorMessage(e));
      return null;
    }
  }

  function openTab(tab: DataManagerTab | null) {
    setView(tab ? (tab.view as DataManagerView) : {}, tab?.id ?? null);
  }

  async function moveTab(by: -1 | 1) {
    if (!activeTab) return;
    const ids = tabs.map((t) => t.id);
    const i = ids.indexOf(activeTab.id);
    const j = i + by;
    if (j < 0 || j >= ids.length) return;
    [ids[i], ids[j]] = [ids[j], ids[i]];
    try {
      const data = await gql(ReorderDataManagerTabsMutation, { input: { projectId: project.id, tabIds: ids } });
      setTabs(data.reorderDataManagerTabs.tabs);
    } catch (e) {
      setTabError(errorMessage(e));
    }
  }

  async function deleteTab() {
    if (!activeTab) return;
    try {
      const data = await gql(DeleteDataManagerTabMutation, { input: { projectId: project.id, tabId: activeTab.id } });
      if (data.deleteDataManagerTab.errors.length > 0) {
        setTabError(data.deleteDataManagerTab.errors.map(userErrorText).join(' '));
        return;
      }
      await loadTabs();
      openTab(null);
    } catch (e) {
      setTabError(errorMessage(e));
    }
  }

  const dirty = activeTab !== null && canonicalJson(activeTab.view) !== canonicalJson(view);
  const filtered = isFiltered(filter);
  const more = pageInfo?.hasNextPage ?? false;
  const matching = filtered ? match : total === null ? null : { count: total, exact: true };
  const pageSelected = rows.length > 0 && rows.every((r) => selection.mode === 'all' || selection.ids.has(r.id));
  const labelOf = (def: ColumnDef) => def.label;

  /** Table or grid: in the URL too (not part of a saved view). */
  function setLayout(next: 'table' | 'grid') {
    setParams((p) => {
      const q = new URLSearchParams(p);
      if (next === 'grid') q.set('layout', 'grid');
      else q.delete('layout');
      return q;
    });
  }

  function toggleRow(id: string) {
    setSelection((s) => {
      if (s.mode === 'all') return s;
      const ids = new Set(s.ids);
      if (ids.has(id)) ids.delete(id);
      else ids.add(id);
      return { mode: 'some', ids };
    });
  }

  return (
    <section data-testid="data-manager">
      <TabBar
        tabs={tabs}
        activeId={activeTab?.id ?? null}
        dirty={dirty}
        onOpen={openTab}
        onSaveAs={(title) => void saveTab({ title, view }).then((t) => { if (t) setView(view, t.id); })}
        onSave={() => { if (activeTab) void saveTab({ tabId: activeTab.id, title: activeTab.title, shared: activeTab.shared, view }); }}
        onRename={(title) => { if (activeTab) void saveTab({ tabId: activeTab.id, title, shared: activeTab.shared, view: activeTab.view as DataManagerView }); }}
        onDuplicate={() => {
          if (activeTab) void saveTab({ title: `${activeTab.title} (copy)`.slice(0, 100), view }).then((t) => { if (t) setView(view, t.id); });
        }}
        onDelete={() => void deleteTab()}
        onShare={(shared) => { if (activeTab) void saveTab({ tabId: activeTab.id, title: activeTab.title, shared, view: activeTab.view as DataManagerView }); }}
        onMove={(by) => void moveTab(by)}
      />
      <ErrorBox message={tabError} />
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
          <select value={reviewFilter} onChange={(e) => withFilter({ reviewState: (e.target.value || undefined) as ReviewState | undefined })}
                  data-testid="review-filter">
            <option value="">All</option>
            {REVIEW_STATES.map((s) => (
              <option key={s} value={s}>{REVIEW_STATE_LABELS[s]}</option>
            ))}
          </select>
        </label>
        <label className="muted small">
          Ground truth{' '}
          <select value={groundTruthFilter}
                  onChange={(e) => withFilter({ groundTruth: e.target.value === '' ? undefined : e.target.value === 'yes' })}
                  data-testid="ground-truth-filter">
            <option value="">All</option>
            <option value="yes">With ground truth</option>
            <option value="no">Without</option>
          </select>
        </label>
        <button className={`btn ${panel === 'filters' ? 'active' : ''}`} onClick={() => setPanel(panel === 'filters' ? null : 'filters')}
                data-testid="filters-button">
          Filters{conditions.length > 0 ? ` (${conditions.length})` : ''}
        </button>
        <button className={`btn ${panel === 'columns' ? 'active' : ''}`} onClick={() => setPanel(panel === 'columns' ? null : 'columns')}
                data-testid="columns-button">
          Columns
        </button>
        <span className="layout-switch">
          <button className={`btn btn-small ${layout === 'table' ? 'active' : ''}`} onClick={() => setLayout('table')} data-testid="layout-table"
                  aria-pressed={layout === 'table'}>Table</button>
          <button className={`btn btn-small ${layout === 'grid' ? 'active' : ''}`} onClick={() => setLayout('grid')} data-testid="layout-grid"
                  aria-pressed={layout === 'grid'}>Grid</button>
        </span>
        <span className="muted" data-testid="task-total">
          {filtered ? matchLabel(matching, rows.length, more) : shownLabel(rows.length, total, more, false)}
        </span>
        <span className={`live live-${live}`} title={liveError ?? ''} data-testid="live-status">
          {live === 'live' ? '● live' : live === 'connecting' ? '○ connecting' : '○ offline'}
        </span>
      </div>
      {panel === 'filters' && (
        <FilterBuilder key={viewKey} catalog={catalog} filter={filter} people={people} labelOptions={labelOptions}
                       onApply={(f) => setView({ ...view, filter: f })} />
      )}
      {panel === 'columns' && (
        <ColumnChooser catalog={catalog} columns={view.columns}
                       onToggle={(key) => setView({ ...view, columns: toggleColumn(catalog, view.columns, key) })}
                       onMove={(key, by) => setView({ ...view, columns: moveColumn(catalog, view.columns, key, by) })} />
      )}
      {conditions.length > 0 && (
        <p className="filter-chips muted small" data-testid="filter-summary">
          {conditions.map((c, i) => {
            const def = catalog.find((d) => d.column === c.column && (d.path ?? []).join('.') === (c.path ?? []).join('.'));
            return <span key={i} className="chip">{describeCondition(c, def?.label ?? c.column)}</span>;
          })}
          {conditions.length > 1 && <span> ({filter?.conjunction === 'OR' ? 'any' : 'all'})</span>}
        </p>
      )}
      {selectedCount(selection, matching?.count ?? null) > 0 && (
        <p className="selection-bar" data-testid="selection-bar">
          <span data-testid="selection-count">{selectionLabel(selection, matching)}</span>{' '}
          {selection.mode === 'some' && pageSelected && (more || (matching !== null && matching.count > rows.length)) && (
            <button className="btn btn-small" onClick={() => setSelection({ mode: 'all' })} data-testid="select-all-matching">
              Select all {matching ? `${matching.exact ? '' : 'about '}${matching.count}` : ''} matching
            </button>
          )}{' '}
          <button className="btn btn-small" onClick={() => setSelection(emptySelection)} data-testid="selection-clear">Clear selection</button>
          <SelectionActions projectId={project.id} selection={selection} filter={filter}
                            count={selection.mode === 'all' ? matching?.count ?? null : selection.ids.size} />
        </p>
      )}
      {selectedCount(selection, matching?.count ?? null) > 0 && (
        <div className="bulk-bar">
          <BulkActions projectId={project.id} selection={selection} filter={serverFilter(filter) ?? null} controls={project.controls} people={people}
                       canManage={['OWNER', 'ADMIN', 'MANAGER'].includes(me?.role ?? '')} canLabel={project.canReview === true}
                       onDone={(summary) => { setBulkDone(summary); setSelection(emptySelection); void load(null); onChangedRef.current(); }} />
        </div>
      )}
      {bulkDone && <p className="small" role="status" data-testid="bulk-done">{bulkDone}</p>}
      <ErrorBox message={error} />
      <div className={quick ? 'dm-with-quick-view' : undefined}>
      {layout === 'grid' ? (
        <div className="task-grid" data-testid="task-grid">
          {rows.map((t) => {
            const card = cardOf(t.data, project.objects);
            return (
              <div key={t.id} className={`task-card${quick === t.id ? ' quick-viewed' : ''}`} data-testid="task-card" data-task-id={t.id} tabIndex={0}
                   onClick={() => navigate(`/projects/${project.id}/tasks/${t.id}`)}
                   onKeyDown={(e) => { if (e.key === 'Enter') navigate(`/projects/${project.id}/tasks/${t.id}`); }}>
                <label className="task-card-head" onClick={(e) => e.stopPropagation()}>
                  <input type="checkbox" aria-label={`Select task ${t.number}`} data-testid="task-select"
                         checked={selection.mode === 'all' || selection.ids.has(t.id)} disabled={selection.mode === 'all'}
                         onChange={() => toggleRow(t.id)} />
                  <span>#{t.number}</span>
                  {t.reviewState && t.reviewState !== 'NONE' && <ReviewBadge state={t.reviewState} />}
                  <button type="button" className="link" title="Quick view (arrow keys step, Esc closes)" aria-label={`Quick view of task ${t.number}`}
                          onClick={(e) => { e.preventDefault(); setQuick(t.id); }} data-testid="quick-view-button">▸</button>
                </label>
                {card.thumbnail && <img src={mediaSrc(project.id, card.thumbnail, project.mediaProxy)} alt={`Task ${t.number}`} loading="lazy" />}
                <p className="small">{card.text}</p>
              </div>
            );
          })}
          {!loading && rows.length === 0 && <p className="empty muted">{filtered ? 'No task matches these filters.' : 'No tasks yet.'}</p>}
        </div>
      ) : (
      <table className="table clickable" data-testid="tasks-table">
        <thead>
          <tr>
            <th className="narrow">
              <input type="checkbox" aria-label="Select the rows shown" checked={pageSelected}
                     onChange={() => setSelection(pageSelected ? emptySelection : { mode: 'some', ids: new Set(rows.map((r) => r.id)) })}
                     data-testid="select-page" />
            </th>
            {shown.map((def) => header(def))}
          </tr>
        </thead>
        <tbody>
          {rows.map((t) => (
            <tr
              key={t.id}
              data-testid="task-row"
              data-task-id={t.id}
              data-task-number={t.number}
              className={quick === t.id ? 'quick-viewed' : undefined}
              tabIndex={0}
              onClick={() => navigate(`/projects/${project.id}/tasks/${t.id}`)}
              onKeyDown={(e) => { if (e.key === 'Enter') navigate(`/projects/${project.id}/tasks/${t.id}`); }}
            >
              <td className="narrow" onClick={(e) => e.stopPropagation()}>
                <input type="checkbox" aria-label={`Select task ${t.number}`} data-testid="task-select"
                       checked={selection.mode === 'all' || selection.ids.has(t.id)} disabled={selection.mode === 'all'}
                       onChange={() => toggleRow(t.id)} />{' '}
                <button type="button" className="link" title="Quick view (arrow keys step, Esc closes)" aria-label={`Quick view of task ${t.number}`}
                        onClick={() => setQuick(t.id)} data-testid="quick-view-button">▸</button>
              </td>
              {shown.map((def) => cell(def, t))}
            </tr>
          ))}
          {!loading && rows.length === 0 && (
            <tr>
              <td colSpan={shown.length + 1} className="empty">{filtered ? 'No task matches these filters.' : 'No tasks yet. Use the Import tab to add some.'}</td>
            </tr>
          )}
        </tbody>
      </table>
      )}
      {quick && (
        <QuickView project={project} taskId={quick} onClose={() => setQuick(null)}
                   onOpen={() => navigate(`/projects/${project.id}/tasks/${quick}`)}
                   onStep={(by) => {
                     const next = stepRow(rows.map((r) => r.id), quick, by);
                     if (next) setQuick(next);
                     else if (by === 1 && more && pageInfo && !loading) void load(pageInfo.endCursor);
                   }} />
      )}
      </div>
      {loading && <p className="muted">Loading…</p>}
      {more && !loading && pageInfo && (
        <button className="btn" onClick={() => void load(pageInfo.endCursor)} data-testid="load-more">Load more</button>
      )}
    </section>
  );

  function header(def: ColumnDef) {
    const active = def.sort !== undefined && order.field === def.sort && (order.path ?? []).join('.') === (def.path ?? []).join('.');
    const className = NUMERIC.has(def.key) ? 'num' : CENTERED.has(def.key) ? 'center' : '';
    if (!def.sort) return <th key={def.key} className={className}>{labelOf(def)}</th>;
    const testid = def.column === 'DATA' ? `sort-${def.key}` : `sort-${def.sort}`;
    return (
      <th key={def.key} className={`sortable ${className} ${def.key === 'number' ? 'narrow' : ''} ${active ? 'active' : ''}`}
          aria-sort={active ? (order.direction === 'ASC' ? 'ascending' : 'descending') : 'none'}>
        <button type="button" onClick={() => sortBy(def)} data-testid={testid}>
          {labelOf(def)} {active ? (order.direction === 'ASC' ? '▲' : '▼') : ''}
        </button>
      </th>
    );
  }

  function names(ids: string[] | undefined): string {
    return (ids ?? []).map((id) => peopleById.get(id) ?? id.slice(0, 8)).join(', ');
  }

  function cell(def: ColumnDef, t: TaskRow) {
    switch (def.key) {
      case 'number':
        return <td key={def.key} className="num narrow" data-testid="task-number">{t.number}</td>;
      case 'data':
        return <td key={def.key} className="preview" title={JSON.stringify(t.data)} data-testid="task-preview">{dataPreview(t.data)}</td>;
      case 'annotations':
        return <td key={def.key} className="num" data-testid="task-annotations">{t.annotationCount}</td>;
      case 'completed':
        return <td key={def.key} className="center" data-testid="task-completed" data-completed={t.completed ? 'true' : 'false'}>{t.completed ? '✓' : ''}</td>;
      case 'review':
        return <td key={def.key} data-testid="task-review">{t.reviewState && t.reviewState !== 'NONE' && <ReviewBadge state={t.reviewState} />}</td>;
      case 'groundTruth':
        return (
          <td key={def.key} className="center" data-testid="task-ground-truth" data-ground-truth={t.groundTruth ? 'true' : 'false'}
              title={t.groundTruth ? 'Has a ground-truth annotation' : undefined}>
            {t.groundTruth ? <span className="star on">★</span> : ''}
          </td>
        );
      case 'updated':
        return <td key={def.key} className="muted">{formatDateTime(t.updatedAt)}</td>;
      case 'created':
        return <td key={def.key} className="muted">{formatDateTime(t.createdAt)}</td>;
      case 'skips':
        return <td key={def.key} className="num">{t.skipCount}</td>;
      case 'annotators':
        return <td key={def.key} data-testid="cell-annotators">{names(t.annotatorIds)}</td>;
      case 'reviewers':
        return <td key={def.key} data-testid="cell-reviewers">{names(t.reviewerIds)}</td>;
      case 'accepted':
        return <td key={def.key} className="num">{t.acceptedCount ?? ''}</td>;
      case 'rejected':
        return <td key={def.key} className="num">{t.rejectedCount ?? ''}</td>;
      case 'leadTime':
        return <td key={def.key} className="num">{t.leadTimeSeconds == null ? '' : t.leadTimeSeconds.toFixed(1)}</td>;
      case 'predictions':
        return <td key={def.key} className="num">{t.predictionCount ?? ''}</td>;
      case 'predictionScore':
        return <td key={def.key} className="num">{t.predictionScore == null ? '' : t.predictionScore.toFixed(2)}</td>;
      case 'modelVersions':
        return <td key={def.key}>{(t.modelVersions ?? []).join(', ')}</td>;
      case 'comments':
        return <td key={def.key} className="num" data-testid="cell-comments">{t.commentCount ?? ''}</td>;
      case 'unresolvedComments':
        return <td key={def.key} className="num" data-testid="cell-unresolved-comments">{t.unresolvedCommentCount ?? ''}</td>;
      case 'assignedAnnotators':
        return <td key={def.key} data-testid="cell-assigned-annotators">{names(t.assignedAnnotatorIds)}</td>;
      case 'assignedReviewers':
        return <td key={def.key} data-testid="cell-assigned-reviewers">{names(t.assignedReviewerIds)}</td>;
      default:
        if (def.column === 'LABELS') {
          return <td key={def.key} data-testid={`cell-${def.key}`}>{(t.labels?.[def.path?.[0] ?? ''] ?? []).join(', ')}</td>;
        }
        return <td key={def.key} data-testid={`cell-${def.key}`}>{fieldText(t.data, def.path ?? [])}</td>;
    }
  }
}

const NUMERIC = new Set(['number', 'annotations', 'skips', 'accepted', 'rejected', 'leadTime', 'predictions', 'predictionScore']);
const CENTERED = new Set(['completed', 'groundTruth']);

/** A data field's value as text (objects and lists as JSON). */
export function fieldText(data: JSONValue, path: string[]): string {
  let v: JSONValue | undefined = data;
  for (const key of path) {
    v = v !== null && typeof v === 'object' && !Array.isArray(v) ? v[key] : undefined;
  }
  if (v === undefined || v === null) return '';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** The server-side filters of the older toolbar (undefined: none). */
export function taskFilter(review: ReviewState | '', groundTruth: '' | 'yes' | 'no'): { reviewState?: ReviewState; groundTruth?: boolean } | undefined {
  if (!review && !groundTruth) return undefined;
  return { ...(review ? { reviewState: review } : {}), ...(groundTruth ? { groundTruth: groundTruth === 'yes' } : {}) };
}

/** "12 of 340 tasks shown" without a filter; with one, "N tasks match" comes from the separate count. */
export function shownLabel(shown: number, total: number | null, more: boolean, filtered: boolean): string {
  if (total === null) return '';
  if (filtered) return `${shown}${more ? '+' : ''} matching task${shown === 1 && !more ? '' : 's'} shown`;
  return `${shown} of ${total} tasks shown`;
}
