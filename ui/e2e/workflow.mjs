#!/usr/bin/env node
// Browser test of the team workflow (issue 11, ADR 0036) against a running server; it starts no server itself.
//
//   BASE_URL=http://127.0.0.1:8080 node ui/e2e/workflow.mjs
//
// A Manager sets the workflow in the Settings tab (overlap 2, automatic distribution, instructions before labeling),
// invites two annotators and pauses one; the paused annotator sees the pause message on the labeling page; once resumed
// they see the instructions before their first task, skip it and label the next through their stream; the other
// annotator's stream hands them the skipped task (requeued to others). Then the Manager bulk labels 10 ticked tasks in
// the Data Manager and deletes one (ADR 0042).
// Screenshots: workflow-settings.png (the Settings tab), workflow-paused.png, workflow-instructions.png,
// workflow-bulk.png (the Data Manager's bulk-action menu after the bulk label).
import { join } from 'node:path';
import {
  ARTIFACTS, BASE_URL, STEP_TIMEOUT, StepFailure, createProjectWithTasks, expectNoErrors, gqlCall, openEditor, runBrowser, setPageForFailures, stage,
  waitUntil,
} from './lib.mjs';

const CONFIG = '<View><Text name="text" value="$text"/><Choices name="sentiment" toName="text"><Choice value="Positive"/><Choice value="Negative"/></Choices></View>';

