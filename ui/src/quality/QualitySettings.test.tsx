import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProjectDetail } from '../shared/api/types';
import { mockGraphql } from '../shared/testing/graphqlMock';
import { renderWithQueries } from '../shared/testing/render';
import { QualitySettings } from './QualitySettings';

const project = {
  id: 'p1', title: 'Streets', description: '', createdAt: '2030-01-01T00:00:00Z', taskCount: 0, completedCount: 0, annotationCount: 0,
  workspace: null, labelConfig: '<View/>', labelConfigVersion: 1, mediaProxy: false, canReview: true, objects: [],
  controls: [
    { name: 'box', type: 'RectangleLabels', toName: ['img'], options: ['Car', 'Bus'], choice: null, required: false },
    { name: 'note', type: 'Rating', toName: ['img'], options: [], choice: null, required: false },
  ],
} as unknown as ProjectDetail;

const catalogue = [
  { resultTypes: ['rectanglelabels'], metrics: [{ name: 'iou', parameters: [] }, { name: 'f1', parameters: [{ name: 'iou_threshold', default: 0.5 }] }] },
];

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('QualitySettings', () => {
  it('shows the scorable controls with their metrics and saves what was changed', async () => {
    const sent: Record<string, unknown>[] = [];
    const settings = { version: 0, controls: [] as unknown[] };
    mockGraphql((op, vars) => {
      if (op === 'QualitySettings') return { projectQuality: { projectId: 'p1', settings }, agreementMetrics: catalogue };
      if (op === 'ChangeQualitySettings') {
        sent.push(vars);
        return { changeQualitySettings: { settings: { version: 1, controls: [] }, errors: [] } };
      }
      return {};
    });
    renderWithQueries(<QualitySettings project={project} />);
    // the Rating control has no metric in this catalogue: only the box is offered
    expect(await screen.findByTestId('quality-control-box')).toBeTruthy();
    expect(screen.queryByTestId('quality-control-note')).toBeNull();

    fireEvent.change(screen.getByTestId('quality-metric-box'), { target: { value: 'f1' } });
    fireEvent.change(await screen.findByTestId('quality-parameter-box-iou_threshold'), { target: { value: '0.7' } });
    fireEvent.change(screen.getByTestId('quality-label-weight-box-Bus'), { target: { value: '0' } });
    fireEvent.click(screen.getByTestId('quality-settings-save'));

    expect(await screen.findByTestId('quality-settings-saved')).toBeTruthy();
    expect(sent).toEqual([{ input: { projectId: 'p1', controls: [
      { control: 'box', metric: 'f1', parameters: [{ name: 'iou_threshold', value: 0.7 }], labelWeights: [{ label: 'Bus', weight: 0 }] },
    ] } }]);
  });

  it('refuses a weight that is not a number without asking the server', async () => {
    const fetch = mockGraphql((op) => (op === 'QualitySettings'
      ? { projectQuality: { projectId: 'p1', settings: { version: 0, controls: [] } }, agreementMetrics: catalogue } : {}));
    renderWithQueries(<QualitySettings project={project} />);
    fireEvent.change(await screen.findByTestId('quality-weight-box'), { target: { value: 'heavy' } });
    fireEvent.click(screen.getByTestId('quality-settings-save'));
    await waitFor(() => expect(screen.getByTestId('quality-settings-errors').textContent).toContain('box: the weight is not a number'));
    expect(fetch.mock.calls.map((c) => JSON.parse((c[1] as RequestInit).body as string).query)).not.toContainEqual(expect.stringContaining('mutation'));
  });
});
