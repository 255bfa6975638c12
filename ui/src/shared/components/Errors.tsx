import type { UserError } from '../api/types';
import { userErrorText } from '../lib/errors';

// User errors are shown as sentences (lib/errors.ts), never as codes or field paths; the code stays in data-code.

/** Errors tied to one input field, shown right below it. */
export function FieldErrors({ errors, testId }: { errors: UserError[]; testId?: string }) {
  if (errors.length === 0) return null;
  return (
    <ul className="field-errors" data-testid={testId}>
      {errors.map((e, i) => (
        <li key={i} data-code={e.code}>{userErrorText(e)}</li>
      ))}
    </ul>
  );
}

/** A box of user errors and/or a request error (GraphQL errors array, network, HTTP). */
export function ErrorBox({ errors = [], message, testId = 'errors' }: { errors?: UserError[]; message?: string | null; testId?: string }) {
  if (errors.length === 0 && !message) return null;
  return (
    <div className="alert alert-error" role="alert" data-testid={testId}>
      {message && <p className="pre">{message}</p>}
      {errors.length > 0 && (
        <ul>
          {errors.map((e, i) => (
            <li key={i} data-code={e.code}>{userErrorText(e)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
