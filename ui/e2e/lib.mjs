// Shared harness and helpers of the browser end-to-end scripts (e2e.mjs and the others in this folder): the Chromium
// launch with diagnostics and a watchdog, steps, polling, GraphQL set-up calls, generated media, and the helpers that
// drive Label Studio's editor in its sandboxed frame (ADR 0031). Environment: BASE_URL (required), E2E_ARTIFACTS
// (screenshots; default ui/target/e2e), CHROMIUM (default /usr/bin/chromium).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
const here = dirname(fileURLToPath(import.meta.url));
export const BASE_URL = (process.env.BASE_URL ?? '').replace(/\/+$/, '');
export const ARTIFACTS = resolve(process.env.E2E_ARTIFACTS || join(here, '..', 'target', 'e2e'));
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const STEP_TIMEOUT = 15_000;
export const WHOLE_RUN_LIMIT = 170_000;


const started = Date.now();
export const log = (msg) => console.log(`[e2e +${((Date.now() - started) / 1000).toFixed(1)}s] ${msg}`);

export class StepFailure extends Error {}

let step = 'start';
/** Names the current step for the failure report (stage() sets it too). */
export function setStep(name) {
  step = name;
}
export async function stage(name, fn) {
  step = name;
  log(name);
  return fn();
}

/** Poll `check` (returns true when done) until it holds or the time is up. */
export async function waitUntil(description, check, timeoutMs, intervalMs = 250) {
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

/**
 * The harness of every browser script: a fresh Chromium profile, diagnostics, a watchdog, failure.png and the
 * report. `run(page)` does the work; the exit code is the result (0 passed, 1 failed).
 */
export async function runBrowser(run, { script = 'e2e.mjs', limitMs = WHOLE_RUN_LIMIT } = {}) {
  if (!BASE_URL) {
    console.error(`[e2e] FAILED: BASE_URL is not set (e.g. BASE_URL=http://127.0.0.1:8080 node ui/e2e/${script})`);
    return 1;
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'labelledger-e2e-'));
  log(`BASE_URL=${BASE_URL} artifacts=${ARTIFACTS} chromium=${CHROMIUM}`);

  let context;
  let page;
  const diagnostics = [];
  const watchdog = setTimeout(() => {
    console.error(`[e2e] FAILED: the whole run took longer than ${limitMs / 1000} s (step: ${step})`);
    Promise.resolve(page?.screenshot({ path: join(ARTIFACTS, 'failure.png'), fullPage: true }).catch(() => {}))
      .finally(() => process.exit(1));
    setTimeout(() => process.exit(1), 5_000).unref();
  }, limitMs);
  watchdog.unref();

  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
      viewport: { width: 1280, height: 860 },
      acceptDownloads: true,
      timeout: 30_000,
    });
    context.setDefaultTimeout(STEP_TIMEOUT);
    context.setDefaultNavigationTimeout(STEP_TIMEOUT);
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => diagnostics.push(`page error: ${e.message} ${(e.stack ?? '').split('\n').slice(1, 3).join(' ').trim()}`));
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

export async function expectNoErrors(page, testId) {
  const box = page.getByTestId(testId);
  if (await box.count()) throw new StepFailure(`the page shows errors: ${(await box.first().textContent())?.trim()}`);
}

// ---- Label Studio's editor (ADR 0031) ------------------------------------------------------------------------

/** A small PNG (solid colour with a darker square), made here: no fixture files, no network. */
export function pngDataUrl(width, height) {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0;
    for (let x = 0; x < width; x++) {
      const inner = x > width / 4 && x < width / 2 && y > height / 4 && y < height / 2;
      raw.set(inner ? [40, 90, 160] : [200, 220, 240], y * (width * 3 + 1) + 1 + x * 3);
    }
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
  return `data:image/png;base64,${png.toString('base64')}`;
}

