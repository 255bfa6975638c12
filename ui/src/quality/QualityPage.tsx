// The project's Quality tab (issue 13): agreement figures, the annotator × annotator matrix as an accessible heat
// table, each person's scores and the tasks by agreement (lowest first, linking to the task). Live: a rescored task
// (agreementChanged) refreshes the figures. Annotators never get here: rules.csv refuses them the data.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage, gql } from '../shared/api/graphql';
import type { ProjectDetail } from '../shared/api/types';
import { subscribe } from '../shared/api/ws';
import { ErrorBox } from '../shared/components/Errors';
import { agreementGrid, gridCsv, heat, percent } from './matrix';
import { AgreementChangedSubscription, ProjectQualityQuery, type ProjectQuality } from './operations';

/** Bursts of rescored tasks (an import, a busy hour) become one refresh. */
const REFRESH_DELAY_MS = 400;

export function QualityPage({ project }: { project: ProjectDetail }) {
  const [quality, setQuality] = useState<ProjectQuality | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [live, setLive] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const load = useCallback(async () => {
    try {
      const data = await gql(ProjectQualityQuery, { projectId: project.id, first: 100 });
      setQuality(data.projectQuality);
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [project.id]);

  useEffect(() => {
    void load();
    const stop = subscribe(AgreementChangedSubscription, { projectId: project.id }, {
      connected: () => setLive(true),
      next: () => {
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(() => void load(), REFRESH_DELAY_MS);
      },
      error: () => setLive(false),
    });
    return () => {
      stop();
      if (timer.current) clearTimeout(timer.current);
    };
  }, [load, project.id]);

  const rows = useMemo(() => (quality ? agreementGrid(quality.annotators, quality.matrix) : []), [quality]);

  const downloadCsv = () => {
    const url = URL.createObjectURL(new Blob([gridCsv(rows)], { type: 'text/csv' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `agreement-matrix-${project.id}.csv`;
    a.click();
    URL.revokeObjectURL(url);
  };

  if (error && !quality) return <ErrorBox message={error} />;
  if (!quality) return <p className="muted">Loading…</p>;

  return (
    <div className="quality" data-testid="quality-page">
      <ErrorBox message={error} />
      <div className="stats">
        <Figure label="Agreement" value={percent(quality.agreement)} testId="quality-agreement" />
        <Figure label="Tasks scored" value={String(quality.scoredTasks)} testId="quality-scored" />
        <Figure label="Model agreement" value={percent(quality.modelAgreement)} testId="quality-model" />
        <Figure label="Ground-truth accuracy" value={percent(quality.groundTruthAccuracy)} testId="quality-ground-truth" />
      </div>
      <p className="muted" data-testid="quality-live">{live ? 'Live: figures update as annotations change.' : 'Connecting for live updates…'}</p>

      <section>
        <div className="section-head">
          <h2 id="matrix-heading">Annotator agreement matrix</h2>
          {rows.length > 1 && <button type="button" onClick={downloadCsv} data-testid="matrix-csv">Download CSV</button>}
        </div>
        {rows.length < 2 ? (
          <p className="muted" data-testid="matrix-empty">The matrix needs two people who annotated the same task.</p>
        ) : (
          <div className="table-scroll">
            <table className="agreement-matrix" aria-labelledby="matrix-heading" data-testid="agreement-matrix">
              <thead>
                <tr>
                  <td />
                  {rows.map((r) => <th key={r.person.id} scope="col">{r.person.name}</th>)}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.person.id}>
                    <th scope="row">{r.person.name}</th>
                    {r.cells.map((c) => (
                      <td key={c.with.id}
                          className={c.with.id === r.person.id ? 'heat-self' : `heat heat-${heat(c.agreement)}`}
                          title={c.agreement === null ? undefined : `${r.person.name} and ${c.with.name}: ${percent(c.agreement)} over ${c.pairs} ${c.pairs === 1 ? 'task' : 'tasks'}`}
                          data-testid={`matrix-cell-${r.person.id}-${c.with.id}`}>
                        {c.with.id === r.person.id ? '' : percent(c.agreement)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section>
        <h2>People</h2>
        <table className="table" data-testid="annotator-table">
          <thead>
            <tr><th scope="col">Person</th><th scope="col">Annotations</th><th scope="col">Agreement with others</th><th scope="col">Ground-truth accuracy</th></tr>
          </thead>
          <tbody>
            {quality.annotators.map((a) => (
              <tr key={a.user.id} data-testid="annotator-row">
                <td>{a.user.displayName}</td>
                <td>{a.annotations}</td>
                <td>{percent(a.agreementWithOthers)}{a.pairs > 0 && <span className="muted"> ({a.pairs} {a.pairs === 1 ? 'pair' : 'pairs'})</span>}</td>
                <td>{percent(a.groundTruthAccuracy)}{a.groundTruthTasks > 0 && <span className="muted"> ({a.groundTruthTasks} {a.groundTruthTasks === 1 ? 'task' : 'tasks'})</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section>
        <h2>Tasks by agreement (lowest first)</h2>
        {quality.tasks.length === 0 ? (
          <p className="muted" data-testid="quality-tasks-empty">No task has two annotations yet.</p>
        ) : (
          <table className="table" data-testid="quality-tasks">
            <thead>
              <tr><th scope="col">Task</th><th scope="col">Annotations</th><th scope="col">Agreement</th><th scope="col">Model</th><th scope="col">Ground truth</th></tr>
            </thead>
            <tbody>
              {quality.tasks.map((t) => (
                <tr key={t.taskId} data-testid="quality-task-row">
                  <td><Link to={`/projects/${project.id}/tasks/${t.taskId}`}>#{t.number}</Link></td>
                  <td>{t.annotations}</td>
                  <td>{percent(t.agreement)}</td>
                  <td>{percent(t.modelAgreement)}</td>
                  <td>{percent(t.groundTruthAgreement)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="stat">
      <div className="stat-value" data-testid={testId}>{value}</div>
      <div className="stat-label">{label}</div>
    </div>
  );
}
