#!/usr/bin/env node
// Browser end-to-end test of every data-type family not covered by e2e.mjs (issue 10, ADR 0031 / 0035), against a
// running server (it starts none):
//
//   BASE_URL=http://127.0.0.1:8080 node ui/e2e/families.mjs
//
// Per family: a project with the config, one task, labelled in the editor (or our own components), submitted;
// the JSON export holds exactly the result the page produced, the Data Manager shows the task annotated, and the
// reopened task shows every item again. Media are made here (PNG, a two-page PDF; a WebM recorded from a canvas
// by Chromium's MediaRecorder). Screenshots: lsf-<family>.png in E2E_ARTIFACTS.
import { join } from 'node:path';
import {
  ARTIFACTS, BASE_URL, STEP_TIMEOUT, StepFailure, clickAt, drag, expectNoErrors, familyFailures, familyStage,
  labelFamily, log, pngDataUrl, runBrowser, selectWord, setPageForFailures, stage, trackCsp, waitUntil,
} from './lib.mjs';

const LIMIT_MS = 150_000;

/** A two-page PDF ("Page 1", "Page 2" in Helvetica), built here with a correct cross-reference table. */
export function pdfDataUrl() {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >>',
  ];
  for (const n of [1, 2]) {
    const content = `BT /F1 28 Tf 60 100 Td (Page ${n}) Tj ET`;
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents ${objects.length + 2} 0 R /Resources << /Font << /F1 7 0 R >> >> >>`);
    objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  }
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  let out = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return `data:application/pdf;base64,${Buffer.from(out, 'latin1').toString('base64')}`;
}

/** A 1-second 160x120 WebM (25 numbered frames), recorded from a canvas by the browser itself: no ffmpeg needed. */
async function webmDataUrl(page) {
  return page.evaluate(async () => {
    const c = document.createElement('canvas');
    c.width = 160;
    c.height = 120;
    const g = c.getContext('2d');
    const stream = c.captureStream(0);
    const track = stream.getVideoTracks()[0];
    const rec = new MediaRecorder(stream, { mimeType: 'video/webm;codecs=vp8' });
    const chunks = [];
    rec.ondataavailable = (e) => chunks.push(e.data);
    rec.start();
    for (let i = 0; i < 25; i++) {
      g.fillStyle = `hsl(${i * 14},70%,50%)`;
      g.fillRect(0, 0, 160, 120);
      g.fillStyle = '#fff';
      g.font = '40px sans-serif';
      g.fillText(String(i + 1), 50, 75);
      track.requestFrame();
      await new Promise((r) => setTimeout(r, 40));
    }
    rec.stop();
    await new Promise((r) => (rec.onstop = r));
    const bytes = new Uint8Array(await new Blob(chunks, { type: 'video/webm' }).arrayBuffer());
    let s = '';
    for (const b of bytes) s += String.fromCharCode(b);
    return `data:video/webm;base64,${btoa(s)}`;
  });
}

function expectItem(result, predicate, what) {
  const item = result.find(predicate);
  if (!item) throw new StepFailure(`no ${what} in ${JSON.stringify(result)}`);
  return item;
}

async function run(page) {
  setPageForFailures(page);
  // Content-Security-Policy violations per family (the app's policy has no 'unsafe-inline' styles; ADR 0031 / 0041)
  const csp = await trackCsp(page);
  const started = Date.now();
  const stamp = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  await stage('sign up a new user', async () => {
    await page.goto(`${BASE_URL}/signup`);
    await page.getByTestId('signup-display-name').fill(`Families ${stamp}`);
    await page.getByTestId('signup-organization').fill(`Families Org ${stamp}`);
    await page.getByTestId('signup-email').fill(`families-${stamp}@example.com`);
    await page.getByTestId('signup-password').fill(`Pw-${stamp}-secret!`);
    await page.getByTestId('signup-submit').click();
    await page.waitForURL(/\/projects$/, { timeout: STEP_TIMEOUT });
  });
  let video;
  await stage('record a WebM in the browser', async () => {
    video = await webmDataUrl(page);
    log(`WebM: ${video.length} characters (data URL)`);
  });
  const image = pngDataUrl(400, 300);
  const families = process.env.FAMILIES ? new Set(process.env.FAMILIES.split(',')) : null;
  // each family's labeling pages (labelling and reopening) produce no CSP violation, in the page or the editor's frame
  const family = async (name, title, fn) => {
    if (families && !families.has(name)) return;
    csp.take();
    await familyStage(title, async () => {
      await fn();
      csp.expectNone(name);
    });
  };

  await family('ranker-list', 'Ranker with <List> (ours): keyboard reorder and a bucket; export equals; Data Manager; reopen', async () => {
    const result = await labelFamily(page, {
      name: 'ranker-list',
      dataManager: true,
      config: '<View><Header value="Rank the results"/><List name="results" value="$items" title="Results"/><Ranker name="rank" toName="results"/>'
        + '<Ranker name="pick" toName="results"><Bucket name="good" title="Relevant"/><Bucket name="bad" title="Off topic"/></Ranker></View>',
      data: { items: [{ id: 'a', title: 'Alpha', body: 'first' }, { id: 'b', title: 'Beta', body: 'second' }, { id: 'c', title: 'Gamma', body: 'third' }] },
      expectTypes: ['ranker'],
      label: async (_editor, p) => {
        const plain = p.getByTestId('ranker-rank');
        await plain.waitFor();
        // keyboard: pick Gamma up, two places up, drop (dnd-kit's keyboard sensor)
        await plain.getByTestId('ranker-handle-c').focus();
        await p.keyboard.press('Space');
        await p.waitForTimeout(150);
        await p.keyboard.press('ArrowUp');
        await p.waitForTimeout(150);
        await p.keyboard.press('ArrowUp');
        await p.waitForTimeout(150);
        await p.keyboard.press('Space');
        await p.waitForTimeout(300);
        await p.getByTestId('ranker-pick').getByTestId('ranker-move-a').selectOption('good');
        await p.getByTestId('ranker-pick').getByTestId('ranker-move-b').selectOption('bad');
      },
    });
    const rank = expectItem(result, (i) => i.from_name === 'rank', 'plain ranking');
    if (JSON.stringify(rank.value) !== JSON.stringify({ ranker: { rank: ['c', 'a', 'b'] } })) throw new StepFailure(`ranking: ${JSON.stringify(rank.value)}`);
    const pick = expectItem(result, (i) => i.from_name === 'pick', 'bucket ranking');
    if (JSON.stringify(pick.value) !== JSON.stringify({ ranker: { _: ['c'], good: ['a'], bad: ['b'] } })) throw new StepFailure(`buckets: ${JSON.stringify(pick.value)}`);
  });

  await family('pdf', 'Pdf (ours, PDF.js): document and page classifications, page navigation; export equals; Data Manager; reopen', async () => {
    const result = await labelFamily(page, {
      name: 'pdf',
      dataManager: true,
      config: '<View><Pdf name="doc" value="$pdf"/><Choices name="kind" toName="doc"><Choice value="Invoice"/><Choice value="Letter"/></Choices>'
        + '<Choices name="pageKind" toName="doc" perItem="true"><Choice value="Cover"/><Choice value="Body"/></Choices><Rating name="quality" toName="doc"/></View>',
      data: { pdf: pdfDataUrl() },
      expectTypes: ['choices', 'rating'],
      label: async (_editor, p) => {
        await p.locator('[data-testid=pdf-doc][data-rendered-page="1"]').waitFor();
        if ((await p.getByTestId('pdf-doc').getAttribute('data-pages')) !== '2') throw new StepFailure('the PDF does not have 2 pages');
        await p.getByTestId('own-choice-kind-Invoice').check();
        await p.getByTestId('own-choice-pageKind-Cover').check();
        await p.getByTestId('pdf-next-doc').click();
        await p.locator('[data-testid=pdf-doc][data-rendered-page="2"]').waitFor();
        await p.getByTestId('own-choice-pageKind-Body').check();
        await p.getByTestId('own-rating-quality-4').click();
      },
    });
    const pages = result.filter((i) => i.from_name === 'pageKind').map((i) => `${i.item_index}:${i.value.choices}`).sort();
    if (JSON.stringify(pages) !== JSON.stringify(['0:Cover', '1:Body'])) throw new StepFailure(`page classifications: ${JSON.stringify(pages)}`);
  });

  await family('videorectangle', 'VideoRectangle (ours): a box on frame 1, moved on frame 6 (two keyframes); export equals; Data Manager; reopen', async () => {
    const result = await labelFamily(page, {
      name: 'videorectangle',
      dataManager: true,
      config: '<View><Video name="video" value="$video" frameRate="25"/><VideoRectangle name="box" toName="video"/>'
        + '<Labels name="lbl" toName="video"><Label value="Car"/><Label value="Person"/></Labels></View>',
      data: { video },
      expectTypes: ['videorectangle'],
      label: async (_editor, p) => {
        const player = p.getByTestId('video-box');
        await p.locator('[data-testid=video-box]:not([data-frames=""])').waitFor();
        await p.getByTestId('video-label-Person').click();
        // page.mouse does not scroll: the player must be in the viewport before drawing on it
        await player.locator('.konvajs-content').scrollIntoViewIfNeeded();
        const stageBox = await player.locator('.konvajs-content').boundingBox();
        await drag(p, stageBox, [0.1, 0.1], [0.4, 0.5]);
        await waitUntil('a box', async () => (await player.getAttribute('data-regions')) === '1', 5_000);
        for (let i = 0; i < 5; i++) await p.getByTestId('video-next-box').click();
        await waitUntil('frame 6', async () => (await player.getAttribute('data-frame')) === '6', 5_000);
        // drag the box (its middle) to the right: a keyframe on frame 6 (measured again: the buttons scrolled)
        await player.locator('.konvajs-content').scrollIntoViewIfNeeded();
        await drag(p, await player.locator('.konvajs-content').boundingBox(), [0.25, 0.3], [0.55, 0.4]);
        await waitUntil('two keyframes', async () => (await p.getByTestId('video-keyframe').count()) === 2, 5_000);
      },
    });
    const box = expectItem(result, (i) => i.type === 'videorectangle', 'videorectangle');
    const seq = box.value.sequence;
    if (seq.length !== 2 || seq[0].frame !== 1 || seq[1].frame !== 6 || !(seq[1].x > seq[0].x)) throw new StepFailure(`sequence: ${JSON.stringify(seq)}`);
    if (JSON.stringify(box.value.labels) !== '["Person"]' || Math.abs(seq[1].time - 6 / 25) > 1e-6) throw new StepFailure(`value: ${JSON.stringify(box.value)}`);
  });

  await family('video', 'Video (the editor\'s <Video>) + classification; export equals; Data Manager; reopen', async () => {
    await labelFamily(page, {
      name: 'video',
      dataManager: true,
      config: '<View><Video name="video" value="$video"/><Choices name="daytime" toName="video"><Choice value="Day"/><Choice value="Night"/></Choices></View>',
      data: { video },
      expectTypes: ['choices'],
      label: async (editor) => {
        await editor.locator('video').first().waitFor();
        await editor.getByText(/^Night/).first().click();
      },
    });
  });

  await family('image-regions', 'KeyPoint, Ellipse and Brush on an image; export equals; Data Manager; reopen', async () => {
    await labelFamily(page, {
      name: 'image-regions',
      dataManager: true,
      config: '<View><Image name="img" value="$image"/><KeyPointLabels name="kp" toName="img" strokeWidth="3"><Label value="Eye"/></KeyPointLabels>'
        + '<EllipseLabels name="el" toName="img"><Label value="Ball"/></EllipseLabels><BrushLabels name="br" toName="img"><Label value="Sky"/></BrushLabels></View>',
      data: { image },
      expectTypes: ['keypointlabels', 'ellipselabels', 'brushlabels'],
      label: async (editor, p) => {
        const stageEl = editor.locator('.konvajs-content').first();
        await stageEl.waitFor();
        const box = await stageEl.boundingBox();
        await editor.getByText(/^Eye/).first().click();
        await clickAt(p, box, [0.2, 0.2]);
        await p.keyboard.press('Escape');
        await editor.getByText(/^Ball/).first().click();
        await drag(p, box, [0.5, 0.5], [0.65, 0.65]);
        await p.keyboard.press('Escape');
        await editor.getByText(/^Sky/).first().click();
        await drag(p, box, [0.1, 0.8], [0.4, 0.85]);
        await p.keyboard.press('Escape');
      },
    });
  });

  await family('image-tools', 'Rectangle, Polygon, KeyPoint, Ellipse and Brush without labels (each its own tool); export equals; Data Manager; reopen', async () => {
    const result = await labelFamily(page, {
      name: 'image-tools',
      dataManager: true,
      config: '<View><Image name="img" value="$image"/><Rectangle name="rect" toName="img"/><Polygon name="poly" toName="img"/>'
        + '<KeyPoint name="kp" toName="img" strokeWidth="3"/><Ellipse name="ell" toName="img"/><Brush name="brush" toName="img"/></View>',
      data: { image },
      expectTypes: ['rectangle', 'polygon', 'keypoint', 'ellipse', 'brush'],
      label: async (editor, p) => {
        const stageEl = editor.locator('.konvajs-content').first();
        await stageEl.waitFor();
        const box = await stageEl.boundingBox();
        // no labels to click: each control is a tool of the image's toolbar (LSF names its buttons by the tool's type)
        const tool = async (name) => {
          await editor.locator(`button[aria-label="${name}"]`).first().click();
          await p.waitForTimeout(150);
        };
        await tool('rectangle-tool');
        await drag(p, box, [0.05, 0.05], [0.25, 0.25]);
        await p.keyboard.press('Escape');
        await tool('polygon-tool');
        for (const point of [[0.6, 0.1], [0.85, 0.12], [0.8, 0.35], [0.6, 0.1]]) {
          await clickAt(p, box, point);
          await p.waitForTimeout(150);
        }
        await p.keyboard.press('Escape');
        await tool('key-point-tool');
        await clickAt(p, box, [0.3, 0.6]);
        await p.keyboard.press('Escape');
        await tool('ellipse-tool');
        await drag(p, box, [0.5, 0.5], [0.65, 0.65]);
        await p.keyboard.press('Escape');
        await tool('brush-tool');
        await drag(p, box, [0.1, 0.85], [0.4, 0.9]);
        await p.keyboard.press('Escape');
      },
    });
    for (const [type, from] of [['rectangle', 'rect'], ['polygon', 'poly'], ['keypoint', 'kp'], ['ellipse', 'ell'], ['brush', 'brush']]) {
      const item = expectItem(result, (i) => i.type === type, type);
      if (item.from_name !== from || item.to_name !== 'img') throw new StepFailure(`${type}: ${JSON.stringify(item)}`);
    }
  });

  await family('relations', 'A <Relations> list: two NER spans and a relation labelled "works at"; export equals; Data Manager; reopen', async () => {
    const result = await labelFamily(page, {
      name: 'relations',
      dataManager: true,
      config: '<View><Relations><Relation value="works at"/><Relation value="knows"/></Relations>'
        + '<Labels name="ner" toName="text"><Label value="PER"/><Label value="ORG"/></Labels><Text name="text" value="$text"/></View>',
      data: { text: 'Anna works at Acme since spring.' },
      expectTypes: ['labels', 'relation'],
      label: async (editor, p) => {
        await editor.getByText(/^PER/).first().click();
        await selectWord(p, 'Anna');
        await editor.getByText(/^ORG/).first().click();
        await selectWord(p, 'Acme');
        await editor.locator('.htx-highlight').nth(1).waitFor();
        await editor.locator('.htx-highlight').first().click();
        await p.keyboard.press('Alt+r');
        await editor.locator('.htx-highlight').nth(1).click();
        await p.waitForTimeout(200);
        await p.keyboard.press('Escape');
        // the relation's labels: its "more" button in the side panel's relation list opens a select of the <Relation>s
        await editor.locator('[class*="relations"] [aria-label="more"]').first().click();
        await editor.locator('[class*="relations"] .ant-select-selector').first().click();
        await editor.locator('.ant-select-item-option').filter({ hasText: 'works at' }).first().click();
        await p.keyboard.press('Escape');
      },
    });
    const relation = expectItem(result, (i) => i.type === 'relation', 'relation');
    if (JSON.stringify(relation.labels) !== '["works at"]') throw new StepFailure(`relation labels: ${JSON.stringify(relation)}`);
  });

  await family('paragraphs', 'Paragraphs: a span in a dialogue; export equals; Data Manager; reopen', async () => {
    await labelFamily(page, {
      name: 'paragraphs',
      dataManager: true,
      config: '<View><ParagraphLabels name="pl" toName="dialogue"><Label value="Greeting"/></ParagraphLabels><Paragraphs name="dialogue" value="$dialogue" layout="dialogue"/></View>',
      data: { dialogue: [{ author: 'Ann', text: 'Hello there, Bob.' }, { author: 'Bob', text: 'Good morning.' }] },
      expectTypes: ['paragraphlabels'],
      label: async (editor, p) => {
        await editor.getByText(/^Greeting/).first().click();
        await selectWord(p, 'Hello');
      },
    });
  });

  await family('timeseries', 'TimeSeries: a range; export equals; Data Manager; reopen', async () => {
    await labelFamily(page, {
      name: 'timeseries',
      dataManager: true,
      config: '<View><TimeSeriesLabels name="tl" toName="ts"><Label value="Run"/></TimeSeriesLabels>'
        + '<TimeSeries name="ts" value="$ts" valueType="json" timeColumn="time"><Channel column="speed"/></TimeSeries></View>',
      data: { ts: { time: Array.from({ length: 50 }, (_, i) => i), speed: Array.from({ length: 50 }, (_, i) => Math.round(10 * Math.sin(i / 5) * 100) / 100) } },
      expectTypes: ['timeserieslabels'],
      label: async (editor, p) => {
        await editor.getByText(/^Run/).first().click();
        // the channel's chart (not the overview below it, whose brush only scrolls)
        const chart = editor.locator('.htx-timeseries-channel svg').first();
        await chart.waitFor();
        await drag(p, await chart.boundingBox(), [0.3, 0.5], [0.6, 0.5]);
      },
    });
  });

  await family('pairwise', 'Pairwise: pick the left one; export equals; Data Manager; reopen', async () => {
    await labelFamily(page, {
      name: 'pairwise',
      dataManager: true,
      config: '<View style="display: flex; flex-direction: column"><Pairwise name="pw" toName="left,right"/><Text name="left" value="$left"/><Text name="right" value="$right"/></View>',
      data: { left: 'The left answer.', right: 'The right answer.' },
      expectTypes: ['pairwise'],
      label: async (editor) => {
        await editor.getByText('The left answer.').first().click();
      },
    });
  });

  await family('hypertext', 'HyperText: a span; export equals; Data Manager; reopen', async () => {
    await labelFamily(page, {
      name: 'hypertext',
      dataManager: true,
      config: '<View><HyperTextLabels name="hl" toName="html"><Label value="Name"/></HyperTextLabels><HyperText name="html" value="$html"/></View>',
      data: { html: '<div><p>Mary <b>Smith</b> lives in Paris.</p></div>' },
      expectTypes: ['hypertextlabels'],
      label: async (editor, p) => {
        await editor.getByText(/^Name/).first().click();
        await selectWord(p, 'Paris');
      },
    });
  });

  await family('table-markdown', 'Table (the editor\'s) beside a classified Text; Markdown (not in LSF 1.4.0) listed as not labelable; export equals; reopen', async () => {
    await labelFamily(page, {
      name: 'table-markdown',
      config: '<View><Markdown name="md" value="$md"/><Table name="meta" value="$meta"/><Text name="text" value="$text"/>'
        + '<Choices name="topic" toName="text"><Choice value="Sport"/><Choice value="Weather"/></Choices></View>',
      data: { md: '# Notes', meta: { source: 'wire', words: 5 }, text: 'Rain all week in the north.' },
      expectTypes: ['choices'],
      label: async (editor, p) => {
        await editor.getByText('wire').first().waitFor();
        const notYet = (await p.getByTestId('not-labelable').textContent()) ?? '';
        if (!notYet.includes('Markdown')) throw new StepFailure(`the page does not list Markdown as not labelable: "${notYet}"`);
        await editor.getByText(/^Weather/).first().click();
      },
    });
  });

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  log(`families done in ${seconds} s`);
  await page.screenshot({ path: join(ARTIFACTS, 'families-last.png'), fullPage: true });
  if (familyFailures.length) throw new StepFailure(`${familyFailures.length} data-type famil${familyFailures.length === 1 ? 'y' : 'ies'} failed:\n  ${familyFailures.join('\n  ')}`);
  await expectNoErrors(page, 'labeling-errors');
}

process.exit(await runBrowser(run, { script: 'families.mjs', limitMs: LIMIT_MS }));
