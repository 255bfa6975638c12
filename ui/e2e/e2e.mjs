#!/usr/bin/env node
// End-to-end browser test of LabelLedger against a running server. It starts no server itself.
//
//   BASE_URL=http://127.0.0.1:8080 node ui/e2e/e2e.mjs
//
// Steps: sign up, create a project, import, label in Label Studio's editor, Data Manager (live), review state and
// queue, export download, audit log, one project per data-type family labelled in the editor (image rectangle +
// polygon, NER spans + relation, classic controls + our DateTime, audio region) with the JSON export compared to
// what the editor produced and the task reopened, XSS payloads in every text-like tag, workspace, invitation.
// Environment: BASE_URL (required), E2E_ARTIFACTS (screenshots; default ui/target/e2e),
// CHROMIUM (default /usr/bin/chromium). Exit code 0 on success, 1 on failure (with failure.png).
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import {
  ARTIFACTS, BASE_URL, STEP_TIMEOUT, StepFailure, canonical, clickAt, createProjectWithTasks, drag, expectNoErrors,
  exportedResults, familyFailures, familyStage, gqlCall, labelFamily, log, openEditor, pngDataUrl, runBrowser,
  selectWord, setPageForFailures, setStep, stage, trackCsp, waitUntil, wavDataUrl,
} from './lib.mjs';

const TASKS = '[{"data":{"text":"I love it"}},{"data":{"text":"Terrible"}},{"data":{"text":"Meh"}}]';
const EXPECTED_EVENTS = [
  { what: 'project creation', pattern: /project.*created|created.*project/i },
  { what: 'task import', pattern: /import/i },
  { what: 'annotation submission', pattern: /annotation.*submitted|submitted.*annotation/i },
  { what: 'ground truth', pattern: /ground.?truth/i },
];

