import { describe, expect, it } from 'vitest';
import type { Annotation, ProjectDetail } from '../shared/api/types';
import { interfaceFor } from './configVersion';

const current = [{ name: 'sentiment', type: 'Choices', toName: ['text'], options: ['Positive', 'Negative', 'Neutral'], choice: 'single', required: false }];
const objects = [{ name: 'text', type: 'Text', valueField: 'text' }];
const oldObjects = [{ name: 'text', type: 'Text', valueField: 'body' }];
const project = { labelConfigVersion: 3, controls: current, objects } as unknown as ProjectDetail;
const annotation = (version: number | null): Annotation => ({
  id: 'a1', taskId: 't1', author: { id: 'u1', displayName: 'Ann' }, result: [], leadTimeSeconds: null,
  createdAt: '2030-01-01T00:00:00Z', updatedAt: '2030-01-01T00:00:00Z', configVersion: version,
  labelingConfig: version == null ? null : { version, xml: '<View/>', createdAt: '2030-01-01T00:00:00Z', objects: version === 3 ? objects : oldObjects },
});

describe('interfaceFor', () => {
  it('shows an annotation of an older version with that version', () => {
    const shown = interfaceFor(project, annotation(1), false);
    expect(shown).toEqual({ objects: oldObjects, version: 1, differs: true, annotationsVersion: true });
  });

  it('switches to the current config on request', () => {
    expect(interfaceFor(project, annotation(1), true)).toEqual({ objects, version: 3, differs: true, annotationsVersion: false });
  });

  it('uses the current config without an annotation, for the current version, or when the version is unknown', () => {
    for (const a of [undefined, annotation(3), annotation(null)]) {
      expect(interfaceFor(project, a, false)).toEqual({ objects, version: 3, differs: false, annotationsVersion: false });
    }
  });
});
