// Our tag components in a DOM (happy-dom): what a user does gives Label Studio's items.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { OwnControl, ResultItem } from '../bridge';
import { ClassicControls } from './ClassicControls';
import { RankerList } from './RankerList';
import { rankerItem, rankerModel, type RankerModel } from './ranker';

afterEach(cleanup);

const pick: OwnControl = {
  tag: 'Ranker', name: 'pick', toName: 'results', attributes: { name: 'pick', toName: 'results' },
  options: [{ tag: 'Bucket', attributes: { name: 'good', title: 'Relevant' } }, { tag: 'Bucket', attributes: { name: 'bad', title: 'Off topic' } }],
};
const items = [{ id: 'a', title: 'Alpha', body: '' }, { id: 'b', title: 'Beta', body: 'second' }];

describe('RankerList', () => {
  it('shows the list and the buckets; "move to" puts an item in a bucket', () => {
    const onChange = vi.fn<(m: RankerModel) => void>();
    render(<RankerList ranker={pick} items={items} model={rankerModel(pick, 'Results', items)} onChange={onChange} disabled={false} />);
    expect(screen.getByTestId('ranker-column-_').textContent).toContain('Alpha');
    expect(screen.getByTestId('ranker-column-good').textContent).toContain('Relevant');
    fireEvent.change(screen.getByTestId('ranker-move-b'), { target: { value: 'good' } });
    expect(rankerItem(pick, onChange.mock.calls[0][0], undefined).value).toEqual({ ranker: { _: ['a'], good: ['b'], bad: [] } });
  });

  it('each item has a keyboard handle (dnd-kit: focusable, described for screen readers)', () => {
    render(<RankerList ranker={pick} items={items} model={rankerModel(pick, 'Results', items)} onChange={() => {}} disabled={false} />);
    const handle = screen.getByTestId('ranker-handle-a');
    expect(handle.getAttribute('tabindex')).toBe('0');
    expect(handle.getAttribute('aria-describedby')).toBeTruthy();
  });
});

describe('ClassicControls', () => {
  const kind: OwnControl = { tag: 'Choices', name: 'kind', toName: 'doc', attributes: {}, options: [{ tag: 'Choice', attributes: { value: 'Invoice' } }, { tag: 'Choice', attributes: { value: 'Letter', alias: 'L' } }] };
  const quality: OwnControl = { tag: 'Rating', name: 'quality', toName: 'doc', attributes: { maxRating: '3' } };

  it('a choice and a rating give Label Studio\'s items (an alias is what is stored)', () => {
    let current: ResultItem[] = [];
    const { rerender } = render(<ClassicControls controls={[kind, quality]} items={current} onChange={(i) => (current = i)} itemIndex={null} disabled={false} />);
    fireEvent.click(screen.getByTestId('own-choice-kind-L'));
    rerender(<ClassicControls controls={[kind, quality]} items={current} onChange={(i) => (current = i)} itemIndex={null} disabled={false} />);
    fireEvent.click(screen.getByTestId('own-rating-quality-2'));
    expect(current.map((i) => [i.from_name, i.to_name, i.type, i.value])).toEqual([['kind', 'doc', 'choices', { choices: ['L'] }], ['quality', 'doc', 'rating', { rating: 2 }]]);
  });
});
