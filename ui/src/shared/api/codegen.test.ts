// @vitest-environment node
// The generated types and documents (src/shared/gql, ADR 0040) are what `npm run codegen` makes of the schema file
// and the graphql(...) documents in src today: a changed schema or document without regenerating fails here.
// Generating also validates every document against the schema, so an invalid one fails here too.
import { readFileSync } from 'node:fs';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../../../codegen';

describe('generated GraphQL types (npm run codegen)', () => {
  it('are current', async () => {
    const outputs = (await generate(config, false)) as { filename: string; content: string }[];
    expect(outputs.map((o) => o.filename.replace(/.*\/src\//, 'src/')).sort()).toEqual(
      ['src/shared/gql/gql.ts', 'src/shared/gql/graphql.ts', 'src/shared/gql/index.ts']);
    for (const output of outputs) {
      expect(readFileSync(output.filename, 'utf8'), `${output.filename} is stale: run npm run codegen`).toBe(output.content);
    }
  }, 60_000);
});
