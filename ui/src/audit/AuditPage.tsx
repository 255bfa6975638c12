import { Fragment, useCallback, useEffect, useState, type FormEvent } from 'react';
import { errorMessage, gql } from '../shared/api/graphql';
import { AuditLogQuery } from '../shared/api/operations';
import type { AuditEntry, AuditFilter, PageInfo } from '../shared/api/types';
import { ErrorBox } from '../shared/components/Errors';
import { formatDateTime } from '../shared/lib/format';

export function AuditPage() {
  const [eventType, setEventType] = useState('');
  const [aggregateId, setAggregateId] = useState('');
  const [filter, setFilter] = useState<AuditFilter>({});
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [pageInfo, setPageInfo] = useState<PageInfo | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);

  const load = useCallback(
    async (after: string | null) => {
      setLoading(true);
      setError(null);
      try {
        const data = await gql(AuditLogQuery, { filter: Object.keys(filter).length ? filter : null, first: 50, after });
        const nodes = data.auditLog.edges.map((e) => e.node);
        setEntries((prev) => (after ? [...prev, ...nodes] : nodes));
        setPageInfo(data.auditLog.pageInfo);
      } catch (e) {
        setError(errorMessage(e));
      } finally {
        setLoading(false);
      }
    },
    [filter],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  function apply(e: FormEvent) {
    e.preventDefault();
    const f: AuditFilter = {};
    if (eventType.trim()) f.eventType = eventType.trim();
    if (aggregateId.trim()) f.aggregateId = aggregateId.trim();
    setFilter(f);
  }

  function clear() {
    setEventType('');
    setAggregateId('');
    setFilter({});
  }

  const knownTypes = [...new Set(entries.map((e) => e.eventType))].sort();

  return (
    <div>
      <div className="page-head">
        <h1>Audit log</h1>
        <button className="btn" onClick={() => void load(null)} data-testid="audit-refresh">Refresh</button>
      </div>
      <form className="filters" onSubmit={apply} data-testid="audit-filters">
        <label>
          Event type
          <input list="audit-event-types" value={eventType} onChange={(e) => setEventType(e.target.value)} placeholder="e.g. AnnotationSubmitted" data-testid="audit-filter-type" />
          <datalist id="audit-event-types">
            {knownTypes.map((t) => <option key={t} value={t} />)}
          </datalist>
        </label>
        <label>
          Aggregate id
          <input value={aggregateId} onChange={(e) => setAggregateId(e.target.value)} data-testid="audit-filter-aggregate" />
        </label>
        <button className="btn btn-primary" type="submit" data-testid="audit-apply">Filter</button>
        <button className="btn" type="button" onClick={clear}>Clear</button>
      </form>
      <ErrorBox message={error} />
      <table className="table" data-testid="audit-table">
        <thead>
          <tr>
            <th className="num">#</th>
            <th>When</th>
            <th>Who</th>
            <th>Event</th>
            <th>Aggregate</th>
            <th>IP</th>
            <th>Hash</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <Fragment key={e.id}>
              <tr data-testid="audit-row" data-event-type={e.eventType} className="clickable-row" onClick={() => setOpen(open === e.id ? null : e.id)}>
                <td className="num muted">{e.position}</td>
                <td>{formatDateTime(e.occurredAt)}</td>
                <td>{e.actor?.displayName ?? <span className="muted">system</span>}</td>
                <td data-testid="audit-event-type"><code>{e.eventType}</code></td>
                <td>
                  <span className="muted small">{e.aggregateType}</span>{' '}
                  <button type="button" className="linkish mono" title="Filter by this aggregate" onClick={(ev) => { ev.stopPropagation(); setAggregateId(e.aggregateId); setFilter((f) => ({ ...f, aggregateId: e.aggregateId })); }}>
                    {e.aggregateId.length > 13 ? e.aggregateId.slice(0, 13) + '…' : e.aggregateId}
                  </button>
                </td>
                <td className="mono small">{e.clientIp ?? '—'}</td>
                <td className="mono small" title={e.hash}>{e.hash.slice(0, 10)}</td>
              </tr>
              {open === e.id && (
                <tr className="detail-row">
                  <td colSpan={7}>
                    <div className="small muted">Aggregate {e.aggregateId} · hash {e.hash}</div>
                    <pre className="json">{JSON.stringify(e.payload, null, 2)}</pre>
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
          {!loading && entries.length === 0 && (
            <tr><td colSpan={7} className="empty">No entries.</td></tr>
          )}
        </tbody>
      </table>
      {loading && <p className="muted">Loading…</p>}
      {pageInfo?.hasNextPage && !loading && (
        <button className="btn" onClick={() => void load(pageInfo.endCursor)} data-testid="audit-load-more">Load more</button>
      )}
    </div>
  );
}
