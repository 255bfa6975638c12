// A small typed wrapper around `POST /graphql`.
//
// Each operation is declared once with `operation<TData, TVariables>(document)`; `gql(op, vars)` then returns
// `Promise<TData>`. Failures are typed:
//   - UnauthorizedError: HTTP 401 (the registered handler sends the browser to /login);
//   - GraphQLRequestError: the answer carries a GraphQL `errors` array (any HTTP status);
//   - HttpError: any other non-2xx answer, or a body that is not a GraphQL answer.
import { ERROR_CODES, type ErrorCode } from './types';
import { userErrorText } from '../lib/errors';

export interface GraphQLErrorItem {
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}

export interface Operation<TData, TVariables> {
  readonly document: string;
  /** Phantom fields: only here so TypeScript can carry the types. */
  readonly __data?: TData;
  readonly __variables?: TVariables;
}

export function operation<TData, TVariables = Record<string, never>>(document: string): Operation<TData, TVariables> {
  return { document };
}

export class UnauthorizedError extends Error {
  constructor() {
    super('Not signed in');
    this.name = 'UnauthorizedError';
  }
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export class GraphQLRequestError extends Error {
  constructor(
    readonly errors: GraphQLErrorItem[],
    readonly data: unknown = null,
  ) {
    super(errors.map((e) => e.message).join('; ') || 'GraphQL request failed');
    this.name = 'GraphQLRequestError';
  }
}

let unauthorizedHandler: (() => void) | null = null;

/** The app registers here what to do on HTTP 401 (go to /login). Returns a function that unregisters it. */
export function onUnauthorized(handler: () => void): () => void {
  unauthorizedHandler = handler;
  return () => {
    if (unauthorizedHandler === handler) unauthorizedHandler = null;
  };
}

export function notifyUnauthorized(): void {
  unauthorizedHandler?.();
}

/** Spring Security's cookie CSRF repository sets XSRF-TOKEN; echo it back when present. */
export function csrfHeaders(cookie: string = typeof document !== 'undefined' ? document.cookie : ''): Record<string, string> {
  const match = /(?:^|;\s*)XSRF-TOKEN=([^;]+)/.exec(cookie);
  return match ? { 'X-XSRF-TOKEN': decodeURIComponent(match[1]) } : {};
}

export interface GqlOptions {
  signal?: AbortSignal;
  fetchImpl?: typeof fetch;
  endpoint?: string;
}

export async function gql<TData, TVariables>(
  op: Operation<TData, TVariables>,
  variables: TVariables,
  options: GqlOptions = {},
): Promise<TData> {
  const doFetch = options.fetchImpl ?? fetch;
  let response: Response;
  try {
    response = await doFetch(options.endpoint ?? '/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json', ...csrfHeaders() },
      body: JSON.stringify({ query: op.document, variables }),
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new HttpError(0, `Network error: ${e instanceof Error ? e.message : String(e)}`);
  }

  if (response.status === 401) {
    notifyUnauthorized();
    throw new UnauthorizedError();
  }

  const text = await response.text();
  let body: unknown = undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }

  const answer = isGraphQLAnswer(body) ? body : null;
  if (answer?.errors && answer.errors.length > 0) {
    throw new GraphQLRequestError(answer.errors, answer.data ?? null);
  }
  if (!response.ok) {
    throw new HttpError(response.status, `Server answered ${response.status}${response.statusText ? ' ' + response.statusText : ''}`);
  }
  if (!answer || answer.data === undefined || answer.data === null) {
    throw new HttpError(response.status, 'The server gave no GraphQL data');
  }
  return answer.data as TData;
}

interface GraphQLAnswer {
  data?: unknown;
  errors?: GraphQLErrorItem[];
}

function isGraphQLAnswer(body: unknown): body is GraphQLAnswer {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const b = body as Record<string, unknown>;
  if ('errors' in b && !Array.isArray(b.errors)) return false;
  return 'data' in b || 'errors' in b;
}

/** Human text for any error thrown by gql or fetch. */
export function errorMessage(e: unknown): string {
  if (e instanceof GraphQLRequestError) {
    // a typed refusal (extensions.code, e.g. a Data Manager filter the server will not run) reads as a sentence
    return e.errors.map((x) => {
      const code = x.extensions?.code;
      return typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code)
        ? userErrorText({ code: code as ErrorCode, message: x.message })
        : x.message;
    }).join('\n');
  }
  if (e instanceof Error) return e.message;
  return String(e);
}
