import { useEffect, useState, type FormEvent } from 'react';
import { errorMessage, gql } from '../shared/api/graphql';
import { SessionPolicyQuery, SetSessionPolicyMutation } from '../shared/api/operations';
import type { SessionPolicy, UserError } from '../shared/api/types';
import { ErrorBox, FieldErrors } from '../shared/components/Errors';
import { errorsFor, otherErrors } from '../shared/lib/format';

/** "" means: the installation's default. */
function parseLimit(text: string): number | null {
  const t = text.trim();
  return t === '' ? null : Number(t);
}

/** Organization settings: how long members' browser sessions last. */
export function SessionPolicyForm() {
  const [policy, setPolicy] = useState<SessionPolicy | null>(null);
  const [idle, setIdle] = useState('');
  const [max, setMax] = useState('');
  const [errors, setErrors] = useState<UserError[]>([]);
  const [requestError, setRequestError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  function show(p: SessionPolicy | null) {
    setPolicy(p);
    setIdle(p?.idleTimeoutMinutes == null ? '' : String(p.idleTimeoutMinutes));
    setMax(p?.maxSessionHours == null ? '' : String(p.maxSessionHours));
  }

  useEffect(() => {
    gql(SessionPolicyQuery, {}).then((d) => show(d.sessionPolicy)).catch((e) => setRequestError(errorMessage(e)));
  }, []);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setErrors([]);
    setRequestError(null);
    setSaved(false);
    try {
      const idleMinutes = parseLimit(idle);
      const maxHours = parseLimit(max);
      const payload = (await gql(SetSessionPolicyMutation, { input: { idleTimeoutMinutes: idleMinutes, maxSessionHours: maxHours } })).setSessionPolicy;
      if (payload.errors.length > 0) setErrors(payload.errors);
      else {
        show(payload.policy);
        setSaved(true);
      }
    } catch (err) {
      setRequestError(errorMessage(err));
    } finally {
      setBusy(false);
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
      <ErrorBox errors={otherErrors(errors, fields)} message={requestError} testId="session-errors" />
      {saved && <p className="ok" data-testid="session-saved">Saved.</p>}
      <div className="actions">
        <button className="btn btn-primary" type="submit" disabled={busy} data-testid="session-save">{busy ? 'Saving…' : 'Save'}</button>
      </div>
    </form>
  );
}
