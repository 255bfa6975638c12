// The project's Quality tab (issue 13): agreement figures, the annotator × annotator matrix as an accessible heat
// table, each person's scores, chance-corrected statistics per categorical control and the tasks by agreement (lowest
// first, linking to the task). Live: a rescored task (agreementChanged) refetches the figures. Annotators never get
// here: rules.csv refuses them the data. TanStack Query + generated types (ADR 0040).
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../shared/api/graphql';
import { asOperation, operationName, useGraphQLQuery } from '../shared/api/query';
import type { ProjectDetail } from '../shared/api/types';
import { subscribe } from '../shared/api/ws';
import { ErrorBox } from '../shared/components/Errors';
import { agreementGrid, gridCsv, heat, kappa, percent } from './matrix';
import { AgreementChangedSubscription, ProjectQualityQuery, type ChanceCorrected } from './operations';

/** Bursts of rescored tasks (an import, a busy hour) become one refresh. */
const REFRESH_DELAY_MS = 400;

export function QualityPage({ project }: { project: ProjectDetail }) {
  const queryClient = useQueryClient();
  const [live, setLive] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const query = useGraphQLQuery(ProjectQualityQuery, { projectId: project.id, first: 100 });
  const quality = query.data?.projectQuality ?? null;
  const error = query.error ? errorMessage(query.error) : null;

  useEffect(() => {
    const refresh = () => void queryClient.invalidateQueries({ queryKey: [operationName(ProjectQualityQuery), { projectId: project.id }] });
    const stop = subscribe(asOperation(AgreementChangedSubscription), { projectId: project.id }, {
      connected: () => setLive(true),
      next: () => {
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(refresh, REFRESH_DELAY_MS);
      },
      error: () => setLive(false),
    });
    return () => {
      stop();
      if (timer.current) clearTimeout(timer.current);
    };
  }, [queryClient, project.id]);

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
  if (!quality) return <p className="muted">{query.isPending ? 'Loading…' : 'No figures for this project.'}</p>;
  const names = new Map<string, string>(quality.annotators.map((a) => [a.user.id, a.user.displayName] as const));

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

      <ChanceCorrectedSection controls={quality.chanceCorrected} names={names} />

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

/** Cohen's/Fleiss' kappa and Krippendorff's alpha per categorical control (-1..1; 0 is chance), ADR 0049. */
function ChanceCorrectedSection({ controls, names }: { controls: ChanceCorrected[]; names: Map<string, string> }) {
  const name = (id: string) => names.get(id) ?? id;
  return (
    <section>
      <h2 id="chance-heading">Chance-corrected agreement</h2>
      <p className="muted">Per Choices, Taxonomy and Pairwise control: 1 is full agreement, 0 what chance gives, below 0 worse than chance.</p>
      {controls.length === 0 ? (
        <p className="muted" data-testid="chance-empty">No categorical control has two people's answers on a task yet.</p>
      ) : (
        <table className="table" aria-labelledby="chance-heading" data-testid="chance-table">
          <thead>
            <tr>
              <th scope="col">Control</th><th scope="col">Tasks</th><th scope="col">People</th>
              <th scope="col">Krippendorff's α</th><th scope="col">Fleiss' κ</th><th scope="col">Cohen's κ (mean of pairs)</th>
            </tr>
          </thead>
          <tbody>
            {controls.map((c) => (
              <tr key={c.control} data-testid="chance-row">
                <td>{c.control} <span className="muted">({c.resultType})</span></td>
                <td>{c.tasks}</td>
                <td>{c.raters}</td>
                <td data-testid="chance-alpha">{kappa(c.krippendorffAlpha)}</td>
                <td data-testid="chance-fleiss">{kappa(c.fleissKappa)}</td>
                <td>
                  {kappa(c.meanCohensKappa)}
                  {c.cohensKappa.length > 0 && (
                    <details>
                      <summary>{c.cohensKappa.length} {c.cohensKappa.length === 1 ? 'pair' : 'pairs'}</summary>
                      <ul>
                        {c.cohensKappa.map((k) => (
                          <li key={`${k.userA}|${k.userB}`}>
                            {name(k.userA)} – {name(k.userB)}: {kappa(k.kappa)} <span className="muted">({k.tasks} {k.tasks === 1 ? 'task' : 'tasks'})</span>
                          </li>
                        ))}
                      </ul>
                    </details>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
