import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { errorMessage, gql } from '../shared/api/graphql';
import { ApiTokensQuery, CreateApiTokenMutation, RevokeApiTokenMutation } from '../shared/api/operations';
import type { ApiToken, UserError } from '../shared/api/types';
import { ErrorBox, FieldErrors } from '../shared/components/Errors';
import { AccountSecurity } from './AccountSecurity';
import { errorsFor, formatDateTime, otherErrors } from '../shared/lib/format';

export function TokensPage() {
  const [tokens, setTokens] = useState<ApiToken[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<UserError[]>([]);
  const [secret, setSecret] = useState<{ name: string; token: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const data = await gql(ApiTokensQuery, {});
      setTokens(data.apiTokens);
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  async function create(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setErrors([]);
    setError(null);
    setSecret(null);
    try {
      const data = await gql(CreateApiTokenMutation, { input: { name } });
      const p = data.createApiToken;
      if (p.errors.length > 0) setErrors(p.errors);
      else {
        if (p.token) setSecret({ name, token: p.token });
        setName('');
        await load();
      }
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  async function revoke(token: ApiToken) {
    if (!window.confirm(`Revoke the token "${token.name}"? Scripts using it will stop working.`)) return;
    setError(null);
    try {
      const data = await gql(RevokeApiTokenMutation, { input: { id: token.id } });
      if (data.revokeApiToken.errors.length > 0) setErrors(data.revokeApiToken.errors);
      else setTokens((ts) => ts.filter((t) => t.id !== token.id));
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <div>
      <h1>API tokens</h1>
      <p className="muted">Tokens let scripts and ML backends call the API as you. Send one as <code>Authorization: Bearer &lt;token&gt;</code>.</p>
      <form className="card form inline-form" onSubmit={create} data-testid="token-form">
        <label>
          Name
          <input required value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. training pipeline" data-testid="token-name" />
        </label>
        <button className="btn btn-primary" type="submit" disabled={busy} data-testid="token-create">Create token</button>
        <FieldErrors errors={errorsFor(errors, 'name')} />
      </form>
      {secret && (
        <div className="alert alert-ok" data-testid="token-secret">
          <p>
            Your new token <strong>{secret.name}</strong>. Copy it now: it will not be shown again.
          </p>
          <div className="row">
            <code className="secret">{secret.token}</code>
            <button className="btn btn-small" onClick={() => void navigator.clipboard?.writeText(secret.token)}>Copy</button>
            <button className="btn btn-small" onClick={() => setSecret(null)}>Done</button>
          </div>
        </div>
      )}
      <ErrorBox errors={otherErrors(errors, ['name'])} message={error} />
      <table className="table" data-testid="tokens-table">
        <thead>
          <tr><th>Name</th><th>Created</th><th>Last used</th><th></th></tr>
        </thead>
        <tbody>
          {tokens.map((t) => (
            <tr key={t.id} data-testid="token-row">
              <td>{t.name}</td>
              <td>{formatDateTime(t.createdAt)}</td>
              <td>{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : <span className="muted">never</span>}</td>
              <td className="right"><button className="btn btn-small btn-danger" onClick={() => void revoke(t)} data-testid="token-revoke">Revoke</button></td>
            </tr>
          ))}
          {!loading && tokens.length === 0 && <tr><td colSpan={4} className="empty">No tokens.</td></tr>}
        </tbody>
      </table>
      <AccountSecurity />
    </div>
  );
}