async function signIn(page, email, password) {
  await page.goto(`${BASE_URL}/login`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(/\/projects$/, { timeout: STEP_TIMEOUT });
}

async function signOut(page) {
  await page.getByTestId('logout').click();
  await page.waitForURL(/\/login/, { timeout: STEP_TIMEOUT });
}

async function run(page) {
  setPageForFailures(page);
  const stamp = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const manager = { email: `wf-manager-${stamp}@example.com`, password: `Pw-${stamp}-manager!` };
  const annotator = { email: `wf-annotator-${stamp}@example.com`, password: `Pw-${stamp}-annotator!` };
  const second = { email: `wf-second-${stamp}@example.com`, password: `Pw-${stamp}-second!` };
  let projectId;
  let inviteLink;
  let secondLink;
  let annotatorId;
  let secondId;

  await stage('a Manager signs up and creates a project with tasks', async () => {
    await page.goto(`${BASE_URL}/signup`);
    await page.getByTestId('signup-display-name').fill(`Workflow Manager ${stamp}`);
    await page.getByTestId('signup-organization').fill(`Workflow Org ${stamp}`);
    await page.getByTestId('signup-email').fill(manager.email);
    await page.getByTestId('signup-password').fill(manager.password);
    await page.getByTestId('signup-submit').click();
    await page.waitForURL(/\/projects$/, { timeout: STEP_TIMEOUT });
    projectId = await createProjectWithTasks(page, `Workflow ${stamp}`, CONFIG,
      Array.from({ length: 14 }, (_, i) => ({ data: { text: `text number ${i + 1}` } })));
  });

  await stage('the Settings tab: overlap 2, automatic distribution, instructions before labeling', async () => {
    await page.goto(`${BASE_URL}/projects/${projectId}/settings`);
    await page.getByTestId('workflow-settings-form').waitFor();
    for (const section of ['general', 'distribution', 'skipping', 'annotating', 'review', 'paused']) {
      await page.getByTestId(`settings-section-${section}`).waitFor();
    }
    await page.getByTestId('settings-distribution').selectOption('AUTO');
    await page.getByTestId('settings-overlap').fill('0');
    await page.getByTestId('workflow-settings-save').click();
    await page.getByTestId('settings-overlap-errors').waitFor(); // refused, named under the setting
    await page.getByTestId('settings-overlap').fill('2');
    await page.getByTestId('settings-instructions').fill('## Before you start\n\nLabel the **overall** sentiment of each text.');
    await page.getByTestId('settings-show-instructions').check();
    await page.getByTestId('workflow-settings-save').click();
    await waitUntil('the settings saved', async () => {
      await expectNoErrors(page, 'workflow-settings-errors');
      return (await page.getByTestId('workflow-settings-saved').count()) === 1;
    }, STEP_TIMEOUT);
    const version = await page.getByTestId('settings-version').textContent();
    if (!version?.includes('1')) throw new StepFailure(`settings version after the first save: ${version}`);
    await page.getByTestId('settings-section-danger').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'workflow-settings.png'), fullPage: true });
    const invitation = await gqlCall(page, 'mutation { createInvitation(input: {role: ANNOTATOR}) { token } }', {});
    inviteLink = `${BASE_URL}/invite/${invitation.createInvitation.token}`;
    const other = await gqlCall(page, 'mutation { createInvitation(input: {role: ANNOTATOR}) { token } }', {});
    secondLink = `${BASE_URL}/invite/${other.createInvitation.token}`;
  });

  await stage('the annotator joins through the invitation', async () => {
    await signOut(page);
    await page.goto(inviteLink);
    await page.getByTestId('invite-signup-form').waitFor();
    await page.getByTestId('invite-display-name').fill(`Workflow Annotator ${stamp}`);
    await page.getByTestId('invite-email').fill(annotator.email);
    await page.getByTestId('invite-password').fill(annotator.password);
    await page.getByTestId('invite-submit').click();
    await page.waitForURL(/\/projects$/, { timeout: STEP_TIMEOUT });
    annotatorId = (await gqlCall(page, '{ me { id } }', {})).me.id;
  });

  await stage('a second annotator joins through their invitation', async () => {
    await signOut(page);
    await page.goto(secondLink);
    await page.getByTestId('invite-signup-form').waitFor();
    await page.getByTestId('invite-display-name').fill(`Workflow Second ${stamp}`);
    await page.getByTestId('invite-email').fill(second.email);
    await page.getByTestId('invite-password').fill(second.password);
    await page.getByTestId('invite-submit').click();
    await page.waitForURL(/\/projects$/, { timeout: STEP_TIMEOUT });
    secondId = (await gqlCall(page, '{ me { id } }', {})).me.id;
  });

  await stage('the Manager adds both and pauses the first annotator in the Settings tab', async () => {
    await signOut(page);
    await signIn(page, manager.email, manager.password);
    for (const userId of [annotatorId, secondId]) {
      const added = await gqlCall(page, 'mutation($i: ProjectMemberInput!) { addProjectMember(input: $i) { errors { code } } }',
        { i: { projectId, userId, role: 'ANNOTATOR' } });
      if (added.addProjectMember.errors.length) throw new StepFailure(`addProjectMember: ${JSON.stringify(added.addProjectMember.errors)}`);
    }
    await page.goto(`${BASE_URL}/projects/${projectId}/settings`);
    await page.getByTestId('settings-section-paused').waitFor();
    await waitUntil('the annotators offered', async () => (await page.getByTestId('pause-who').locator('option').count()) === 3, STEP_TIMEOUT);
    await page.getByTestId('pause-who').selectOption(annotatorId);
    await page.getByTestId('pause-reason').fill('Please reread the guidelines first');
    await page.getByTestId('pause-person').click();
    await waitUntil('the annotator listed as paused', async () => {
      await expectNoErrors(page, 'pause-errors');
      return (await page.getByTestId('paused-person').count()) === 1;
    }, STEP_TIMEOUT);
  });

  await stage('the paused annotator sees why on the labeling page', async () => {
    await signOut(page);
    await signIn(page, annotator.email, annotator.password);
    await page.goto(`${BASE_URL}/projects/${projectId}/label`);
    await page.getByTestId('stream-paused').waitFor();
    const text = await page.getByTestId('stream-paused').textContent();
    if (!text?.includes('Please reread the guidelines first')) throw new StepFailure(`pause message: ${text}`);
    await page.screenshot({ path: join(ARTIFACTS, 'workflow-paused.png'), fullPage: true });
  });

  await stage('resumed, the annotator sees the instructions first, then gets tasks from the stream', async () => {
    await signOut(page);
    await signIn(page, manager.email, manager.password);
    await page.goto(`${BASE_URL}/projects/${projectId}/settings`);
    await page.getByTestId('resume-person').click();
    await page.getByTestId('paused-none').waitFor();
    await signOut(page);
    await signIn(page, annotator.email, annotator.password);
    await page.goto(`${BASE_URL}/projects/${projectId}/label`);
    await page.getByTestId('instructions').waitFor();
    const html = await page.getByTestId('instructions').innerHTML();
    if (!html.includes('<strong>overall</strong>')) throw new StepFailure(`instructions not rendered as markdown: ${html}`);
    await page.screenshot({ path: join(ARTIFACTS, 'workflow-instructions.png'), fullPage: true });
    await page.getByTestId('instructions-close').click();
    await taskNumberIs(page, 'Task #1');
    await page.getByTestId('skip-task').click();
    await taskNumberIs(page, 'Task #2');
    // seen once in this session: the instructions stay closed, on demand behind a button
    if (await page.getByTestId('instructions').count()) throw new StepFailure('the instructions opened again in the same session');
    await page.getByTestId('instructions-open').waitFor();
    await labelPositive(page);
    // the skipped task does not come back to them (skip queue: to others)
    await taskNumberIs(page, 'Task #3');
  });

  await stage('the second annotator\'s stream hands them the skipped task first; they label it', async () => {
    await signOut(page);
    await signIn(page, second.email, second.password);
    await page.goto(`${BASE_URL}/projects/${projectId}/label`);
    // the instructions open once per browser session: this tab may have shown them already
    await page.locator('[data-testid=instructions], [data-testid=labeling-task-number]').first().waitFor({ timeout: STEP_TIMEOUT });
    if (await page.getByTestId('instructions').count()) await page.getByTestId('instructions-close').click();
    await taskNumberIs(page, 'Task #1');
    await labelPositive(page);
    await taskNumberIs(page, 'Task #2'); // overlap 2: the first annotator's task #2 has room for them too
  });

  await stage('the Manager bulk labels 10 ticked tasks in the Data Manager', async () => {
    await signOut(page);
    await signIn(page, manager.email, manager.password);
    await page.goto(`${BASE_URL}/projects/${projectId}`);
    await waitUntil('14 rows', async () => (await page.getByTestId('task-row').count()) === 14, STEP_TIMEOUT);
    for (let i = 4; i < 14; i++) await page.getByTestId('task-select').nth(i).check();
    await page.getByTestId('selection-count').filter({ hasText: '10 tasks selected' }).waitFor();
    await page.getByTestId('bulk-action').selectOption('LABEL');
    await page.getByTestId('bulk-value').selectOption('Positive');
    await page.getByTestId('bulk-apply').click();
    await waitUntil('the bulk label done', async () => {
      await expectNoErrors(page, 'bulk-errors');
      const done = page.getByTestId('bulk-done');
      return (await done.count()) > 0 && ((await done.textContent()) ?? '').includes('Done: 10 of 10 tasks changed');
    }, STEP_TIMEOUT);
    await page.screenshot({ path: join(ARTIFACTS, 'workflow-bulk.png'), fullPage: true });
    const rows = await gqlCall(page, 'query($p: ID!) { project(id: $p) { tasks(first: 20) { edges { node { number annotationCount } } } } }', { p: projectId });
    const labeled = rows.project.tasks.edges.map((e) => e.node).filter((t) => t.number >= 5 && t.annotationCount === 1);
    if (labeled.length !== 10) throw new StepFailure(`bulk label: ${JSON.stringify(rows.project.tasks.edges.map((e) => e.node))}`);
  });

  await stage('the Manager deletes a task from the Data Manager', async () => {
    await page.goto(`${BASE_URL}/projects/${projectId}`);
    await waitUntil('14 rows', async () => (await page.getByTestId('task-row').count()) === 14, STEP_TIMEOUT);
    await page.getByTestId('task-select').nth(13).check();
    await page.getByTestId('bulk-action').selectOption('DELETE');
    await page.getByTestId('bulk-apply').click();
    await waitUntil('the task gone', async () => {
      await expectNoErrors(page, 'bulk-errors');
      return (await page.getByTestId('task-row').count()) === 13;
    }, STEP_TIMEOUT);
    const left = await gqlCall(page, 'query($p: ID!) { project(id: $p) { taskCount } }', { p: projectId });
    if (left.project.taskCount !== 13) throw new StepFailure(`task count after deleting one: ${left.project.taskCount}`);
  });
}

async function taskNumberIs(page, expected) {
  await waitUntil(`${expected} from the stream`, async () => {
    await expectNoErrors(page, 'labeling-errors');
    const n = page.getByTestId('labeling-task-number');
    return (await n.count()) === 1 && (await n.textContent({ timeout: 1_000 }))?.trim() === expected;
  }, STEP_TIMEOUT);
}

async function labelPositive(page) {
  const editor = await openEditor(page);
  await editor.getByText(/^Positive/).first().click();
  await page.getByTestId('submit-annotation').click();
}

process.exitCode = await runBrowser(run, { script: 'workflow.mjs', limitMs: 330_000 });
