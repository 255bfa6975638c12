import { describe, expect, it } from 'vitest';
import { summarizeResult } from './labeling';

describe('summarizeResult', () => {
  it('summarizes a result for people', () => {
    const stored = [
      { from_name: 'sentiment', to_name: 'text', type: 'choices', value: { choices: ['Neutral'] } },
      { from_name: 'ner', to_name: 'text', type: 'labels', value: { start: 0, end: 3, labels: ['PER'] } },
    ];
    expect(summarizeResult(stored.slice(0, 1))).toBe('sentiment: Neutral');
    expect(summarizeResult(stored)).toBe('sentiment: Neutral; ner: 0, 3, PER');
    expect(summarizeResult([])).toBe('(empty result)');
  });
});
