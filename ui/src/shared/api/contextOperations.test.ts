// @vitest-environment node
// The GraphQL documents that live beside their context (ui/src/<context>/operations.ts) validate against the schema
// file too, like operations.ts's (operations.test.ts).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';

const schemaPath = fileURLToPath(new URL('../../../../api-graphql/src/main/resources/graphql/schema.graphqls', import.meta.url));
const schema = buildSchema(readFileSync(schemaPath, 'utf8'));
const modules = import.meta.glob(['../../*/operations.ts'], { eager: true }) as Record<string, Record<string, unknown>>;

const documents = Object.entries(modules).flatMap(([file, mod]) =>
  Object.entries(mod)
    .filter((entry): entry is [string, { document: string }] =>
      typeof entry[1] === 'object' && entry[1] !== null && typeof (entry[1] as { document?: unknown }).document === 'string')
    .map(([name, op]) => [`${file.replace('../../', '')}#${name}`, op] as const),
);

describe('GraphQL operations of the contexts', () => {
  it('finds the contexts\' documents', () => {
    // most contexts moved to generated documents (ADR 0040); this only proves the glob still finds the rest
    expect(documents.length).toBeGreaterThan(0);
  });

  it.each(documents)('%s validates against schema.graphqls', (_name, op) => {
    expect(validate(schema, parse(op.document)).map((e) => e.message)).toEqual([]);
  });
});
