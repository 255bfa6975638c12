#!/usr/bin/env node
// The Quality tab in a real browser (issue 13): an owner and three annotators (their own API sessions) annotate two
// tasks of a small image project (a Choices and a RectangleLabels control); the owner opens the project's Quality tab
// and sees the annotator × annotator matrix with the expected percentages, the people and the tasks by agreement; a
// new annotation updates the figures live (the chance-corrected alpha too), and Settings › Quality reweighs the
// controls. Screenshots: E2E_ARTIFACTS/quality-matrix.png, quality-live.png, quality-settings.png.
//
//   BASE_URL=http://127.0.0.1:8080 node ui/e2e/quality.mjs
import { join } from 'node:path';
import { request } from 'playwright-core';
import { ARTIFACTS, BASE_URL, STEP_TIMEOUT, StepFailure, gqlCall, runBrowser, stage, waitUntil } from './lib.mjs';

const CONFIG = '<View><Image name="img" value="$image"/>'
  + '<RectangleLabels name="box" toName="img"><Label value="Car"/><Label value="Bus"/></RectangleLabels>'
  + '<Choices name="scene" toName="img" choice="single"><Choice value="Street"/><Choice value="Park"/></Choices></View>';
const scene = (value) => ({ from_name: 'scene', to_name: 'img', type: 'choices', value: { choices: [value] } });
const box = (x, label) => ({ id: `r${x}${label}`, from_name: 'box', to_name: 'img', type: 'rectanglelabels', original_width: 200, original_height: 100,
  value: { x, y: 0, width: 10, height: 10, rotation: 0, rectanglelabels: [label] } });

/** An annotator with their own API session, invited into the owner's organization and added to the project. */
async function annotator(page, projectId, name, stamp) {
  const invitation = await gqlCall(page, 'mutation($i: CreateInvitationInput!) { createInvitation(input: $i) { token errors { code } } }', { i: { role: 'ANNOTATOR' } });
  const api = await request.newContext({ baseURL: BASE_URL });
  const email = `${name.toLowerCase()}-${stamp}@example.com`;
  const password = `Pw-${stamp}-${name}!`;
  const r = await api.post('/api/auth/signup', { data: { email, password, displayName: name, invitation: invitation.createInvitation.token } });
  if (!r.ok()) throw new StepFailure(`${name}'s sign-up: HTTP ${r.status()} ${await r.text()}`);
  const login = await api.post('/api/auth/login', { data: { email, password } });
  if (!login.ok()) throw new StepFailure(`${name}'s sign-in: HTTP ${login.status()}`);
  const call = async (query, variables) => {
    const body = await (await api.post('/graphql', { data: { query, variables } })).json();
    if (body.errors?.length) throw new StepFailure(`GraphQL errors (${name}): ${JSON.stringify(body.errors)}`);
    return body.data;
  };
  const id = (await call('{ me { id } }')).me.id;
  const added = await gqlCall(page, 'mutation($i: ProjectMemberInput!) { addProjectMember(input: $i) { errors { code } } }',
    { i: { projectId, userId: id, role: 'ANNOTATOR' } });
  if (added.addProjectMember.errors.length) throw new StepFailure(`adding ${name}: ${JSON.stringify(added.addProjectMember.errors)}`);
  const submit = async (taskId, result) => {
    const done = await call('mutation($i: SubmitAnnotationInput!) { submitAnnotation(input: $i) { annotation { id } errors { code } } }',
      { i: { taskId, result } });
    if (done.submitAnnotation.errors.length) throw new StepFailure(`${name}'s annotation: ${JSON.stringify(done.submitAnnotation.errors)}`);
  };
  return { id, name, submit, dispose: () => api.dispose() };
}

async function cellText(page, testId) {
  return ((await page.getByTestId(testId).first().textContent({ timeout: 1000 }).catch(() => '')) ?? '').trim();
}

