import { beforeEach, describe, expect, it, vi } from 'vitest';

// graphql-ws is a library we do not own: a stand-in client that lets the test open the socket
const listeners: Record<string, Array<() => void>> = {};
vi.mock('graphql-ws', () => ({
  createClient: () => ({
    on: (event: string, listener: () => void) => {
      (listeners[event] ??= []).push(listener);
      return () => {
        listeners[event] = listeners[event].filter((l) => l !== listener);
      };
    },
    subscribe: () => () => {},
    dispose: async () => {},
  }),
}));

import { resetWsClient, subscribe } from './ws';

const op = { document: 'subscription { x }' } as never;
const emit = (event: string) => (listeners[event] ?? []).forEach((l) => l());

describe('subscribe on the shared socket', () => {
  beforeEach(() => {
    resetWsClient();
    for (const k of Object.keys(listeners)) delete listeners[k];
  });

  it('tells a subscriber that joins an open socket that it is connected', async () => {
    // given the bell's subscription opened the socket
    const bell = vi.fn();
    subscribe(op, {}, { next: () => {}, connected: bell });
    emit('connected');
    expect(bell).toHaveBeenCalledTimes(1);

    // when the Data Manager subscribes afterwards
    const rows = vi.fn();
    subscribe(op, {}, { next: () => {}, connected: rows });
    await Promise.resolve();

    // then it hears it too
    expect(rows).toHaveBeenCalledTimes(1);
  });

  it('waits for the socket when it is not open, and says nothing after unsubscribing', async () => {
    emit('closed');
    const waiting = vi.fn();
    subscribe(op, {}, { next: () => {}, connected: waiting });
    await Promise.resolve();
    expect(waiting).not.toHaveBeenCalled();

    emit('connected');
    const gone = vi.fn();
    const stop = subscribe(op, {}, { next: () => {}, connected: gone });
    stop();
    await Promise.resolve();
    expect(waiting).toHaveBeenCalledTimes(1);
    expect(gone).not.toHaveBeenCalled();
  });
});
