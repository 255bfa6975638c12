import type { UserError } from '../api/types';

/** Errors tied to one input field, shown right below it. */
export function FieldErrors({ errors, testId }: { errors: UserError[]; testId?: string }) {
  if (errors.length === 0) return null;
  return (
    <ul className="field-errors" data-testid={testId}>
      {errors.map((e, i) => (
        <li key={i}>
          <code className="err-code">{e.code}</code> {e.message}
        </li>
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
            <li key={i}>
              <code className="err-code">{e.code}</code>
              {e.field && e.field.length > 0 && <span className="muted"> {e.field.join('.')}:</span>} {e.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
