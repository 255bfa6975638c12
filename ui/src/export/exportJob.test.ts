import { describe, expect, it } from 'vitest';
import { exportJobEnded, exportJobPercent, localInputToInstant } from './exportJob';

describe('exportJob helpers', () => {
  it('gives the percent of tasks read while running, 100 when done and nothing while queued or failed', () => {
    expect(exportJobPercent({ state: 'QUEUED', processedTasks: 0, totalTasks: 10 })).toBeNull();
    expect(exportJobPercent({ state: 'RUNNING', processedTasks: 5, totalTasks: 10 })).toBe(50);
    expect(exportJobPercent({ state: 'RUNNING', processedTasks: 10, totalTasks: 10 })).toBe(99);
    expect(exportJobPercent({ state: 'RUNNING', processedTasks: 0, totalTasks: 0 })).toBe(0);
    expect(exportJobPercent({ state: 'COMPLETED', processedTasks: 3, totalTasks: 10 })).toBe(100);
    expect(exportJobPercent({ state: 'FAILED', processedTasks: 3, totalTasks: 10 })).toBeNull();
    expect(exportJobEnded({ state: 'FAILED' })).toBe(true);
    expect(exportJobEnded({ state: 'RUNNING' })).toBe(false);
  });

  it('turns a datetime-local value into an instant and refuses what is not a date', () => {
    expect(localInputToInstant('')).toBeNull();
    expect(localInputToInstant('not a date')).toBeNull();
    expect(localInputToInstant('2026-11-20T08:30')).toBe(new Date('2026-11-20T08:30').toISOString());
  });
});
