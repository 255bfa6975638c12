#!/usr/bin/env node
// End-to-end browser test of LabelLedger against a running server. It starts no server itself.
//
//   BASE_URL=http://127.0.0.1:8080 node ui/e2e/e2e.mjs
//
// Steps: sign up, create a project, import, label, Data Manager (live), review state and queue, audit log,
// workspace, invitation.
// Environment: BASE_URL (required), E2E_ARTIFACTS (screenshots; default ui/target/e2e),
// CHROMIUM (default /usr/bin/chromium). Exit code 0 on success, 1 on failure (with failure.png).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const BASE_URL = (process.env.BASE_URL ?? '').replace(/\/+$/, '');
const ARTIFACTS = resolve(process.env.E2E_ARTIFACTS || join(here, '..', 'target', 'e2e'));
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const STEP_TIMEOUT = 15_000;
const WHOLE_RUN_LIMIT = 110_000;

const TASKS = '[{"data":{"text":"I love it"}},{"data":{"text":"Terrible"}},{"data":{"text":"Meh"}}]';
const EXPECTED_EVENTS = [
  { what: 'project creation', pattern: /project.*created|created.*project/i },
  { what: 'task import', pattern: /import/i },
  { what: 'annotation submission', pattern: /annotation.*submitted|submitted.*annotation/i },
  { what: 'ground truth', pattern: /ground.?truth/i },
];

const started = Date.now();
const log = (msg) => console.log(`[e2e +${((Date.now() - started) / 1000).toFixed(1)}s] ${msg}`);

class StepFailure extends Error {}

let step = 'start';
async function stage(name, fn) {
  step = name;
  log(name);
  return fn();
}

