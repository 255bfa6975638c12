// GraphQL Code Generator (client preset, ADR 0040): types and typed documents for every `graphql(...)` call in
// src, read from the schema file that is the contract. `npm run codegen` writes src/shared/gql/ (committed);
// the build runs it first and src/shared/api/codegen.test.ts fails when the committed copy is stale.
import type { CodegenConfig } from '@graphql-codegen/cli';
import { fileURLToPath } from 'node:url';

/** Paths from this file, so the CLI and codegen.test.ts (any working directory) read and write the same files. */
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

const config: CodegenConfig = {
  schema: here('../api-graphql/src/main/resources/graphql/schema.graphqls'),
  documents: [here('src/**/*.{ts,tsx}'), '!' + here('src/shared/gql/**'), '!' + here('src/**/*.test.{ts,tsx}')],
  ignoreNoDocuments: true,
  generates: {
    [here('src/shared/gql/')]: {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        skipTypename: true,
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        scalars: {
          DateTime: 'string',
          JSON: "import('../api/types').JSONValue",
          ID: 'string',
        },
      },
    },
  },
  silent: true,
};

export default config;
