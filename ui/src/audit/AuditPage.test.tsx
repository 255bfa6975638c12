// The audit log through the query cache: pages, "Load more", filters, "Refresh", errors as sentences.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ERROR_SENTENCES } from '../shared/lib/errors';
import { mockGraphql } from '../shared/testing/graphqlMock';
import { renderWithQueries } from '../shared/testing/render';
import { AuditPage } from './AuditPage';

afterEach(cleanup);

function entry(position: number, eventType = 'ProjectCreated') {
  return {
    id: `e${position}`, position, eventType, aggregateType: 'Project', aggregateId: `agg-${position}`,
    actor: { id: 'u1', displayName: 'Ada' }, clientIp: '127.0.0.1', occurredAt: '2026-12-07T10:00:00Z',
    payload: { title: `p${position}` }, hash: `hash${position}abcdef`,
  };
}

function page(entries: ReturnType<typeof entry>[], endCursor: string | null) {
  return { auditLog: { edges: entries.map((node) => ({ cursor: node.id, node })), pageInfo: { hasNextPage: endCursor !== null, endCursor } } };
}

describe('AuditPage', () => {
  it('shows the first page, appends the next one on "Load more", and goes back to the first on "Refresh"', async () => {
    const calls: Record<string, unknown>[] = [];
    mockGraphql((op, vars) => {
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
    mockGraphql((_op, vars) => {
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

  it('shows a refusal as a sentence, not a code', async () => {
    vi.stubGlobal('fetch', vi.fn(async () =>
      new Response(JSON.stringify({ data: null, errors: [{ message: 'Forbidden', extensions: { code: 'FORBIDDEN' } }] }), { status: 200 })));
    renderWithQueries(<AuditPage />);
    await waitFor(() => expect(screen.getByTestId('errors').textContent).toContain(ERROR_SENTENCES.FORBIDDEN));
    expect(screen.getByTestId('errors').textContent).not.toContain('FORBIDDEN');
    expect(screen.getByText('No entries.')).toBeTruthy();
  });
});
