// Pure helpers of the quality settings form (issue 13, ADR 0049): the form's state from the stored settings, and the
// mutation's input from the form (only what differs from the defaults is sent).
import type { ChangeQualitySettingsInput, ControlQualityInput, QualitySettingsQuery } from '../shared/gql/graphql';

export type StoredSettings = NonNullable<QualitySettingsQuery['projectQuality']>['settings'];
export type MetricCatalogue = QualitySettingsQuery['agreementMetrics'];

/** One control's row: text fields as typed ('' = the default). */
export interface ControlForm {
  metric: string;
  parameters: Record<string, string>;
  weight: string;
  labelWeights: Record<string, string>;
}

export type SettingsForm = Record<string, ControlForm>;

export const EMPTY_CONTROL: ControlForm = { metric: '', parameters: {}, weight: '', labelWeights: {} };

/** The metrics a control of this config type can use (its result type is the tag name in lower case); the first is the default. */
export function metricsFor(catalogue: MetricCatalogue, controlType: string): MetricCatalogue[number]['metrics'] {
  const type = controlType.toLowerCase();
  return catalogue.find((k) => k.resultTypes.includes(type))?.metrics ?? [];
}

export function formFrom(settings: StoredSettings): SettingsForm {
  const form: SettingsForm = {};
  for (const c of settings.controls) {
    form[c.control] = {
      metric: c.metric ?? '',
      parameters: Object.fromEntries(c.parameters.map((p) => [p.name, String(p.value)])),
      weight: c.weight === 1 ? '' : String(c.weight),
      labelWeights: Object.fromEntries(c.labelWeights.map((w) => [w.label, String(w.weight)])),
    };
  }
  return form;
}

/** The mutation's input: controls left at their defaults are not sent (check {@link problems} first). */
export function inputFrom(projectId: string, form: SettingsForm): ChangeQualitySettingsInput {
  const number = (s: string) => (s.trim() === '' ? null : Number(s));
  const controls: ControlQualityInput[] = [];
  for (const [control, c] of Object.entries(form).sort(([a], [b]) => a.localeCompare(b))) {
    const parameters = c.metric === '' ? [] : Object.entries(c.parameters)
      .filter(([, v]) => v.trim() !== '').map(([name, v]) => ({ name, value: Number(v) }));
    const labelWeights = Object.entries(c.labelWeights).filter(([, v]) => v.trim() !== '').map(([label, v]) => ({ label, weight: Number(v) }));
    const weight = number(c.weight);
    if (c.metric === '' && parameters.length === 0 && labelWeights.length === 0 && (weight === null || weight === 1)) continue;
    controls.push({
      control,
      ...(c.metric !== '' ? { metric: c.metric } : {}),
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(weight !== null ? { weight } : {}),
      ...(labelWeights.length > 0 ? { labelWeights } : {}),
    });
  }
  return { projectId, controls };
}

/** Number fields that do not read as numbers, as sentences (the server checks the ranges). */
export function problems(form: SettingsForm): string[] {
  const out: string[] = [];
  const bad = (s: string) => s.trim() !== '' && !Number.isFinite(Number(s));
  for (const [control, c] of Object.entries(form)) {
    if (bad(c.weight)) out.push(`${control}: the weight is not a number`);
    for (const [name, v] of Object.entries(c.parameters)) if (bad(v)) out.push(`${control}: ${name} is not a number`);
    for (const [label, v] of Object.entries(c.labelWeights)) if (bad(v)) out.push(`${control}: the weight of ${label} is not a number`);
  }
  return out;
}