async function run(page) {
  const stamp = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  let projectId;
  let tasks;
  let people;

  await stage('sign up the owner, create an image project with two tasks and three annotators', async () => {
    await page.goto(`${BASE_URL}/signup`);
    await page.getByTestId('signup-display-name').fill(`Quinn ${stamp}`);
    await page.getByTestId('signup-organization').fill(`Quality Org ${stamp}`);
    await page.getByTestId('signup-email').fill(`quality-${stamp}@example.com`);
    await page.getByTestId('signup-password').fill(`Pw-${stamp}-owner!`);
    await page.getByTestId('signup-submit').click();
    await page.waitForURL(/\/projects$/, { timeout: STEP_TIMEOUT });
    const created = await gqlCall(page, 'mutation C($input: CreateProjectInput!) { createProject(input: $input) { project { id } errors { code } } }',
      { input: { title: `Quality ${stamp}`, labelConfig: CONFIG } });
    projectId = created.createProject.project.id;
    const imported = await gqlCall(page, 'mutation I($input: ImportTasksInput!) { importTasks(input: $input) { importedCount } }',
      { input: { projectId, json: JSON.stringify([{ image: 'https://example.com/1.jpg' }, { image: 'https://example.com/2.jpg' }]) } });
    if (imported.importTasks.importedCount !== 2) throw new StepFailure(`import: ${JSON.stringify(imported)}`);
    await waitUntil('the two tasks', async () => {
      const rows = await gqlCall(page, 'query($p: ID!) { project(id: $p) { tasks(first: 10) { edges { node { id number } } } } }', { p: projectId });
      tasks = rows.project.tasks.edges.map((e) => e.node).sort((a, b) => a.number - b.number).map((t) => t.id);
      return tasks.length === 2;
    }, STEP_TIMEOUT);
    people = [];
    for (const name of ['Ann', 'Bob', 'Cid']) people.push(await annotator(page, projectId, name, stamp));
  });

  const [ann, bob, cid] = [0, 1, 2].map((i) => () => people[i]);

  await stage('annotate: Ann and Bob agree on task 2; on task 1 Cid picks another scene and Bob shifts his box', async () => {
    await ann().submit(tasks[0], [scene('Street'), box(0, 'Car')]);
    await bob().submit(tasks[0], [scene('Street'), box(5, 'Car')]);
    await cid().submit(tasks[0], [scene('Park'), box(0, 'Car')]);
    await ann().submit(tasks[1], [scene('Park'), box(20, 'Bus')]);
  });

  await stage('open the Quality tab and read the matrix', async () => {
    await page.goto(`${BASE_URL}/projects/${projectId}`);
    await page.getByTestId('tab-quality').click();
    await page.getByTestId('agreement-matrix').waitFor({ timeout: STEP_TIMEOUT });
    // Ann–Bob (1 + 1/3)/2 = 67%, Ann–Cid (0 + 1)/2 = 50%, Bob–Cid (0 + 1/3)/2 = 17%; both halves of the table
    const expected = [[ann, bob, '67%'], [bob, ann, '67%'], [ann, cid, '50%'], [cid, bob, '17%']];
    await waitUntil('the matrix cells', async () => {
      for (const [a, b, value] of expected) if ((await cellText(page, `matrix-cell-${a().id}-${b().id}`)) !== value) return false;
      return (await cellText(page, `matrix-cell-${ann().id}-${ann().id}`)) === '';
    }, 2 * STEP_TIMEOUT);
    if ((await page.getByTestId('annotator-row').count()) !== 3) throw new StepFailure('three people expected in the table');
    if ((await cellText(page, 'quality-agreement')) !== '44%') throw new StepFailure(`project agreement: ${await cellText(page, 'quality-agreement')}`);
    await page.screenshot({ path: join(ARTIFACTS, 'quality-matrix.png'), fullPage: true });
  });

  await stage('a new annotation updates the figures live', async () => {
    await waitUntil('the live connection', async () => (await cellText(page, 'quality-live')).startsWith('Live'), STEP_TIMEOUT);
    await bob().submit(tasks[1], [scene('Park'), box(20, 'Bus')]);
    // task 2 now agrees fully: Ann–Bob = (2/3 + 1)/2 = 83%; the project (4/9 + 1)/2 = 72%
    await waitUntil('the updated cell', async () => (await cellText(page, `matrix-cell-${ann().id}-${bob().id}`)) === '83%', 2 * STEP_TIMEOUT);
    await waitUntil('the updated project figure', async () => (await cellText(page, 'quality-agreement')) === '72%', STEP_TIMEOUT);
    if ((await page.getByTestId('quality-task-row').count()) !== 2) throw new StepFailure('two scored tasks expected');
    // the lowest task links to the task
    const href = await page.getByTestId('quality-task-row').first().locator('a').getAttribute('href');
    if (href !== `/projects/${projectId}/tasks/${tasks[0]}`) throw new StepFailure(`task link: ${href}`);
    // chance-corrected (ADR 0049): the scenes of task 1 (Street, Street, Park) and task 2 (Park, Park): alpha = 1/3
    await waitUntil('the chance-corrected alpha', async () => (await cellText(page, 'chance-alpha')) === '0.33', STEP_TIMEOUT);
    await page.screenshot({ path: join(ARTIFACTS, 'quality-live.png'), fullPage: true });
  });

  await stage('Settings › Quality: the boxes weigh nothing, and the matrix is the scenes only', async () => {
    await page.getByTestId('tab-settings').click();
    await page.getByTestId('quality-weight-box').fill('0');
    await page.getByTestId('quality-settings-save').click();
    await page.getByTestId('quality-settings-saved').waitFor({ timeout: STEP_TIMEOUT });
    await page.getByTestId('quality-settings').screenshot({ path: join(ARTIFACTS, 'quality-settings.png') });
    await page.getByTestId('tab-quality').click();
    // Ann–Bob agree on both scenes: 100%; Ann–Cid and Bob–Cid disagree on task 1's scene: 0%
    await waitUntil('the rescored matrix', async () => (await cellText(page, `matrix-cell-${ann().id}-${bob().id}`)) === '100%'
      && (await cellText(page, `matrix-cell-${ann().id}-${cid().id}`)) === '0%', 2 * STEP_TIMEOUT);
  });

  for (const p of people) await p.dispose();
}

process.exitCode = await runBrowser(run, { script: 'quality.mjs', limitMs: 210_000 });
