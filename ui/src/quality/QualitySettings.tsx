// The project's Settings › Quality section (issue 13, ADR 0049): per control of the labeling config, the agreement
// metric and its parameters, the control's weight and its labels' weights. Saving rescores every task; the Quality tab
// then shows the new figures. TanStack Query + generated types (ADR 0040).
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { errorMessage } from '../shared/api/graphql';
import { operationName, useGraphQLMutation, useGraphQLQuery } from '../shared/api/query';
import type { ProjectDetail } from '../shared/api/types';
import { ErrorBox } from '../shared/components/Errors';
import { ChangeQualitySettingsMutation, ProjectQualityQuery, QualitySettingsQuery } from './operations';
import { EMPTY_CONTROL, formFrom, inputFrom, metricsFor, problems, type ControlForm, type SettingsForm } from './settingsForm';

export function QualitySettings({ project }: { project: ProjectDetail }) {
  const queryClient = useQueryClient();
  const query = useGraphQLQuery(QualitySettingsQuery, { projectId: project.id });
  const save = useGraphQLMutation(ChangeQualitySettingsMutation);
  const [form, setForm] = useState<SettingsForm>({});
  const [refusals, setRefusals] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const stored = query.data?.projectQuality?.settings;
  const catalogue = query.data?.agreementMetrics ?? [];

  useEffect(() => {
    if (stored) setForm(formFrom(stored));
  }, [stored]);

  const scorable = project.controls.filter((c) => metricsFor(catalogue, c.type).length > 0);
  const update = (control: string, change: Partial<ControlForm>) =>
    setForm((f) => ({ ...f, [control]: { ...(f[control] ?? EMPTY_CONTROL), ...change } }));

  function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const wrong = problems(form);
    setRefusals(wrong);
    if (wrong.length > 0) return;
    save.mutate({ input: inputFrom(project.id, form) }, {
      onSuccess: (data) => {
        const payload = data.changeQualitySettings;
        if (payload.errors.length > 0) {
          setRefusals(payload.errors.map((er) => er.message));
          return;
        }
        setSaved(true);
        void queryClient.invalidateQueries({ queryKey: [operationName(QualitySettingsQuery)] });
        void queryClient.invalidateQueries({ queryKey: [operationName(ProjectQualityQuery)] });
      },
    });
  }

  const error = query.error ? errorMessage(query.error) : save.error ? errorMessage(save.error) : null;
  return (
    <form className="card form" id="settings-quality" onSubmit={submit} data-testid="quality-settings">
      <h2>Quality</h2>
      <p className="muted">
        How agreement is scored, per control: the metric (docs/quality-metrics.md), the control's weight among the task's
        controls (0 leaves it out) and its labels' weights. Empty fields keep the defaults. Saving rescores every task.
        {stored ? ` Version ${stored.version}.` : ''}
      </p>
      {query.isPending && <p className="muted">Loading…</p>}
      {scorable.length === 0 && !query.isPending && <p className="muted">The labeling config has no control to score.</p>}
      {scorable.map((control) => {
        const c = form[control.name] ?? EMPTY_CONTROL;
        const metrics = metricsFor(catalogue, control.type);
        const chosen = metrics.find((m) => m.name === c.metric);
        return (
          <fieldset key={control.name} className="quality-control" data-testid={`quality-control-${control.name}`}>
            <legend>{control.name} <span className="muted">({control.type})</span></legend>
            <label>
              Metric
              <select value={c.metric} onChange={(e) => update(control.name, { metric: e.target.value, parameters: {} })}
                      data-testid={`quality-metric-${control.name}`}>
                <option value="">Default ({metrics[0]?.name})</option>
                {metrics.map((m) => <option key={m.name} value={m.name}>{m.name}</option>)}
              </select>
            </label>
            {chosen?.parameters.map((p) => (
              <label key={p.name}>
                {p.name}
                <input inputMode="decimal" placeholder={String(p.default)} value={c.parameters[p.name] ?? ''}
                       onChange={(e) => update(control.name, { parameters: { ...c.parameters, [p.name]: e.target.value } })}
                       data-testid={`quality-parameter-${control.name}-${p.name}`} />
              </label>
            ))}
            <label>
              Weight
              <input inputMode="decimal" placeholder="1" value={c.weight} onChange={(e) => update(control.name, { weight: e.target.value })}
                     data-testid={`quality-weight-${control.name}`} />
            </label>
            {control.options.length > 0 && (
              <details>
                <summary>Label weights</summary>
                {control.options.map((label) => (
                  <label key={label}>
                    {label}
                    <input inputMode="decimal" placeholder="1" value={c.labelWeights[label] ?? ''}
                           onChange={(e) => update(control.name, { labelWeights: { ...c.labelWeights, [label]: e.target.value } })}
                           data-testid={`quality-label-weight-${control.name}-${label}`} />
                  </label>
                ))}
              </details>
            )}
          </fieldset>
        );
      })}
      <ErrorBox message={error ?? (refusals.length > 0 ? refusals.join(' ') : null)} testId="quality-settings-errors" />
      {saved && <p className="ok" data-testid="quality-settings-saved">Saved: the tasks are being rescored.</p>}
      <div className="actions">
        <button className="btn btn-primary" type="submit" disabled={save.isPending || query.isPending} data-testid="quality-settings-save">
          {save.isPending ? 'Saving…' : 'Save quality settings'}
        </button>
      </div>
    </form>
  );
}
