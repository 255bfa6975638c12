import { describe, expect, it } from 'vitest';
import type { Annotation } from '../shared/api/types';
import { groundTruthOf, maySetGroundTruth } from './groundTruth';

const annotation = (id: string, groundTruth?: boolean): Annotation => ({
  id, taskId: 't1', author: { id: 'u1', displayName: 'Ann' }, result: [], leadTimeSeconds: null,
  createdAt: '2030-01-01T00:00:00Z', updatedAt: '2030-01-01T00:00:00Z', groundTruth,
});

describe('ground truth', () => {
  it('is set by owners, admins and managers only', () => {
    expect(maySetGroundTruth('OWNER')).toBe(true);
    expect(maySetGroundTruth('ADMIN')).toBe(true);
    expect(maySetGroundTruth('MANAGER')).toBe(true);
    expect(maySetGroundTruth('REVIEWER')).toBe(false);
    expect(maySetGroundTruth('ANNOTATOR')).toBe(false);
    expect(maySetGroundTruth(null)).toBe(false);
  });

  it('finds the marked annotation; an older server without the field marks none', () => {
    expect(groundTruthOf([annotation('a1', false), annotation('a2', true)])?.id).toBe('a2');
    expect(groundTruthOf([annotation('a1'), annotation('a2')])).toBeUndefined();
  });
});
