import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { renderWithQueries } from '../shared/testing/render';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProjectDetail } from '../shared/api/types';
import { MediaProxySetting } from './SettingsTab';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const project: ProjectDetail = {
  id: 'p1', title: 'Pictures', description: '', createdAt: '2026-01-01T00:00:00Z', taskCount: 0, completedCount: 0,
  annotationCount: 0, workspace: null, labelConfig: '<View/>', labelConfigVersion: 1, mediaProxy: false, controls: [], objects: [],
};

describe('MediaProxySetting', () => {
  it('is off by default, turns the proxy on through changeMediaProxy and shows a refusal', async () => {
    const sent: unknown[] = [];
    vi.stubGlobal('fetch', vi.fn(async (_url: string, init: RequestInit) => {
      const body = JSON.parse(init.body as string) as { query: string; variables: { input: { allowed: boolean } } };
      expect(body.query).toContain('changeMediaProxy');
      sent.push(body.variables.input);
      const data = sent.length === 1
        ? { changeMediaProxy: { project: { ...project, mediaProxy: true }, errors: [] } }
        : { changeMediaProxy: { project: null, errors: [{ code: 'FORBIDDEN', field: [], message: 'Only managers of the project' }] } };
      return new Response(JSON.stringify({ data }), { status: 200 });
    }));
    const changed: ProjectDetail[] = [];
    renderWithQueries(<MediaProxySetting project={project} onChanged={(p) => changed.push(p)} />);
    const box = screen.getByTestId('media-proxy') as HTMLInputElement;
    expect(box.checked).toBe(false);

    fireEvent.click(box);
    await waitFor(() => expect((screen.getByTestId('media-proxy') as HTMLInputElement).checked).toBe(true));
    expect(changed.map((p) => p.mediaProxy)).toEqual([true]);

    fireEvent.click(screen.getByTestId('media-proxy'));
    expect((await screen.findByTestId('media-proxy-errors')).textContent).toContain('Only managers');
    expect((screen.getByTestId('media-proxy') as HTMLInputElement).checked).toBe(true); // refused: unchanged
    expect(sent).toEqual([{ projectId: 'p1', allowed: true }, { projectId: 'p1', allowed: false }]);
  });
});