/** A 2-second 8 kHz mono 16-bit WAV: a tone, then silence. */
export function wavDataUrl() {
  const rate = 8000;
  const samples = rate * 2;
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) data.writeInt16LE(i < rate ? Math.round(12000 * Math.sin((2 * Math.PI * 440 * i) / rate)) : 0, i * 2);
  const h = Buffer.alloc(44);
  h.write('RIFF', 0); h.writeUInt32LE(36 + data.length, 4); h.write('WAVE', 8); h.write('fmt ', 12);
  h.writeUInt32LE(16, 16); h.writeUInt16LE(1, 20); h.writeUInt16LE(1, 22); h.writeUInt32LE(rate, 24);
  h.writeUInt32LE(rate * 2, 28); h.writeUInt16LE(2, 32); h.writeUInt16LE(16, 34); h.write('data', 36); h.writeUInt32LE(data.length, 40);
  return `data:audio/wav;base64,${Buffer.concat([h, data]).toString('base64')}`;
}

/** GraphQL over the page's session (the set-up of the data-type projects; the labelling itself is done in the UI). */
export async function gqlCall(page, query, variables) {
  const r = await page.request.post(`${BASE_URL}/graphql`, { data: { query, variables } });
  const body = await r.json();
  if (body.errors?.length) throw new StepFailure(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}

export async function createProjectWithTasks(page, title, labelConfig, tasks) {
  const created = await gqlCall(page, 'mutation C($input: CreateProjectInput!) { createProject(input: $input) { project { id } errors { code field message } } }',
    { input: { title, labelConfig } });
  if (created.createProject.errors.length) throw new StepFailure(`project "${title}" refused: ${JSON.stringify(created.createProject.errors)}`);
  const projectId = created.createProject.project.id;
  const imported = await gqlCall(page, 'mutation I($input: ImportTasksInput!) { importTasks(input: $input) { importedCount errors { code field message } } }',
    { input: { projectId, json: JSON.stringify(tasks) } });
  if (imported.importTasks.importedCount !== tasks.length) throw new StepFailure(`import into "${title}": ${JSON.stringify(imported.importTasks)}`);
  return projectId;
}

/** The task's annotation results in the project's JSON export (an actual download of GET /api/projects/:id/export). */
export async function exportedResults(page, projectId) {
  let results = [];
  await waitUntil('the annotation in the JSON export', async () => {
    const r = await page.request.get(`${BASE_URL}/api/projects/${projectId}/export?format=JSON`);
    if (!r.ok()) throw new StepFailure(`export: HTTP ${r.status()}`);
    const tasks = await r.json();
    results = tasks.flatMap((t) => (t.annotations ?? []).map((a) => a.result));
    return results.length > 0;
  }, STEP_TIMEOUT);
  return results;
}

/** Keys sorted, so that two JSON values compare by content. */
export function canonical(v) {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical(v[k])]));
  return v;
}

/**
 * One data-type family: a project with the config, one task, labelled in the editor by `label`, submitted; the
 * result the editor produced (the SubmitAnnotation request) must be in the JSON export exactly, and reopening the
 * task must load it into the editor with its regions.
 */