async function run(page) {
  setPageForFailures(page);
  // the labeling page of each family produces no Content-Security-Policy violation (ADR 0041)
  const csp = await trackCsp(page);
  const cspChecked = (name, fn) => async () => {
    csp.take();
    await fn();
    csp.expectNone(name);
  };
  const stamp = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const email = `e2e-${stamp}@example.com`;
  let projectId;
  let firstResult;

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

  await stage('label the first task "Positive" in Label Studio\'s editor and submit', async () => {
    await page.getByTestId('label-button').click();
    const editor = await openEditor(page);
    const first = (await page.getByTestId('labeling-task-number').textContent())?.trim();
    if (first !== 'Task #1') throw new StepFailure(`expected the labeling flow to start at Task #1, got ${first}`);
    await editor.getByText('I love it').first().waitFor();
    await editor.getByText(/^Positive/).first().click();
    await page.screenshot({ path: join(ARTIFACTS, 'labeling.png'), fullPage: true });
    const request = page.waitForRequest((r) => r.url().endsWith('/graphql') && (r.postData() ?? '').includes('mutation SubmitAnnotation'));
    await page.getByTestId('submit-annotation').click();
    firstResult = JSON.parse((await request).postData()).variables.input.result;
    if (JSON.stringify(firstResult.map((i) => [i.type, i.value])) !== JSON.stringify([['choices', { choices: ['Positive'] }]])) {
      throw new StepFailure(`the editor produced ${JSON.stringify(firstResult)}`);
    }
    await waitUntil('the next task after submitting', async () => {
      await expectNoErrors(page, 'labeling-errors');
      const n = page.getByTestId('labeling-task-number');
      return (await n.count()) > 0 && (await n.textContent({ timeout: 1_000 }))?.trim() === 'Task #2';
    }, STEP_TIMEOUT);
  });

  await stage('Data Manager shows the annotation on the first row, and live (no refetch) an annotation made meanwhile', async () => {
    await page.getByRole('link', { name: `E2E project ${stamp}` }).click();
    await page.getByTestId('data-manager').waitFor();
    const firstRow = page.locator('[data-testid=task-row][data-task-number="1"]');
    const secondRow = page.locator('[data-testid=task-row][data-task-number="2"]');
    await waitUntil('row #1 to show 1 annotation and completed', async () => {
      if ((await firstRow.count()) === 0) return false;
      const annotations = (await firstRow.getByTestId('task-annotations').textContent({ timeout: 1_000 }))?.trim();
      const completed = await firstRow.getByTestId('task-completed').getAttribute('data-completed', { timeout: 1_000 });
      return annotations === '1' && completed === 'true';
    }, 10_000);
    await waitUntil('the live subscription', async () => (await page.getByTestId('live-status').textContent())?.includes('● live'), 5_000)
      .catch(async () => { throw new StepFailure(`live status: ${(await page.getByTestId('live-status').textContent())?.trim()}`); });
    // task #2 (offered to this user after task #1) is annotated elsewhere, over the API; this page must show it by
    // itself: the refresh button is never clicked, and the page is not reloaded
    const secondId = await secondRow.getAttribute('data-task-id');
    const submitted = await gqlCall(page, 'mutation S($input: SubmitAnnotationInput!) { submitAnnotation(input: $input) { errors { code field message } } }',
      { input: { taskId: secondId, result: [{ from_name: 'sentiment', to_name: 'text', type: 'choices', value: { choices: ['Negative'] } }], leadTimeSeconds: 1 } });
    if (submitted.submitAnnotation.errors.length) throw new StepFailure(`API submission refused: ${JSON.stringify(submitted.submitAnnotation.errors)}`);
    await waitUntil('row #2 to show 1 annotation through the live update', async () =>
      (await secondRow.getByTestId('task-annotations').textContent({ timeout: 1_000 }))?.trim() === '1', 10_000);
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
    // the quick download: the file the browser saves holds the three tasks and exactly the editor's result
    const [quick] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-link').click()]);
    const tasks = JSON.parse(readFileSync(await quick.path(), 'utf8'));
    const first = tasks.find((t) => (t.data?.text ?? '') === 'I love it');
    if (tasks.length !== 3 || !first) throw new StepFailure(`the downloaded export has ${tasks.length} tasks: ${JSON.stringify(tasks).slice(0, 300)}`);
    if (JSON.stringify(canonical(first.annotations?.[0]?.result)) !== JSON.stringify(canonical(firstResult))) {
      throw new StepFailure(`the downloaded export's annotation differs from the editor's result: ${JSON.stringify(first.annotations)}`);
    }
    await page.getByTestId('export-job-create').click();
    await waitUntil('the snapshot export to be downloadable', async () =>
      (await page.getByTestId('export-job-download').count()) === 1, STEP_TIMEOUT);
    const [snapshot] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-job-download').click()]);
    let saved = readFileSync(await snapshot.path());
    if (saved[0] === 0x1f && saved[1] === 0x8b) saved = gunzipSync(saved);
    const zipped = saved[0] === 0x50 && saved[1] === 0x4b;
    if (saved.length === 0 || (!zipped && !saved.toString('latin1').includes('I love it'))) throw new StepFailure(`the snapshot download (${snapshot.suggestedFilename()}, ${saved.length} bytes) does not hold the tasks`);
    log(`downloads: ${quick.suggestedFilename()} (${tasks.length} tasks), ${snapshot.suggestedFilename()} (${saved.length} bytes)`);
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

  await familyStage('image: draw a rectangle and a polygon in the editor, submit; export equals the editor\'s result; reopen', cspChecked('image', async () => {
    await labelFamily(page, {
      name: 'image',
      config: '<View><Image name="img" value="$image"/><RectangleLabels name="box" toName="img"><Label value="Cat"/></RectangleLabels>'
        + '<PolygonLabels name="poly" toName="img"><Label value="Road"/></PolygonLabels></View>',
      data: { image: pngDataUrl(400, 300) },
      expectTypes: ['rectanglelabels', 'polygonlabels'],
      label: async (editor, p) => {
        const stage = editor.locator('.konvajs-content').first();
        await stage.waitFor();
        await editor.getByText(/^Cat/).first().click();
        const box = await stage.boundingBox();
        await drag(p, box, [0.15, 0.15], [0.45, 0.45]);
        await p.keyboard.press('Escape');
        await editor.getByText(/^Road/).first().click();
        for (const point of [[0.6, 0.6], [0.85, 0.62], [0.8, 0.85], [0.6, 0.6]]) {
          await clickAt(p, box, point);
          await p.waitForTimeout(150);
        }
        await p.keyboard.press('Escape');
      },
    });
  }));

  await familyStage('NER: tag two spans and a relation between them; export equals the editor\'s result; reopen', cspChecked('ner', async () => {
    await labelFamily(page, {
      name: 'ner',
      config: '<View><Labels name="ner" toName="text"><Label value="PER"/><Label value="ORG"/></Labels><Text name="text" value="$text"/></View>',
      data: { text: 'Anna works at Acme since spring.' },
      expectTypes: ['labels', 'relation'],
      label: async (editor, p) => {
        await editor.getByText(/^PER/).first().click();
        await selectWord(p, 'Anna');
        await editor.getByText(/^ORG/).first().click();
        await selectWord(p, 'Acme');
        await editor.locator('.htx-highlight').nth(1).waitFor();
        // relation: select the first span, Alt+R (LSF's "create relation"), then pick the second span
        await editor.locator('.htx-highlight').first().click();
        await p.keyboard.press('Alt+r');
        await editor.locator('.htx-highlight').nth(1).click();
        await p.waitForTimeout(200);
        await p.keyboard.press('Escape');
      },
    });
  }));

  await familyStage('classic controls: rating, text area, number, taxonomy, choices, and our DateTime; export equals; reopen', cspChecked('classic', async () => {
    await labelFamily(page, {
      name: 'classic',
      config: '<View><Text name="text" value="$text"/><Choices name="sentiment" toName="text"><Choice value="Positive"/><Choice value="Negative"/></Choices>'
        + '<Rating name="rating" toName="text" maxRating="5"/><TextArea name="comment" toName="text"/><Number name="count" toName="text" min="0" max="10"/>'
        + '<Taxonomy name="topic" toName="text"><Choice value="Sports"/><Choice value="Politics"/></Taxonomy>'
        + '<DateTime name="when" toName="text" only="date"/></View>',
      data: { text: 'A quiet match report.' },
      expectTypes: ['choices', 'rating', 'textarea', 'number', 'taxonomy', 'datetime'],
      label: async (editor, p) => {
        await editor.getByText(/^Positive/).first().click();
        await editor.locator('.ant-rate-star').nth(3).click();
        const area = editor.locator('textarea, input.ant-input').first();
        await area.fill('Calm and short');
        await area.press('Enter');
        await editor.locator('input[type=number]').first().fill('7');
        await editor.locator('input[type=number]').first().press('Tab');
        await editor.getByText('Click to add...').first().click();
        await editor.getByText(/^Politics/).first().click();
        await p.keyboard.press('Escape');
        await p.getByTestId('datetime-when').fill('2024-01-31');
      },
    });
  }));

  await familyStage('audio: a region on a WAV the test made; export equals the editor\'s result; reopen', cspChecked('audio', async () => {
    await labelFamily(page, {
      name: 'audio',
      config: '<View><Labels name="kind" toName="audio"><Label value="Speech"/></Labels><Audio name="audio" value="$audio"/></View>',
      data: { audio: wavDataUrl() },
      expectTypes: ['labels'],
      label: async (editor, p) => {
        const wave = editor.locator('wave').first();
        await wave.waitFor();
        await editor.getByText(/^Speech/).first().click();
        await drag(p, await wave.boundingBox(), [0.1, 0.5], [0.4, 0.5]);
      },
    });
  }));

  await familyStage('update round trip: an imported annotation with regions, a box added in the editor, Update keeps every region', cspChecked('update', async () => {
    const region = (id, x) => ({ id, from_name: 'box', to_name: 'img', type: 'rectanglelabels', original_width: 400, original_height: 300,
      image_rotation: 0, value: { x, y: 10, width: 10, height: 10, rotation: 0, rectanglelabels: ['Cat'] } });
    const imported = [region('imp1', 5), region('imp2', 20)];
    const projectId = await createProjectWithTasks(page, `E2E update ${Date.now()}`,
      '<View><Image name="img" value="$image"/><RectangleLabels name="box" toName="img"><Label value="Cat"/></RectangleLabels></View>',
      [{ data: { image: pngDataUrl(400, 300) }, annotations: [{ result: imported }] }]);
    // the importer is the annotation's author: open it from the Data Manager
    await page.goto(`${BASE_URL}/projects/${projectId}`);
    await waitUntil('the imported task listed', async () => (await page.getByTestId('task-row').count()) === 1, STEP_TIMEOUT);
    const openedAt = Date.now();
    await page.getByTestId('task-row').first().click();
    const editor = await openEditor(page, openedAt);
    if ((await page.getByTestId('lsf-editor').getAttribute('data-results')) !== '2') throw new StepFailure('the imported annotation did not open with its 2 regions');
    await editor.getByText(/^Cat/).first().click();
    await drag(page, await editor.locator('.konvajs-content').first().boundingBox(), [0.6, 0.6], [0.8, 0.8]);
    await page.keyboard.press('Escape');
    const request = page.waitForRequest((r) => r.url().endsWith('/graphql') && (r.postData() ?? '').includes('mutation UpdateAnnotation'), { timeout: STEP_TIMEOUT });
    await page.getByTestId('update-annotation').click();
    const sent = JSON.parse((await request).postData()).variables.input.result;
    const answer = await (await (await request).response()).json();
    if (answer.errors?.length || answer.data?.updateAnnotation?.errors?.length) throw new StepFailure(`Update refused: ${JSON.stringify(answer)}`);
    await expectNoErrors(page, 'labeling-errors');
    let exported = [];
    await waitUntil('the update in the export', async () => {
      exported = (await exportedResults(page, projectId))[0];
      return exported.length === 3;
    }, STEP_TIMEOUT);
    for (const original of imported) {
      const kept = exported.find((i) => i.id === original.id);
      if (!kept || JSON.stringify(canonical(kept.value)) !== JSON.stringify(canonical(original.value))) {
        throw new StepFailure(`imported region ${original.id} not kept unchanged: ${JSON.stringify(exported)}`);
      }
    }
    if (JSON.stringify(canonical(exported)) !== JSON.stringify(canonical(sent))) throw new StepFailure('the export differs from what the editor sent on Update');
    await page.screenshot({ path: join(ARTIFACTS, 'lsf-update.png'), fullPage: true });
    log('update: 2 imported regions kept unchanged, 1 added; export equals the editor\'s result');
  }));

  await stage('XSS payloads in HyperText, Text and Paragraphs run nothing (sandboxed frame, CSP, DOMPurify)', async () => {
    const hit = "top.postMessage('xss','*');window.__xssRan=1";
    const payloads = [
      `<img src=x onerror="${hit}">`,
      `<script>${hit}</script>`,
      `<a id="jslink" href="javascript:${hit}">click me</a>`,
      `<svg onload="${hit}"><script>${hit}</script></svg>`,
      `<svg><a xlink:href="javascript:${hit}"><text x="0" y="15">svg link</text></a></svg>`,
      `<iframe srcdoc="<script>${hit}</script>"></iframe>`,
    ].join(' ');
    const projectId = await createProjectWithTasks(page, `E2E xss ${Date.now()}`,
      '<View><HyperText name="html" value="$html"/><Text name="text" value="$text"/><Paragraphs name="dialog" value="$dialog" layout="dialogue"/>'
      + '<Choices name="seen" toName="text"><Choice value="Seen"/></Choices></View>',
      [{ data: { html: `<p>Hyper ${payloads}</p>`, text: `Text ${payloads}`, dialog: [{ author: 'a', text: `Para ${payloads}` }, { author: 'b', text: 'plain' }] } }]);
    const dialogs = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    csp.take();
    await page.goto(`${BASE_URL}/projects/${projectId}/label`);
    // listening on the page (a navigation drops listeners, so after it): any payload that ran posts here
    await page.evaluate(() => {
      window.__xssMessages = [];
      window.addEventListener('message', (e) => { if (e.data === 'xss' || e.data?.xss) window.__xssMessages.push(e.data); });
    });
    const editor = await openEditor(page);
    await editor.getByText(/^Seen/).first().waitFor();
    await page.waitForTimeout(1_000);
    // click every link the payloads made, wherever it ended up
    for (const f of page.frames().filter((x) => x !== page.mainFrame())) {
      for (const link of await f.locator('a').all().catch(() => [])) await link.click({ timeout: 1_000, force: true }).catch(() => {});
    }
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(ARTIFACTS, 'lsf-xss.png'), fullPage: true });
    const ran = [];
    for (const f of page.frames()) {
      if (await f.evaluate(() => window.__xssRan === 1).catch(() => false)) ran.push(f.url());
    }
    const messages = await page.evaluate(() => window.__xssMessages);
    if (ran.length || messages.length || dialogs.length) {
      throw new StepFailure(`a payload ran: frames ${ran.join(', ')}; messages ${JSON.stringify(messages)}; dialogs ${dialogs.join(', ')}`);
    }
    // the detector works: the same message sent from inside the editor's frame is seen
    const lsfFrame = page.frames().find((f) => f.url().includes('/lsf/frame.html'));
    await lsfFrame.evaluate(() => top.postMessage('xss', '*'));
    await waitUntil('the control message', async () => (await page.evaluate(() => window.__xssMessages.length)) === 1, 2_000);
    // and the frame has no access to the app: opaque origin, no cookies
    const inside = await lsfFrame.evaluate(() => ({ origin: self.origin, cookie: (() => { try { return document.cookie; } catch (e) { return `refused: ${e.name}`; } })() }));
    if (inside.origin !== 'null' || !String(inside.cookie).startsWith('refused')) throw new StepFailure(`the editor frame is not isolated: ${JSON.stringify(inside)}`);
    // the only reports are the payloads' scripts and handlers, blocked: in the editor's frame, and in the page where
    // DOMPurify parses the HyperText (an inert document that inherits the page's policy); no style report of our own
    const blocked = csp.expectNone('xss', { expected: (v) => v.directive.startsWith('script-src') && v.blocked === 'inline' });
    log(`XSS: nothing ran in ${page.frames().length} frames; frame origin ${inside.origin}, cookies ${inside.cookie}; the frame's CSP reported ${blocked} blocked`);
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

  setStep('data-type families');
  if (familyFailures.length) throw new StepFailure(`${familyFailures.length} data-type famil${familyFailures.length === 1 ? 'y' : 'ies'} failed:\n  ${familyFailures.join('\n  ')}`);
}

process.exitCode = await runBrowser(run);
