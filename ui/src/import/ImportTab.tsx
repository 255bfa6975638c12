import { useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../shared/api/graphql';
import { asOperation, request, useGraphQLMutation } from '../shared/api/query';
import type { ImportTasksMutation as ImportTasksResult } from '../shared/gql/graphql';
import { ImportJobQuery, ImportJobSubscription, ImportTasksMutation } from './operations';
import type { ImportFormat, ImportJob, ImportMode, ImportRejection, ProjectDetail } from '../shared/api/types';
import { subscribe } from '../shared/api/ws';
import { ErrorBox } from '../shared/components/Errors';
import { formatBytes, readImportFile } from './importFile';
import { isEnded, progressPercent, uploadImport, usesJob } from './importJob';
import { DEFAULT_IMPORT_FORMAT, detectImportFormat, IMPORT_FILE_ACCEPT, IMPORT_FORMAT_LABELS, IMPORT_FORMATS } from './importFormat';

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
  // a file too large to show: never read into the page, uploaded as it is and imported by a background job
  const [bigFile, setBigFile] = useState<File | null>(null);
  const [job, setJob] = useState<ImportJob | null>(null);
  // records the validation pass found: the import pass's total, for the progress bar
  const [recordsInFile, setRecordsInFile] = useState<number | null>(null);
  const [mode, setMode] = useState<ImportMode>('ALL_OR_NOTHING');
  const [format, setFormat] = useState<ImportFormat>(DEFAULT_IMPORT_FORMAT);
  // the file name the format was detected from (null: default for pasted text, or chosen by the user)
  const [detectedFrom, setDetectedFrom] = useState<string | null>(null);
  const [uploading, setBusy] = useState(false);
  const importTasks = useGraphQLMutation(ImportTasksMutation);
  const busy = uploading || importTasks.isPending;
  const [reading, setReading] = useState(false);
  const [result, setResult] = useState<ImportTasksResult['importTasks'] | null>(null);
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
      if (usesJob(file.size)) {
        setBigFile(file);
        setText('');
      } else {
        const loaded = await readImportFile(file);
        setBigFile(null);
        setText(loaded.text);
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

  const json = text;

  // follow the running job: its subscription pushes every change; at the end the full report is fetched once
  const jobId = job?.id ?? null;
  const jobEnded = job ? isEnded(job) : false;
  const onImportedRef = useRef(onImported);
  onImportedRef.current = onImported;
  useEffect(() => {
    if (!jobId || jobEnded) return;
    const stop = subscribe(asOperation(ImportJobSubscription), { id: jobId }, {
      next: ({ importJob }) => {
        if (importJob.state === 'VALIDATING') setRecordsInFile(importJob.readCount);
        if (isEnded(importJob)) {
          void request(ImportJobQuery, { id: jobId })
            .then((d) => {
              setJob(d.importJob ?? importJob);
              if ((d.importJob ?? importJob).importedCount > 0) onImportedRef.current();
            })
            .catch((err) => {
              setJob(importJob);
              setRequestError(errorMessage(err));
            });
        } else {
          setJob(importJob);
        }
      },
      error: (message) => setRequestError(`Live progress unavailable: ${message}`),
    });
    return stop;
  }, [jobId, jobEnded]);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (bigFile) {
      setBusy(true);
      setResult(null);
      setJob(null);
      setRecordsInFile(null);
      setRequestError(null);
      try {
        const id = await uploadImport(project.id, bigFile, format, mode);
        setJob({ id, state: 'QUEUED', mode, readCount: 0, importedCount: 0, rejectedCount: 0, error: null });
      } catch (err) {
        setRequestError(errorMessage(err));
      } finally {
        setBusy(false);
      }
      return;
    }
    if (!json.trim()) {
      setRequestError('Paste tasks or choose a file first.');
      return;
    }
    setResult(null);
    setRequestError(null);
    try {
      const data = await importTasks.mutateAsync({ input: { projectId: project.id, json, mode, format } });
      setResult(data.importTasks);
      if (data.importTasks.importedCount > 0) onImported();
    } catch (err) {
      setRequestError(errorMessage(err));
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
            <strong>{bigFile.name}</strong> <span className="muted">({formatBytes(bigFile.size)})</span> will be uploaded as it is and
            imported in the background.
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
            {busy ? (bigFile ? 'Uploading…' : 'Importing…') : 'Import'}
          </button>
        </div>
      </form>
      {job && <JobProgress job={job} recordsInFile={recordsInFile} projectId={project.id} />}
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
              <RejectedTable rejected={result.rejected} withLines={withLines} />
              {result.rejected.length > 500 && <p className="muted">…and {result.rejected.length - 500} more.</p>}
            </>
          )}
        </div>
      )}
    </section>
  );
}

function RejectedTable({ rejected, withLines }: { rejected: ImportRejection[]; withLines: boolean }) {
  return (
    <table className="table compact" data-testid="import-rejected">
      <thead>
        <tr>
          <th className="num">Index</th>
          {withLines && <th className="num">Line</th>}
          <th>Reason</th>
        </tr>
      </thead>
      <tbody>
        {rejected.slice(0, 500).map((r) => (
          <tr key={r.index}>
            <td className="num">{r.index}</td>
            {withLines && <td className="num" data-testid="import-rejected-line">{r.line ?? '—'}</td>}
            <td>{r.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const STATE_LABELS: Record<ImportJob['state'], string> = {
  QUEUED: 'Waiting for a worker',
  VALIDATING: 'Checking every record',
  IMPORTING: 'Importing',
  COMPLETED: 'Completed',
  FAILED: 'Failed',
};

/** A background import: state, a progress bar, the counts and, once it ended, the report of bad records. */
function JobProgress({ job, recordsInFile, projectId }: { job: ImportJob; recordsInFile: number | null; projectId: string }) {
  const percent = progressPercent(job, recordsInFile);
  const rejected = job.rejected ?? [];
  const withLines = rejected.some((r) => r.line != null);
  return (
    <div className="import-result" data-testid="import-job">
      <p>
        <strong data-testid="import-job-state">{STATE_LABELS[job.state]}</strong>
        {percent != null && <span className="muted"> — {percent}%</span>}
      </p>
      {/* no value: an indeterminate bar while the total is unknown */}
      <progress data-testid="import-job-progress" max={100} {...(percent != null ? { value: percent } : {})} />
      <p data-testid="import-job-counts">
        Read {job.readCount.toLocaleString()} · imported {job.importedCount.toLocaleString()} · rejected {job.rejectedCount.toLocaleString()}
      </p>
      {job.error && <ErrorBox message={job.error} testId="import-job-error" />}
      {job.state === 'COMPLETED' && job.importedCount > 0 && <p className="ok"><Link to={`/projects/${projectId}`}>Open the Data Manager</Link></p>}
      {rejected.length > 0 && (
        <>
          <h3>Rejected records ({job.rejectedCount})</h3>
          <RejectedTable rejected={rejected} withLines={withLines} />
          {job.rejectedCount > rejected.length && <p className="muted">…and {job.rejectedCount - rejected.length} more.</p>}
        </>
      )}
    </div>
  );
}
