// graphql-ws client for subscriptions (ws(s)://<host>/graphql). The session cookie travels with the upgrade.
import { createClient, type Client } from 'graphql-ws';
import type { Operation } from './graphql';

let client: Client | null = null;
/** Whether the shared connection is open now: a subscription made then is live at once (no 'connected' event follows). */
let open = false;

export function graphqlWsUrl(loc: { protocol: string; host: string } = window.location): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}/graphql`;
}

function getClient(): Client {
  if (!client) {
    client = createClient({
      url: graphqlWsUrl(),
      lazy: true,
      retryAttempts: 20,
      shouldRetry: () => true,
      retryWait: async (retries) => {
        await new Promise((r) => setTimeout(r, Math.min(1000 * 2 ** retries, 15000)));
      },
    });
    const c = client;
    c.on('connected', () => {
      if (client === c) open = true;
    });
    c.on('closed', () => {
      if (client === c) open = false;
    });
  }
  return client;
}

/** Drop the connection (e.g. after logout, so the next one carries the new session). */
export function resetWsClient(): void {
  const c = client;
  client = null;
  open = false;
  void c?.dispose();
}

export interface SubscriptionHandlers<TData> {
  next: (data: TData) => void;
  error?: (message: string) => void;
  connected?: () => void;
}

export function subscribe<TData, TVariables>(
  op: Operation<TData, TVariables>,
  variables: TVariables,
  handlers: SubscriptionHandlers<TData>,
): () => void {
  const c = getClient();
  const offConnected = c.on('connected', () => handlers.connected?.());
  // another subscription (e.g. the notification bell) opened the shared connection already
  let cancelled = false;
  if (open) queueMicrotask(() => !cancelled && handlers.connected?.());
  const unsubscribe = c.subscribe<TData>(
    { query: op.document, variables: variables as Record<string, unknown> },
    {
      next: (result) => {
        if (result.errors && result.errors.length > 0) {
          handlers.error?.(result.errors.map((e) => e.message).join('; '));
        } else if (result.data) {
          handlers.next(result.data as TData);
        }
      },
      error: (err) => handlers.error?.(describeWsError(err)),
      complete: () => {},
    },
  );
  return () => {
    cancelled = true;
    offConnected();
    unsubscribe();
  };
}

function describeWsError(err: unknown): string {
  if (Array.isArray(err)) return err.map((e) => (e as { message?: string }).message ?? String(e)).join('; ');
  if (err instanceof Error) return err.message;
  if (typeof CloseEvent !== 'undefined' && err instanceof CloseEvent) return `connection closed (${err.code})`;
  return 'live updates unavailable';
}
