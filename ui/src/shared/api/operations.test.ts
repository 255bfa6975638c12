// @vitest-environment node
// The schema file is the contract: every document the UI sends must validate against it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as ops from './operations';
import { ERROR_CODES } from './types';
import { GraphQLEnumType } from 'graphql';

const schemaPath = fileURLToPath(new URL('../../../../api-graphql/src/main/resources/graphql/schema.graphqls', import.meta.url));
const schema = buildSchema(readFileSync(schemaPath, 'utf8'));

const documents = Object.entries(ops).filter(
  (entry): entry is [string, { document: string }] =>
    typeof entry[1] === 'object' && entry[1] !== null && typeof (entry[1] as { document?: unknown }).document === 'string',
);

describe('GraphQL operations', () => {
  it('covers every screen', () => {
    // what has not moved to its context yet (the Data Manager, workflow and quality screens; ADR 0040)
    expect(documents.length).toBeGreaterThanOrEqual(10);
  });

  it.each(documents)('%s validates against schema.graphqls', (_name, op) => {
    const errors = validate(schema, parse(op.document));
    expect(errors.map((e) => e.message)).toEqual([]);
  });

  it('knows every error code the server sends, and no other', () => {
    const codes = (schema.getType('ErrorCode') as GraphQLEnumType).getValues().map((v) => v.name);
    expect([...ERROR_CODES].sort()).toEqual([...codes].sort());
  });
});
