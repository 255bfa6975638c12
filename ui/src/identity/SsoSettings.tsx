import { useEffect, useState, type FormEvent } from 'react';
import { errorMessage } from '../shared/api/graphql';
import type { OrganizationRole, UserError } from '../shared/api/types';
import { useQueryClient } from '@tanstack/react-query';
import { updateQuery, useGraphQLMutation, useGraphQLQuery } from '../shared/api/query';
import type { SsoSettingsFieldsFragment as Settings } from '../shared/gql/graphql';
import { ConfigureSsoMutation, RefreshSsoMetadataMutation, SsoSettingsQuery } from './operations';
import { WorkspacesQuery } from '../organization/operations';
import { ErrorBox, FieldErrors } from '../shared/components/Errors';
import { errorsFor, formatDateTime, otherErrors } from '../shared/lib/format';
import { canManageMembers, roleLabel } from '../members/members';
import { absoluteUrl, formFrom, inputFrom, SSO_ROLES, type SsoForm } from './sso';
import { useSession } from './session';

/** SAML single sign-on settings of the organization (Owners and Admins). */
export function SsoSettings() {
  const { me } = useSession();
  const manage = canManageMembers(me?.role);
  const queryClient = useQueryClient();
  const stored = useGraphQLQuery(SsoSettingsQuery, {}, { enabled: manage });
  const configure = useGraphQLMutation(ConfigureSsoMutation);
  const refresh = useGraphQLMutation(RefreshSsoMetadataMutation);
  const settings = stored.data?.ssoSettings ?? null;
  const loaded = stored.isSuccess;
  const [form, setForm] = useState<SsoForm>(formFrom(null));
  const [errors, setErrors] = useState<UserError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const busy = configure.isPending || refresh.isPending;
  const [saved, setSaved] = useState(false);
  const setSettings = (s: Settings) => updateQuery(queryClient, SsoSettingsQuery, {}, () => ({ ssoSettings: s }));
  // the workspace picker of the mappings; without it (a failure), no workspace is offered
  const workspaces = useGraphQLQuery(WorkspacesQuery, { includeArchived: false }, { enabled: manage }).data?.workspaces ?? [];

  // the form starts from the stored settings when they are first read
  const [seeded, setSeeded] = useState(false);
  useEffect(() => {
    if (stored.data && !seeded) {
      setForm(formFrom(stored.data.ssoSettings));
      setSeeded(true);
    }
  }, [stored.data, seeded]);
  const shownFailure = failure ?? (stored.error ? errorMessage(stored.error) : null);

  if (!manage) return <p className="notice" data-testid="sso-not-allowed">Only Owners and Admins configure single sign-on.</p>;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setErrors([]);
    setSaved(false);
    try {
      const { configureSso } = await configure.mutateAsync({ input: inputFrom(form, settings) });
      setErrors(configureSso.errors);
      if (configureSso.errors.length === 0 && configureSso.settings) {
        setSettings(configureSso.settings);
        setForm(formFrom(configureSso.settings));
        setSaved(true);
      }
    } catch (err) {
      setFailure(errorMessage(err));
    }
  }

  async function refreshMetadata() {
    setFailure(null);
    try {
      const { refreshSsoMetadata } = await refresh.mutateAsync({});
      if (refreshSsoMetadata.settings) setSettings(refreshSsoMetadata.settings);
    } catch (err) {
      setFailure(errorMessage(err));
    }
  }

  const update = (patch: Partial<SsoForm>) => setForm((f) => ({ ...f, ...patch }));
  const setMapping = (i: number, patch: Partial<SsoForm['mappings'][number]>) =>
    update({ mappings: form.mappings.map((m, j) => (j === i ? { ...m, ...patch } : m)) });
  const origin = window.location.origin;
  const fields = ['slug', 'idpMetadataXml', 'idpMetadataUrl', 'defaultRole', 'roleMappings', 'workspaceMappings'];

  return (
    <div className="page" data-testid="sso-settings">
      <h1>Single sign-on (SAML)</h1>
      <ErrorBox message={shownFailure} testId="sso-failure" />
      {loaded && settings && (
        <section className="card" data-testid="sso-sp">
          <h2>For your identity provider</h2>
          <p>Status: <strong data-testid="sso-status">{settings.enabled ? 'Enabled' : 'Disabled'}</strong></p>
          <dl>
            <dt>SP entity id</dt><dd data-testid="sso-entity-id">{absoluteUrl(settings.spEntityId, origin)}</dd>
            <dt>ACS URL (HTTP-POST)</dt><dd data-testid="sso-acs-url">{absoluteUrl(settings.acsUrl, origin)}</dd>
            <dt>SP metadata</dt>
            <dd><a href={absoluteUrl(settings.metadataUrl, origin)} data-testid="sso-metadata-link">{absoluteUrl(settings.metadataUrl, origin)}</a></dd>
            <dt>Sign-in link</dt><dd data-testid="sso-login-url">{absoluteUrl(settings.loginUrl, origin)}</dd>
            <dt>IdP</dt><dd data-testid="sso-idp">{settings.idpEntityId}</dd>
            <dt>IdP certificates (SHA-256)</dt>
            <dd>{settings.idpCertificates.map((c) => <div key={c.sha256}><code>{c.sha256}</code> until {formatDateTime(c.notAfter)}</div>)}</dd>
            {settings.idpMetadataUrl && (
              <>
                <dt>IdP metadata URL</dt>
                <dd data-testid="sso-metadata-refresh">
                  <div><code>{settings.idpMetadataUrl}</code></div>
                  <div className="muted">
                    Read again every few hours for certificate rollover; last read{' '}
                    <span data-testid="sso-metadata-refreshed">{settings.metadataRefreshedAt ? formatDateTime(settings.metadataRefreshedAt) : 'never'}</span>
                  </div>
                  {settings.metadataRefreshError && (
                    <div className="error" role="alert" data-testid="sso-metadata-error">
                      Last attempt failed: {settings.metadataRefreshError}. The metadata read before stays in use.
                    </div>
                  )}
                  <button type="button" className="btn btn-small" disabled={busy} onClick={() => void refreshMetadata()} data-testid="sso-metadata-refresh-button">
                    Refresh now
                  </button>
                </dd>
              </>
            )}
          </dl>
          <details>
            <summary>Our signing certificate</summary>
            <pre data-testid="sso-sp-certificate">{settings.spCertificate}</pre>
          </details>
        </section>
      )}
      {loaded && (
        <form className="card" onSubmit={onSubmit} data-testid="sso-form">
          <h2>{settings ? 'Settings' : 'Set up single sign-on'}</h2>
          <label className="checkbox">
            <input type="checkbox" checked={form.enabled} onChange={(e) => update({ enabled: e.target.checked })} data-testid="sso-enabled" />
            Enabled
          </label>
          <label>
            Sign-in name (slug) people type
            <input value={form.slug} onChange={(e) => update({ slug: e.target.value })} placeholder="acme" data-testid="sso-slug" />
          </label>
          <FieldErrors errors={errorsFor(errors, 'slug')} />
          <fieldset>
            <legend>IdP metadata{settings ? ' (leave empty to keep the current IdP)' : ''}</legend>
            <label className="radio">
              <input type="radio" checked={form.metadataSource === 'xml'} onChange={() => update({ metadataSource: 'xml' })} data-testid="sso-source-xml" />
              XML
            </label>
            <label className="radio">
              <input type="radio" checked={form.metadataSource === 'url'} onChange={() => update({ metadataSource: 'url' })} data-testid="sso-source-url" />
              URL
            </label>
            {form.metadataSource === 'xml' ? (
              <textarea rows={6} value={form.metadataXml} onChange={(e) => update({ metadataXml: e.target.value })}
                        placeholder="<EntityDescriptor …>" data-testid="sso-metadata-xml" />
            ) : (
              <input type="url" value={form.metadataUrl} onChange={(e) => update({ metadataUrl: e.target.value })}
                     placeholder="https://idp.example.com/metadata" data-testid="sso-metadata-url" />
            )}
            <FieldErrors errors={[...errorsFor(errors, 'idpMetadataXml'), ...errorsFor(errors, 'idpMetadataUrl')]} />
          </fieldset>
          <label>
            Default role for new people
            <select value={form.defaultRole} onChange={(e) => update({ defaultRole: e.target.value as OrganizationRole })} data-testid="sso-default-role">
              {SSO_ROLES.map((r) => <option key={r} value={r}>{roleLabel(r)}</option>)}
            </select>
          </label>
          <FieldErrors errors={errorsFor(errors, 'defaultRole')} />
          <fieldset>
            <legend>Attribute → role (the highest matching role wins)</legend>
            {form.mappings.map((m, i) => (
              <div className="row" key={i} data-testid="sso-mapping">
                <input value={m.attribute} placeholder="groups" aria-label="Attribute" onChange={(e) => setMapping(i, { attribute: e.target.value })} data-testid="sso-mapping-attribute" />
                <input value={m.value} placeholder="labelers" aria-label="Value" onChange={(e) => setMapping(i, { value: e.target.value })} data-testid="sso-mapping-value" />
                <select value={m.role} aria-label="Role" onChange={(e) => setMapping(i, { role: e.target.value as OrganizationRole })} data-testid="sso-mapping-role">
                  {SSO_ROLES.map((r) => <option key={r} value={r}>{roleLabel(r)}</option>)}
                </select>
                <button type="button" className="btn" onClick={() => update({ mappings: form.mappings.filter((_, j) => j !== i) })}>Remove</button>
              </div>
            ))}
            <button type="button" className="btn" data-testid="sso-add-mapping"
                    onClick={() => update({ mappings: [...form.mappings, { attribute: 'groups', value: '', role: 'ANNOTATOR' }] })}>
              Add mapping
            </button>
            <FieldErrors errors={errorsFor(errors, 'roleMappings')} />
          </fieldset>
          <fieldset data-testid="sso-workspace-mappings">
            <legend>Attribute → workspace (added at sign-in; single sign-on never removes anybody from a workspace)</legend>
            {form.workspaceMappings.map((m, i) => (
              <div className="row" key={i} data-testid="sso-workspace-mapping">
                <input value={m.attribute} placeholder="groups" aria-label="Attribute" data-testid="sso-workspace-attribute"
                       onChange={(e) => update({ workspaceMappings: form.workspaceMappings.map((x, j) => (j === i ? { ...x, attribute: e.target.value } : x)) })} />
                <input value={m.value} placeholder="radiology" aria-label="Value" data-testid="sso-workspace-value"
                       onChange={(e) => update({ workspaceMappings: form.workspaceMappings.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)) })} />
                <select value={m.workspaceId} aria-label="Workspace" data-testid="sso-workspace-target"
                        onChange={(e) => update({ workspaceMappings: form.workspaceMappings.map((x, j) => (j === i ? { ...x, workspaceId: e.target.value } : x)) })}>
                  {workspaces.map((w) => <option key={w.id} value={w.id}>{w.name}</option>)}
                </select>
                <button type="button" className="btn" onClick={() => update({ workspaceMappings: form.workspaceMappings.filter((_, j) => j !== i) })}>Remove</button>
              </div>
            ))}
            {workspaces.length > 0 ? (
              <button type="button" className="btn" data-testid="sso-add-workspace-mapping"
                      onClick={() => update({ workspaceMappings: [...form.workspaceMappings, { attribute: 'groups', value: '', workspaceId: workspaces[0].id }] })}>
                Add workspace mapping
              </button>
            ) : (
              <p className="muted small">Create a workspace first to map people into it.</p>
            )}
            <FieldErrors errors={errorsFor(errors, 'workspaceMappings')} />
          </fieldset>
          <ErrorBox errors={otherErrors(errors, fields)} testId="sso-errors" />
          {saved && <p className="success" data-testid="sso-saved">Saved.</p>}
          <button className="btn btn-primary" type="submit" disabled={busy} data-testid="sso-save">{busy ? 'Saving…' : 'Save'}</button>
        </form>
      )}
      {settings && settings.refusals.length > 0 && (
        <section className="card">
          <h2>Refused sign-ins</h2>
          <table data-testid="sso-refusals">
            <thead><tr><th>Reason</th><th>Hour</th><th>Attempts</th><th>Last</th><th>From</th></tr></thead>
            <tbody>
              {settings.refusals.map((r) => (
                <tr key={r.reason + r.hour}>
                  <td>{r.reason}</td><td>{formatDateTime(r.hour)}</td><td>{r.attempts}</td><td>{formatDateTime(r.lastAt)}</td><td>{r.lastClientIp ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
