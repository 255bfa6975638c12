import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExportJob, Me, OrganizationRole, ProjectDetail } from '../shared/api/types';
import { SessionContext } from '../identity/session';
import { mockGraphql } from '../shared/testing/graphqlMock';
import { ExportControl } from './ExportControl';

const project: ProjectDetail = {
  id: 'p1', title: 'P', description: '', createdAt: '2030-01-01T00:00:00Z', taskCount: 5, completedCount: 2, annotationCount: 3, workspace: null,
  labelConfig: '<View/>', labelConfigVersion: 1, mediaProxy: false, controls: [], objects: [],
};

function renderAs(role: OrganizationRole | null) {
  const me: Me | null = role && { id: 'u1', email: 'a@b.c', displayName: 'Ann', role, organization: { id: 'o1', name: 'Org' } };
  render(
    <SessionContext.Provider value={{ me, reload: async () => me, signOut: async () => {} }}>
      <ExportControl project={project} />
    </SessionContext.Provider>,
  );
}

type Body = { query: string; variables: Record<string, unknown> };

/** A GraphQL server double answering by operation name; records what was sent. */
function graphqlServer(answer: (body: Body) => unknown) {
  const fn = vi.fn(async (_url: string, init: RequestInit) => {
    const body = JSON.parse(init.body as string) as Body;
    return new Response(JSON.stringify({ data: answer(body) }), { status: 200 });
  });
  vi.stubGlobal('fetch', fn);
  return fn;
}

const job = (over: Partial<ExportJob>): ExportJob => ({
  id: 'j1', format: 'CSV', state: 'QUEUED', onlyCompleted: true, userIds: ['u2'], asOf: null, totalTasks: 4, processedTasks: 0,
  writtenTasks: 0, fileBytes: null, fileName: 'project-p1-export-j1.csv', downloadUrl: null, error: null, createdAt: '2030-01-01T00:00:00Z',
  ...over,
});

