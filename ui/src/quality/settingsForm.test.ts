import { describe, expect, it } from 'vitest';
import { formFrom, inputFrom, metricsFor, problems } from './settingsForm';

const catalogue = [
  { resultTypes: ['choices'], metrics: [{ name: 'exact', parameters: [] }, { name: 'jaccard', parameters: [] }] },
  { resultTypes: ['rectanglelabels'], metrics: [{ name: 'iou', parameters: [] }, { name: 'f1', parameters: [{ name: 'iou_threshold', default: 0.5 }] }] },
];

describe('quality settings form', () => {
  it('offers the metrics of the control type, by its tag name', () => {
    expect(metricsFor(catalogue, 'RectangleLabels').map((m) => m.name)).toEqual(['iou', 'f1']);
    expect(metricsFor(catalogue, 'TextArea')).toEqual([]);
  });

  it('sends only what differs from the defaults, and reads back what it sent', () => {
    const form = {
      box: { metric: 'f1', parameters: { iou_threshold: '0.7' }, weight: '2', labelWeights: { Bus: '0', Car: '' } },
      scene: { metric: '', parameters: {}, weight: '', labelWeights: {} },
      other: { metric: '', parameters: {}, weight: '1', labelWeights: {} },
    };
    const input = inputFrom('p1', form);
    expect(input).toEqual({ projectId: 'p1', controls: [
      { control: 'box', metric: 'f1', parameters: [{ name: 'iou_threshold', value: 0.7 }], weight: 2, labelWeights: [{ label: 'Bus', weight: 0 }] },
    ] });
    const stored = { version: 1, controls: [{ control: 'box', metric: 'f1', parameters: [{ name: 'iou_threshold', value: 0.7 }], weight: 2,
      labelWeights: [{ label: 'Bus', weight: 0 }] }] };
    expect(formFrom(stored)).toEqual({ box: { metric: 'f1', parameters: { iou_threshold: '0.7' }, weight: '2', labelWeights: { Bus: '0' } } });
  });

  it('names the fields that are not numbers', () => {
    expect(problems({ box: { metric: 'f1', parameters: { iou_threshold: 'high' }, weight: 'x', labelWeights: { Bus: '0.5' } } }))
      .toEqual(['box: the weight is not a number', 'box: iou_threshold is not a number']);
  });
});
