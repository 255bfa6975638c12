import { useState } from 'react';
import type { JSONValue, ReviewState } from '../shared/api/types';
import { REVIEW_STATE_LABELS } from '../review/review';
import type { ColumnDef, Condition, FilterOperator, ViewFilter } from './view';
import { OPERATORS, OPERATOR_LABELS, REVIEW_STATE_VALUES, parseValue, valueShape, valueText } from './view';

export interface Person {
  id: string;
  name: string;
}

interface Row {
  key: string;
  operator: FilterOperator;
  text: string;
}

/** Filterable columns: every catalog column but the data preview. */
function filterable(catalog: ColumnDef[]): ColumnDef[] {
  return catalog.filter((c) => c.key !== 'data');
}

function keyOf(catalog: ColumnDef[], c: Condition): string {
  const path = (c.path ?? []).join('.');
  return catalog.find((d) => d.column === c.column && (d.path ?? []).join('.') === path)?.key ?? '';
}

/**
 * Conditions combined with AND or OR, each a column, an operator that fits its type and a value; applied together
 * (the server checks them again and names a bad one).
 */
export function FilterBuilder({ catalog, filter, people, labelOptions, onApply }: {
  catalog: ColumnDef[];
  filter: ViewFilter | undefined;
  people: Person[];
  /** Choices/labels values per control name, offered for label conditions. */
  labelOptions: Record<string, string[]>;
  onApply: (filter: ViewFilter) => void;
}) {
  const columns = filterable(catalog);
  const [conjunction, setConjunction] = useState<'AND' | 'OR'>(filter?.conjunction ?? 'AND');
  const [rows, setRows] = useState<Row[]>(() =>
    (filter?.conditions ?? []).map((c) => ({ key: keyOf(catalog, c), operator: c.operator, text: valueText(c.value) })));

  function def(key: string): ColumnDef | undefined {
    return columns.find((c) => c.key === key);
  }

  function update(i: number, change: Partial<Row>) {
    setRows((rs) => rs.map((r, j) => {
      if (j !== i) return r;
      const next = { ...r, ...change };
      const d = def(next.key);
      if (d && !OPERATORS[d.type].includes(next.operator)) next.operator = OPERATORS[d.type][0];
      if (d?.type === 'BOOLEAN' && next.text !== 'true' && next.text !== 'false') next.text = 'true';
      return next;
    }));
  }

  function conditions(): Condition[] {
    return rows.flatMap((r) => {
      const d = def(r.key);
      if (!d) return [];
      const value: JSONValue | undefined = parseValue(d.type, r.operator, r.text);
      return [{ column: d.column, ...(d.path ? { path: d.path } : {}), operator: r.operator, ...(value === undefined ? {} : { value }) }];
    });
  }

  return (
    <div className="filter-builder" data-testid="filter-builder">
      <label className="muted small">
        Match{' '}
        <select value={conjunction} onChange={(e) => setConjunction(e.target.value as 'AND' | 'OR')} data-testid="filter-conjunction">
          <option value="AND">all conditions</option>
          <option value="OR">any condition</option>
        </select>
      </label>
      {rows.map((r, i) => {
        const d = def(r.key);
        return (
          <div className="filter-row" key={i} data-testid="filter-row">
            <select value={r.key} onChange={(e) => update(i, { key: e.target.value })} data-testid={`filter-column-${i}`} aria-label="Column">
              <option value="">Column…</option>
              {columns.map((c) => <option key={c.key} value={c.key}>{c.label}</option>)}
            </select>
            <select value={r.operator} onChange={(e) => update(i, { operator: e.target.value as FilterOperator })}
                    data-testid={`filter-operator-${i}`} aria-label="Operator" disabled={!d}>
              {(d ? OPERATORS[d.type] : []).map((op) => <option key={op} value={op}>{OPERATOR_LABELS[op]}</option>)}
            </select>
            {d && valueShape(r.operator) !== 'none' && (
              <ValueInput def={d} row={r} people={people} labelOptions={labelOptions} index={i} onChange={(text) => update(i, { text })} />
            )}
            <button type="button" className="btn btn-small" onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}
                    data-testid={`filter-remove-${i}`} aria-label="Remove condition">✕</button>
          </div>
        );
      })}
      <div className="filter-actions">
        <button type="button" className="btn btn-small" onClick={() => setRows((rs) => [...rs, { key: '', operator: 'EQUAL', text: '' }])}
                data-testid="filter-add">+ Condition</button>
        <button type="button" className="btn btn-primary btn-small"
                onClick={() => onApply({ ...(filter ?? {}), conjunction, conditions: conditions() })} data-testid="filter-apply">
          Apply
        </button>
      </div>
    </div>
  );
}

function ValueInput({ def, row, people, labelOptions, index, onChange }: {
  def: ColumnDef;
  row: Row;
  people: Person[];
  labelOptions: Record<string, string[]>;
  index: number;
  onChange: (text: string) => void;
}) {
  const testid = `filter-value-${index}`;
  const shape = valueShape(row.operator);
  if (def.type === 'BOOLEAN') {
    return (
      <select value={row.text || 'true'} onChange={(e) => onChange(e.target.value)} data-testid={testid} aria-label="Value">
        <option value="true">yes</option>
        <option value="false">no</option>
      </select>
    );
  }
  if (shape === 'one' && (def.type === 'CHOICE' || def.type === 'PEOPLE' || (def.type === 'LABELS' && row.operator !== 'REGEX'
      && (labelOptions[def.path?.[0] ?? ''] ?? []).length > 0))) {
    const options: { value: string; label: string }[] = def.type === 'CHOICE'
      ? REVIEW_STATE_VALUES.map((s: ReviewState) => ({ value: s, label: REVIEW_STATE_LABELS[s] }))
      : def.type === 'PEOPLE'
        ? [{ value: '@me', label: 'Me' }, ...people.map((p) => ({ value: p.id, label: p.name }))]
        : (labelOptions[def.path?.[0] ?? ''] ?? []).map((v) => ({ value: v, label: v }));
    return (
      <select value={row.text} onChange={(e) => onChange(e.target.value)} data-testid={testid} aria-label="Value">
        <option value="">Value…</option>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    );
  }
  const placeholder = shape === 'list' ? 'a, b, c' : shape === 'range' ? 'low, high' : def.type === 'DATE' ? '2026-12-31' : 'value';
  return <input value={row.text} onChange={(e) => onChange(e.target.value)} placeholder={placeholder} data-testid={testid} aria-label="Value" />;
}