beforeEach(() => {
  graphqlServer((b) => (b.query.includes('exportJobs') ? { exportJobs: [] } : { members: [] }));
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('ExportControl', () => {
  it('is a download link to the export endpoint that follows the format and "only completed"', () => {
    renderAs('MANAGER');
    const link = screen.getByTestId('export-link') as HTMLAnchorElement;
    expect(link.tagName).toBe('A');
    expect(link.hasAttribute('download')).toBe(true);
    expect(link.getAttribute('href')).toBe('/api/projects/p1/export?format=JSON');
    expect(link.title).toContain('5 tasks');

    fireEvent.change(screen.getByTestId('export-format'), { target: { value: 'CSV' } });
    fireEvent.click(screen.getByTestId('export-only-completed'));
    expect(screen.getByTestId('export-link').getAttribute('href')).toBe('/api/projects/p1/export?format=CSV&onlyCompleted=true');
    expect((screen.getByTestId('export-link') as HTMLAnchorElement).title).toContain('2 tasks');
    expect(screen.queryByTestId('export-forbidden')).toBeNull();
  });

  it('tells annotators and reviewers that they may not export instead of linking to a 403', () => {
    renderAs('ANNOTATOR');
    const button = screen.getByTestId('export-link') as HTMLButtonElement;
    expect(button.tagName).toBe('BUTTON');
    expect(button.disabled).toBe(true);
    expect(screen.getByTestId('export-forbidden').textContent).toMatch(/owners, admins and managers/);
  });

  it('offers the link while the session is not known yet (the server decides)', () => {
    renderAs(null);
    expect(screen.getByTestId('export-link').tagName).toBe('A');
  });

  it('creates a snapshot export with the chosen format and filters and lists it until it can be downloaded', async () => {
    let jobs: ExportJob[] = [];
    const fetchMock = graphqlServer((b) => {
      if (b.query.includes('createExport')) {
        jobs = [job({ state: 'RUNNING', processedTasks: 2, writtenTasks: 1 })];
        return { createExport: { job: jobs[0], errors: [] } };
      }
      if (b.query.includes('exportJobs')) return { exportJobs: jobs };
      return { members: [{ userId: 'u2', email: 'b@c.d', displayName: 'Bob', role: 'ANNOTATOR', active: true, joinedAt: '2030-01-01T00:00:00Z' }] };
    });
    renderAs('OWNER');
    await screen.findByTestId('export-job-users');

    fireEvent.change(screen.getByTestId('export-job-format'), { target: { value: 'CSV' } });
    fireEvent.click(screen.getByTestId('export-job-only-completed'));
    const users = screen.getByTestId('export-job-users') as HTMLSelectElement;
    users.options[0].selected = true;
    fireEvent.change(users);
    fireEvent.change(screen.getByTestId('export-job-as-of'), { target: { value: '2026-11-20T08:30' } });
    fireEvent.click(screen.getByTestId('export-job-create'));

    const row = await screen.findByTestId('export-job-j1');
    const sent = fetchMock.mock.calls.map(([, init]) => JSON.parse(init.body as string) as Body).find((b) => b.query.includes('createExport'))!;
    expect(sent.variables.input).toEqual({
      projectId: 'p1', format: 'CSV',
      filters: { onlyCompleted: true, onlyGroundTruth: false, userIds: ['u2'], asOf: new Date('2026-11-20T08:30').toISOString() },
    });
    expect(row.textContent).toContain('RUNNING');
    expect(row.textContent).toContain('1 / 4 tasks');
    expect(row.querySelector('progress')?.getAttribute('value')).toBe('50');
    expect(screen.queryByTestId('export-job-download')).toBeNull();

    // the finished job: size and a download link to the file
    jobs = [job({ state: 'COMPLETED', processedTasks: 4, writtenTasks: 3, fileBytes: 2048, downloadUrl: '/api/exports/j1/download' })];
    await waitFor(() => expect(screen.getByTestId('export-job-download')).toBeTruthy(), { timeout: 5000 });
    const link = screen.getByTestId('export-job-download') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('/api/exports/j1/download');
    expect(link.getAttribute('download')).toBe('project-p1-export-j1.csv');
    expect(screen.getByTestId('export-job-j1').textContent).toContain('2.0 KB');
  });

  it('offers "keep formulas" for CSV/TSV only, in the download link and in a snapshot export (formula injection, issue 9)', async () => {
    const fetchMock = mockGraphql((op) =>
      op === 'CreateExport' ? { createExport: { job: job({ rawValues: true }), errors: [] } }
        : op === 'ExportJobs' ? { exportJobs: [] } : { members: [] });
    renderAs('MANAGER');
    expect(screen.queryByTestId('export-raw-values')).toBeNull(); // JSON: nothing to neutralize
    expect(screen.queryByTestId('export-job-raw-values')).toBeNull();

    fireEvent.change(screen.getByTestId('export-format'), { target: { value: 'TSV' } });
    expect(screen.getByTestId('export-link').getAttribute('href')).toBe('/api/projects/p1/export?format=TSV');
    fireEvent.click(screen.getByTestId('export-raw-values'));
    expect(screen.getByTestId('export-link').getAttribute('href')).toBe('/api/projects/p1/export?format=TSV&rawValues=true');

    fireEvent.change(screen.getByTestId('export-job-format'), { target: { value: 'CSV' } });
    fireEvent.click(screen.getByTestId('export-job-raw-values'));
    fireEvent.click(screen.getByTestId('export-job-create'));
    await waitFor(() => expect(fetchMock.mock.calls.some(([, init]) => (init.body as string).includes('CreateExport'))).toBe(true));
    const sent = fetchMock.mock.calls.map(([, init]) => JSON.parse(init.body as string) as Body).find((b) => b.query.includes('createExport'))!;
    expect(sent.variables.input).toMatchObject({ format: 'CSV', rawValues: true });
  });

  it('shows the server\'s refusal and lists nothing new', async () => {
    graphqlServer((b) => b.query.includes('createExport')
      ? { createExport: { job: null, errors: [{ code: 'VALIDATION', field: ['filters', 'asOf'], message: 'asOf cannot be in the future' }] } }
      : b.query.includes('exportJobs') ? { exportJobs: [] } : { members: [] });
    renderAs('MANAGER');
    fireEvent.click(screen.getByTestId('export-job-create'));
    expect((await screen.findByTestId('errors')).textContent).toContain('asOf cannot be in the future');
    expect(screen.getByTestId('export-job-list').querySelectorAll('tbody tr')).toHaveLength(0);
  });

  it('"Only ground truth" goes into the download link and into a snapshot export\'s filters', async () => {
    const fetchMock = mockGraphql((op) =>
      op === 'CreateExport' ? { createExport: { job: job({ onlyGroundTruth: true }), errors: [] } }
        : op === 'ExportJobs' ? { exportJobs: [] } : { members: [] });
    renderAs('ADMIN');
    fireEvent.click(screen.getByTestId('export-only-ground-truth'));
    expect(screen.getByTestId('export-link').getAttribute('href')).toBe('/api/projects/p1/export?format=JSON&onlyGroundTruth=true');

    fireEvent.click(screen.getByTestId('export-job-only-ground-truth'));
    fireEvent.click(screen.getByTestId('export-job-create'));
    await waitFor(() => expect(fetchMock.mock.calls.some(([, init]) => (init.body as string).includes('CreateExport'))).toBe(true));
    const sent = fetchMock.mock.calls.map(([, init]) => JSON.parse(init.body as string) as Body).find((b) => b.query.includes('createExport'))!;
    expect(sent.variables.input).toEqual({
      projectId: 'p1', format: 'JSON', filters: { onlyCompleted: false, onlyGroundTruth: true, userIds: [], asOf: null },
    });
  });

  it('offers no snapshot exports to roles that may not export', () => {
    renderAs('REVIEWER');
    expect(screen.queryByTestId('export-jobs')).toBeNull();
  });
});
