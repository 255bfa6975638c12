import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { describeInvitation, joinWithInvitation, signup } from '../identity/auth';
import { resetWsClient } from '../shared/api/ws';
import type { UserError } from '../shared/api/types';
import { ErrorBox, FieldErrors } from '../shared/components/Errors';
import { errorsFor, formatDateTime, otherErrors } from '../shared/lib/format';
import { invitePageState, roleLabel, stateAfterSignupErrors, type InvitePageState } from './members';
import { useSession } from '../identity/session';

/** Sign-up through an invitation link: joins the inviting organization with the invitation's role. */
export function InvitePage() {
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const { me, reload } = useSession();
  const [state, setState] = useState<InvitePageState>({ kind: 'loading' });
  const [form, setForm] = useState({ displayName: '', email: '', password: '' });
  const [errors, setErrors] = useState<UserError[]>([]);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));

  useEffect(() => {
    // signed in already? then the invitation joins this account instead of a new one
    void reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  async function join() {
    setBusy(true);
    setErrors([]);
    const result = await joinWithInvitation(token);
    if (result.ok) {
      resetWsClient();
      await reload();
      navigate('/projects', { replace: true });
      return;
    }
    setBusy(false);
    setErrors(result.errors);
    setState((s) => stateAfterSignupErrors(s, result.errors));
  }

  useEffect(() => {
    let cancelled = false;
    setState({ kind: 'loading' });
    void describeInvitation(token).then((r) => {
      if (!cancelled) setState(invitePageState(r));
    });
    return () => {
      cancelled = true;
    };
  }, [token]);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setErrors([]);
    const result = await signup({ ...form, invitation: token });
    if (result.ok) {
      // an email that already had an account was signed in with it: it joins now (a new account has joined already)
      await joinWithInvitation(token);
      resetWsClient();
      await reload();
      navigate('/projects', { replace: true });
      return;
    }
    setBusy(false);
    setErrors(result.errors);
    setState((s) => stateAfterSignupErrors(s, result.errors));
  }

  return (
    <div className="auth-card card" data-testid="invite-page">
      <h1>Join an organization</h1>
      <InviteStatus state={state} />
      {state.kind === 'open' && me && (
        <div data-testid="invite-join">
          <p>
            You are signed in as <strong>{me.displayName}</strong> ({me.email}). Join with this account, or log out to
            create a new one.
          </p>
          <ErrorBox errors={errors} testId="invite-join-errors" />
          <button className="btn btn-primary" disabled={busy} onClick={() => void join()} data-testid="invite-join-submit">
            {busy ? 'Joining…' : `Join as ${me.displayName}`}
          </button>
        </div>
      )}
      {state.kind === 'open' && !me && (
        <form onSubmit={onSubmit} data-testid="invite-signup-form">
          <label>
            Your name
            <input required value={form.displayName} onChange={set('displayName')} data-testid="invite-display-name" />
          </label>
          <FieldErrors errors={errorsFor(errors, 'displayName')} />
          <label>
            Email
            <input type="email" autoComplete="username" required value={form.email} onChange={set('email')} data-testid="invite-email" />
          </label>
          <FieldErrors errors={errorsFor(errors, 'email')} />
          <label>
            Password
            <input type="password" autoComplete="new-password" required value={form.password} onChange={set('password')} data-testid="invite-password" />
          </label>
          <FieldErrors errors={errorsFor(errors, 'password')} />
          <ErrorBox errors={otherErrors(errors, ['displayName', 'email', 'password'])} testId="invite-signup-errors" />
          <button className="btn btn-primary" type="submit" disabled={busy} data-testid="invite-submit">
            {busy ? 'Joining…' : 'Join'}
          </button>
        </form>
      )}
      <p className="muted">
        Already have an account? <Link to="/login" state={{ from: `/invite/${token}` }}>Log in</Link>, then join with it
      </p>
    </div>
  );
}

function InviteStatus({ state }: { state: InvitePageState }) {
  switch (state.kind) {
    case 'loading':
      return <p className="muted">Checking the invitation…</p>;
    case 'open':
      return (
        <p data-testid="invite-status" data-status="open">
          You are invited to <strong data-testid="invite-organization">{state.organizationName}</strong> as{' '}
          <strong data-testid="invite-role-name">{roleLabel(state.role)}</strong>.{' '}
          <span className="muted">The link works once, until {formatDateTime(state.expiresAt)}.</span>
        </p>
      );
    case 'expired':
      return <GoneInvitation state={state}>has expired. Ask for a new link.</GoneInvitation>;
    case 'used':
      return (
        <GoneInvitation state={state}>
          has already been used. Ask for a new link, or <Link to="/login">log in</Link> if it was you.
        </GoneInvitation>
      );
    case 'revoked':
      return <GoneInvitation state={state}>was withdrawn. Ask for a new link.</GoneInvitation>;
    case 'unknown':
      return (
        <div className="alert alert-error" role="alert" data-testid="invite-status" data-status="unknown">
          This invitation link is not valid. Check that you copied the whole link.
        </div>
      );
    case 'error':
      return (
        <div className="alert alert-error" role="alert" data-testid="invite-status" data-status="error">
          <p className="pre">Could not check the invitation: {state.message}</p>
        </div>
      );
  }
}

/** An invitation that can no longer be used, named with its organization when known. */
function GoneInvitation({ state, children }: { state: { kind: string; organizationName: string }; children: ReactNode }) {
  return (
    <div className="alert alert-error" role="alert" data-testid="invite-status" data-status={state.kind}>
      This invitation{state.organizationName && <> to <strong>{state.organizationName}</strong></>} {children}
    </div>
  );
}
