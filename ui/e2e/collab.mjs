#!/usr/bin/env node
// Browser end-to-end test of the editor's collaboration features (issue 10, ADR 0032) against a running server:
//
//   BASE_URL=http://127.0.0.1:8080 node ui/e2e/collab.mjs
//
// An owner works in Chromium; a second person (an annotator) acts over the API with their own session. Steps:
// drafts survive a reload (and end with the submit); fix and accept in the review queue keeps both versions (the
// history's events step back to the original in the editor); a comment on a region, a reply pushed to the bell, the
// notification deep-links back to the region; the keyboard help lists our shortcuts and the editor's hotkeys; a task
// whose image cannot load says so and Skip still works; a deep link opened signed out returns after sign-in and says
// "not found" to a reader who may not see the annotation. Screenshots in E2E_ARTIFACTS (collab-*.png).
import { join } from 'node:path';
import { request } from 'playwright-core';
import {
  ARTIFACTS, BASE_URL, STEP_TIMEOUT, StepFailure, drag, expectNoErrors, gqlCall, log, openEditor, pngDataUrl, runBrowser,
  stage, trackCsp, waitUntil,
} from './lib.mjs';

const CONFIG = '<View><Image name="img" value="$image"/><RectangleLabels name="box" toName="img"><Label value="Cat"/><Label value="Dog"/></RectangleLabels></View>';
const box = (id, x, label = 'Cat') => ({ id, from_name: 'box', to_name: 'img', type: 'rectanglelabels', original_width: 400, original_height: 300,
  image_rotation: 0, value: { x, y: 10, width: 20, height: 20, rotation: 0, rectanglelabels: [label] } });

/** The other person: their own API session (cookies of their own). */
async function apiPerson(inviteToken, stamp) {
  const api = await request.newContext({ baseURL: BASE_URL });
  const email = `annie-${stamp}@example.com`;
  const password = `Pw-${stamp}-annie!`;
  const r = await api.post('/api/auth/signup', { data: { email, password, displayName: `Annie ${stamp}`, invitation: inviteToken } });
  if (!r.ok()) throw new StepFailure(`the annotator's sign-up: HTTP ${r.status()} ${await r.text()}`);
  // sign-up answers "sign in next" (ADR 0028): the session comes from the sign-in
  const login = await api.post('/api/auth/login', { data: { email, password } });
  if (!login.ok()) throw new StepFailure(`the annotator's sign-in: HTTP ${login.status()} ${await login.text()}`);
  const call = async (query, variables) => {
    const res = await api.post('/graphql', { data: { query, variables } });
    const body = await res.json();
    if (body.errors?.length) throw new StepFailure(`GraphQL errors (annotator): ${JSON.stringify(body.errors)}`);
    return body.data;
  };
  const me = (await call('{ me { id displayName } }')).me;
  return { api, call, email, password, id: me.id, name: me.displayName };
}

/** Draws a Cat box in the editor (a label first, then a drag on the image). */
async function drawBox(page, editor, from, to) {
  const stageEl = editor.locator('.konvajs-content').first();
  await stageEl.waitFor();
  await editor.getByText(/^Cat/).first().click();
  await drag(page, await stageEl.boundingBox(), from, to);
  await page.keyboard.press('Escape');
}

