// The audit log through the query cache: pages, "Load more", filters, "Refresh", errors as sentences.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ERROR_SENTENCES } from '../shared/lib/errors';
import { mockGraphql } from '../shared/testing/graphqlMock';
import { renderWithQueries } from '../shared/testing/render';
import { AuditPage, exportUrl } from './AuditPage';

afterEach(cleanup);

function entry(position: number, eventType = 'ProjectCreated') {
  return {
    id: `e${position}`, sequence: position, position: position + 100, eventType, aggregateType: 'Project', aggregateId: `agg-${position}`,
    objectLabel: `project 'p${position}'`, summary: `created project 'p${position}'`,
    actor: { id: 'u1', displayName: 'Ada' }, clientIp: '127.0.0.1', occurredAt: '2026-12-07T10:00:00Z',
    payload: { title: `p${position}` }, prevHash: '0'.repeat(64), hash: `hash${position}abcdef`, canonical: `LLA1|org=o|seq=${position}`,
  };
}

const CHAIN = { auditChain: { headSequence: 3, verifiedUpTo: 2, signedAt: '2026-12-07T11:00:00Z', keyId: '3f1a2b4c5d6e7f80',
  publicKeyPem: '-----BEGIN PUBLIC KEY-----\nMCow\n-----END PUBLIC KEY-----\n' } };

function page(entries: ReturnType<typeof entry>[], endCursor: string | null) {
  return { auditLog: { edges: entries.map((node) => ({ cursor: node.id, node })), pageInfo: { hasNextPage: endCursor !== null, endCursor } } };
}

describe('AuditPage', () => {
  it('shows the first page, appends the next one on "Load more", and goes back to the first on "Refresh"', async () => {
    const calls: Record<string, unknown>[] = [];
    mockGraphql((op, vars) => {
      if (op === 'AuditChain') return CHAIN;
      expect(op).toBe('AuditLog');
      calls.push(vars);
      return vars.after === 'e2' ? page([entry(1)], null) : page([entry(3), entry(2)], 'e2');
    });
    renderWithQueries(<AuditPage />);
    await waitFor(() => expect(screen.getAllByTestId('audit-row')).toHaveLength(2));
    expect(calls[0]).toEqual({ filter: null, first: 50, after: null });

    fireEvent.click(screen.getByTestId('audit-load-more'));
    await waitFor(() => expect(screen.getAllByTestId('audit-row')).toHaveLength(3));
    expect(calls[1]).toEqual({ filter: null, first: 50, after: 'e2' });
    expect(screen.queryByTestId('audit-load-more')).toBeNull();

    fireEvent.click(screen.getByTestId('audit-refresh'));
    await waitFor(() => expect(calls).toHaveLength(3));
    expect(calls[2]).toEqual({ filter: null, first: 50, after: null });
    await waitFor(() => expect(screen.getAllByTestId('audit-row')).toHaveLength(2));
  });

  it('sends the filter and lists only what the server answers for it', async () => {
    const calls: Record<string, unknown>[] = [];
    mockGraphql((op, vars) => {
      if (op === 'AuditChain') return CHAIN;
      calls.push(vars);
      return vars.filter ? page([entry(5, 'TaskImported')], null) : page([entry(3), entry(2)], null);
    });
    renderWithQueries(<AuditPage />);
    await waitFor(() => expect(screen.getAllByTestId('audit-row')).toHaveLength(2));
    fireEvent.change(screen.getByTestId('audit-filter-type'), { target: { value: ' TaskImported ' } });
    fireEvent.click(screen.getByTestId('audit-apply'));
    await waitFor(() => expect(screen.getAllByTestId('audit-row')).toHaveLength(1));
    expect(calls.at(-1)).toEqual({ filter: { eventType: 'TaskImported' }, first: 50, after: null });
    expect(screen.getByTestId('audit-event-type').textContent).toBe('TaskImported');
  });

  it('shows the change in words, the chain\'s state, and filters by a clicked address', async () => {
    const calls: Record<string, unknown>[] = [];
    mockGraphql((op, vars) => {
      if (op === 'AuditChain') return CHAIN;
      calls.push(vars);
      return page([entry(3), entry(2)], null);
    });
    renderWithQueries(<AuditPage />);
    await waitFor(() => expect(screen.getAllByTestId('audit-row')).toHaveLength(2));
    expect(screen.getAllByTestId('audit-summary')[0].textContent).toBe("created project 'p3'");
    expect(screen.getAllByTestId('audit-sequence').map((c) => c.textContent)).toEqual(['3', '2']);
    await waitFor(() => expect(screen.getByTestId('audit-chain-state').textContent).toContain('Verified up to #2'));
    fireEvent.click(screen.getAllByText('127.0.0.1')[0]);
    await waitFor(() => expect(calls.at(-1)).toEqual({ filter: { clientIp: '127.0.0.1' }, first: 50, after: null }));
    expect(screen.getByTestId('audit-download-csv').getAttribute('href')).toBe('/api/audit/export?format=csv&clientIp=127.0.0.1');
  });

  it('downloads the verification export for the time range only', () => {
    const filter = { from: '2026-12-01T00:00:00.000Z', actorId: 'u1', clientIp: '10.0.0.1' };
    expect(exportUrl('verification', filter)).toBe('/api/audit/export?format=verification&from=2026-12-01T00%3A00%3A00.000Z');
    expect(exportUrl('jsonl', filter)).toBe('/api/audit/export?format=jsonl&from=2026-12-01T00%3A00%3A00.000Z&actorId=u1&clientIp=10.0.0.1');
  });

  it('shows a refusal as a sentence, not a code', async () => {
    vi.stubGlobal('fetch', vi.fn(async () =>
      new Response(JSON.stringify({ data: null, errors: [{ message: 'Forbidden', extensions: { code: 'FORBIDDEN' } }] }), { status: 200 })));
    renderWithQueries(<AuditPage />);
    await waitFor(() => expect(screen.getByTestId('errors').textContent).toContain(ERROR_SENTENCES.FORBIDDEN));
    expect(screen.getByTestId('errors').textContent).not.toContain('FORBIDDEN');
    expect(screen.getByText('No entries.')).toBeTruthy();
  });
});
