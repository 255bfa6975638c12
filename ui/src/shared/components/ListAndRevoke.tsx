// The list-and-revoke pattern of the settings pages (personal API tokens, SCIM tokens, invitations): a secret that
// is shown once after it is made, and a table of what exists with a confirmed "revoke" per row. One component, so
// the three pages cannot drift apart (ADR 0040).
import { useRef, useState, type ReactNode } from 'react';
import { errorMessage } from '../api/graphql';
import type { UserError } from '../api/types';
import { ErrorBox } from './Errors';

/** A secret shown once (a token, an invitation link): copy it now, "Done" hides it for good. */
export function OneTimeSecret({ value, onDone, testId, children, input }: {
  value: string;
  onDone: () => void;
  testId: string;
  /** The sentence above the secret. */
  children: ReactNode;
  /** Shown in a read-only input that selects itself (long links), with these test ids for it and its Copy button. */
  input?: { testId: string; copyTestId: string };
}) {
  const [copied, setCopied] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      field.current?.select();
    }
  }
  return (
    <div className="alert alert-ok" data-testid={testId}>
      <p>{children}</p>
      <div className="row">
        {input
          ? <input ref={field} className="secret" readOnly value={value} size={Math.min(80, value.length)} onFocus={(e) => e.target.select()} data-testid={input.testId} />
          : <code className="secret">{value}</code>}
        <button type="button" className="btn btn-small" onClick={() => void copy()} data-testid={input?.copyTestId}>{copied ? 'Copied' : 'Copy'}</button>
        <button type="button" className="btn btn-small" onClick={onDone}>Done</button>
      </div>
    </div>
  );
}

export interface Column<T> {
  header: string;
  cell: (item: T) => ReactNode;
}

export interface ListAndRevokeProps<T extends { id: string }> {
  /** undefined while the list loads. */
  items: T[] | undefined;
  columns: Column<T>[];
  /** The table's sentence when there is nothing. */
  empty: string;
  /** Test ids: the table, each row, each revoke button, the box of revoke errors. */
  testIds: { table: string; row: string; revoke: string; errors?: string };
  /** The confirmation question; nothing is sent unless the person agrees. */
  confirm: (item: T) => string;
  /** Sends the revocation; answers the payload's user errors (none: done, the caller refreshes the list). */
  revoke: (item: T) => Promise<UserError[]>;
  /** Whether this row offers the button (default: every row). */
  canRevoke?: (item: T) => boolean;
  revokeLabel?: string;
  danger?: boolean;
  compact?: boolean;
}

/** A table of revocable things; a refusal or a failed request is shown above it, the list stays. */
export function ListAndRevoke<T extends { id: string }>(props: ListAndRevokeProps<T>) {
  const { items, columns, empty, testIds, confirm, revoke, canRevoke = () => true, revokeLabel = 'Revoke', danger = true, compact = false } = props;
  const [errors, setErrors] = useState<UserError[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState<string | null>(null);

  async function onRevoke(item: T) {
    if (!window.confirm(confirm(item))) return;
    setErrors([]);
    setMessage(null);
    setPending(item.id);
    try {
      setErrors(await revoke(item));
    } catch (e) {
      setMessage(errorMessage(e));
    } finally {
      setPending(null);
    }
  }

  return (
    <>
      <ErrorBox errors={errors} message={message} testId={testIds.errors} />
      <table className={compact ? 'table compact' : 'table'} data-testid={testIds.table}>
        <thead>
          <tr>{columns.map((c) => <th key={c.header}>{c.header}</th>)}<th /></tr>
        </thead>
        <tbody>
          {(items ?? []).map((item) => (
            <tr key={item.id} data-testid={testIds.row}>
              {columns.map((c) => <td key={c.header}>{c.cell(item)}</td>)}
              <td className="right">
                {canRevoke(item) && (
                  <button className={danger ? 'btn btn-small btn-danger' : 'btn btn-small'} disabled={pending === item.id}
                    onClick={() => void onRevoke(item)} data-testid={testIds.revoke}>{revokeLabel}</button>
                )}
              </td>
            </tr>
          ))}
          {items !== undefined && items.length === 0 && <tr><td colSpan={columns.length + 1} className="empty">{empty}</td></tr>}
        </tbody>
      </table>
    </>
  );
}
