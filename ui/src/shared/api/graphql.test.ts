import { afterEach, describe, expect, it, vi } from 'vitest';
import { userErrorText } from '../lib/errors';
import { csrfHeaders, errorMessage, gql, GraphQLRequestError, HttpError, onUnauthorized, operation, UnauthorizedError } from './graphql';

const Op = operation<{ hello: string }, { name: string }>('query Hello($name: String) { hello }');

function answer(status: number, body: unknown, contentType = 'application/json'): typeof fetch {
  return vi.fn(async () =>
    new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'Content-Type': contentType } }),
  ) as unknown as typeof fetch;
}

describe('gql', () => {
  let off: (() => void) | null = null;
  afterEach(() => off?.());

  it('posts the query and variables with the same-origin cookie and returns data', async () => {
    const fetchImpl = answer(200, { data: { hello: 'world' } });
    const data = await gql(Op, { name: 'x' }, { fetchImpl });
    expect(data).toEqual({ hello: 'world' });
    const [url, init] = (fetchImpl as unknown as ReturnType<typeof vi.fn>).mock.calls[0];
    expect(url).toBe('/graphql');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('same-origin');
    expect(JSON.parse(init.body)).toEqual({ query: Op.document, variables: { name: 'x' } });
  });

  it('turns HTTP 401 into UnauthorizedError and tells the registered handler', async () => {
    const handler = vi.fn();
    off = onUnauthorized(handler);
    await expect(gql(Op, { name: 'x' }, { fetchImpl: answer(401, '') })).rejects.toBeInstanceOf(UnauthorizedError);
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('throws GraphQLRequestError carrying every error of the response, even with HTTP 200', async () => {
    const fetchImpl = answer(200, {
      data: null,
      errors: [{ message: 'Field "x" is undefined' }, { message: 'Not allowed', path: ['project'] }],
    });
    const err = await gql(Op, { name: 'x' }, { fetchImpl }).catch((e) => e);
    expect(err).toBeInstanceOf(GraphQLRequestError);
    expect((err as GraphQLRequestError).errors).toHaveLength(2);
    expect(errorMessage(err)).toBe('Field "x" is undefined\nNot allowed');
  });

  it('keeps partial data on GraphQL errors', async () => {
    const err = await gql(Op, { name: 'x' }, { fetchImpl: answer(200, { data: { hello: 'partial' }, errors: [{ message: 'boom' }] }) }).catch((e) => e);
    expect(err).toBeInstanceOf(GraphQLRequestError);
    expect((err as GraphQLRequestError).data).toEqual({ hello: 'partial' });
  });

  it('reads GraphQL errors from a 400 answer (e.g. a validation failure)', async () => {
    const err = await gql(Op, { name: 'x' }, { fetchImpl: answer(400, { errors: [{ message: 'Validation error' }] }) }).catch((e) => e);
    expect(err).toBeInstanceOf(GraphQLRequestError);
    expect(err.message).toBe('Validation error');
  });

  it('throws HttpError with the status for a non-GraphQL error page', async () => {
    const err = await gql(Op, { name: 'x' }, { fetchImpl: answer(502, '<html>Bad gateway</html>', 'text/html') }).catch((e) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect((err as HttpError).status).toBe(502);
  });

  it('throws HttpError when a 200 answer holds no data', async () => {
    const err = await gql(Op, { name: 'x' }, { fetchImpl: answer(200, {}) }).catch((e) => e);
    expect(err).toBeInstanceOf(HttpError);
  });

  it('reports network failures as HttpError with status 0', async () => {
    const fetchImpl = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    const err = await gql(Op, { name: 'x' }, { fetchImpl }).catch((e) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect((err as HttpError).status).toBe(0);
    expect(err.message).toContain('Failed to fetch');
  });
});

describe('csrfHeaders', () => {
  it('echoes the XSRF-TOKEN cookie when present', () => {
    expect(csrfHeaders('a=1; XSRF-TOKEN=abc%3D; b=2')).toEqual({ 'X-XSRF-TOKEN': 'abc=' });
    expect(csrfHeaders('a=1')).toEqual({});
  });
});

describe('typed GraphQL errors', () => {
  it('read as the sentence of their code', () => {
    const err = new GraphQLRequestError([{ message: 'The operator CONTAINS does not apply to COMPLETED (BOOLEAN)', extensions: { code: 'FILTER_OPERATOR' } },
      { message: 'plain', extensions: { code: 'SOMETHING_ELSE' } }]);
    expect(errorMessage(err)).toBe(`${userErrorText({ code: 'FILTER_OPERATOR', message: 'The operator CONTAINS does not apply to COMPLETED (BOOLEAN)' })}\nplain`);
    expect(errorMessage(err)).toContain('This kind of comparison does not apply to that column.');
  });
});