export async function labelFamily(page, { name, config, data, label, expectTypes, dataManager = false }) {
  const projectId = await createProjectWithTasks(page, `E2E ${name} ${Date.now()}`, config, [{ data }]);
  const navigatedAt = Date.now();
  await page.goto(`${BASE_URL}/projects/${projectId}/label`);
  const editor = await openEditor(page, navigatedAt);
  await label(editor, page);
  await page.screenshot({ path: join(ARTIFACTS, `lsf-${name}.png`), fullPage: true });
  const request = page.waitForRequest((r) => r.url().endsWith('/graphql') && (r.postData() ?? '').includes('mutation SubmitAnnotation'), { timeout: STEP_TIMEOUT });
  await page.getByTestId('submit-annotation').click();
  const input = JSON.parse((await request).postData()).variables.input;
  await waitUntil('the submission accepted', async () => {
    await expectNoErrors(page, 'labeling-errors');
    return (await page.getByTestId('all-done').count()) > 0;
  }, STEP_TIMEOUT);
  const types = input.result.map((i) => i.type);
  for (const t of expectTypes) if (!types.includes(t)) throw new StepFailure(`${name}: no "${t}" item in the editor's result ${JSON.stringify(input.result)}`);
  const exported = await exportedResults(page, projectId);
  if (JSON.stringify(canonical(exported[0])) !== JSON.stringify(canonical(input.result))) {
    throw new StepFailure(`${name}: the export differs from what the editor produced:\n  editor: ${JSON.stringify(input.result)}\n  export: ${JSON.stringify(exported[0])}`);
  }
  if (dataManager) await dataManagerShowsAnnotated(page, projectId, name);
  const reopenedAt = Date.now();
  await page.goto(`${BASE_URL}/projects/${projectId}/tasks/${input.taskId}`);
  await openEditor(page, reopenedAt);
  const shown = await page.getByTestId('lsf-editor').getAttribute('data-results');
  // our own DateTime items are shown beside the editor, not in it; so are the items of our own tags (ADR 0035)
  const own = page.getByTestId('own-tags');
  const ownShown = (await own.count()) > 0 ? Number(await own.getAttribute('data-results')) : 0;
  const inEditor = input.result.filter((i) => i.type !== 'datetime').length - ownShown;
  if (Number(shown) !== inEditor) throw new StepFailure(`${name}: reopened, the editor holds ${shown} result items (and our own tags ${ownShown}), it produced ${inEditor + ownShown}`);
  for (const item of input.result.filter((i) => i.type === 'datetime')) {
    const value = await page.getByTestId(`datetime-${item.from_name}`).inputValue();
    if (value !== item.value.datetime) throw new StepFailure(`${name}: reopened, DateTime "${item.from_name}" shows "${value}", stored "${item.value.datetime}"`);
  }
  await page.getByTestId('update-annotation').waitFor();
  log(`${name}: ${types.join(', ')}; export equal; reopened with all ${shown} result items`);
  return input.result;
}

/** The Data Manager (the project's page) lists the task with one annotation, completed. */
export async function dataManagerShowsAnnotated(page, projectId, name) {
  await page.goto(`${BASE_URL}/projects/${projectId}`);
  await page.getByTestId('data-manager').waitFor();
  const row = page.locator('[data-testid=task-row]').first();
  await waitUntil(`${name}: the Data Manager to show the task annotated`, async () => {
    if ((await row.count()) === 0) return false;
    const annotations = (await row.getByTestId('task-annotations').textContent({ timeout: 1_000 }))?.trim();
    const completed = await row.getByTestId('task-completed').getAttribute('data-completed', { timeout: 1_000 });
    return annotations === '1' && completed === 'true';
  }, 10_000);
}

/** Drag with the mouse between two points given as fractions of an element's box. */
export async function drag(page, box, [x0, y0], [x1, y1]) {
  await page.mouse.move(box.x + box.width * x0, box.y + box.height * y0);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * ((x0 + x1) / 2), box.y + box.height * ((y0 + y1) / 2), { steps: 4 });
  await page.mouse.move(box.x + box.width * x1, box.y + box.height * y1, { steps: 4 });
  await page.mouse.up();
}

/** Selects a word of the editor's text as a user's drag would, and releases the mouse there (LSF reads the selection). */
export async function selectWord(page, word) {
  const frame = page.frames().find((f) => f.url().includes('/lsf/frame.html'));
  const point = await frame.evaluate((w) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.textContent.indexOf(w);
      if (at < 0 || n.parentElement.closest('[class*="region"], [class*="label"]')) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + w.length);
      const r = range.getBoundingClientRect();
      return { x1: r.left + 1, x2: r.right - 1, y: r.top + r.height / 2 };
    }
    return null;
  }, word);
  if (!point) throw new StepFailure(`the word "${word}" is not in the editor's text`);
  const frameBox = await page.getByTestId('lsf-frame').boundingBox();
  await page.mouse.move(frameBox.x + point.x1, frameBox.y + point.y);
  await page.mouse.down();
  await page.mouse.move(frameBox.x + (point.x1 + point.x2) / 2, frameBox.y + point.y, { steps: 3 });
  await page.mouse.move(frameBox.x + point.x2, frameBox.y + point.y, { steps: 3 });
  await page.mouse.up();
  await page.waitForTimeout(200);
}

