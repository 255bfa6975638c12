import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { renderWithQueries } from '../shared/testing/render';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportJob, ProjectDetail } from '../shared/api/types';
import { subscribe } from '../shared/api/ws';
import { ImportTab } from './ImportTab';
import { ERROR_SENTENCES } from '../shared/lib/errors';

vi.mock('../shared/api/ws', () => ({ subscribe: vi.fn(() => () => {}) }));

const project: ProjectDetail = {
  id: 'p1', title: 'P', description: '', createdAt: '2030-01-01T00:00:00Z', taskCount: 0, completedCount: 0, annotationCount: 0, workspace: null,
  labelConfig: '<View/>', labelConfigVersion: 1, mediaProxy: false, controls: [], objects: [],
};

function mockFetch(payload: unknown) {
  const fn = vi.fn(async (_url: string, _init: RequestInit) => new Response(JSON.stringify({ data: { importTasks: payload } }), { status: 200 }));
  vi.stubGlobal('fetch', fn);
  return fn;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.mocked(subscribe).mockReset();
});

describe('ImportTab', () => {
  it('uploads a large file as it is to a background job and follows its progress to the report', async () => {
    let push: ((data: { importJob: ImportJob }) => void) | null = null;
    vi.mocked(subscribe).mockImplementation((_op, _vars, handlers) => {
      push = handlers.next as (data: { importJob: ImportJob }) => void;
      return () => {};
    });
    const report: ImportJob = {
      id: 'j1', state: 'FAILED', mode: 'ALL_OR_NOTHING', readCount: 10000, importedCount: 0, rejectedCount: 1,
      error: '1 record(s) are invalid; nothing was imported', rejected: [{ index: 7, line: null, reason: 'no field "text"' }],
    };
    const fetchMock = vi.fn(async (url: string, _init: RequestInit) =>
      url.startsWith('/api/')
        ? new Response(JSON.stringify({ id: 'j1', state: 'QUEUED' }), { status: 202 })
        : new Response(JSON.stringify({ data: { importJob: report } }), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    const onImported = vi.fn();
    renderWithQueries(<MemoryRouter><ImportTab project={project} onImported={onImported} /></MemoryRouter>);

    const big = JSON.stringify(Array.from({ length: 10_000 }, (_, i) => ({ data: { text: `task ${i} lorem ipsum dolor` } })));
    const file = new File([big], 'tasks.json', { type: 'application/json' });
    fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file] } });
    const info = await screen.findByTestId('import-file-info');
    expect(info.textContent).toContain('tasks.json');
    expect(info.textContent).toMatch(/KB|MB/);
    expect(screen.queryByTestId('import-json')).toBeNull();

    fireEvent.click(screen.getByTestId('import-submit'));
    await screen.findByTestId('import-job');
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/projects/p1/imports?format=JSON&mode=ALL_OR_NOTHING&fileName=tasks.json');
    expect(init.method).toBe('POST');
    expect(init.body).toBe(file); // the File itself: the browser streams it, the page never reads it
    expect(vi.mocked(subscribe).mock.calls[0][1]).toEqual({ id: 'j1' });

    const job = { id: 'j1', mode: 'ALL_OR_NOTHING' as const, rejectedCount: 0, error: null };
    act(() => push!({ importJob: { ...job, state: 'VALIDATING', readCount: 10000, importedCount: 0 } }));
    act(() => push!({ importJob: { ...job, state: 'IMPORTING', readCount: 5000, importedCount: 5000 } }));
    expect(screen.getByTestId('import-job-state').textContent).toBe('Importing');
    expect((screen.getByTestId('import-job-progress') as HTMLProgressElement).value).toBe(50);
    expect(screen.getByTestId('import-job-counts').textContent).toContain('5,000');

    act(() => push!({ importJob: { ...job, state: 'FAILED', readCount: 10000, importedCount: 0, rejectedCount: 1 } }));
    const rejected = await screen.findByTestId('import-rejected');
    expect(rejected.textContent).toContain('no field "text"');
    expect(screen.getByTestId('import-job-state').textContent).toBe('Failed');
    expect(screen.getByTestId('import-job-error').textContent).toContain('nothing was imported');
    expect(onImported).not.toHaveBeenCalled();
  });

  it('shows the typed refusal of an upload over the server limit', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ errors: [{ code: 'FILE_TOO_LARGE', field: ['file'], message: 'too big' }] }), { status: 413 })));
    renderWithQueries(<MemoryRouter><ImportTab project={project} onImported={() => {}} /></MemoryRouter>);
    const file = new File(['x'.repeat(300 * 1024)], 'huge.ndjson');
    fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file] } });
    await screen.findByTestId('import-file-info');
    expect((screen.getByTestId('import-format') as HTMLSelectElement).value).toBe('NDJSON');
    fireEvent.click(screen.getByTestId('import-submit'));
    const errors = await screen.findByTestId('errors');
    expect(errors.textContent).toContain('FILE_TOO_LARGE');
    expect(screen.queryByTestId('import-job')).toBeNull();
  });

  it('puts a small file into the textarea', async () => {
    mockFetch({ importedCount: 0, rejected: [], errors: [] });
    renderWithQueries(<MemoryRouter><ImportTab project={project} onImported={() => {}} /></MemoryRouter>);
    const small = '[{"data":{"text":"hi"}}]';
    fireEvent.change(screen.getByTestId('import-file'), { target: { files: [new File([small], 'small.json')] } });
    await waitFor(() => expect((screen.getByTestId('import-json') as HTMLTextAreaElement).value).toBe(small));
  });

  it('sends the chosen mode and lists rejected records with index and reason', async () => {
    const fetchMock = mockFetch({ importedCount: 2, rejected: [{ index: 1, reason: 'missing "data"' }], errors: [] });
    renderWithQueries(<MemoryRouter><ImportTab project={project} onImported={() => {}} /></MemoryRouter>);
    fireEvent.change(screen.getByTestId('import-json'), { target: { value: '[{"data":{}},{"x":1},{"data":{}}]' } });
    fireEvent.click(screen.getByTestId('import-mode-skip'));
    fireEvent.click(screen.getByTestId('import-submit'));
    const rejected = await screen.findByTestId('import-rejected');
    expect(rejected.textContent).toContain('missing "data"');
    expect(JSON.parse(fetchMock.mock.calls[0][1].body as string).variables.input.mode).toBe('SKIP_BAD');
  });

  it('sends pasted text as JSON by default and hides the line column when no rejection has one', async () => {
    const fetchMock = mockFetch({ importedCount: 1, rejected: [{ index: 1, line: null, reason: 'missing "data"' }], errors: [] });
    renderWithQueries(<MemoryRouter><ImportTab project={project} onImported={() => {}} /></MemoryRouter>);
    expect((screen.getByTestId('import-format') as HTMLSelectElement).value).toBe('JSON');
    fireEvent.change(screen.getByTestId('import-json'), { target: { value: '[{"data":{}},{"x":1}]' } });
    fireEvent.click(screen.getByTestId('import-submit'));
    const rejected = await screen.findByTestId('import-rejected');
    expect(JSON.parse(fetchMock.mock.calls[0][1].body as string).variables.input.format).toBe('JSON');
    expect(rejected.textContent).not.toContain('Line');
    expect(screen.queryByTestId('import-rejected-line')).toBeNull();
  });

  it('detects CSV from the file extension, sends it as format and shows the line of rejected records', async () => {
    const fetchMock = mockFetch({
      importedCount: 1,
      rejected: [{ index: 1, line: 3, reason: 'wrong number of columns' }],
      errors: [],
    });
    renderWithQueries(<MemoryRouter><ImportTab project={project} onImported={() => {}} /></MemoryRouter>);
    const csv = 'text\nhello\n"a",b\n';
    fireEvent.change(screen.getByTestId('import-file'), { target: { files: [new File([csv], 'Tasks.CSV')] } });
    await waitFor(() => expect((screen.getByTestId('import-json') as HTMLTextAreaElement).value).toBe(csv));
    expect((screen.getByTestId('import-format') as HTMLSelectElement).value).toBe('CSV');
    expect(screen.getByTestId('import-format-detected').textContent).toContain('Tasks.CSV');
    fireEvent.click(screen.getByTestId('import-mode-skip'));
    fireEvent.click(screen.getByTestId('import-submit'));
    await screen.findByTestId('import-rejected');
    const input = JSON.parse(fetchMock.mock.calls[0][1].body as string).variables.input;
    expect(input).toEqual({ projectId: 'p1', json: csv, mode: 'SKIP_BAD', format: 'CSV' });
    expect(screen.getByTestId('import-rejected').textContent).toContain('Line');
    expect(screen.getByTestId('import-rejected-line').textContent).toBe('3');
  });

  it('takes a .txt file as TEXT but lets the user choose a URL list instead', async () => {
    const fetchMock = mockFetch({ importedCount: 2, rejected: [], errors: [] });
    renderWithQueries(<MemoryRouter><ImportTab project={project} onImported={() => {}} /></MemoryRouter>);
    const urls = 'https://x.test/1.jpg\nhttps://x.test/2.jpg\n';
    fireEvent.change(screen.getByTestId('import-file'), { target: { files: [new File([urls], 'images.txt')] } });
    await waitFor(() => expect((screen.getByTestId('import-format') as HTMLSelectElement).value).toBe('TEXT'));
    expect(screen.getByTestId('import-format-detected').textContent).toContain('URL list');
    fireEvent.change(screen.getByTestId('import-format'), { target: { value: 'URLS' } });
    expect(screen.queryByTestId('import-format-detected')).toBeNull();
    await waitFor(() => expect((screen.getByTestId('import-json') as HTMLTextAreaElement).value).toBe(urls));
    fireEvent.click(screen.getByTestId('import-submit'));
    await screen.findByTestId('import-result');
    expect(JSON.parse(fetchMock.mock.calls[0][1].body as string).variables.input.format).toBe('URLS');
  });

  it('shows typed errors of the payload', async () => {
    mockFetch({ importedCount: 0, rejected: [], errors: [{ code: 'INVALID_IMPORT', field: ['json'], message: 'Not JSON' }] });
    renderWithQueries(<MemoryRouter><ImportTab project={project} onImported={() => {}} /></MemoryRouter>);
    fireEvent.change(screen.getByTestId('import-json'), { target: { value: '{oops' } });
    fireEvent.click(screen.getByTestId('import-submit'));
    const errors = await screen.findByTestId('import-errors');
    expect(errors.textContent).toContain(ERROR_SENTENCES.INVALID_IMPORT);
    expect(errors.textContent).toContain('Not JSON');
  });
});
