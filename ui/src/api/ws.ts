// graphql-ws client for subscriptions (ws(s)://<host>/graphql). The session cookie travels with the upgrade.
import { createClient, type Client } from 'graphql-ws';
import type { Operation } from './graphql';

let client: Client | null = null;
/** Whether the shared client's socket is open and acknowledged ('connected' fires once per socket, not per subscriber). */
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
    open = false;
    client.on('connected', () => {
      open = true;
    });
    client.on('closed', () => {
      open = false;
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
  // a subscriber joining a socket that is already open hears no 'connected' of its own (e.g. the Data Manager's rows
  // after the notification bell opened the socket): tell it now, after its subscribe went out on that socket
  const wasOpen = open;
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
  let active = true;
  if (wasOpen) queueMicrotask(() => active && handlers.connected?.());
  return () => {
    active = false;
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
