// Which ImportFormat a picked file is, from its name. Pure: no DOM, no React.
import type { ImportFormat } from '../shared/api/types';

export const IMPORT_FORMATS: readonly ImportFormat[] = ['JSON', 'NDJSON', 'CSV', 'TSV', 'TEXT', 'URLS'];

/** Human labels for the format selector. */
export const IMPORT_FORMAT_LABELS: Record<ImportFormat, string> = {
  JSON: 'JSON (Label Studio tasks)',
  NDJSON: 'NDJSON / JSON Lines (one task per line)',
  CSV: 'CSV (header row names the data fields)',
  TSV: 'TSV (header row names the data fields)',
  TEXT: 'Plain text (one task per line)',
  URLS: 'URL list (one http(s)/s3/gs URL per line)',
};

const BY_EXTENSION: Record<string, ImportFormat> = {
  json: 'JSON',
  ndjson: 'NDJSON',
  jsonl: 'NDJSON',
  csv: 'CSV',
  tsv: 'TSV',
  tab: 'TSV',
  txt: 'TEXT',
};

/** The `accept` attribute of the file input: every extension detectFormat knows. */
export const IMPORT_FILE_ACCEPT = Object.keys(BY_EXTENSION)
  .map((ext) => `.${ext}`)
  .join(',');

/** Format pasted text is taken to be until the user picks another. */
export const DEFAULT_IMPORT_FORMAT: ImportFormat = 'JSON';

/**
 * The format of a file from its extension (case-insensitive): .json → JSON, .ndjson/.jsonl → NDJSON, .csv → CSV,
 * .tsv/.tab → TSV, .txt → TEXT. A URL list cannot be told from a .txt file, so URLS is never detected; the user
 * chooses it. Unknown or missing extension → null (keep whatever the selector shows).
 */
export function detectImportFormat(fileName: string): ImportFormat | null {
  const base = fileName.trim().split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  if (dot <= 0 || dot === base.length - 1) return null; // no extension, or a dot-file such as ".json"
  return BY_EXTENSION[base.slice(dot + 1).toLowerCase()] ?? null;
}
