import { describe, expect, it } from 'vitest';
import { DEFAULT_IMPORT_FORMAT, detectImportFormat, IMPORT_FILE_ACCEPT, IMPORT_FORMAT_LABELS, IMPORT_FORMATS } from './importFormat';

describe('detectImportFormat', () => {
  it.each([
    ['tasks.json', 'JSON'],
    ['tasks.ndjson', 'NDJSON'],
    ['tasks.jsonl', 'NDJSON'],
    ['tasks.csv', 'CSV'],
    ['tasks.tsv', 'TSV'],
    ['tasks.tab', 'TSV'],
    ['lines.txt', 'TEXT'],
  ])('%s → %s', (name, format) => {
    expect(detectImportFormat(name)).toBe(format);
  });

  it('ignores case and looks only at the last extension', () => {
    expect(detectImportFormat('EXPORT.CSV')).toBe('CSV');
    expect(detectImportFormat('data.Jsonl')).toBe('NDJSON');
    expect(detectImportFormat('backup.json.csv')).toBe('CSV');
    expect(detectImportFormat('my.tasks.v2.tsv')).toBe('TSV');
  });

  it('never guesses a URL list: a .txt file is TEXT until the user says otherwise', () => {
    expect(detectImportFormat('urls.txt')).toBe('TEXT');
    expect(IMPORT_FORMATS).toContain('URLS');
  });

  it('gives null for unknown, missing or empty extensions and dot-files', () => {
    expect(detectImportFormat('tasks.xml')).toBeNull();
    expect(detectImportFormat('tasks')).toBeNull();
    expect(detectImportFormat('tasks.')).toBeNull();
    expect(detectImportFormat('.json')).toBeNull();
    expect(detectImportFormat('')).toBeNull();
  });

  it('uses only the file name of a path', () => {
    expect(detectImportFormat('C:\\fakepath\\tasks.csv')).toBe('CSV');
    expect(detectImportFormat('dir.json/tasks')).toBeNull();
  });
});

describe('import format constants', () => {
  it('labels every format, defaults pasted text to JSON and accepts every detected extension', () => {
    expect(Object.keys(IMPORT_FORMAT_LABELS).sort()).toEqual([...IMPORT_FORMATS].sort());
    expect(DEFAULT_IMPORT_FORMAT).toBe('JSON');
    expect(IMPORT_FILE_ACCEPT.split(',')).toEqual(['.json', '.ndjson', '.jsonl', '.csv', '.tsv', '.tab', '.txt']);
  });
});
