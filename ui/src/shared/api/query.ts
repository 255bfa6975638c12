// TanStack Query over our typed documents (ADR 0040). The fetcher is gql() (graphql.ts), so a page gets the same
// typed failures as before (401 → /login, GraphQL errors with their codes, HTTP errors) and errorMessage() still
// turns them into sentences; subscriptions stay on the shared graphql-ws socket (ws.ts).
import { QueryClient, useMutation, useQuery, type UseQueryOptions } from '@tanstack/react-query';
import type { TypedDocumentString } from '../gql/graphql';
import { gql, operation, type GqlOptions, type Operation } from './graphql';

/** A generated document as the Operation gql() and subscribe() take. */
export function asOperation<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>): Operation<TResult, TVariables> {
  return operation<TResult, TVariables>(document.toString());
}

/** One GraphQL request with a generated document. */
export function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  options: GqlOptions = {},
): Promise<TResult> {
  return gql(asOperation(document), variables, options);
}

/** The operation's name: the first part of every query key, so a mutation can invalidate "every AuditLog page". */
export function operationName(document: { toString(): string }): string {
  const match = /(?:query|mutation|subscription)\s+(\w+)/.exec(document.toString());
  if (!match) throw new Error('A GraphQL document without an operation name');
  return match[1];
}

/**
 * The app's cache. No retries (a failure is shown at once, as before) and no refetch on window focus (the pages
 * that need fresh data have live subscriptions); data is refetched when a page mounts again.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
      mutations: { retry: false },
    },
  });
}

/** useQuery for a generated document; the key is [operation name, variables]. */
export function useGraphQLQuery<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  options: Omit<UseQueryOptions<TResult, Error, TResult, readonly unknown[]>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery({
    queryKey: [operationName(document), variables] as const,
    queryFn: ({ signal }) => request(document, variables, { signal }),
    ...options,
  });
}

/** useMutation for a generated document (the variables are given to mutate()). */
export function useGraphQLMutation<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>) {
  return useMutation<TResult, Error, TVariables>({
    mutationKey: [operationName(document)],
    mutationFn: (variables) => request(document, variables),
  });
}

/** Rewrites a cached answer in place (e.g. drop a revoked row) when the mutation's payload says all there is to know. */
export function updateQuery<TResult, TVariables>(
  client: QueryClient,
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  update: (old: TResult) => TResult,
) {
  client.setQueryData<TResult>([operationName(document), variables], (old) => (old === undefined ? old : update(old)));
}
