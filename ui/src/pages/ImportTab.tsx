import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage, gql } from '../api/graphql';
import { ImportTasksMutation, type ImportTasksPayload } from '../api/operations';
import type { ImportFormat, ImportMode, ProjectDetail } from '../api/types';
import { ErrorBox } from '../components/Errors';
import { formatBytes, readImportFile, type LoadedImportFile } from '../lib/importFile';
import { DEFAULT_IMPORT_FORMAT, detectImportFormat, IMPORT_FILE_ACCEPT, IMPORT_FORMAT_LABELS, IMPORT_FORMATS } from '../lib/importFormat';

const EXAMPLE = '[{"data": {"text": "I love it"}}, {"data": {"text": "Terrible"}}]';

/** Placeholder of the paste area per format. */
const EXAMPLES: Record<ImportFormat, string> = {
  JSON: EXAMPLE,
  NDJSON: '{"data": {"text": "I love it"}}\n{"data": {"text": "Terrible"}}',
  CSV: 'text,source\n"I love it",review\n"Terrible, really",review',
  TSV: 'text\tsource\nI love it\treview\nTerrible\treview',
  TEXT: 'I love it\nTerrible',
  URLS: 'https://example.com/images/1.jpg\nhttps://example.com/images/2.jpg',
};

export function ImportTab({ project, onImported }: { project: ProjectDetail; onImported: () => void }) {
  const [text, setText] = useState('');
  // a file too large to show: kept out of the textarea, sent as it is
  const [bigFile, setBigFile] = useState<LoadedImportFile | null>(null);
  const [mode, setMode] = useState<ImportMode>('ALL_OR_NOTHING');
  const [format, setFormat] = useState<ImportFormat>(DEFAULT_IMPORT_FORMAT);
  // the file name the format was detected from (null: default for pasted text, or chosen by the user)
  const [detectedFrom, setDetectedFrom] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [reading, setReading] = useState(false);
  const [result, setResult] = useState<ImportTasksPayload | null>(null);
  const [requestError, setRequestError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file) return;
    setReading(true);
    setRequestError(null);
    const detected = detectImportFormat(file.name);
    if (detected) {
      setFormat(detected);
      setDetectedFrom(file.name);
    } else {
      setDetectedFrom(null);
    }
    try {
      const loaded = await readImportFile(file);
      if (loaded.showInEditor) {
        setBigFile(null);
        setText(loaded.text);
      } else {
        setBigFile(loaded);
        setText('');
      }
    } catch (err) {
      setRequestError(`Could not read ${file.name}: ${errorMessage(err)}`);
    } finally {
      setReading(false);
    }
  }

  function clearFile() {
    setBigFile(null);
    setFormat(DEFAULT_IMPORT_FORMAT);
    setDetectedFrom(null);
    if (fileInput.current) fileInput.current.value = '';
  }

  const json = bigFile ? bigFile.text : text;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!json.trim()) {
      setRequestError('Paste tasks or choose a file first.');
      return;
    }
    setBusy(true);
    setResult(null);
    setRequestError(null);
    try {
      const data = await gql(ImportTasksMutation, { input: { projectId: project.id, json, mode, format } });
      setResult(data.importTasks);
      if (data.importTasks.importedCount > 0) onImported();
    } catch (err) {
      setRequestError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const withLines = result?.rejected.some((r) => r.line != null) ?? false;

  return (
    <section className="card form" data-testid="import-tab">
      <h2>Import tasks</h2>
      <p className="muted">
        Label Studio task JSON: a list of <code>{'{"data": {...}}'}</code> objects (predictions allowed), e.g. <code>{EXAMPLE}</code>;
        or NDJSON, CSV/TSV with a header row, plain text or a URL list, one task per line.
      </p>
      <form onSubmit={onSubmit}>
        <label>
          File
          <input ref={fileInput} type="file" accept={IMPORT_FILE_ACCEPT} onChange={(e) => void onFile(e)} data-testid="import-file" />
        </label>
        <label>
          Format
          <select
            value={format}
            onChange={(e) => {
              setFormat(e.target.value as ImportFormat);
              setDetectedFrom(null);
            }}
            data-testid="import-format"
          >
            {IMPORT_FORMATS.map((f) => (
              <option key={f} value={f}>{IMPORT_FORMAT_LABELS[f]}</option>
            ))}
          </select>
          {detectedFrom && (
            <span className="hint muted" data-testid="import-format-detected">
              Detected from {detectedFrom}{format === 'TEXT' ? ' — choose "URL list" if it holds one URL per line.' : '.'}
            </span>
          )}
        </label>
        {reading && <p className="muted">Reading file…</p>}
        {bigFile ? (
          <div className="file-chip" data-testid="import-file-info">
            <strong>{bigFile.name}</strong> <span className="muted">({formatBytes(bigFile.size)})</span> will be sent as it is.
            <button type="button" className="btn btn-small" onClick={clearFile}>Remove</button>
          </div>
        ) : (
          <label>
            Or paste {format === 'JSON' ? 'JSON' : 'the data'}
            <textarea className="code" rows={10} value={text} placeholder={EXAMPLES[format]} onChange={(e) => setText(e.target.value)} data-testid="import-json" />
          </label>
        )}
        <fieldset className="radio-group">
          <legend>When a record is bad</legend>
          <label className="inline">
            <input type="radio" name="mode" checked={mode === 'ALL_OR_NOTHING'} onChange={() => setMode('ALL_OR_NOTHING')} data-testid="import-mode-all" />
            All or nothing (default)
          </label>
          <label className="inline">
            <input type="radio" name="mode" checked={mode === 'SKIP_BAD'} onChange={() => setMode('SKIP_BAD')} data-testid="import-mode-skip" />
            Skip bad records
          </label>
        </fieldset>
        <ErrorBox message={requestError} />
        <div className="actions">
          <button className="btn btn-primary" type="submit" disabled={busy || reading} data-testid="import-submit">
            {busy ? 'Importing…' : 'Import'}
          </button>
        </div>
      </form>
      {result && (
        <div className="import-result" data-testid="import-result">
          <ErrorBox errors={result.errors} testId="import-errors" />
          <p className={result.importedCount > 0 ? 'ok' : ''}>
            Imported <strong data-testid="import-count">{result.importedCount}</strong> task{result.importedCount === 1 ? '' : 's'}.
            {result.importedCount > 0 && <> <Link to={`/projects/${project.id}`}>Open the Data Manager</Link></>}
          </p>
          {result.rejected.length > 0 && (
            <>
              <h3>Rejected records ({result.rejected.length})</h3>
              <table className="table compact" data-testid="import-rejected">
                <thead>
                  <tr>
                    <th className="num">Index</th>
                    {withLines && <th className="num">Line</th>}
                    <th>Reason</th>
                  </tr>
                </thead>
                <tbody>
                  {result.rejected.slice(0, 500).map((r) => (
                    <tr key={r.index}>
                      <td className="num">{r.index}</td>
                      {withLines && <td className="num" data-testid="import-rejected-line">{r.line ?? '—'}</td>}
                      <td>{r.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {result.rejected.length > 500 && <p className="muted">…and {result.rejected.length - 500} more.</p>}
            </>
          )}
        </div>
      )}
    </section>
  );
}
