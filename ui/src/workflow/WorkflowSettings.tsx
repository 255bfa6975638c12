// The workflow sections of a project's Settings tab (issue 11): general, distribution, skip queue, annotating,
// review, and the people paused in the project. One save sends every section: each save is one settings version.
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { errorMessage, gql } from '../shared/api/graphql';
import { ProjectMembersQuery } from '../shared/api/operations';
import type { ProjectMember, UserError } from '../shared/api/types';
import { ErrorBox, FieldErrors } from '../shared/components/Errors';
import { formatDateTime } from '../shared/lib/format';
import { PauseAnnotatorMutation, ProjectWorkflowQuery, ResumeAnnotatorMutation, UpdateProjectSettingsMutation } from './operations';
import type { PausedAnnotator, ProjectSettings, SettingsNotice } from './types';

export const NOTICE_SENTENCES: Record<SettingsNotice, string> = {
  LOWER_OVERLAP_APPLIES_TO_NEW_HAND_OUTS: 'The lower overlap applies to tasks handed out from now on; annotations already made stay.',
  LIMIT_ABOVE_TASK_COUNT: 'The annotation limit is above the number of tasks: it limits nobody for now.',
  SHORTER_RESERVATION_APPLIES_TO_NEW_HAND_OUTS: 'The shorter reservation applies to tasks handed out from now on; current reservations keep their time.',
};

/** The section names the Settings tab lists, in order (anchors: #settings-<key>). */
export const WORKFLOW_SECTIONS = [
  ['general', 'General'],
  ['distribution', 'Distribution'],
  ['skipping', 'Skip queue'],
  ['annotating', 'Annotating'],
  ['review', 'Review'],
  ['paused', 'Paused people'],
] as const;

/** Errors of one setting: their field path is [section, setting]. */
function settingErrors(errors: UserError[], section: string, field: string): UserError[] {
  return errors.filter((e) => e.field?.[0] === section && e.field?.[1] === field);
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="settings-section" id={`settings-${id}`} data-testid={`settings-section-${id}`}>
      <h3>{title}</h3>
      {children}
    </section>
  );
}

function Check({ label, checked, onChange, testId }: { label: string; checked: boolean; onChange: (v: boolean) => void; testId: string }) {
  return (
    <label className="checkbox">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} data-testid={testId} />
      {label}
    </label>
  );
}

