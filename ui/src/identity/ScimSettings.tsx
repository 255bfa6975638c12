import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { errorMessage, gql } from '../shared/api/graphql';
import { CreateScimTokenMutation, RevokeScimTokenMutation, ScimTokensQuery, type ScimToken } from '../shared/api/operations';
import type { UserError } from '../shared/api/types';
import { ErrorBox, FieldErrors } from '../shared/components/Errors';
import { errorsFor, formatDateTime, otherErrors } from '../shared/lib/format';

/** The SCIM base URL an identity provider is given: this server's origin plus the path the API reports. */
export function scimBaseUrl(origin: string, path: string): string {
  return origin.replace(/\/+$/, '') + path;
}

/**
 * SCIM provisioning for Owners and Admins: the base URL to give the identity provider (Okta, Entra ID...), and the
 * organization's SCIM tokens — created (the secret is shown once), listed, revoked.
 */
export function ScimSettings() {
  const [tokens, setTokens] = useState<ScimToken[]>([]);
  const [basePath, setBasePath] = useState('/scim/v2');
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<UserError[]>([]);
  const [secret, setSecret] = useState<{ name: string; token: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const data = await gql(ScimTokensQuery, {});
      setTokens(data.scimTokens.tokens);
      setBasePath(data.scimTokens.baseUrl);
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
      const p = (await gql(CreateScimTokenMutation, { input: { name } })).createScimToken;
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

  async function revoke(token: ScimToken) {
    if (!window.confirm(`Revoke the SCIM token "${token.name}"? The identity provider using it will stop provisioning.`)) return;
    setError(null);
    try {
      const p = (await gql(RevokeScimTokenMutation, { input: { id: token.id } })).revokeScimToken;
      if (p.errors.length > 0) setErrors(p.errors);
      else setTokens((ts) => ts.filter((t) => t.id !== token.id));
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  const baseUrl = scimBaseUrl(window.location.origin, basePath);
  return (
    <div>
      <h1>SCIM provisioning</h1>
      <p className="muted">
        Your identity provider creates, updates and deactivates members of this organization through SCIM 2.0. Give it
        the base URL below and a SCIM token (sent as <code>Authorization: Bearer &lt;token&gt;</code>). Groups may grant an
        organization role through the <code>GroupAccess</code> extension; they never grant Owner.
      </p>
      <div className="card row">
        <span>SCIM base URL</span>
        <code className="secret" data-testid="scim-base-url">{baseUrl}</code>
        <button className="btn btn-small" onClick={() => void navigator.clipboard?.writeText(baseUrl)}>Copy</button>
      </div>
      <form className="card form inline-form" onSubmit={create} data-testid="scim-token-form">
        <label>
          Name
          <input required value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Okta" data-testid="scim-token-name" />
        </label>
        <button className="btn btn-primary" type="submit" disabled={busy} data-testid="scim-token-create">Create SCIM token</button>
        <FieldErrors errors={errorsFor(errors, 'name')} />
      </form>
      {secret && (
        <div className="alert alert-ok" data-testid="scim-token-secret">
          <p>
            The SCIM token <strong>{secret.name}</strong>. Copy it into your identity provider now: it will not be shown again.
          </p>
          <div className="row">
            <code className="secret">{secret.token}</code>
            <button className="btn btn-small" onClick={() => void navigator.clipboard?.writeText(secret.token)}>Copy</button>
            <button className="btn btn-small" onClick={() => setSecret(null)}>Done</button>
          </div>
        </div>
      )}
      <ErrorBox errors={otherErrors(errors, ['name'])} message={error} />
      <table className="table" data-testid="scim-tokens-table">
        <thead>
          <tr><th>Name</th><th>Created</th><th>Last used</th><th></th></tr>
        </thead>
        <tbody>
          {tokens.map((t) => (
            <tr key={t.id} data-testid="scim-token-row">
              <td>{t.name}</td>
              <td>{formatDateTime(t.createdAt)}</td>
              <td>{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : <span className="muted">never</span>}</td>
              <td className="right">
                <button className="btn btn-small btn-danger" onClick={() => void revoke(t)} data-testid="scim-token-revoke">Revoke</button>
              </td>
            </tr>
          ))}
          {!loading && tokens.length === 0 && <tr><td colSpan={4} className="empty">No SCIM tokens.</td></tr>}
        </tbody>
      </table>
    </div>
  );
}