/** Poll `check` (returns true when done) until it holds or the time is up. */
async function waitUntil(description, check, timeoutMs, intervalMs = 250) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      if (await check()) return;
      last = undefined;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) {
      throw new StepFailure(`Timed out after ${timeoutMs} ms waiting for ${description}${last ? ` (last error: ${last.message})` : ''}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

async function main() {
  if (!BASE_URL) {
    console.error('[e2e] FAILED: BASE_URL is not set (e.g. BASE_URL=http://127.0.0.1:8080 node ui/e2e/e2e.mjs)');
    return 1;
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'labelledger-e2e-'));
  log(`BASE_URL=${BASE_URL} artifacts=${ARTIFACTS} chromium=${CHROMIUM}`);

  let context;
  let page;
  const diagnostics = [];
  const watchdog = setTimeout(() => {
    console.error(`[e2e] FAILED: the whole run took longer than ${WHOLE_RUN_LIMIT / 1000} s (step: ${step})`);
    Promise.resolve(page?.screenshot({ path: join(ARTIFACTS, 'failure.png'), fullPage: true }).catch(() => {}))
      .finally(() => process.exit(1));
    setTimeout(() => process.exit(1), 5_000).unref();
  }, WHOLE_RUN_LIMIT);
  watchdog.unref();

  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
      viewport: { width: 1280, height: 860 },
      timeout: 30_000,
    });
    context.setDefaultTimeout(STEP_TIMEOUT);
    context.setDefaultNavigationTimeout(STEP_TIMEOUT);
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => diagnostics.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') diagnostics.push(`console error: ${m.text()}`);
    });
    page.on('response', (r) => {
      if (r.status() >= 400) diagnostics.push(`HTTP ${r.status()} ${r.request().method()} ${r.url()}`);
    });

    await run(page);
    log('PASSED');
    return 0;
  } catch (e) {
    console.error(`[e2e] FAILED at step "${step}": ${e instanceof Error ? e.message : String(e)}`);
    if (!(e instanceof StepFailure) && e instanceof Error && e.stack) {
      console.error(e.stack.split('\n').filter((l) => l.trim().startsWith('at ')).slice(0, 5).join('\n'));
    }
    if (page) {
      console.error(`[e2e] page URL: ${page.url()}`);
      const alerts = await page.locator('[role=alert]').allTextContents().catch(() => []);
      if (alerts.length) console.error(`[e2e] errors shown on the page: ${alerts.join(' | ')}`);
      await page.screenshot({ path: join(ARTIFACTS, 'failure.png'), fullPage: true }).catch(() => {});
      console.error(`[e2e] screenshot: ${join(ARTIFACTS, 'failure.png')}`);
    }
    if (diagnostics.length) console.error(`[e2e] browser diagnostics:\n  ${diagnostics.slice(-30).join('\n  ')}`);
    return 1;
  } finally {
    clearTimeout(watchdog);
    await context?.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  }
}

async function expectNoErrors(page, testId) {
  const box = page.getByTestId(testId);
  if (await box.count()) throw new StepFailure(`the page shows errors: ${(await box.first().textContent())?.trim()}`);
}

async function run(page) {
  const stamp = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const email = `e2e-${stamp}@example.com`;
  let projectId;

  await stage('sign up a new user', async () => {
    await page.goto(`${BASE_URL}/signup`);
    await page.getByTestId('signup-display-name').fill(`E2E User ${stamp}`);
    await page.getByTestId('signup-organization').fill(`E2E Org ${stamp}`);
    await page.getByTestId('signup-email').fill(email);
    await page.getByTestId('signup-password').fill(`Pw-${stamp}-secret!`);
    await page.getByTestId('signup-submit').click();
    await Promise.race([
      page.waitForURL(/\/projects$/, { timeout: STEP_TIMEOUT }),
      page.getByTestId('signup-errors').waitFor({ timeout: STEP_TIMEOUT }).then(async () => {
        throw new StepFailure(`sign-up failed: ${await page.getByTestId('signup-errors').textContent()}`);
      }),
    ]);
    await page.getByTestId('current-user').waitFor();
  });

  await stage('create a project with the text-classification config', async () => {
    await page.getByTestId('new-project').click();
    await page.getByTestId('project-title').fill(`E2E project ${stamp}`);
    await page.getByTestId('project-description').fill('Created by the end-to-end test');
    const config = await page.getByTestId('project-label-config').inputValue();
    if (!config.includes('<Choices name="sentiment"')) throw new StepFailure('the labeling config is not prefilled with the text-classification template');
    await page.getByTestId('create-project-submit').click();
    await waitUntil('the project page', async () => {
      await expectNoErrors(page, 'errors');
      if ((await page.getByTestId('project-label-config-errors').count()) > 0) {
        throw new StepFailure(`labeling config rejected: ${await page.getByTestId('project-label-config-errors').textContent()}`);
      }
      return /\/projects\/[^/]+$/.test(new URL(page.url()).pathname) && (await page.getByTestId('project-heading').count()) > 0;
    }, STEP_TIMEOUT);
    projectId = new URL(page.url()).pathname.split('/')[2];
    log(`project ${projectId}`);
  });

  await stage('import 3 tasks by pasting JSON', async () => {
    await page.getByTestId('tab-import').click();
    await page.getByTestId('import-json').fill(TASKS);
    await page.getByTestId('import-submit').click();
    await page.getByTestId('import-result').or(page.locator('[role=alert]')).first().waitFor();
    await expectNoErrors(page, 'import-errors');
    await expectNoErrors(page, 'errors');
    const count = (await page.getByTestId('import-count').textContent())?.trim();
    if (count !== '3') throw new StepFailure(`expected 3 imported tasks, the page says ${count}`);
  });

  await stage('Data Manager shows 3 rows with 0 annotations', async () => {
    await page.getByTestId('tab-data').click();
    const rows = page.getByTestId('task-row');
    let lastRefresh = Date.now();
    await waitUntil('3 task rows', async () => {
      if ((await rows.count()) === 3) return true;
      // the read model may lag behind the import: refetch now and then besides the live updates
      if (Date.now() - lastRefresh > 2_000) {
        lastRefresh = Date.now();
        await page.getByTestId('refresh-button').click();
      }
      return false;
    }, STEP_TIMEOUT);
    const counts = await page.getByTestId('task-annotations').allTextContents();
    if (counts.map((c) => c.trim()).join(',') !== '0,0,0') throw new StepFailure(`expected 0 annotations on every row, got ${counts.join(',')}`);
  });

  await stage('label the first task "Positive" and submit', async () => {
    await page.getByTestId('label-button').click();
    await page.getByTestId('object-text').waitFor();
    const first = (await page.getByTestId('labeling-task-number').textContent())?.trim();
    if (first !== 'Task #1') throw new StepFailure(`expected the labeling flow to start at Task #1, got ${first}`);
    const text = (await page.getByTestId('object-text').textContent()) ?? '';
    if (!text.includes('I love it')) throw new StepFailure(`the task text is not shown (got "${text.trim()}")`);
    await page.getByTestId('choice-sentiment-Positive').check();
    await page.screenshot({ path: join(ARTIFACTS, 'labeling.png'), fullPage: true });
    await page.getByTestId('submit-annotation').click();
    await waitUntil('the next task after submitting', async () => {
      await expectNoErrors(page, 'labeling-errors');
      const n = page.getByTestId('labeling-task-number');
      return (await n.count()) > 0 && (await n.textContent({ timeout: 1_000 }))?.trim() === 'Task #2';
    }, STEP_TIMEOUT);
  });

  await stage('Data Manager shows the annotation on the first row (live update or refetch, up to 10 s)', async () => {
    await page.getByRole('link', { name: `E2E project ${stamp}` }).click();
    await page.getByTestId('data-manager').waitFor();
    const firstRow = page.locator('[data-testid=task-row][data-task-number="1"]');
    let refreshed = false;
    const deadline = Date.now() + 10_000;
    await waitUntil('row #1 to show 1 annotation and completed', async () => {
      if ((await firstRow.count()) === 0) return false;
      const annotations = (await firstRow.getByTestId('task-annotations').textContent({ timeout: 1_000 }))?.trim();
      const completed = await firstRow.getByTestId('task-completed').getAttribute('data-completed', { timeout: 1_000 });
      if (annotations === '1' && completed === 'true') return true;
      // projections are eventually consistent: if the live update has not come after 5 s, refetch once
      if (!refreshed && Date.now() > deadline - 5_000) {
        refreshed = true;
        await page.getByTestId('refresh-button').click();
      }
      return false;
    }, 10_000);
    log(`live status: ${(await page.getByTestId('live-status').textContent())?.trim()}`);
    await page.screenshot({ path: join(ARTIFACTS, 'datamanager.png'), fullPage: true });
  });

  await stage('the annotation is pending review; the review queue offers nobody their own annotation', async () => {
    const firstRow = page.locator('[data-testid=task-row][data-task-number="1"]');
    await waitUntil('row #1 to show "Pending review"', async () =>
      (await firstRow.locator('[data-review-state]').getAttribute('data-review-state', { timeout: 1_000 })) === 'PENDING', STEP_TIMEOUT);
    // the Owner may review here, but the only annotation is their own
    await page.getByTestId('review-button').click();
    await page.getByTestId('review-done').waitFor();
    await expectNoErrors(page, 'errors');
    await page.getByRole('link', { name: `E2E project ${stamp}` }).click();
    await page.getByTestId('data-manager').waitFor();
  });

  await stage('mark the annotation as ground truth on the task page; the Data Manager shows it', async () => {
    await page.locator('[data-testid=task-row][data-task-number="1"]').click();
    await page.getByTestId('ground-truth-toggle').waitFor();
    await page.getByTestId('ground-truth-toggle').click();
    await waitUntil('the annotation marked as ground truth', async () => {
      await expectNoErrors(page, 'labeling-errors');
      return (await page.locator('[data-testid=annotation-item][data-ground-truth="true"]').count()) === 1;
    }, STEP_TIMEOUT);
    await page.screenshot({ path: join(ARTIFACTS, 'task.png'), fullPage: true });
    await page.getByRole('link', { name: `E2E project ${stamp}` }).click();
    await page.getByTestId('data-manager').waitFor();
    const firstRow = page.locator('[data-testid=task-row][data-task-number="1"]');
    await waitUntil('row #1 to show its ground truth', async () =>
      (await firstRow.getByTestId('task-ground-truth').getAttribute('data-ground-truth', { timeout: 1_000 })) === 'true', STEP_TIMEOUT);
  });

  await stage('the Export tab offers a download and a snapshot job that completes', async () => {
    await page.getByTestId('tab-export').click();
    await page.getByTestId('export-tab').waitFor();
    await page.getByTestId('export-job-create').click();
    await waitUntil('the snapshot export to be downloadable', async () =>
      (await page.getByTestId('export-job-download').count()) === 1, STEP_TIMEOUT);
    await page.screenshot({ path: join(ARTIFACTS, 'export.png'), fullPage: true });
    await page.getByTestId('tab-data').click();
    await page.getByTestId('data-manager').waitFor();
  });

  await stage('Audit log shows project creation, task import and annotation submission', async () => {
    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-table').waitFor();
    let types = [];
    await waitUntil('the expected audit entries', async () => {
      await expectNoErrors(page, 'errors');
      types = await page.getByTestId('audit-event-type').allTextContents();
      if (EXPECTED_EVENTS.every((e) => types.some((t) => e.pattern.test(t)))) return true;
      await page.getByTestId('audit-refresh').click();
      await page.waitForTimeout(500);
      return false;
    }, STEP_TIMEOUT, 500).catch((e) => {
      const missing = EXPECTED_EVENTS.filter((x) => !types.some((t) => x.pattern.test(t))).map((x) => x.what);
      throw new StepFailure(`${e.message}; missing: ${missing.join(', ')}; event types shown: ${[...new Set(types)].join(', ') || 'none'}`);
    });
    await page.screenshot({ path: join(ARTIFACTS, 'audit.png'), fullPage: true });
  });

  await stage('group the project in a new workspace and switch to it', async () => {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('nav-workspaces').click();
    await page.getByTestId('workspace-name').fill(`E2E team ${stamp}`);
    await page.getByTestId('workspace-create').click();
    await waitUntil('the workspace listed', async () => {
      await expectNoErrors(page, 'workspace-errors');
      return (await page.getByTestId('workspace-row').count()) === 1;
    }, STEP_TIMEOUT);
    await page.goto(`${BASE_URL}/projects/${projectId}/settings`);
    await page.getByTestId('project-workspace-form').waitFor();
    await waitUntil('the workspace offered', async () => (await page.getByTestId('project-move-target').locator('option').count()) === 2, STEP_TIMEOUT);
    await page.getByTestId('project-move-target').selectOption({ label: `E2E team ${stamp}` });
    await page.getByTestId('project-move').click();
    await waitUntil('the project moved', async () => {
      await expectNoErrors(page, 'project-move-errors');
      return (await page.getByTestId('project-moved').count()) === 1;
    }, STEP_TIMEOUT);
    await page.getByTestId('workspace-switcher').selectOption({ label: `E2E team ${stamp}` });
    await page.waitForURL(/\/projects$/, { timeout: STEP_TIMEOUT });
    await waitUntil('the project listed in its workspace', async () =>
      (await page.getByTestId('projects-workspace').count()) === 1
      && (await page.getByTestId('project-row').count()) === 1
      && (await page.getByTestId('project-workspace').first().textContent()) === `E2E team ${stamp}`, STEP_TIMEOUT);
    await page.screenshot({ path: join(ARTIFACTS, 'workspace.png'), fullPage: true });
  });

  let inviteLink;
  await stage('invite a teammate from the Members page', async () => {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('nav-members').click();
    await page.getByTestId('members-table').waitFor();
    await waitUntil('the owner listed as the only member', async () => (await page.getByTestId('member-row').count()) === 1, STEP_TIMEOUT);
    await page.getByTestId('invite-role').selectOption('ANNOTATOR');
    await page.getByTestId('invite-create').click();
    await page.getByTestId('invite-link').waitFor();
    inviteLink = await page.getByTestId('invite-link').inputValue();
    if (!/\/invite\/lli_/.test(inviteLink)) throw new StepFailure(`unexpected invitation link: ${inviteLink}`);
    await page.screenshot({ path: join(ARTIFACTS, 'members.png'), fullPage: true });
  });

  await stage('log out and join through the invitation', async () => {
    await page.getByTestId('logout').click();
    await page.waitForURL(/\/login/, { timeout: STEP_TIMEOUT });
    await page.goto(inviteLink);
    await page.getByTestId('invite-signup-form').waitFor();
    await page.getByTestId('invite-display-name').fill(`E2E Invitee ${stamp}`);
    await page.getByTestId('invite-email').fill(`invitee-${stamp}@example.com`);
    await page.getByTestId('invite-password').fill(`Pw-${stamp}-invitee!`);
    await page.getByTestId('invite-submit').click();
    await page.waitForURL(/\/projects$/, { timeout: STEP_TIMEOUT });
    // an Annotator sees only the projects they belong to: none yet; no audit log, and in Settings only their account
    if ((await page.getByTestId('nav-audit').count()) !== 0) throw new StepFailure('an Annotator sees the Audit log link');
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('nav-tokens').waitFor();
    if ((await page.getByTestId('nav-members').count()) !== 0) throw new StepFailure('an Annotator sees the Members link');
  });
}

process.exitCode = await main();
