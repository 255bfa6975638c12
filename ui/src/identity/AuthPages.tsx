import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { login, signup } from './auth';
import { resetWsClient } from '../shared/api/ws';
import type { UserError } from '../shared/api/types';
import { ErrorBox, FieldErrors } from '../shared/components/Errors';
import { errorsFor, otherErrors } from '../shared/lib/format';
import { ssoLoginPath } from './sso';
import { useSession } from './session';

function useAfterSignIn() {
  const navigate = useNavigate();
  const location = useLocation();
  const { reload } = useSession();
  return async () => {
    resetWsClient();
    await reload();
    const from = (location.state as { from?: string } | null)?.from;
    navigate(from && from.startsWith('/') && !from.startsWith('/login') ? from : '/projects', { replace: true });
  };
}

export function LoginPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<UserError[]>([]);
  const [busy, setBusy] = useState(false);
  const afterSignIn = useAfterSignIn();

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setErrors([]);
    const result = await login(email, password);
    setBusy(false);
    if (result.ok) await afterSignIn();
    else setErrors(result.errors);
  }

  const fields = ['email', 'password'];
  return (
    <div className="auth-card card">
      <h1>Log in</h1>
      <form onSubmit={onSubmit} data-testid="login-form">
        <label>
          Email
          <input type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} data-testid="login-email" />
        </label>
        <FieldErrors errors={errorsFor(errors, 'email')} />
        <label>
          Password
          <input type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} data-testid="login-password" />
        </label>
        <FieldErrors errors={errorsFor(errors, 'password')} />
        <ErrorBox errors={otherErrors(errors, fields)} testId="login-errors" />
        <button className="btn btn-primary" type="submit" disabled={busy} data-testid="login-submit">
          {busy ? 'Signing in…' : 'Log in'}
        </button>
      </form>
      <p className="muted">
        No account yet? <Link to="/signup">Sign up</Link>
      </p>
      <SsoSignIn />
    </div>
  );
}

/** "Sign in with SSO": the browser goes to the organization's SAML sign-in, which redirects to its IdP. */
export function SsoSignIn({ go = (url: string) => window.location.assign(url) }: { go?: (url: string) => void }) {
  const [organization, setOrganization] = useState('');
  return (
    <form
      className="sso-sign-in"
      data-testid="sso-login-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (organization.trim() !== '') go(ssoLoginPath(organization));
      }}
    >
      <label>
        Organization (SSO name or id)
        <input value={organization} required onChange={(e) => setOrganization(e.target.value)} placeholder="acme" data-testid="sso-login-organization" />
      </label>
      <button className="btn" type="submit" data-testid="sso-login-submit">Sign in with SSO</button>
    </form>
  );
}

export function SignupPage() {
  const [form, setForm] = useState({ email: '', password: '', displayName: '', organizationName: '' });
  const [errors, setErrors] = useState<UserError[]>([]);
  const [busy, setBusy] = useState(false);
  const afterSignIn = useAfterSignIn();
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setErrors([]);
    const result = await signup(form);
    setBusy(false);
    if (result.ok) await afterSignIn();
    else setErrors(result.errors);
  }

  const fields = ['email', 'password', 'displayName', 'organizationName'];
  return (
    <div className="auth-card card">
      <h1>Create your account</h1>
      <form onSubmit={onSubmit} data-testid="signup-form">
        <label>
          Your name
          <input required value={form.displayName} onChange={set('displayName')} data-testid="signup-display-name" />
        </label>
        <FieldErrors errors={errorsFor(errors, 'displayName')} />
        <label>
          Organization
          <input required value={form.organizationName} onChange={set('organizationName')} data-testid="signup-organization" />
        </label>
        <FieldErrors errors={errorsFor(errors, 'organizationName')} />
        <label>
          Email
          <input type="email" autoComplete="username" required value={form.email} onChange={set('email')} data-testid="signup-email" />
        </label>
        <FieldErrors errors={errorsFor(errors, 'email')} />
        <label>
          Password
          <input type="password" autoComplete="new-password" required value={form.password} onChange={set('password')} data-testid="signup-password" />
        </label>
        <FieldErrors errors={errorsFor(errors, 'password')} />
        <ErrorBox errors={otherErrors(errors, fields)} testId="signup-errors" />
        <button className="btn btn-primary" type="submit" disabled={busy} data-testid="signup-submit">
          {busy ? 'Creating account…' : 'Sign up'}
        </button>
      </form>
      <p className="muted">
        Already have an account? <Link to="/login">Log in</Link>
      </p>
    </div>
  );
}
