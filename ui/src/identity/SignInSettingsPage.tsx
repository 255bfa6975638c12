import { useEffect, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../shared/api/graphql';
import { updateQuery, useGraphQLMutation, useGraphQLQuery } from '../shared/api/query';
import type { OrganizationRole, UserError } from '../shared/api/types';
import type { LdapSettingsFieldsFragment as LdapSettings } from '../shared/gql/graphql';
import { ConfigureLdapMutation, LdapSettingsQuery, VerifyEmailDomainMutation } from './operations';
import { ErrorBox, FieldErrors } from '../shared/components/Errors';
import { errorsFor, formatDateTime, otherErrors } from '../shared/lib/format';
import { DIRECTORY_ROLES, formOf, inputOf, type LdapForm } from './ldap';
import { roleLabel } from '../members/members';
import { SessionPolicyForm } from './SessionPolicyForm';

/** Organization settings: session lifetime and LDAP directory sign-in. Owners and Admins only (the server decides). */
export function SignInSettingsPage() {
  return (
    <div>
      <div className="page-head">
        <h1>Sign-in</h1>
      </div>
      <SessionPolicyForm />
      <LdapSettingsForm />
    </div>
  );
}

export function LdapSettingsForm() {
  const queryClient = useQueryClient();
  const loaded = useGraphQLQuery(LdapSettingsQuery, {});
  const configure = useGraphQLMutation(ConfigureLdapMutation);
  const stored = loaded.data?.ldapSettings ?? null;
  const [form, setForm] = useState<LdapForm | null>(null);
  const [errors, setErrors] = useState<UserError[]>([]);
  const [requestError, setRequestError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const busy = configure.isPending;

  // the form starts from the stored settings once they are read (and is the person's from then on)
  useEffect(() => {
    if (loaded.data) setForm((f) => f ?? formOf(loaded.data.ldapSettings));
  }, [loaded.data]);
  const store = (settings: LdapSettings) => updateQuery(queryClient, LdapSettingsQuery, {}, () => ({ ldapSettings: settings }));

  if (!form) {
    const failure = requestError ?? (loaded.error ? errorMessage(loaded.error) : null);
    return failure ? <ErrorBox message={failure} /> : <p className="muted">Loading…</p>;
  }
  const set = <K extends keyof LdapForm>(key: K, value: LdapForm[K]) => {
    setSaved(false);
    setForm({ ...form, [key]: value });
  };
  const setMapping = (i: number, change: Partial<LdapForm['roleMappings'][number]>) =>
    set('roleMappings', form.roleMappings.map((m, j) => (j === i ? { ...m, ...change } : m)));

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setErrors([]);
    setRequestError(null);
    setSaved(false);
    try {
      const payload = (await configure.mutateAsync({ input: inputOf(form!) })).configureLdap;
      if (payload.errors.length > 0) setErrors(payload.errors);
      else if (payload.settings) {
        store(payload.settings);
        setForm(formOf(payload.settings));
        setSaved(true);
      }
    } catch (err) {
      setRequestError(errorMessage(err));
    }
  }

  const fields = ['emailDomain', 'url', 'bindDn', 'bindPassword', 'userBaseDn', 'userFilter', 'groupBaseDn', 'defaultRole', 'roleMappings', 'group', 'role'];
  return (
    <form className="card form" onSubmit={onSubmit} data-testid="ldap-form">
      <h2>LDAP directory</h2>
      <p className="muted small">
        People whose email has the domain below sign in with their directory password; the groups they belong to decide
        their role at every sign-in. The directory never grants the Owner role.
        {stored && <> Last changed {formatDateTime(stored.updatedAt)}.</>}
      </p>
      <label className="inline">
        <input type="checkbox" checked={form.enabled} onChange={(e) => set('enabled', e.target.checked)} data-testid="ldap-enabled" />
        Directory sign-in enabled
      </label>
      <label>
        Email domain
        <input required placeholder="example.com" value={form.emailDomain} onChange={(e) => set('emailDomain', e.target.value)} data-testid="ldap-domain" />
      </label>
      <FieldErrors errors={errorsFor(errors, 'emailDomain')} testId="ldap-domain-errors" />
      <label>
        Directory address
        <input required placeholder="ldaps://ldap.example.com:636" value={form.url} onChange={(e) => set('url', e.target.value)} data-testid="ldap-url" />
      </label>
      <FieldErrors errors={errorsFor(errors, 'url')} testId="ldap-url-errors" />
      <label>
        Service account DN <span className="muted small">(empty: anonymous search)</span>
        <input value={form.bindDn} onChange={(e) => set('bindDn', e.target.value)} data-testid="ldap-bind-dn" />
      </label>
      <FieldErrors errors={errorsFor(errors, 'bindDn')} />
      <label>
        Service account password{' '}
        <span className="muted small">{stored?.hasBindPassword ? '(stored; leave empty to keep it)' : ''}</span>
        <input type="password" autoComplete="new-password" value={form.bindPassword} onChange={(e) => set('bindPassword', e.target.value)} data-testid="ldap-bind-password" />
      </label>
      <label>
        People base DN
        <input required placeholder="ou=people,dc=example,dc=com" value={form.userBaseDn} onChange={(e) => set('userBaseDn', e.target.value)} data-testid="ldap-user-base" />
      </label>
      <FieldErrors errors={errorsFor(errors, 'userBaseDn')} />
      <label>
        People filter <span className="muted small">({'{email}'} is replaced by the escaped address)</span>
        <input value={form.userFilter} onChange={(e) => set('userFilter', e.target.value)} data-testid="ldap-user-filter" />
      </label>
      <FieldErrors errors={errorsFor(errors, 'userFilter')} testId="ldap-user-filter-errors" />
      <label>
        Groups base DN <span className="muted small">(groups listing people as member; memberOf is read too)</span>
        <input value={form.groupBaseDn} onChange={(e) => set('groupBaseDn', e.target.value)} data-testid="ldap-group-base" />
      </label>
      <FieldErrors errors={errorsFor(errors, 'groupBaseDn')} />
      <fieldset data-testid="ldap-mappings">
        <legend>Group → role</legend>
        {form.roleMappings.map((m, i) => (
          <div className="inline-form" key={i} data-testid="ldap-mapping">
            <label>
              Group DN
              <input value={m.group} onChange={(e) => setMapping(i, { group: e.target.value })} data-testid="ldap-mapping-group" />
            </label>
            <label>
              Role
              <select value={m.role} onChange={(e) => setMapping(i, { role: e.target.value as OrganizationRole })} data-testid="ldap-mapping-role">
                {DIRECTORY_ROLES.map((r) => <option key={r} value={r}>{roleLabel(r)}</option>)}
              </select>
            </label>
            <button type="button" className="btn btn-small" onClick={() => set('roleMappings', form.roleMappings.filter((_, j) => j !== i))}>
              Remove
            </button>
          </div>
        ))}
        <button type="button" className="btn btn-small" onClick={() => set('roleMappings', [...form.roleMappings, { group: '', role: 'ANNOTATOR' }])} data-testid="ldap-mapping-add">
          Add a group
        </button>
        <FieldErrors errors={errors.filter((e) => e.field?.[0] === 'roleMappings')} testId="ldap-mapping-errors" />
      </fieldset>
      <label>
        Role of people in no mapped group
        <select value={form.defaultRole} onChange={(e) => set('defaultRole', e.target.value as OrganizationRole | '')} data-testid="ldap-default-role">
          <option value="">They may not sign in</option>
          {DIRECTORY_ROLES.map((r) => <option key={r} value={r}>{roleLabel(r)}</option>)}
        </select>
      </label>
      <ErrorBox errors={otherErrors(errors, fields)} message={requestError} testId="ldap-errors" />
      {saved && <p className="ok" data-testid="ldap-saved">Saved.</p>}
      <div className="actions">
        <button className="btn btn-primary" type="submit" disabled={busy} data-testid="ldap-save">{busy ? 'Saving…' : 'Save'}</button>
      </div>
      {stored && <DomainVerificationBox settings={stored} onVerified={(s) => { store(s); setForm(formOf(s)); }} />}
    </form>
  );
}

/**
 * Proof that the organization controls the directory's email domain (ADR 0026): until DNS holds the TXT record, the
 * directory signs nobody in.
 */
function DomainVerificationBox({ settings, onVerified }: { settings: LdapSettings; onVerified: (s: LdapSettings) => void }) {
  const v = settings.domainVerification;
  const [errors, setErrors] = useState<UserError[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const check = useGraphQLMutation(VerifyEmailDomainMutation);
  const busy = check.isPending;
  async function verify() {
    setErrors([]);
    setMessage(null);
    try {
      const p = (await check.mutateAsync({ input: { domain: v.domain } })).verifyEmailDomain;
      setErrors(p.errors);
      if (p.settings) onVerified(p.settings);
    } catch (err) {
      setMessage(errorMessage(err));
    }
  }
  if (v.verified) {
    return <p className="ok" data-testid="domain-verified">{v.domain} is verified{v.verifiedAt && <> since {formatDateTime(v.verifiedAt)}</>}.</p>;
  }
  return (
    <div className="alert" data-testid="domain-verification">
      <p>
        Directory sign-in starts once {v.domain} is verified. Publish this DNS TXT record, then verify:
      </p>
      <p><code data-testid="domain-record">{v.record}</code> TXT <code data-testid="domain-value">{v.value}</code></p>
      <button className="btn" type="button" onClick={verify} disabled={busy} data-testid="domain-verify">{busy ? 'Checking…' : 'Verify'}</button>
      <ErrorBox errors={errors} message={message} testId="domain-errors" />
    </div>
  );
}
