import { Fragment, useState, type FormEvent } from 'react';
import { useInfiniteQuery, useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { errorMessage } from '../shared/api/graphql';
import { request } from '../shared/api/query';
import type { AuditFilter, AuditLogQuery as AuditLogPage } from '../shared/gql/graphql';
import { ErrorBox } from '../shared/components/Errors';
import { formatDateTime, fromDateTimeLocal } from '../shared/lib/format';
import { AuditChainQuery, AuditLogQuery } from './operations';

const PAGE_SIZE = 50;

/** The download link of the audit export for the filter (ADR 0051): the verification export takes the time range only. */
export function exportUrl(format: 'verification' | 'jsonl' | 'csv', filter: AuditFilter): string {
  const params = new URLSearchParams({ format });
  if (filter.from) params.set('from', filter.from);
  if (filter.to) params.set('to', filter.to);
  if (format !== 'verification') {
    if (filter.actorId) params.set('actorId', filter.actorId);
    if (filter.eventType) params.set('eventType', filter.eventType);
    if (filter.aggregateId) params.set('objectId', filter.aggregateId);
    if (filter.clientIp) params.set('clientIp', filter.clientIp);
  }
  return `/api/audit/export?${params.toString()}`;
}

function ChainState() {
  const chain = useQuery({ queryKey: ['AuditChain'], queryFn: ({ signal }) => request(AuditChainQuery, {}, { signal }) });
  const [showKey, setShowKey] = useState(false);
  const c = chain.data?.auditChain;
  if (!c) return null;
  return (
    <div className="notice" data-testid="audit-chain">
      {c.verifiedUpTo != null ? (
        <span data-testid="audit-chain-state">Verified up to #{c.verifiedUpTo}, signed at {formatDateTime(c.signedAt)}</span>
      ) : (
        <span data-testid="audit-chain-state">No signed checkpoint yet</span>
      )}
      <span className="muted"> · {c.headSequence} entries · key {c.keyId} </span>
      <button type="button" className="linkish" onClick={() => setShowKey(!showKey)} data-testid="audit-public-key-toggle">
        {showKey ? 'Hide' : 'Show'} public key
      </button>
      {showKey && <pre className="mono small" data-testid="audit-public-key">{c.publicKeyPem}</pre>}
    </div>
  );
}

export function AuditPage() {
  const [actorId, setActorId] = useState('');
  const [eventType, setEventType] = useState('');
  const [aggregateId, setAggregateId] = useState('');
  const [clientIp, setClientIp] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [filter, setFilter] = useState<AuditFilter>({});
  const [open, setOpen] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const queryKey = ['AuditLog', filter] as const;
  const log = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam, signal }) =>
      request(AuditLogQuery, { filter: Object.keys(filter).length ? filter : null, first: PAGE_SIZE, after: pageParam }, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => (last.auditLog.pageInfo.hasNextPage ? last.auditLog.pageInfo.endCursor : undefined),
  });
  const entries = log.data?.pages.flatMap((page) => page.auditLog.edges.map((e) => e.node)) ?? [];
  const loading = log.isFetching;
  const error = log.error ? errorMessage(log.error) : null;
  // "Refresh" reads the newest page again and drops the pages "Load more" added (they stay shown until it answers)
  const refresh = () => {
    queryClient.setQueryData<InfiniteData<AuditLogPage, string | null>>(queryKey, (data) =>
      data && { pages: data.pages.slice(0, 1), pageParams: data.pageParams.slice(0, 1) });
    void log.refetch();
    void queryClient.invalidateQueries({ queryKey: ['AuditChain'] });
  };

  function apply(e: FormEvent) {
    e.preventDefault();
    const f: AuditFilter = {};
    if (actorId.trim()) f.actorId = actorId.trim();
    if (eventType.trim()) f.eventType = eventType.trim();
    if (aggregateId.trim()) f.aggregateId = aggregateId.trim();
    if (clientIp.trim()) f.clientIp = clientIp.trim();
    const fromIso = fromDateTimeLocal(from);
    const toIso = fromDateTimeLocal(to);
    if (fromIso) f.from = fromIso;
    if (toIso) f.to = toIso;
    setFilter(f);
  }

  function clear() {
    setActorId('');
    setEventType('');
    setAggregateId('');
    setClientIp('');
    setFrom('');
    setTo('');
    setFilter({});
  }

  /** Clicking a value in a row filters by it at once. */
  function narrow(key: 'actorId' | 'aggregateId' | 'clientIp', value: string) {
    if (key === 'actorId') setActorId(value);
    if (key === 'aggregateId') setAggregateId(value);
    if (key === 'clientIp') setClientIp(value);
    setFilter((f) => ({ ...f, [key]: value }));
  }

  const knownTypes = [...new Set(entries.map((e) => e.eventType))].sort();

  return (
    <div>
      <div className="page-head">
        <h1>Audit log</h1>
        <button className="btn" onClick={refresh} data-testid="audit-refresh">Refresh</button>
      </div>
      <ChainState />
      <form className="filters" onSubmit={apply} data-testid="audit-filters">
        <label>
          Actor (user id)
          <input value={actorId} onChange={(e) => setActorId(e.target.value)} data-testid="audit-filter-actor" />
        </label>
        <label>
          Action
          <input list="audit-event-types" value={eventType} onChange={(e) => setEventType(e.target.value)} placeholder="e.g. AnnotationReviewed" data-testid="audit-filter-type" />
          <datalist id="audit-event-types">
            {knownTypes.map((t) => <option key={t} value={t} />)}
          </datalist>
        </label>
        <label>
          Object id
          <input value={aggregateId} onChange={(e) => setAggregateId(e.target.value)} data-testid="audit-filter-aggregate" />
        </label>
        <label>
          IP address
          <input value={clientIp} onChange={(e) => setClientIp(e.target.value)} data-testid="audit-filter-ip" />
        </label>
        <label>
          From
          <input type="datetime-local" step="1" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="audit-filter-from" />
        </label>
        <label>
          To
          <input type="datetime-local" step="1" value={to} onChange={(e) => setTo(e.target.value)} data-testid="audit-filter-to" />
        </label>
        <button className="btn btn-primary" type="submit" data-testid="audit-apply">Filter</button>
        <button className="btn" type="button" onClick={clear}>Clear</button>
      </form>
      <div className="actions" data-testid="audit-downloads">
        <span className="muted small">Download (this time range): </span>
        <a className="btn" href={exportUrl('verification', filter)} data-testid="audit-download-verification"
           title="Every entry with its canonical bytes, hashes and the signed checkpoints: what `audit verify` checks">
          Verification export (JSONL)
        </a>{' '}
        <a className="btn" href={exportUrl('jsonl', filter)} data-testid="audit-download-jsonl">JSONL for SIEM</a>{' '}
        <a className="btn" href={exportUrl('csv', filter)} data-testid="audit-download-csv">CSV</a>
      </div>
      <ErrorBox message={error} />
      <table className="table" data-testid="audit-table">
        <thead>
          <tr>
            <th className="num">#</th>
            <th>When</th>
            <th>Who</th>
            <th>What</th>
            <th>Object</th>
            <th>IP</th>
            <th>Hash</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <Fragment key={e.id}>
              <tr data-testid="audit-row" data-event-type={e.eventType} className="clickable-row" onClick={() => setOpen(open === e.id ? null : e.id)}>
                <td className="num muted" data-testid="audit-sequence">{e.sequence}</td>
                <td>{formatDateTime(e.occurredAt)}</td>
                <td>
                  {e.actor ? (
                    <button type="button" className="linkish" title="Filter by this person" onClick={(ev) => { ev.stopPropagation(); narrow('actorId', e.actor!.id); }}>
                      {e.actor.displayName}
                    </button>
                  ) : <span className="muted">system</span>}
                </td>
                <td>
                  <span data-testid="audit-summary">{e.summary}</span>{' '}
                  <code className="muted small" data-testid="audit-event-type">{e.eventType}</code>
                </td>
                <td>
                  <button type="button" className="linkish" title={`${e.aggregateType} ${e.aggregateId} — filter by this object`}
                          onClick={(ev) => { ev.stopPropagation(); narrow('aggregateId', e.aggregateId); }}>
                    {e.objectLabel ?? <span className="mono">{e.aggregateId}</span>}
                  </button>
                </td>
                <td className="mono small">
                  {e.clientIp ? (
                    <button type="button" className="linkish mono" title="Filter by this address" onClick={(ev) => { ev.stopPropagation(); narrow('clientIp', e.clientIp!); }}>
                      {e.clientIp}
                    </button>
                  ) : '—'}
                </td>
                <td className="mono small" title={e.hash}>{e.hash.slice(0, 10)}</td>
              </tr>
              {open === e.id && (
                <tr className="detail-row">
                  <td colSpan={7}>
                    <div className="small muted">{e.aggregateType} {e.aggregateId} · event {e.id} · store position {e.position}</div>
                    <div className="small mono" data-testid="audit-canonical">canonical: {e.canonical ?? '—'}</div>
                    <div className="small mono">previous hash {e.prevHash} · hash {e.hash}</div>
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
      {log.hasNextPage && !loading && (
        <button className="btn" onClick={() => void log.fetchNextPage()} data-testid="audit-load-more">Load more</button>
      )}
    </div>
  );
}
