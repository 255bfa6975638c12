#!/usr/bin/env node
// The Data Manager in a real browser (issue 12): a filter with two conditions built in the filter builder, saved as
// a tab, the view surviving a reload and Back (it lives in the URL), the separate "N tasks match" count, the grid
// view, selecting all matching tasks beyond the first page, exporting the selection (the download holds exactly the
// selected tasks: all matching, then three ticked rows), the quick view stepped with the arrow keys, rows and count
// arriving live into the filtered, sorted view, and the label stream among two ticked tasks.
//
//   BASE_URL=http://127.0.0.1:8080 node ui/e2e/datamanager.mjs
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  ARTIFACTS, BASE_URL, STEP_TIMEOUT, StepFailure, createProjectWithTasks, expectNoErrors, log, runBrowser, setPageForFailures,
  gqlCall, stage, waitUntil,
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
  page.on('requestfinished', async (r) => {
    let status;
    try { status = (await r.response())?.status() ?? 'no response'; } catch { return; } // the browser closed meanwhile
    done(r, status);
  });
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
    // the count and the page are separate requests (the count never holds the rows up): either may answer first
    await waitUntil('tasks 12, 14, ... on the first page', async () => {
      const numbers = await page.getByTestId('task-number').allTextContents();
      return numbers.length === 50 && numbers[0] === '12' && numbers[1] === '14';
    }, STEP_TIMEOUT);
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
    // the quick view opens beside the grid too, and steps through the cards (ADR 0048)
    await page.getByTestId('task-card').first().getByTestId('quick-view-button').click();
    await waitUntil('task 12 in the quick view beside the grid', async () => (await text(page, 'quick-view-number')) === '#12', STEP_TIMEOUT);
    if (!new URL(page.url()).searchParams.get('layout')) throw new StepFailure('the quick view left the grid');
    await page.keyboard.press('ArrowDown');
    await waitUntil('the next card after ArrowDown', async () => (await text(page, 'quick-view-number')) === '#14', STEP_TIMEOUT);
    const marked = await page.locator('[data-testid=task-card].quick-viewed').getAttribute('data-task-id');
    if (marked !== (await page.getByTestId('quick-view').getAttribute('data-task-id'))) throw new StepFailure('the card marked is not the one shown');
    await page.keyboard.press('Escape');
    await waitUntil('the quick view closed', async () => (await page.getByTestId('quick-view').count()) === 0, STEP_TIMEOUT);
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

  /** Exports the current selection as JSON and returns the downloaded file's tasks. */
  async function exportSelected(expected) {
    await page.getByTestId('selection-export-format').selectOption('JSON');
    await page.getByTestId('selection-export').click();
    const link = page.getByTestId('selection-export-download');
    await link.waitFor({ timeout: 3 * STEP_TIMEOUT });
    const label = ((await link.textContent()) ?? '').trim();
    if (label !== `Download ${expected} tasks`) throw new StepFailure(`the export link says "${label}", expected ${expected} tasks`);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: STEP_TIMEOUT }), link.click()]);
    return JSON.parse(await readFile(await download.path(), 'utf8'));
  }

  await stage('export all matching: the download holds exactly the selected tasks', async () => {
    const tasks = await exportSelected(MATCHES);
    const expected = TASKS.map((t) => t.data).filter((d) => d.meta.source === 'web' && d.n > 10).map((d) => d.n);
    const got = tasks.map((t) => t.data.n).sort((a, b) => a - b);
    if (JSON.stringify(got) !== JSON.stringify(expected)) {
      throw new StepFailure(`the export holds tasks ${got.slice(0, 8).join(', ')}… (${got.length}), expected ${expected.length} web tasks above 10`);
    }
  });

  await stage('export three ticked rows: exactly those', async () => {
    await page.getByTestId('selection-clear').click();
    const boxes = page.getByTestId('task-select');
    for (const i of [0, 2, 5]) await boxes.nth(i).check();
    await waitUntil('3 selected', async () => (await text(page, 'selection-count')) === '3 tasks selected', STEP_TIMEOUT);
    const tasks = await exportSelected(3);
    const got = tasks.map((t) => t.data.n).sort((a, b) => a - b).join(',');
    if (got !== '12,16,22') throw new StepFailure(`the export of the ticked rows holds tasks ${got}, expected 12,16,22`);
    await page.getByTestId('selection-clear').click();
  });

  await stage('quick view: open a task beside the table and step with the arrow keys', async () => {
    await page.getByTestId('quick-view-button').first().click();
    const number = () => text(page, 'quick-view-number');
    await waitUntil('task 12 in the quick view', async () => (await number()) === '#12', STEP_TIMEOUT);
    if (!(await text(page, 'quick-view-data')).includes('n: 12')) throw new StepFailure(`the quick view shows "${await text(page, 'quick-view-data')}"`);
    await page.keyboard.press('ArrowDown');
    await waitUntil('task 14 after ArrowDown', async () => (await number()) === '#14', STEP_TIMEOUT);
    await page.keyboard.press('ArrowDown');
    await waitUntil('task 16 after ArrowDown', async () => (await number()) === '#16', STEP_TIMEOUT);
    await page.keyboard.press('ArrowUp');
    await waitUntil('task 14 after ArrowUp', async () => (await number()) === '#14', STEP_TIMEOUT);
    const active = await page.locator('[data-testid=task-row].quick-viewed').getAttribute('data-task-number');
    if (active !== '14') throw new StepFailure(`the row marked in the table is ${active}, expected 14`);
    await page.screenshot({ path: join(ARTIFACTS, 'datamanager-quick-view.png'), fullPage: true });
    await page.keyboard.press('Escape');
    await waitUntil('the quick view closed', async () => (await page.getByTestId('quick-view').count()) === 0, STEP_TIMEOUT);
  });

  await stage('live: new tasks merge into the filtered, sorted rows and the count', async () => {
    await page.getByTestId('sort-NUMBER').click(); // number descending: new tasks come first
    await waitUntil('newest first', async () => (await page.getByTestId('task-number').first().textContent()) === '120', STEP_TIMEOUT);
    await waitUntil('live', async () => (await text(page, 'live-status')).includes('live'), STEP_TIMEOUT);
    // someone else imports two tasks: one matches the filter, one does not
    const more = [{ data: { text: 'Task 121', meta: { source: 'web' }, n: 121 } }, { data: { text: 'Task 122', meta: { source: 'mail' }, n: 122 } }];
    await gqlCall(page, 'mutation I($input: ImportTasksInput!) { importTasks(input: $input) { importedCount } }',
      { input: { projectId, json: JSON.stringify(more) } });
    await waitUntil(`"${MATCHES + 1} tasks match" without a reload`, async () => (await text(page, 'task-total')) === `${MATCHES + 1} tasks match`,
      STEP_TIMEOUT);
    await waitUntil('task 121 first, task 122 not shown', async () => {
      const numbers = await page.getByTestId('task-number').allTextContents();
      return numbers[0] === '121' && !numbers.includes('122') && numbers[1] === '120';
    }, STEP_TIMEOUT);
  });

  await stage('label the selected: the label stream hands out only ticked tasks', async () => {
    const boxes = page.getByTestId('task-select');
    await boxes.nth(0).check(); // 121
    await boxes.nth(1).check(); // 120
    await waitUntil('2 selected', async () => (await text(page, 'selection-count')) === '2 tasks selected', STEP_TIMEOUT);
    await page.getByTestId('selection-label').click();
    await page.waitForURL(/\/label\?selected=1$/, { timeout: STEP_TIMEOUT });
    // the stream's order is the project's (sequential: the lower number first)
    await waitUntil('task 120 to label', async () => (await text(page, 'labeling-task-number')) === 'Task #120', 3 * STEP_TIMEOUT);
    if ((await page.getByTestId('label-selection-banner').count()) !== 1) throw new StepFailure('no banner says that only the selected tasks are handed out');
  });
}

process.exitCode = await runBrowser(run, { script: 'datamanager.mjs', limitMs: 240_000 });
