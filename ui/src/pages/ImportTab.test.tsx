import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProjectDetail } from '../api/types';
import { ImportTab } from './ImportTab';

const project: ProjectDetail = {
  id: 'p1', title: 'P', description: '', createdAt: '2030-01-01T00:00:00Z', taskCount: 0, completedCount: 0, annotationCount: 0, workspace: null,
  labelConfig: '<View/>', labelConfigVersion: 1, controls: [], objects: [],
};

function mockFetch(payload: unknown) {
  const fn = vi.fn(async (_url: string, _init: RequestInit) => new Response(JSON.stringify({ data: { importTasks: payload } }), { status: 200 }));
  vi.stubGlobal('fetch', fn);
  return fn;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('ImportTab', () => {
  it('does not put a large file into the textarea, shows its name and size, and sends its text', async () => {
    const fetchMock = mockFetch({ importedCount: 10000, rejected: [], errors: [] });
    const onImported = vi.fn();
    render(<MemoryRouter><ImportTab project={project} onImported={onImported} /></MemoryRouter>);

    const big = JSON.stringify(Array.from({ length: 10_000 }, (_, i) => ({ data: { text: `task ${i} lorem ipsum dolor` } })));
    const file = new File([big], 'tasks.json', { type: 'application/json' });
    fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file] } });

    const info = await screen.findByTestId('import-file-info');
    expect(info.textContent).toContain('tasks.json');
    expect(info.textContent).toMatch(/KB|MB/);
    expect(screen.queryByTestId('import-json')).toBeNull();

    fireEvent.click(screen.getByTestId('import-submit'));
    await screen.findByTestId('import-result');
    const body = JSON.parse(fetchMock.mock.calls[0][1].body as string);
    expect(body.variables.input).toEqual({ projectId: 'p1', json: big, mode: 'ALL_OR_NOTHING', format: 'JSON' });
    expect(screen.getByTestId('import-count').textContent).toBe('10000');
    expect(onImported).toHaveBeenCalled();
  });

  it('puts a small file into the textarea', async () => {
    mockFetch({ importedCount: 0, rejected: [], errors: [] });
    render(<MemoryRouter><ImportTab project={project} onImported={() => {}} /></MemoryRouter>);
    const small = '[{"data":{"text":"hi"}}]';
    fireEvent.change(screen.getByTestId('import-file'), { target: { files: [new File([small], 'small.json')] } });
    await waitFor(() => expect((screen.getByTestId('import-json') as HTMLTextAreaElement).value).toBe(small));
  });

  it('sends the chosen mode and lists rejected records with index and reason', async () => {
    const fetchMock = mockFetch({ importedCount: 2, rejected: [{ index: 1, reason: 'missing "data"' }], errors: [] });
    render(<MemoryRouter><ImportTab project={project} onImported={() => {}} /></MemoryRouter>);
    fireEvent.change(screen.getByTestId('import-json'), { target: { value: '[{"data":{}},{"x":1},{"data":{}}]' } });
    fireEvent.click(screen.getByTestId('import-mode-skip'));
    fireEvent.click(screen.getByTestId('import-submit'));
    const rejected = await screen.findByTestId('import-rejected');
    expect(rejected.textContent).toContain('missing "data"');
    expect(JSON.parse(fetchMock.mock.calls[0][1].body as string).variables.input.mode).toBe('SKIP_BAD');
  });

  it('sends pasted text as JSON by default and hides the line column when no rejection has one', async () => {
    const fetchMock = mockFetch({ importedCount: 1, rejected: [{ index: 1, line: null, reason: 'missing "data"' }], errors: [] });
    render(<MemoryRouter><ImportTab project={project} onImported={() => {}} /></MemoryRouter>);
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
    render(<MemoryRouter><ImportTab project={project} onImported={() => {}} /></MemoryRouter>);
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
    render(<MemoryRouter><ImportTab project={project} onImported={() => {}} /></MemoryRouter>);
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
    render(<MemoryRouter><ImportTab project={project} onImported={() => {}} /></MemoryRouter>);
    fireEvent.change(screen.getByTestId('import-json'), { target: { value: '{oops' } });
    fireEvent.click(screen.getByTestId('import-submit'));
    const errors = await screen.findByTestId('import-errors');
    expect(errors.textContent).toContain('INVALID_IMPORT');
    expect(errors.textContent).toContain('Not JSON');
  });
});