async function run(page) {
  // Content-Security-Policy violations of the review, history and comment pages: reported (families.mjs and e2e.mjs
  // assert none on every labeling page)
  const csp = await trackCsp(page);
  const stamp = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const password = `Pw-${stamp}-owner!`;
  const ownerEmail = `collab-${stamp}@example.com`;
  let projectId;
  let tasks;
  let annie;

  await stage('sign up the owner, create an image project with three tasks, invite an annotator', async () => {
    await page.goto(`${BASE_URL}/signup`);
    await page.getByTestId('signup-display-name').fill(`Olivia ${stamp}`);
    await page.getByTestId('signup-organization').fill(`Collab Org ${stamp}`);
    await page.getByTestId('signup-email').fill(ownerEmail);
    await page.getByTestId('signup-password').fill(password);
    await page.getByTestId('signup-submit').click();
    await page.waitForURL(/\/projects$/, { timeout: STEP_TIMEOUT });
    const created = await gqlCall(page, 'mutation C($input: CreateProjectInput!) { createProject(input: $input) { project { id } errors { code } } }',
      { input: { title: `Collab ${stamp}`, labelConfig: CONFIG } });
    projectId = created.createProject.project.id;
    const data = [{ image: pngDataUrl(400, 300) }, { image: pngDataUrl(400, 300) }, { image: 'http://127.0.0.1:9/missing.png' }];
    const imported = await gqlCall(page, 'mutation I($input: ImportTasksInput!) { importTasks(input: $input) { importedCount } }',
      { input: { projectId, json: JSON.stringify(data.map((d) => ({ data: d }))) } });
    if (imported.importTasks.importedCount !== 3) throw new StepFailure(`import: ${JSON.stringify(imported)}`);
    const rows = await gqlCall(page, 'query($p: ID!) { project(id: $p) { tasks(first: 10) { edges { node { id number } } } } }', { p: projectId });
    tasks = rows.project.tasks.edges.map((e) => e.node).sort((a, b) => a.number - b.number).map((t) => t.id);
    const invitation = await gqlCall(page, 'mutation($i: CreateInvitationInput!) { createInvitation(input: $i) { token errors { code } } }', { i: { role: 'ANNOTATOR' } });
    annie = await apiPerson(invitation.createInvitation.token, stamp);
    const added = await gqlCall(page, 'mutation($i: ProjectMemberInput!) { addProjectMember(input: $i) { errors { code } } }',
      { i: { projectId, userId: annie.id, role: 'ANNOTATOR' } });
    if (added.addProjectMember.errors.length) throw new StepFailure(`addProjectMember: ${JSON.stringify(added)}`);
  });

  await stage('drafts: a box drawn is autosaved, survives a reload, and the submit ends the draft', async () => {
    let at = Date.now();
    await page.goto(`${BASE_URL}/projects/${projectId}/tasks/${tasks[0]}`);
    const editor = await openEditor(page, at);
    await drawBox(page, editor, [0.2, 0.2], [0.5, 0.5]);
    await page.locator('[data-testid=draft-status][data-state=saved]').waitFor({ timeout: STEP_TIMEOUT });
    const draft = (await gqlCall(page, 'query($id: ID!) { task(id: $id) { myDraft { result } } }', { id: tasks[0] })).task.myDraft;
    if (!draft || draft.result.length !== 1) throw new StepFailure(`the server holds no draft with the box: ${JSON.stringify(draft)}`);
    at = Date.now();
    await page.reload();
    await openEditor(page, at);
    await page.getByTestId('draft-restored').waitFor();
    const results = await page.getByTestId('lsf-editor').getAttribute('data-results');
    if (results !== '1') throw new StepFailure(`after the reload the editor holds ${results} result items, the draft had 1`);
    await page.screenshot({ path: join(ARTIFACTS, 'collab-draft-restored.png'), fullPage: true });
    const submit = page.waitForRequest((r) => r.url().endsWith('/graphql') && (r.postData() ?? '').includes('mutation SubmitAnnotation'));
    await page.getByTestId('submit-annotation').click();
    const sent = JSON.parse((await submit).postData()).variables.input.result;
    if (sent.length !== 1 || sent[0].type !== 'rectanglelabels') throw new StepFailure(`submitted ${JSON.stringify(sent)}`);
    await waitUntil('the submit accepted', async () => {
      await expectNoErrors(page, 'labeling-errors');
      return !page.url().includes(tasks[0]);
    }, STEP_TIMEOUT);
    await waitUntil('the draft discarded by the submit', async () =>
      (await gqlCall(page, 'query($id: ID!) { task(id: $id) { myDraft { savedAt } } }', { id: tasks[0] })).task.myDraft === null, STEP_TIMEOUT);
  });

  let annieAnnotation;
  await stage('fix and accept in the review queue: the correction is accepted and the original stays in the history', async () => {
    annieAnnotation = (await annie.call('mutation($i: SubmitAnnotationInput!) { submitAnnotation(input: $i) { annotation { id } errors { code } } }',
      { i: { taskId: tasks[1], result: [box('annie1', 10)] } })).submitAnnotation.annotation.id;
    const at = Date.now();
    await page.goto(`${BASE_URL}/projects/${projectId}/review`);
    await waitUntil('Annie\'s task in the review queue', async () => (await page.getByTestId('editor-review').count()) > 0, STEP_TIMEOUT);
    await openEditor(page, at);
    await page.getByTestId('editor-fix').click();
    await page.locator('[data-testid=editor-review][data-fixing=true]').waitFor();
    await page.waitForTimeout(300); // the editor reloads (editable) after the switch
    const editor = await openEditor(page);
    await drawBox(page, editor, [0.55, 0.55], [0.8, 0.8]);
    await page.getByTestId('editor-review-comment').fill('Added the second cat');
    const fix = page.waitForRequest((r) => r.url().endsWith('/graphql') && (r.postData() ?? '').includes('mutation ReviewInEditor'));
    await page.getByTestId('editor-fix-accept').click();
    const input = JSON.parse((await fix).postData()).variables.input;
    if (input.decision !== 'FIX_AND_ACCEPT' || input.result.length !== 2) throw new StepFailure(`fix sent ${JSON.stringify(input)}`);
    await page.getByTestId('review-done').waitFor({ timeout: STEP_TIMEOUT });
    const after = (await gqlCall(page, 'query($id: ID!) { task(id: $id) { annotations { id result review { decision } } } }', { id: tasks[1] })).task.annotations;
    const fixed = after.find((a) => a.id === annieAnnotation);
    if (fixed?.result.length !== 2 || fixed.review?.decision !== 'ACCEPTED') throw new StepFailure(`after the fix: ${JSON.stringify(after)}`);
  });

  await stage('history: the task\'s events step the editor back to the original and forward to the fix', async () => {
    const at = Date.now();
    await page.goto(`${BASE_URL}/projects/${projectId}/tasks/${tasks[1]}`);
    await openEditor(page, at);
    await page.getByTestId('history-events-load').click();
    await page.getByTestId('history-events').waitFor();
    const types = await page.getByTestId('history-event').evaluateAll((els) => els.map((e) => e.getAttribute('data-type')));
    for (const t of ['TaskImported', 'AnnotationSubmitted', 'AnnotationUpdated', 'AnnotationReviewed']) {
      if (!types.includes(t)) throw new StepFailure(`the history lacks ${t}: ${types.join(', ')}`);
    }
    const historyEditor = page.getByTestId('history-editor').getByTestId('lsf-editor');
    // the editor keeps showing the previous count until it has loaded the next snapshot: wait for the expected one
    const expectAt = async (type, expected, what) => {
      await page.locator(`[data-testid=history-event][data-type=${type}] [data-testid=history-event-step]`).first().click();
      let n = '';
      try {
        await waitUntil(`the history editor as of ${type}`, async () => {
          if ((await historyEditor.count()) === 0) return false;
          n = (await historyEditor.getAttribute('data-results', { timeout: 1_000 })) ?? '';
          return n === expected && (await page.locator(`[data-testid=history-event][data-type=${type}][data-current=true]`).count()) > 0;
        }, STEP_TIMEOUT);
      } catch (e) {
        throw new StepFailure(`as of ${type} the history editor shows ${n} result items, ${what} (${e.message})`);
      }
    };
    await expectAt('AnnotationSubmitted', '1', 'the original had 1');
    await page.screenshot({ path: join(ARTIFACTS, 'collab-history-original.png'), fullPage: true });
    await expectAt('AnnotationReviewed', '2', 'the fix has 2');
  });

  let commentId;
  await stage('comments: a deep link selects Annie\'s region in the editor; a comment on it; her reply rings the bell', async () => {
    const at = Date.now();
    await page.goto(`${BASE_URL}/projects/${projectId}/tasks/${tasks[1]}?annotation=${annieAnnotation}&region=annie1`);
    await openEditor(page, at);
    // the frame selected the region and reported the selection back
    await page.locator('[data-testid=selected-region][data-region-id=annie1]').waitFor({ timeout: STEP_TIMEOUT });
    await page.getByTestId('comment-input').fill('Is this really a cat?');
    await page.getByTestId('comment-submit').click();
    await page.locator('[data-testid=comment-thread][data-region-id=annie1]').waitFor();
    const comments = (await gqlCall(page, 'query($id: ID!) { task(id: $id) { commentCount annotations { id comments { id regionId text } } } }', { id: tasks[1] })).task;
    const mine = comments.annotations.find((a) => a.id === annieAnnotation).comments;
    if (mine.length !== 1 || mine[0].regionId !== 'annie1') throw new StepFailure(`comments: ${JSON.stringify(comments)}`);
    commentId = mine[0].id;
    // Annie was notified of the comment on her annotation
    await waitUntil('Annie\'s notification', async () => (await annie.call('{ unreadNotificationCount }')).unreadNotificationCount >= 1, STEP_TIMEOUT);
    // her reply reaches the owner's bell live (notificationAdded), without a reload
    await page.goto(`${BASE_URL}/projects`);
    await page.getByTestId('notification-bell').waitFor();
    await page.waitForTimeout(500);
    await annie.call('mutation($i: AddCommentInput!) { addComment(input: $i) { errors { code } } }',
      { i: { taskId: tasks[1], annotationId: annieAnnotation, parentId: commentId, text: 'Yes, a small one.' } });
    await page.locator('[data-testid=notification-count]').waitFor({ timeout: STEP_TIMEOUT });
    await page.getByTestId('notification-bell').click();
    await page.screenshot({ path: join(ARTIFACTS, 'collab-bell.png'), fullPage: true });
    const at2 = Date.now();
    await page.getByTestId('notification-link').first().click();
    // the reply names no region itself (made over the API): the link names the comment, and its thread the region
    await waitUntil('the deep link of the notification', async () => page.url().includes(`annotation=${annieAnnotation}`) && page.url().includes('comment='), STEP_TIMEOUT);
    await openEditor(page, at2);
    await page.locator('[data-testid=selected-region][data-region-id=annie1]').waitFor({ timeout: STEP_TIMEOUT });
    await page.locator('[data-testid=comment-item][data-focused=true]').waitFor();
    if ((await page.getByTestId('comment-item').count()) !== 2) throw new StepFailure('the thread does not show the comment and its reply');
    await page.screenshot({ path: join(ARTIFACTS, 'collab-region-link.png'), fullPage: true });
    // resolve the thread (the owner is a moderator)
    await page.getByTestId('comment-resolve').click();
    await page.locator('[data-testid=comment-thread][data-resolved=true]').waitFor();
    await waitUntil('the bell read', async () => (await gqlCall(page, '{ unreadNotificationCount }')).unreadNotificationCount === 0, STEP_TIMEOUT);
  });

  await stage('keyboard help lists our shortcuts and the editor\'s hotkeys', async () => {
    await page.getByTestId('labeling-task-number').click();
    await page.keyboard.press('?');
    await page.getByTestId('help-panel').waitFor();
    if (!((await page.getByTestId('our-shortcuts').textContent()) ?? '').includes('Ctrl+Enter')) throw new StepFailure('the help lacks Ctrl+Enter');
    const editorKeys = await page.getByTestId('editor-hotkey').count();
    if (editorKeys === 0) throw new StepFailure('the editor reported no hotkeys');
    log(`the editor reported ${editorKeys} hotkeys`);
    await page.getByTestId('help-close').click();
  });

  await stage('media that cannot load: the editor says so and Skip still works', async () => {
    const at = Date.now();
    await page.goto(`${BASE_URL}/projects/${projectId}/tasks/${tasks[2]}`);
    await openEditor(page, at);
    await waitUntil('the media error', async () => (await page.getByTestId('media-errors').count()) > 0
      && ((await page.getByTestId('media-errors').textContent()) ?? '').includes('could not be loaded'), STEP_TIMEOUT);
    await page.screenshot({ path: join(ARTIFACTS, 'collab-media-error.png'), fullPage: true });
    await page.getByTestId('skip-task').click();
    await waitUntil('the skip recorded', async () =>
      (await gqlCall(page, 'query($id: ID!) { task(id: $id) { skipCount } }', { id: tasks[2] })).task.skipCount === 1, STEP_TIMEOUT);
  });

  await stage('a deep link opened signed out returns after sign-in; to a reader who may not see it, it says not found', async () => {
    const ownerAnnotation = (await gqlCall(page, 'query($id: ID!) { task(id: $id) { annotations { id } } }', { id: tasks[0] })).task.annotations[0].id;
    await page.getByTestId('logout').click();
    await page.waitForURL(/\/login/, { timeout: STEP_TIMEOUT });
    const link = `/projects/${projectId}/tasks/${tasks[0]}?annotation=${ownerAnnotation}&region=x1`;
    await page.goto(`${BASE_URL}${link}`);
    await page.waitForURL(/\/login/, { timeout: STEP_TIMEOUT });
    await page.getByTestId('login-email').fill(annie.email);
    await page.getByTestId('login-password').fill(annie.password);
    await page.getByTestId('login-submit').click();
    await waitUntil('back at the deep link', async () => page.url().endsWith(link), STEP_TIMEOUT);
    await page.getByTestId('deep-link-missing').waitFor({ timeout: STEP_TIMEOUT });
    const shown = await page.getByTestId('lsf-editor').getAttribute('data-results', { timeout: 2_000 }).catch(() => null);
    if ((await page.locator('[data-testid=task-annotations]').textContent())?.includes('Olivia')) throw new StepFailure('the owner\'s annotation is listed to a blind annotator');
    log(`the annotator's editor holds ${shown ?? 'nothing'}`);
    await page.screenshot({ path: join(ARTIFACTS, 'collab-link-not-found.png'), fullPage: true });
  });

  const violations = csp.take();
  log(`CSP violations over the collaboration pages: ${violations.length}${violations.length ? ` ${JSON.stringify(violations)}` : ''}`);
  await annie.api.dispose();
}

process.exitCode = await runBrowser(run, { script: 'collab.mjs' });
