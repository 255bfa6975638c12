// The Data Manager's bulk-action menu (issue 11, ADR 0042), shown in the selection bar: assign / unassign people,
// bulk label (one value of a Choices, Taxonomy, TextArea, Rating, Number or DateTime control), delete. Each runs on
// the server as a background job over the selection (ticked rows, or all that match the filter); the menu follows its
// progress, pushed by the bulkTaskJob subscription (ADR 0048). The server decides who may do what (rules.csv): the
// menu offers what the caller's role allows.
import { useState } from 'react';
import { errorMessage } from '../shared/api/graphql';
import { useGraphQLMutation } from '../shared/api/query';
import type { Control, JSONValue, UserError } from '../shared/api/types';
import { ErrorBox } from '../shared/components/Errors';
import type { TaskSelectionInput } from '../shared/gql/graphql';
import { bulkLabelControls, bulkResult, jobSummary, runBulkJob, selectionInput, type BulkTaskJob } from '../workflow/bulk';
import { BulkLabelTasksMutation, BulkTaskActionMutation } from '../workflow/operations';
import type { AssignmentKind } from '../workflow/types';
import type { Selection } from './selection';

type Action = '' | 'ASSIGN' | 'UNASSIGN' | 'LABEL' | 'DELETE';

export function BulkActions({ projectId, selection, filter, controls, people, canManage, canLabel, onDone }: {
  projectId: string;
  selection: Selection;
  filter: object | null;
  controls: Control[];
  people: { id: string; name: string }[];
  canManage: boolean;
  canLabel: boolean;
  /** The job ended: the page reloads its rows and keeps the summary (the selection bar goes with the selection). */
  onDone: (summary: string) => void;
}) {
  const [action, setAction] = useState<Action>('');
  const [person, setPerson] = useState('');
  const [kind, setKind] = useState<AssignmentKind>('ANNOTATION');
  const labelable = bulkLabelControls(controls);
  const [controlName, setControlName] = useState('');
  const [value, setValue] = useState('');
  const [job, setJob] = useState<BulkTaskJob | null>(null);
  const [errors, setErrors] = useState<UserError[]>([]);
  const [requestError, setRequestError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const label = useGraphQLMutation(BulkLabelTasksMutation);
  const act = useGraphQLMutation(BulkTaskActionMutation);
  if (!canManage && !canLabel) return null;

  const control = labelable.find((c) => c.name === (controlName || labelable[0]?.name));
  const result = control ? bulkResult(control, value) : null;
  const ready = action === 'DELETE' || ((action === 'ASSIGN' || action === 'UNASSIGN') && person !== '') || (action === 'LABEL' && result !== null);

  async function apply() {
    setBusy(true);
    setErrors([]);
    setRequestError(null);
    setJob(null);
    // the Data Manager's filter as the server takes it (view.ts builds it; the generated input type is its contract)
    const sel = selectionInput(selection, filter) as TaskSelectionInput;
    try {
      const outcome = await runBulkJob(async () => action === 'LABEL'
        ? (await label.mutateAsync({ input: { projectId, selection: sel, result: result as JSONValue } })).bulkLabelTasks
        : (await act.mutateAsync({
          input: { projectId, selection: sel, action: action as 'ASSIGN' | 'UNASSIGN' | 'DELETE', ...(action === 'DELETE' ? {} : { userIds: [person], kind }) },
        })).bulkTaskAction, setJob);
      if (outcome.errors.length > 0) setErrors(outcome.errors);
      else if (outcome.job) onDone(jobSummary(outcome.job));
    } catch (e) {
      setRequestError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="bulk-actions inline" data-testid="bulk-actions">
      <select value={action} onChange={(e) => { setAction(e.target.value as Action); setJob(null); }} aria-label="Bulk action" data-testid="bulk-action">
        <option value="">Actions…</option>
        {canManage && <option value="ASSIGN">Assign to…</option>}
        {canManage && <option value="UNASSIGN">Unassign…</option>}
        {canLabel && labelable.length > 0 && <option value="LABEL">Label…</option>}
        {canManage && <option value="DELETE">Delete tasks</option>}
      </select>
      {(action === 'ASSIGN' || action === 'UNASSIGN') && (
        <>
          <select value={person} onChange={(e) => setPerson(e.target.value)} aria-label="Person" data-testid="bulk-person">
            <option value="">Person…</option>
            {people.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
          <select value={kind} onChange={(e) => setKind(e.target.value as AssignmentKind)} aria-label="For" data-testid="bulk-kind">
            <option value="ANNOTATION">to annotate</option>
            <option value="REVIEW">to review</option>
          </select>
        </>
      )}
      {action === 'LABEL' && control && (
        <>
          {labelable.length > 1 && (
            <select value={control.name} onChange={(e) => { setControlName(e.target.value); setValue(''); }} aria-label="Control" data-testid="bulk-control">
              {labelable.map((c) => <option key={c.name} value={c.name}>{c.name}</option>)}
            </select>
          )}
          {control.type.toLowerCase() === 'choices' && control.options.length > 0 ? (
            <select value={value} onChange={(e) => setValue(e.target.value)} aria-label="Value" data-testid="bulk-value">
              <option value="">Value…</option>
              {control.options.map((o) => <option key={o} value={o}>{o}</option>)}
            </select>
          ) : (
            <input value={value} onChange={(e) => setValue(e.target.value)} aria-label="Value" data-testid="bulk-value"
                   type={['rating', 'number'].includes(control.type.toLowerCase()) ? 'number' : 'text'}
                   placeholder={control.type.toLowerCase() === 'taxonomy' ? 'Path, e.g. Animal / Cat' : 'Value'} />
          )}
        </>
      )}
      {action !== '' && (
        <button className={`btn btn-small${action === 'DELETE' ? ' btn-danger' : ''}`} disabled={busy || !ready} onClick={() => void apply()}
                data-testid="bulk-apply">
          {action === 'DELETE' ? 'Delete' : 'Apply'}
        </button>
      )}
      {job && <span className="small" role="status" data-testid="bulk-progress">{jobSummary(job)}</span>}
      <ErrorBox errors={errors} message={requestError} testId="bulk-errors" />
    </div>
  );
}
