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

describe('readFrameMessage: selection, hotkeys, media errors and keys', () => {
  const msg = (data: Record<string, unknown>) => ({ source: frame, origin: 'null', data: { ll: 'lsf-frame', channel: 'c1', ...data } });

  it('reads the selected region (or none)', () => {
    expect(readFrameMessage(msg({ type: 'region', regionId: 'abc' }), frame, 'c1')).toEqual({ type: 'region', regionId: 'abc' });
    expect(readFrameMessage(msg({ type: 'region', regionId: null }), frame, 'c1')).toEqual({ type: 'region', regionId: null });
    expect(readFrameMessage(msg({ type: 'region', regionId: 7 }), frame, 'c1')).toBeNull();
  });

  it('keeps only well-formed hotkeys', () => {
    expect(readFrameMessage(msg({ type: 'hotkeys', keys: [{ key: 'ctrl+z', description: 'Undo' }, { key: 1 }, null] }), frame, 'c1'))
      .toEqual({ type: 'hotkeys', keys: [{ key: 'ctrl+z', description: 'Undo' }] });
    expect(readFrameMessage(msg({ type: 'hotkeys', keys: 'x' }), frame, 'c1')).toBeNull();
  });

  it('reads media errors and forwarded keys', () => {
    expect(readFrameMessage(msg({ type: 'mediaError', tag: 'IMG' }), frame, 'c1')).toEqual({ type: 'mediaError', tag: 'img' });
    expect(readFrameMessage(msg({ type: 'key', key: 'Enter', ctrlKey: true }), frame, 'c1'))
      .toEqual({ type: 'key', key: 'Enter', ctrlKey: true, metaKey: false, shiftKey: false, altKey: false, inTextField: false });
    expect(readFrameMessage(msg({ type: 'key', key: 'x'.repeat(21) }), frame, 'c1')).toBeNull();
  });
});
