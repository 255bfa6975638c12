// Named secret tokens (personal API tokens, SCIM tokens): create one (its secret is shown once), list, revoke.
import { useState, type FormEvent, type ReactNode } from 'react';
import { errorMessage } from '../shared/api/graphql';
import type { UserError } from '../shared/api/types';
import { ErrorBox, FieldErrors } from '../shared/components/Errors';
import { ListAndRevoke, OneTimeSecret } from '../shared/components/ListAndRevoke';
import { errorsFor, formatDateTime, otherErrors } from '../shared/lib/format';

export interface NamedToken {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export function TokenList({ testId, tokens, loadError, placeholder, createLabel, empty, secretSentence, confirm, create, revoke }: {
  /** Test id prefix: `<p>-form`, `<p>-name`, `<p>-create`, `<p>-secret`, `<p>s-table`, `<p>-row`, `<p>-revoke`. */
  testId: string;
  tokens: NamedToken[] | undefined;
  loadError: Error | null;
  placeholder: string;
  createLabel: string;
  empty: string;
  secretSentence: (name: string) => ReactNode;
  confirm: (token: NamedToken) => string;
  /** Creates a token; answers its secret or the refusal. */
  create: (name: string) => Promise<{ token: string | null; errors: UserError[] }>;
  revoke: (token: NamedToken) => Promise<UserError[]>;
}) {
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<UserError[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [secret, setSecret] = useState<{ name: string; token: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setErrors([]);
    setError(null);
    setSecret(null);
    try {
      const p = await create(name);
      if (p.errors.length > 0) setErrors(p.errors);
      else {
        if (p.token) setSecret({ name, token: p.token });
        setName('');
      }
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <form className="card form inline-form" onSubmit={submit} data-testid={`${testId}-form`}>
        <label>
          Name
          <input required value={name} onChange={(e) => setName(e.target.value)} placeholder={placeholder} data-testid={`${testId}-name`} />
        </label>
        <button className="btn btn-primary" type="submit" disabled={busy} data-testid={`${testId}-create`}>{createLabel}</button>
        <FieldErrors errors={errorsFor(errors, 'name')} />
      </form>
      {secret && (
        <OneTimeSecret value={secret.token} onDone={() => setSecret(null)} testId={`${testId}-secret`}>
          {secretSentence(secret.name)}
        </OneTimeSecret>
      )}
      <ErrorBox errors={otherErrors(errors, ['name'])} message={error ?? (loadError ? errorMessage(loadError) : null)} />
      <ListAndRevoke
        items={tokens}
        columns={[
          { header: 'Name', cell: (t) => t.name },
          { header: 'Created', cell: (t) => formatDateTime(t.createdAt) },
          { header: 'Last used', cell: (t) => (t.lastUsedAt ? formatDateTime(t.lastUsedAt) : <span className="muted">never</span>) },
        ]}
        empty={empty}
        testIds={{ table: `${testId}s-table`, row: `${testId}-row`, revoke: `${testId}-revoke` }}
        confirm={confirm}
        revoke={revoke}
      />
    </>
  );
}
