// Building Label Studio result JSON from the labeling interface state, and reading it back.
import type { Control, JSONValue } from '../api/types';

/** Chosen values per control name. */
export type Selections = Record<string, string[]>;

export interface ChoicesResultItem {
  from_name: string;
  to_name: string;
  type: 'choices';
  value: { choices: string[] };
}

export function isChoices(control: Control): boolean {
  return control.type.toLowerCase() === 'choices';
}

export function isMultiple(control: Control): boolean {
  return (control.choice ?? 'single').toLowerCase() === 'multiple';
}

/** Toggle one option of a control: radio semantics for single choice, checkbox semantics for multiple. */
export function toggleChoice(selections: Selections, control: Control, option: string, checked: boolean): Selections {
  const current = selections[control.name] ?? [];
  let next: string[];
  if (!isMultiple(control)) {
    next = checked ? [option] : current.filter((v) => v !== option);
  } else if (checked) {
    next = current.includes(option) ? current : [...current, option];
  } else {
    next = current.filter((v) => v !== option);
  }
  // keep the config's option order
  next = control.options.filter((o) => next.includes(o));
  return { ...selections, [control.name]: next };
}

/** Label Studio result items for every Choices control that has at least one chosen value. */
export function buildResult(controls: Control[], selections: Selections): ChoicesResultItem[] {
  const items: ChoicesResultItem[] = [];
  for (const control of controls) {
    if (!isChoices(control)) continue;
    const chosen = (selections[control.name] ?? []).filter((v) => control.options.includes(v));
    if (chosen.length === 0) continue;
    items.push({
      from_name: control.name,
      to_name: control.toName[0] ?? '',
      type: 'choices',
      value: { choices: isMultiple(control) ? chosen : chosen.slice(0, 1) },
    });
  }
  return items;
}

/** Names of required controls without a value; plus a check that something was chosen at all. */
export function validateSelections(controls: Control[], selections: Selections): string[] {
  const problems: string[] = [];
  const choiceControls = controls.filter(isChoices);
  for (const control of choiceControls) {
    if (control.required && (selections[control.name] ?? []).length === 0) {
      problems.push(`"${control.name}" is required.`);
    }
  }
  if (problems.length === 0 && choiceControls.length > 0 && buildResult(controls, selections).length === 0) {
    problems.push('Choose at least one value.');
  }
  return problems;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Read the chosen values back out of a stored result (tolerates unknown item types). */
export function selectionsFromResult(result: JSONValue | unknown): Selections {
  const out: Selections = {};
  if (!Array.isArray(result)) return out;
  for (const item of result) {
    if (!isRecord(item) || typeof item.from_name !== 'string' || !isRecord(item.value)) continue;
    const choices = item.value.choices;
    if (Array.isArray(choices)) {
      out[item.from_name] = [...(out[item.from_name] ?? []), ...choices.filter((c): c is string => typeof c === 'string')];
    }
  }
  return out;
}

/** Short text for a result, e.g. "sentiment: Positive". */
export function summarizeResult(result: JSONValue | unknown): string {
  if (!Array.isArray(result)) return JSON.stringify(result);
  const parts: string[] = [];
  for (const item of result) {
    if (!isRecord(item)) continue;
    const name = typeof item.from_name === 'string' ? item.from_name : '?';
    const value = isRecord(item.value) ? item.value : {};
    const values = Object.values(value).flatMap((v) => (Array.isArray(v) ? v.map(String) : [String(v)]));
    parts.push(`${name}: ${values.join(', ')}`);
  }
  return parts.length ? parts.join('; ') : '(empty result)';
}
