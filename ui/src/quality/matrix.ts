// Pure helpers of the Quality page: the annotator × annotator grid from the server's cells, and how scores read.
import type { AgreementCell, AnnotatorQuality } from './operations';

export interface Person {
  id: string;
  name: string;
}

/** One row of the grid: a person and, per column person, their agreement (null: no common task; the diagonal too). */
export interface GridRow {
  person: Person;
  cells: { with: Person; agreement: number | null; pairs: number }[];
}

/**
 * The symmetric grid over everyone who annotated (sorted by name, then id): the server sends each pair once
 * (userA < userB); both halves show it.
 */
export function agreementGrid(annotators: AnnotatorQuality[], cells: AgreementCell[]): GridRow[] {
  const people: Person[] = annotators
    .map((a) => ({ id: a.user.id, name: a.user.displayName }))
    .sort((x, y) => x.name.localeCompare(y.name) || x.id.localeCompare(y.id));
  const byPair = new Map<string, AgreementCell>();
  for (const c of cells) byPair.set(`${c.userA}|${c.userB}`, c);
  const cell = (a: string, b: string) => byPair.get(`${a}|${b}`) ?? byPair.get(`${b}|${a}`);
  return people.map((person) => ({
    person,
    cells: people.map((other) => {
      const c = other.id === person.id ? undefined : cell(person.id, other.id);
      return { with: other, agreement: c ? c.agreement : null, pairs: c ? c.pairs : 0 };
    }),
  }));
}

/** "83%" (rounded), or "–" when there is nothing to measure. */
export function percent(score: number | null | undefined): string {
  return score === null || score === undefined ? '–' : `${Math.round(score * 100)}%`;
}

/** A chance-corrected statistic (-1..1) with two decimals, or "–" when undefined (ADR 0049). */
export function kappa(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : value.toFixed(2);
}

/** A heat level 0..4 for the cell's colour (the text always carries the number: colour is never the only cue). */
export function heat(score: number | null): number {
  if (score === null) return -1;
  return Math.min(4, Math.floor(score * 5));
}

/** The matrix as CSV (names in the header row and first column, scores 0..1 with three decimals, empty: no pair). */
export function gridCsv(rows: GridRow[]): string {
  const quote = (s: string) => (/[",\n]/.test(s) || /^[=+\-@]/.test(s) ? `"${s.replace(/"/g, '""').replace(/^([=+\-@])/, "'$1")}"` : s);
  const header = ['', ...rows.map((r) => quote(r.person.name))].join(',');
  const lines = rows.map((r) => [quote(r.person.name), ...r.cells.map((c) => (c.agreement === null ? '' : c.agreement.toFixed(3)))].join(','));
  return [header, ...lines].join('\n') + '\n';
}
