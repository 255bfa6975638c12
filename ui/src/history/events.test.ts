import { describe, expect, it } from 'vitest';
import { asOfAfter, describeEvent, eventIndexAt } from './events';

describe('task history events', () => {
  it('names events in words', () => {
    expect(describeEvent('AnnotationUpdated')).toBe('Annotation updated');
    expect(describeEvent('SomethingNewHappened')).toBe('Something New Happened');
  });

  it('finds the last event at or before an instant', () => {
    const events = [{ occurredAt: '2030-01-01T00:00:00Z' }, { occurredAt: '2030-01-01T00:01:00Z' }, { occurredAt: '2030-01-01T00:01:00Z' }];
    expect(eventIndexAt(events, '2029-12-31T23:59:59Z')).toBe(-1);
    expect(eventIndexAt(events, '2030-01-01T00:00:30Z')).toBe(0);
    expect(eventIndexAt(events, '2030-01-01T00:01:00Z')).toBe(2);
  });

  it('asks for the task a millisecond after an event (the API shows instants to the millisecond)', () => {
    expect(asOfAfter({ occurredAt: '2030-01-01T00:00:00.123Z' })).toBe('2030-01-01T00:00:00.124Z');
  });
});
