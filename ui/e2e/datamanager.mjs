#!/usr/bin/env node
// The Data Manager in a real browser (issue 12): a filter with two conditions built in the filter builder, saved as
// a tab, the view surviving a reload and Back (it lives in the URL), the separate "N tasks match" count, the grid
// view, and selecting all matching tasks beyond the first page.
//
//   BASE_URL=http://127.0.0.1:8080 node ui/e2e/datamanager.mjs
import { join } from 'node:path';
import {
  ARTIFACTS, BASE_URL, STEP_TIMEOUT, StepFailure, createProjectWithTasks, expectNoErrors, log, runBrowser, setPageForFailures,
  stage, waitUntil,
} from './lib.mjs';

// 120 tasks: even ones come from the web; n is the task's position. "web and n > 10": 55 tasks, more than a page.
const TASKS = Array.from({ length: 120 }, (_, i) => ({ data: { text: `Task ${i + 1}`, meta: { source: i % 2 === 1 ? 'web' : 'mail' }, n: i + 1 } }));
const MATCHES = 55;

/** The element's text now ('' while it is not there): a check inside waitUntil must not wait on its own. */
async function text(page, testId) {
  return ((await page.getByTestId(testId).first().textContent({ timeout: 1000 }).catch(() => '')) ?? '').trim();
}

async function rowCount(page) {
  return page.getByTestId('task-row').count();
}

/** Logs GraphQL operations that take long or fail (the first thing to read when a step times out). */
function watchGraphql(page) {
  const started = new Map();
  page.on('request', (r) => { if (r.url().endsWith('/graphql')) started.set(r, Date.now()); });
  const done = (r, outcome) => {
    const t0 = started.get(r);
    if (t0 === undefined) return;
    started.delete(r);
    const op = /(?:query|mutation)\s+(\w+)/.exec(r.postData() ?? '')?.[1] ?? 'anonymous';
    if (outcome !== 200 || Date.now() - t0 > 2000) log(`GraphQL ${op}: ${outcome} after ${Date.now() - t0} ms`);
  };
  page.on('requestfinished', async (r) => done(r, (await r.response())?.status() ?? 'no response'));
  page.on('requestfailed', (r) => done(r, `failed (${r.failure()?.errorText})`));
  return () => [...started.entries()].map(([r, t0]) => `${/(?:query|mutation)\s+(\w+)/.exec(r.postData() ?? '')?.[1]} pending ${Date.now() - t0} ms`);
}