export function WorkflowSettings({ projectId }: { projectId: string }) {
  const [settings, setSettings] = useState<ProjectSettings | null>(null);
  const [version, setVersion] = useState(0);
  const [paused, setPaused] = useState<PausedAnnotator[]>([]);
  const [errors, setErrors] = useState<UserError[]>([]);
  const [notices, setNotices] = useState<SettingsNotice[]>([]);
  const [requestError, setRequestError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    gql(ProjectWorkflowQuery, { id: projectId })
      .then((d) => {
        if (!d.project) return;
        setSettings(d.project.settings);
        setVersion(d.project.settingsVersion);
        setPaused(d.project.pausedAnnotators ?? []);
      })
      .catch((e) => setRequestError(errorMessage(e)));
  }, [projectId]);

  if (!settings) return <ErrorBox message={requestError} />;
  const s = settings;
  const set = <K extends keyof ProjectSettings>(section: K, patch: Partial<ProjectSettings[K]>) =>
    setSettings({ ...s, [section]: { ...s[section], ...patch } });

  async function save(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setErrors([]);
    setNotices([]);
    setRequestError(null);
    setSaved(false);
    try {
      const payload = (await gql(UpdateProjectSettingsMutation, { input: { projectId, ...s } })).updateProjectSettings;
      if (payload.errors.length > 0) setErrors(payload.errors);
      else {
        if (payload.project) {
          setSettings(payload.project.settings);
          setVersion(payload.project.settingsVersion);
        }
        setNotices(payload.notices);
        setSaved(true);
      }
    } catch (err) {
      setRequestError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const d = s.distribution;
  const known = ['color', 'instructions', 'mode', 'overlap', 'overlapPercent', 'reservationMinutes', 'sampling', 'limit', 'queue', 'onReject'];
  return (
    <>
      {/* noValidate: the server checks every range and names the setting (typed errors as sentences) */}
      <form className="card form workflow-settings" onSubmit={save} noValidate data-testid="workflow-settings-form">
        <h2>Workflow <span className="muted small" data-testid="settings-version">settings version {version}</span></h2>
        <Section id="general" title="General">
          <label>
            Color
            <input type="color" value={s.general.color || '#4a6cf7'} onChange={(e) => set('general', { color: e.target.value })} data-testid="settings-color" />
          </label>
          <FieldErrors errors={settingErrors(errors, 'general', 'color')} />
          <label>
            Instructions (Markdown)
            <textarea rows={6} value={s.general.instructions} onChange={(e) => set('general', { instructions: e.target.value })}
              data-testid="settings-instructions" />
          </label>
          <FieldErrors errors={settingErrors(errors, 'general', 'instructions')} />
          <Check label="Show the instructions before labeling (once per session)" checked={s.general.showInstructionsBeforeLabeling}
            onChange={(v) => set('general', { showInstructionsBeforeLabeling: v })} testId="settings-show-instructions" />
        </Section>

        <Section id="distribution" title="Distribution">
          <label>
            Tasks are handed out
            <select value={d.mode} onChange={(e) => set('distribution', { mode: e.target.value as typeof d.mode })} data-testid="settings-distribution">
              <option value="AUTO">Automatically, by the label stream</option>
              <option value="MANUAL">Manually, by Managers assigning them</option>
            </select>
          </label>
          <label>
            Annotations per task (overlap)
            <input type="number" min={1} max={100} value={d.overlap} onChange={(e) => set('distribution', { overlap: Number(e.target.value) })}
              data-testid="settings-overlap" />
          </label>
          <FieldErrors errors={settingErrors(errors, 'distribution', 'overlap')} testId="settings-overlap-errors" />
          <label>
            Share of tasks with this overlap (%; empty: every task)
            <input type="number" min={1} max={100} value={d.overlapPercent ?? ''}
              onChange={(e) => set('distribution', { overlapPercent: e.target.value === '' ? null : Number(e.target.value) })}
              data-testid="settings-overlap-percent" />
          </label>
          <FieldErrors errors={settingErrors(errors, 'distribution', 'overlapPercent')} />
          <label>
            Reservation time (minutes)
            <input type="number" min={1} value={d.reservationMinutes}
              onChange={(e) => set('distribution', { reservationMinutes: Number(e.target.value) })} data-testid="settings-reservation" />
          </label>
          <FieldErrors errors={settingErrors(errors, 'distribution', 'reservationMinutes')} testId="settings-reservation-errors" />
          <label>
            Order of the label stream
            <select value={d.sampling} onChange={(e) => set('distribution', { sampling: e.target.value as typeof d.sampling })} data-testid="settings-sampling">
              <option value="SEQUENTIAL">Sequential (task order)</option>
              <option value="UNIFORM">Random</option>
              <option value="UNCERTAINTY">Uncertainty (least confident predictions first)</option>
            </select>
          </label>
          <label>
            Annotation limit per person
            <span className="inline">
              <input type="number" min={1} value={d.limit?.value ?? ''} placeholder="no limit"
                onChange={(e) => set('distribution', { limit: e.target.value === '' ? null : { unit: d.limit?.unit ?? 'COUNT', value: Number(e.target.value) } })}
                data-testid="settings-limit" />
              <select value={d.limit?.unit ?? 'COUNT'} disabled={!d.limit}
                onChange={(e) => d.limit && set('distribution', { limit: { ...d.limit, unit: e.target.value as 'COUNT' | 'PERCENT' } })}
                data-testid="settings-limit-unit">
                <option value="COUNT">tasks</option>
                <option value="PERCENT">% of the tasks</option>
              </select>
            </span>
          </label>
          <FieldErrors errors={settingErrors(errors, 'distribution', 'limit')} />
        </Section>

        <Section id="skipping" title="Skip queue">
          <label>
            A skipped task
            <select value={s.skipping.queue} onChange={(e) => set('skipping', { queue: e.target.value as typeof s.skipping.queue })} data-testid="settings-skip-queue">
              <option value="REQUEUE_TO_OTHERS">goes to other annotators</option>
              <option value="REQUEUE_TO_ME_LAST">comes back to the same annotator, after their other tasks</option>
              <option value="IGNORE">counts as done for that annotator</option>
            </select>
          </label>
          <Check label="Ask for a comment when skipping" checked={s.skipping.requireComment}
            onChange={(v) => set('skipping', { requireComment: v })} testId="settings-skip-comment" />
        </Section>

        <Section id="annotating" title="Annotating">
          <Check label="Show the Skip button" checked={s.annotating.showSkip} onChange={(v) => set('annotating', { showSkip: v })} testId="settings-show-skip" />
          <Check label="Allow empty annotations" checked={s.annotating.allowEmptyAnnotations}
            onChange={(v) => set('annotating', { allowEmptyAnnotations: v })} testId="settings-allow-empty" />
          <Check label="Reveal predictions one by one" checked={s.annotating.revealPredictionsInteractively}
            onChange={(v) => set('annotating', { revealPredictionsInteractively: v })} testId="settings-reveal-predictions" />
          <Check label="Annotators see the Data Manager" checked={s.annotating.annotatorsSeeDataManager}
            onChange={(v) => set('annotating', { annotatorsSeeDataManager: v })} testId="settings-annotators-dm" />
          <Check label="Annotators see other people's annotations (off: blind labeling)" checked={s.annotating.showOthersAnnotations}
            onChange={(v) => set('annotating', { showOthersAnnotations: v })} testId="settings-show-others" />
        </Section>

        <Section id="review" title="Review">
          <label>
            Instructions for reviewers (Markdown)
            <textarea rows={4} value={s.review.instructions} onChange={(e) => set('review', { instructions: e.target.value })} data-testid="settings-review-instructions" />
          </label>
          <label>
            A rejected annotation
            <select value={s.review.onReject} onChange={(e) => set('review', { onReject: e.target.value as typeof s.review.onReject })} data-testid="settings-on-reject">
              <option value="REQUEUE_TO_ANNOTATOR">goes back to its annotator</option>
              <option value="REQUEUE_TO_GENERAL">goes back to the general queue</option>
              <option value="MARK_ONLY">is only marked as rejected</option>
            </select>
          </label>
          <Check label="Ask for a comment when rejecting" checked={s.review.requireCommentOnReject}
            onChange={(v) => set('review', { requireCommentOnReject: v })} testId="settings-reject-comment" />
          <Check label="Review only tasks that have all their annotations (overlap reached)" checked={s.review.onlyOverlapReached}
            onChange={(v) => set('review', { onlyOverlapReached: v })} testId="settings-review-overlap" />
        </Section>

        <ErrorBox errors={errors.filter((e) => !known.includes(e.field?.[1] ?? ''))} message={requestError} testId="workflow-settings-errors" />
        {saved && <p className="ok" data-testid="workflow-settings-saved">Saved.</p>}
        {notices.map((n) => (
          <p className="notice" key={n} data-testid="workflow-settings-notice">{NOTICE_SENTENCES[n]}</p>
        ))}
        <div className="actions">
          <button className="btn btn-primary" type="submit" disabled={busy} data-testid="workflow-settings-save">
            {busy ? 'Saving…' : 'Save workflow settings'}
          </button>
        </div>
      </form>
      <PausedPeople projectId={projectId} paused={paused} onChanged={setPaused} />
    </>
  );
}

/** Pausing and resuming people of the project, with the reason they will see. */
export function PausedPeople({ projectId, paused, onChanged }: { projectId: string; paused: PausedAnnotator[]; onChanged: (p: PausedAnnotator[]) => void }) {
  const [members, setMembers] = useState<ProjectMember[]>([]);
  const [who, setWho] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<UserError[]>([]);
  const [requestError, setRequestError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    gql(ProjectMembersQuery, { projectId })
      .then((d) => setMembers(d.projectMembers))
      .catch((e) => setRequestError(errorMessage(e)));
  }, [projectId]);

  async function act(send: () => Promise<{ project: { pausedAnnotators?: PausedAnnotator[] } | null; errors: UserError[] }>) {
    setBusy(true);
    setErrors([]);
    setRequestError(null);
    try {
      const payload = await send();
      if (payload.errors.length > 0) setErrors(payload.errors);
      else {
        onChanged(payload.project?.pausedAnnotators ?? []);
        setReason('');
      }
    } catch (err) {
      setRequestError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const pause = (e: FormEvent) => {
    e.preventDefault();
    void act(async () => (await gql(PauseAnnotatorMutation, { input: { projectId, userId: who, reason } })).pauseAnnotator);
  };
  const resume = (userId: string) => act(async () => (await gql(ResumeAnnotatorMutation, { input: { projectId, userId } })).resumeAnnotator);

  return (
    <div className="card form" id="settings-paused" data-testid="settings-section-paused">
      <h2>Paused people</h2>
      {paused.length === 0 ? <p className="muted" data-testid="paused-none">Nobody is paused.</p> : (
        <ul className="paused-list" data-testid="paused-list">
          {paused.map((p) => (
            <li key={p.user?.id} data-testid="paused-person">
              <strong>{p.user?.displayName ?? 'Someone'}</strong> — {p.reason}{' '}
              <span className="muted small">
                {p.source === 'POLICY' ? 'by a quality rule' : `by ${p.pausedBy?.displayName ?? 'a Manager'}`}, {formatDateTime(p.pausedAt)}
              </span>{' '}
              <button className="btn" type="button" disabled={busy} onClick={() => p.user && resume(p.user.id)} data-testid="resume-person">Resume</button>
            </li>
          ))}
        </ul>
      )}
      <form className="inline-form" onSubmit={pause}>
        <label>
          Person
          <select value={who} onChange={(e) => setWho(e.target.value)} data-testid="pause-who">
            <option value="">Choose…</option>
            {members.map((m) => <option key={m.userId} value={m.userId}>{m.displayName}</option>)}
          </select>
        </label>
        <label>
          Reason (they will see it)
          <input value={reason} onChange={(e) => setReason(e.target.value)} data-testid="pause-reason" />
        </label>
        <button className="btn" type="submit" disabled={busy || !who} data-testid="pause-person">Pause</button>
      </form>
      <FieldErrors errors={errors.filter((e) => e.field?.[0] === 'reason')} testId="pause-reason-errors" />
      <ErrorBox errors={errors.filter((e) => e.field?.[0] !== 'reason')} message={requestError} testId="pause-errors" />
    </div>
  );
}
