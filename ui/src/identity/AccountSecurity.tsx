import { useState, type FormEvent } from 'react';
import { errorMessage } from '../shared/api/graphql';
import { useGraphQLMutation } from '../shared/api/query';
import { ChangePasswordMutation, SignOutEverywhereMutation } from './operations';
import type { UserError } from '../shared/api/types';
import { ErrorBox, FieldErrors } from '../shared/components/Errors';
import { errorsFor, otherErrors } from '../shared/lib/format';
import { useSession } from './session';

/**
 * The two controls of the Account page for one's own sign-in (ADR 0026): change the password (the current one is
 * required; every other browser session ends) and sign out everywhere (this session too).
 */
export function AccountSecurity() {
  const { signOut } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [errors, setErrors] = useState<UserError[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [changed, setChanged] = useState(false);
  const changePassword = useGraphQLMutation(ChangePasswordMutation);
  const signOutEverywhere = useGraphQLMutation(SignOutEverywhereMutation);

  async function change(e: FormEvent) {
    e.preventDefault();
    setErrors([]);
    setMessage(null);
    setChanged(false);
    try {
      const p = (await changePassword.mutateAsync({ input: { currentPassword: current, newPassword: next } })).changePassword;
      if (p.errors.length > 0) setErrors(p.errors);
      else {
        setChanged(true);
        setCurrent('');
        setNext('');
      }
    } catch (err) {
      setMessage(errorMessage(err));
    }
  }

  async function everywhere() {
    if (!window.confirm('Sign out of every browser, this one included?')) return;
    setMessage(null);
    try {
      const p = (await signOutEverywhere.mutateAsync({})).signOutEverywhere;
      if (p.errors.length > 0) setErrors(p.errors);
      else await signOut();
    } catch (err) {
      setMessage(errorMessage(err));
    }
  }

  return (
    <div className="card" data-testid="account-security">
      <h2>Sign-in</h2>
      <form className="form inline-form" onSubmit={change} data-testid="password-form">
        <label>
          Current password
          <input type="password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)}
                 data-testid="password-current" />
        </label>
        <label>
          New password
          <input type="password" autoComplete="new-password" required minLength={10} value={next} onChange={(e) => setNext(e.target.value)}
                 data-testid="password-new" />
        </label>
        <button className="btn" type="submit" disabled={changePassword.isPending} data-testid="password-change">Change password</button>
      </form>
      <FieldErrors errors={[...errorsFor(errors, 'currentPassword'), ...errorsFor(errors, 'newPassword')]} testId="password-errors" />
      {changed && <p className="ok" data-testid="password-changed">Password changed. Your other sessions were signed out.</p>}
      <p>
        <button className="btn" type="button" onClick={everywhere} data-testid="sign-out-everywhere">Sign out everywhere</button>
      </p>
      <ErrorBox errors={otherErrors(errors, ['currentPassword', 'newPassword'])} message={message} testId="account-security-errors" />
    </div>
  );
}
