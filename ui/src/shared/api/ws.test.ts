import { afterEach, describe, expect, it, vi } from 'vitest';

// a stand-in for graphql-ws's client: records listeners so the test can open the connection
const listeners: Record<string, (() => void)[]> = {};
vi.mock('graphql-ws', () => ({
  createClient: () => ({
    on: (event: string, fn: () => void) => {
      (listeners[event] ??= []).push(fn);
      return () => {
        listeners[event] = listeners[event].filter((f) => f !== fn);
      };
    },
    subscribe: () => () => {},
    dispose: async () => {},
  }),
}));

const { resetWsClient, subscribe } = await import('./ws');
const op = { document: 'subscription S { x }' };

afterEach(() => resetWsClient());

describe('subscribe', () => {
  it('tells a subscription made on an open shared connection that it is live (no connected event follows)', async () => {
    const first = vi.fn();
    subscribe(op, {}, { next: () => {}, connected: first });
    listeners.connected.forEach((f) => f());
    expect(first).toHaveBeenCalledTimes(1);

    const second = vi.fn();
    subscribe(op, {}, { next: () => {}, connected: second });
    await Promise.resolve();
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('waits for the connection when none is open', async () => {
    const connected = vi.fn();
    const stop = subscribe(op, {}, { next: () => {}, connected });
    await Promise.resolve();
    expect(connected).not.toHaveBeenCalled();
    stop();
  });
});
