// The GraphQL server of the UI's component tests: answers each operation by name through a handler.
import { vi } from 'vitest';

export type GraphqlHandler = (op: string, vars: Record<string, unknown>) => unknown;

/** Stubs fetch so that every GraphQL request is answered with {@code data: handler(operationName, variables)}. */
export function mockGraphql(handler: GraphqlHandler) {
  const fn = vi.fn(async (_url: string, init: RequestInit) => {
    const body = JSON.parse(init.body as string) as { query: string; variables: Record<string, unknown> };
    const op = /(?:query|mutation)\s+(\w+)/.exec(body.query)![1];
    return new Response(JSON.stringify({ data: handler(op, body.variables) }), { status: 200 });
  });
  vi.stubGlobal('fetch', fn);
  return fn;
}
