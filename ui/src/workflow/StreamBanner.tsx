// What the labeling page shows about the caller's label stream (issue 11): the project's instructions (before the
// first task of a browser session when the project asks for it, and on demand), and why no task is handed out
// (paused, with the reason; the annotation limit; manual distribution).
import { useEffect, useState } from 'react';
import { errorMessage, gql } from '../shared/api/graphql';
import { ErrorBox } from '../shared/components/Errors';
import { instructionsHtml } from './markdown';
import { LabelStreamQuery, ProjectSettingsQuery } from './operations';
import type { LabelStreamView } from './types';

const seenKey = (projectId: string) => `labelledger.instructions-seen.${projectId}`;

export function StreamBanner({ projectId, taskShown }: { projectId: string; taskShown: boolean }) {
  const [instructions, setInstructions] = useState('');
  const [open, setOpen] = useState(false);
  const [stream, setStream] = useState<LabelStreamView | null>(null);
  const [requestError, setRequestError] = useState<string | null>(null);

  useEffect(() => {
    gql(ProjectSettingsQuery, { id: projectId })
      .then((d) => {
        const general = d.project?.settings.general;
        if (!general) return;
        setInstructions(general.instructions);
        if (general.showInstructionsBeforeLabeling && general.instructions && !sessionStorage.getItem(seenKey(projectId))) setOpen(true);
      })
      .catch((e) => setRequestError(errorMessage(e)));
  }, [projectId]);

  useEffect(() => {
    if (taskShown) {
      setStream(null);
      return;
    }
    gql(LabelStreamQuery, { projectId })
      .then((d) => setStream(d.labelStream))
      .catch((e) => setRequestError(errorMessage(e)));
  }, [projectId, taskShown]);

  const close = () => {
    sessionStorage.setItem(seenKey(projectId), '1');
    setOpen(false);
  };

  return (
    <>
      <ErrorBox message={requestError} testId="stream-errors" />
      {stream?.state === 'PAUSED' && (
        <div className="card notice" role="status" data-testid="stream-paused">
          <strong>You are paused in this project.</strong> {stream.pauseReason}
          <p className="muted small">No tasks are handed to you until a Manager resumes you.</p>
        </div>
      )}
      {stream?.state === 'LIMIT_REACHED' && (
        <div className="card notice" role="status" data-testid="stream-limit">
          <strong>You have reached this project's annotation limit.</strong> Thank you: your part of this project is done.
        </div>
      )}
      {stream?.state === 'MANUAL' && (
        <div className="card notice" role="status" data-testid="stream-manual">
          Managers assign the tasks of this project. Open the tasks assigned to you from the project.
        </div>
      )}
      {instructions && (open ? (
        <div className="card instructions" data-testid="instructions">
          <h2>Instructions</h2>
          {/* marked + DOMPurify: sanitized HTML (markdown.ts) */}
          <div className="markdown" dangerouslySetInnerHTML={{ __html: instructionsHtml(instructions) }} />
          <button className="btn btn-primary" onClick={close} data-testid="instructions-close">Start labeling</button>
        </div>
      ) : (
        <button className="btn btn-link" onClick={() => setOpen(true)} data-testid="instructions-open">Show instructions</button>
      ))}
    </>
  );
}
