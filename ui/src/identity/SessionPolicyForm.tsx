import { useEffect, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../shared/api/graphql';
import { updateQuery, useGraphQLMutation, useGraphQLQuery } from '../shared/api/query';
import type { UserError } from '../shared/api/types';
import type { SessionPolicyFieldsFragment as SessionPolicy } from '../shared/gql/graphql';
import { SessionPolicyQuery, SetSessionPolicyMutation } from './operations';
import { ErrorBox, FieldErrors } from '../shared/components/Errors';
import { errorsFor, otherErrors } from '../shared/lib/format';

/** "" means: the installation's default. */
function parseLimit(text: string): number | null {
  const t = text.trim();
  return t === '' ? null : Number(t);
}

/** Organization settings: how long members' browser sessions last. */
export function SessionPolicyForm() {
  const queryClient = useQueryClient();
  const loaded = useGraphQLQuery(SessionPolicyQuery, {});
  const save = useGraphQLMutation(SetSessionPolicyMutation);
  const policy = loaded.data?.sessionPolicy ?? null;
  const [idle, setIdle] = useState('');
  const [max, setMax] = useState('');
  const [errors, setErrors] = useState<UserError[]>([]);
  const [requestError, setRequestError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  // the form shows the stored policy whenever the cache has a (new) one
  useEffect(() => show(policy), [policy]);
  function show(p: SessionPolicy | null) {
    setIdle(p?.idleTimeoutMinutes == null ? '' : String(p.idleTimeoutMinutes));
    setMax(p?.maxSessionHours == null ? '' : String(p.maxSessionHours));
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setErrors([]);
    setRequestError(null);
    setSaved(false);
    try {
      const idleMinutes = parseLimit(idle);
      const maxHours = parseLimit(max);
      const payload = (await save.mutateAsync({ input: { idleTimeoutMinutes: idleMinutes, maxSessionHours: maxHours } })).setSessionPolicy;
      if (payload.errors.length > 0) setErrors(payload.errors);
      else {
        updateQuery(queryClient, SessionPolicyQuery, {}, () => ({ sessionPolicy: payload.policy }));
        show(payload.policy);
        setSaved(true);
      }
    } catch (err) {
      setRequestError(errorMessage(err));
    }
  }

  const fields = ['idleTimeoutMinutes', 'maxSessionHours'];
  return (
    <form className="card form" onSubmit={onSubmit} data-testid="session-policy-form">
      <h2>Sessions</h2>
      <p className="muted small">
        Members are signed out after a time without activity, and after a maximum session length whatever they do.
        Empty: the installation's idle timeout{policy ? ` (${policy.installationIdleTimeoutMinutes} minutes)` : ''} and no maximum.
        API tokens are not sessions: revoke them instead.
      </p>
      <label>
        Sign out after (minutes without activity, 5 to 10080)
        <input type="number" value={idle} onChange={(e) => setIdle(e.target.value)} data-testid="session-idle" />
      </label>
      <FieldErrors errors={errorsFor(errors, 'idleTimeoutMinutes')} testId="session-idle-errors" />
      <label>
        Maximum session length (hours, 1 to 2160)
        <input type="number" value={max} onChange={(e) => setMax(e.target.value)} data-testid="session-max" />
      </label>
      <FieldErrors errors={errorsFor(errors, 'maxSessionHours')} testId="session-max-errors" />
      <ErrorBox errors={otherErrors(errors, fields)} message={requestError ?? (loaded.error ? errorMessage(loaded.error) : null)} testId="session-errors" />
      {saved && <p className="ok" data-testid="session-saved">Saved.</p>}
      <div className="actions">
        <button className="btn btn-primary" type="submit" disabled={save.isPending} data-testid="session-save">{save.isPending ? 'Saving…' : 'Save'}</button>
      </div>
    </form>
  );
}
