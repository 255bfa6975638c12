// @vitest-environment node
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as ops from './operations';

const schemaPath = fileURLToPath(new URL('../../../api-graphql/src/main/resources/graphql/schema.graphqls', import.meta.url));
const schema = buildSchema(readFileSync(schemaPath, 'utf8'));
const documents = Object.entries(ops).filter(
  (entry): entry is [string, { document: string }] =>
    typeof entry[1] === 'object' && entry[1] !== null && typeof (entry[1] as { document?: unknown }).document === 'string',
);

describe('workflow GraphQL operations', () => {
  it('has its documents', () => expect(documents.length).toBe(6));

  it.each(documents)('%s validates against schema.graphqls', (_name, op) => {
    expect(validate(schema, parse(op.document)).map((e) => e.message)).toEqual([]);
  });
});
