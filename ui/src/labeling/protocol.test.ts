import { describe, expect, it } from 'vitest';
import { newChannel, readFrameMessage } from './protocol';

const frame = {} as Window;
const other = {} as Window;

describe('readFrameMessage', () => {
  const ok = { source: frame, origin: 'null', data: { ll: 'lsf-frame', channel: 'c1', type: 'serialized', requestId: 7, result: [] } };

  it('accepts a known message from the frame\'s window, opaque origin and channel', () => {
    expect(readFrameMessage(ok, frame, 'c1')).toEqual({ type: 'serialized', requestId: 7, result: [] });
    expect(readFrameMessage({ ...ok, data: { ll: 'lsf-frame', channel: 'c1', type: 'loaded', millis: 40, results: 2 } }, frame, 'c1'))
      .toEqual({ type: 'loaded', millis: 40, results: 2 });
  });

  it('refuses messages from another window, another origin, another channel or of an unknown shape', () => {
    expect(readFrameMessage({ ...ok, source: other }, frame, 'c1')).toBeNull();
    expect(readFrameMessage({ ...ok, source: null }, frame, 'c1')).toBeNull();
    expect(readFrameMessage(ok, null, 'c1')).toBeNull();
    // a same-origin document (e.g. an un-sandboxed page) is not the sandboxed frame
    expect(readFrameMessage({ ...ok, origin: 'http://localhost:8080' }, frame, 'c1')).toBeNull();
    expect(readFrameMessage(ok, frame, 'c2')).toBeNull();
    expect(readFrameMessage({ ...ok, data: { ...ok.data, ll: 'other' } }, frame, 'c1')).toBeNull();
    expect(readFrameMessage({ ...ok, data: { ...ok.data, type: 'eval' } }, frame, 'c1')).toBeNull();
    expect(readFrameMessage({ ...ok, data: { ...ok.data, result: 'x' } }, frame, 'c1')).toBeNull();
    expect(readFrameMessage({ ...ok, data: 'serialized' }, frame, 'c1')).toBeNull();
  });

  it('makes a fresh 128-bit channel each time', () => {
    const a = newChannel();
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(newChannel()).not.toBe(a);
  });
});
