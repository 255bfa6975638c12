import type { ColumnDef, ViewColumn } from './view';
import { fullColumns } from './view';

/** Show, hide and order the columns of the current view. */
export function ColumnChooser({ catalog, columns, onToggle, onMove }: {
  catalog: ColumnDef[];
  columns: ViewColumn[] | undefined;
  onToggle: (key: string) => void;
  onMove: (key: string, by: -1 | 1) => void;
}) {
  const byKey = new Map(catalog.map((c) => [c.key, c]));
  return (
    <ul className="column-chooser" data-testid="column-chooser">
      {fullColumns(catalog, columns).map((c, i, all) => (
        <li key={c.key}>
          <label>
            <input type="checkbox" checked={!c.hidden} onChange={() => onToggle(c.key)} data-testid={`column-toggle-${c.key}`} />{' '}
            {byKey.get(c.key)?.label ?? c.key}
          </label>
          <button type="button" className="btn btn-small" disabled={i === 0} onClick={() => onMove(c.key, -1)} aria-label="Move up"
                  data-testid={`column-up-${c.key}`}>↑</button>
          <button type="button" className="btn btn-small" disabled={i === all.length - 1} onClick={() => onMove(c.key, 1)} aria-label="Move down"
                  data-testid={`column-down-${c.key}`}>↓</button>
        </li>
      ))}
    </ul>
  );
}