export async function clickAt(page, box, [x, y]) {
  await page.mouse.click(box.x + box.width * x, box.y + box.height * y);
}

/** Data-type families are independent: each failure is recorded (with a screenshot) and the run goes on. */
export const familyFailures = [];
export async function familyStage(name, fn) {
  try {
    await stage(name, fn);
  } catch (e) {
    familyFailures.push(`${name}: ${e instanceof Error ? e.message : String(e)}`);
    log(`FAILED (continuing): ${familyFailures.at(-1)}`);
    await pageForFailures?.screenshot({ path: join(ARTIFACTS, `failure-family-${familyFailures.length}.png`), fullPage: true }).catch(() => {});
  }
}
let pageForFailures;
/** Where family failures take their screenshots. */
export function setPageForFailures(page) {
  pageForFailures = page;
}

/** Label Studio's editor in its sandboxed frame, once it has loaded the task (ADR 0031). */
export async function openEditor(page, navigatedAt = Date.now()) {
  await page.locator('[data-testid=lsf-editor][data-loaded-ms]:not([data-loaded-ms=""])').waitFor({ timeout: STEP_TIMEOUT });
  const ms = await page.getByTestId('lsf-editor').getAttribute('data-loaded-ms');
  log(`editor loaded in ${ms} ms (from the task's init); first render ${Date.now() - navigatedAt} ms after navigation`);
  return page.frameLocator('[data-testid=lsf-frame]');
}

// ---- Content-Security-Policy violations ------------------------------------------------------------------------

/**
 * Collects every `securitypolicyviolation` of the page and its frames (the app's page under the app's policy without
 * 'unsafe-inline', and the editor's sandboxed frame under its own, ADR 0031 / 0041) through the console, so that a
 * navigation loses none, with the script stack Chromium logged for it (CDP Log domain: where our code triggered it).
 * `take()` returns those since the last take; `expectNone(what, { expected })` fails on any that `expected` does not
 * accept (e.g. the XSS payloads' inline handlers, which the policy blocks).
 */
export async function trackCsp(page) {
  let seen = [];
  const stacks = [];
  page.on('console', (m) => {
    const t = m.text();
    if (t.startsWith('[csp] ')) seen.push(JSON.parse(t.slice(6)));
  });
  await page.context().addInitScript(() => {
    window.addEventListener('securitypolicyviolation', (e) => console.warn(`[csp] ${JSON.stringify({
      page: location.pathname, directive: e.effectiveDirective || e.violatedDirective, source: e.sourceFile,
      line: e.lineNumber, column: e.columnNumber, sample: e.sample, blocked: e.blockedURI,
    })}`), true);
  });
  const cdp = await page.context().newCDPSession(page);
  cdp.on('Log.entryAdded', ({ entry }) => {
    if (!entry.text.includes('Content Security Policy')) return;
    const frames = (entry.stackTrace?.callFrames ?? []).slice(0, 6).map((f) => `${f.functionName || '?'}@${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`);
    stacks.push(`${entry.text.slice(0, 120)}… at ${frames.join(' < ') || entry.url || '(no stack)'}`);
  });
  await cdp.send('Log.enable');
  const take = () => {
    const v = seen;
    seen = [];
    return v;
  };
  return {
    take,
    expectNone(what, { expected = () => false } = {}) {
      const all = take();
      const logged = stacks.splice(0);
      const wrong = all.filter((v) => !expected(v));
      if (wrong.length) {
        throw new StepFailure(`${what}: ${wrong.length} Content-Security-Policy violation(s) ${JSON.stringify(wrong)}\n  ${logged.join('\n  ')}`);
      }
      return all.length;
    },
  };
}
