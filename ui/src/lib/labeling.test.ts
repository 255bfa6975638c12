import { describe, expect, it } from 'vitest';
import type { Control } from '../api/types';
import { buildResult, selectionsFromResult, summarizeResult, toggleChoice, validateSelections } from './labeling';

const sentiment: Control = { name: 'sentiment', type: 'Choices', toName: ['text'], options: ['Positive', 'Negative', 'Neutral'], choice: 'single', required: false };
const topics: Control = { name: 'topics', type: 'Choices', toName: ['text', 'title'], options: ['Sports', 'Politics', 'Tech'], choice: 'multiple', required: true };
const labels: Control = { name: 'ner', type: 'Labels', toName: ['text'], options: ['PER'], choice: null, required: false };

describe('buildResult', () => {
  it('builds Label Studio choices items from the chosen values', () => {
    expect(buildResult([sentiment], { sentiment: ['Positive'] })).toEqual([
      { from_name: 'sentiment', to_name: 'text', type: 'choices', value: { choices: ['Positive'] } },
    ]);
  });

  it('uses the first toName, skips empty and non-choices controls, drops unknown values', () => {
    const result = buildResult([sentiment, topics, labels], { sentiment: [], topics: ['Tech', 'Bogus', 'Sports'], ner: ['PER'] });
    expect(result).toEqual([{ from_name: 'topics', to_name: 'text', type: 'choices', value: { choices: ['Tech', 'Sports'] } }]);
  });

  it('never sends more than one value for a single-choice control', () => {
    expect(buildResult([sentiment], { sentiment: ['Positive', 'Negative'] })[0].value.choices).toEqual(['Positive']);
  });
});

describe('toggleChoice', () => {
  it('replaces the value for single choice (radio)', () => {
    let s = toggleChoice({}, sentiment, 'Positive', true);
    s = toggleChoice(s, sentiment, 'Negative', true);
    expect(s.sentiment).toEqual(['Negative']);
  });

  it('adds and removes values for multiple choice (checkboxes), in config order', () => {
    let s = toggleChoice({}, topics, 'Tech', true);
    s = toggleChoice(s, topics, 'Sports', true);
    expect(s.topics).toEqual(['Sports', 'Tech']);
    s = toggleChoice(s, topics, 'Sports', false);
    expect(s.topics).toEqual(['Tech']);
  });
});

describe('validateSelections', () => {
  it('reports missing required controls', () => {
    expect(validateSelections([sentiment, topics], { sentiment: ['Positive'] })).toHaveLength(1);
    expect(validateSelections([sentiment, topics], { topics: ['Tech'] })).toEqual([]);
  });

  it('asks for at least one value when nothing is chosen', () => {
    expect(validateSelections([sentiment], {})).toEqual(['Choose at least one value.']);
  });
});

describe('reading results back', () => {
  const stored = [
    { from_name: 'sentiment', to_name: 'text', type: 'choices', value: { choices: ['Neutral'] } },
    { from_name: 'ner', to_name: 'text', type: 'labels', value: { start: 0, end: 3, labels: ['PER'] } },
  ];

  it('selectionsFromResult restores chosen values and ignores other item types', () => {
    expect(selectionsFromResult(stored)).toEqual({ sentiment: ['Neutral'] });
    expect(selectionsFromResult('not a list')).toEqual({});
  });

  it('round-trips through buildResult', () => {
    const s = { sentiment: ['Negative'] };
    expect(selectionsFromResult(buildResult([sentiment], s))).toEqual(s);
  });

  it('summarizes a result for people', () => {
    expect(summarizeResult(stored.slice(0, 1))).toBe('sentiment: Neutral');
  });
});