async function run(page) {
  setPageForFailures(page);
  const pending = watchGraphql(page);
  const stamp = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  let projectId;

  await stage('sign up and create a project with 120 tasks', async () => {
    await page.goto(`${BASE_URL}/signup`);
    await page.getByTestId('signup-display-name').fill(`DM User ${stamp}`);
    await page.getByTestId('signup-organization').fill(`DM Org ${stamp}`);
    await page.getByTestId('signup-email').fill(`dm-${stamp}@example.com`);
    await page.getByTestId('signup-password').fill(`Pw-${stamp}-secret!`);
    await page.getByTestId('signup-submit').click();
    await page.waitForURL(/\/projects$/, { timeout: STEP_TIMEOUT });
    projectId = await createProjectWithTasks(page, `DM ${stamp}`,
      '<View><Text name="text" value="$text"/><Choices name="sentiment" toName="text"><Choice value="Positive"/><Choice value="Negative"/></Choices></View>',
      TASKS);
    await page.goto(`${BASE_URL}/projects/${projectId}`);
    try {
      await waitUntil('the first page of tasks', async () => (await rowCount(page)) === 50
        && (await text(page, 'task-total')) === '50 of 120 tasks shown', 3 * STEP_TIMEOUT); // the first page a cold server answers
    } catch (e) {
      log(`still pending: ${pending().join(', ') || 'nothing'}`);
      throw e;
    }
  });

  await stage('build a filter with two conditions', async () => {
    await page.getByTestId('filters-button').click();
    await page.getByTestId('filter-add').click();
    await page.getByTestId('filter-column-0').selectOption('data:meta.source');
    await page.getByTestId('filter-operator-0').selectOption('EQUAL');
    await page.getByTestId('filter-value-0').fill('web');
    await page.getByTestId('filter-add').click();
    await page.getByTestId('filter-column-1').selectOption('data:n');
    await page.getByTestId('filter-operator-1').selectOption('GREATER');
    await page.getByTestId('filter-value-1').fill('10');
    await page.getByTestId('filter-apply').click();
    await waitUntil(`"${MATCHES} tasks match"`, async () => (await text(page, 'task-total')) === `${MATCHES} tasks match`, STEP_TIMEOUT);
    await expectNoErrors(page, 'errors');
    const numbers = await page.getByTestId('task-number').allTextContents();
    if (numbers.length !== 50 || numbers[0] !== '12' || numbers[1] !== '14') {
      throw new StepFailure(`expected tasks 12, 14, ... on the first page, got ${numbers.slice(0, 5).join(', ')} (${numbers.length} rows)`);
    }
  });

  await stage('save the view as a tab', async () => {
    await page.getByTestId('tab-save-as').click();
    await page.getByTestId('tab-title-input').fill('Web above 10');
    await page.getByTestId('tab-title-confirm').click();
    await waitUntil('the tab in the bar and the URL', async () =>
      (await page.getByTestId('dm-tab').filter({ hasText: 'Web above 10' }).count()) === 1 && new URL(page.url()).searchParams.has('tab'),
    STEP_TIMEOUT);
  });

  await stage('reload: the URL brings back the tab and its filter', async () => {
    const url = page.url();
    await page.reload();
    await waitUntil('the filtered rows after a reload', async () =>
      (await text(page, 'task-total')) === `${MATCHES} tasks match` && (await rowCount(page)) === 50, STEP_TIMEOUT);
    const chips = await page.getByTestId('filter-summary').locator('.chip').allTextContents();
    if (chips.length !== 2) throw new StepFailure(`expected two conditions shown, got ${JSON.stringify(chips)}`);
    if (page.url() !== url) throw new StepFailure(`the URL changed on reload: ${page.url()}`);
    const active = await page.locator('[data-testid=dm-tab].active').textContent();
    if (!active?.includes('Web above 10')) throw new StepFailure(`the saved tab is not the active one after a reload: ${active}`);
  });

  await stage('another tab, then Back', async () => {
    await page.getByTestId('dm-tab-default').click();
    await waitUntil('every task again', async () => (await text(page, 'task-total')) === '50 of 120 tasks shown', STEP_TIMEOUT);
    await page.goBack();
    await waitUntil('the filter back after Back', async () => (await text(page, 'task-total')) === `${MATCHES} tasks match`, STEP_TIMEOUT);
  });

  await stage('grid view', async () => {
    await page.getByTestId('layout-grid').click();
    await waitUntil('50 cards', async () => (await page.getByTestId('task-card').count()) === 50, STEP_TIMEOUT);
    const first = ((await page.getByTestId('task-card').first().textContent()) ?? '').trim();
    if (!first.includes('#12') || !first.includes('Task 12')) throw new StepFailure(`the first card shows "${first}"`);
    if (!new URL(page.url()).searchParams.get('layout')) throw new StepFailure('the grid view is not in the URL');
    await page.screenshot({ path: join(ARTIFACTS, 'datamanager-grid.png'), fullPage: true });
    await page.getByTestId('layout-table').click();
    await page.getByTestId('tasks-table').waitFor();
  });

  await stage('select all matching tasks', async () => {
    await page.getByTestId('select-page').check();
    await waitUntil('50 selected', async () => (await text(page, 'selection-count')) === '50 tasks selected', STEP_TIMEOUT);
    await page.getByTestId('select-all-matching').click();
    await waitUntil('all matching selected', async () =>
      (await text(page, 'selection-count')) === `All ${MATCHES} matching tasks selected`, STEP_TIMEOUT);
    await page.screenshot({ path: join(ARTIFACTS, 'datamanager-filter.png'), fullPage: true });
    log(`project ${projectId}: filter, tab, reload, Back and selection done`);
  });
}

process.exitCode = await runBrowser(run, { script: 'datamanager.mjs', limitMs: 150_000 });
