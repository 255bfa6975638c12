// @vitest-environment jsdom
// jsdom, not happy-dom: DOMPurify supports jsdom, and happy-dom leaves event handlers in place (measured).
import { describe, expect, it, vi } from 'vitest';
import type { Annotation } from '../shared/api/types';
import {
  dateTimeInput, dateTimeResult, dateTimeValues, describePrediction, LSF_REGISTERED_TAGS, mediaSource, mergeResult, prepareConfig, prepareData,
  sanitizeHtml, splitResult, toLsfAnnotation, toLsfPredictions, type ResultItem,
} from './bridge';

const proxied = (url: string) => `/api/projects/p1/media?url=${encodeURIComponent(url)}`;
const notProxied = (url: string) => url;

const box: ResultItem = {
  original_width: 640, original_height: 480, image_rotation: 0,
  value: { x: 10, y: 20, width: 30, height: 40, rotation: 0, rectanglelabels: ['Cat'] },
  id: 'r1', from_name: 'box', to_name: 'img', type: 'rectanglelabels', origin: 'manual',
};

describe('prepareConfig', () => {
  it('parses nothing while there is no config yet (Chromium reports the parse error document as a CSP violation)', () => {
    const parse = vi.spyOn(DOMParser.prototype, 'parseFromString');
    try {
      expect(prepareConfig('')).toEqual({ config: '', removed: [], editorControls: [] });
      expect(prepareConfig('  \n')).toEqual({ config: '  \n', removed: [], editorControls: [] });
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
    }
  });

  it('gives LSF a config without the tags it lacks and keeps every other tag', () => {
    const xml = '<View><Text name="text" value="$text"/><Labels name="ner" toName="text"><Label value="PER"/></Labels>'
      + '<DateTime name="when" toName="text" only="date" required="true"/><Choices name="c" toName="text"><Choice value="A"/></Choices></View>';
    const p = prepareConfig(xml);
    expect(p.config).not.toContain('DateTime');
    expect(p.config).toContain('<Labels name="ner" toName="text">');
    expect(p.config).toContain('<Choices name="c" toName="text">');
    expect(p.removed).toEqual([{ tag: 'DateTime', name: 'when', toName: 'text', attributes: { name: 'when', toName: 'text', only: 'date', required: 'true' }, options: [] }]);
    expect(p.editorControls).toEqual(['ner', 'c']);
  });

  it('removes what LSF 1.4.0 has no model for (Markdown, MagicWand) instead of letting the whole config fail', () => {
    const p = prepareConfig('<View><Markdown name="md" value="$md"/><Image name="img" value="$image"/>'
      + '<MagicWand name="wand" toName="img"/><RectangleLabels name="box" toName="img"><Label value="Cat"/></RectangleLabels></View>');
    expect(p.config).not.toContain('Markdown');
    expect(p.config).not.toContain('MagicWand');
    expect(p.config).toContain('<RectangleLabels name="box" toName="img">');
    expect(p.removed.map((r) => r.tag)).toEqual(['Markdown', 'MagicWand']);
    expect(p.editorControls).toEqual(['box']);
  });

  it('removes any tag LSF 1.4.0 does not register (a newer or Enterprise tag) and the controls on it, so the rest still loads', () => {
    const p = prepareConfig('<View><Video name="video" value="$video"/><TimelineLabels name="tl" toName="video"><Label value="Run"/></TimelineLabels>'
      + '<Chat name="chat" value="$chat"/><TextArea name="reply" toName="chat"/>'
      + '<Choices name="scene" toName="video"><Choice value="Day"/></Choices></View>');
    expect(p.config).not.toContain('TimelineLabels');
    expect(p.config).not.toContain('Chat');
    expect(p.config).not.toContain('reply');
    expect(p.config).toContain('<Choices name="scene" toName="video">');
    expect(p.removed.map((r) => `${r.tag}:${r.name}`)).toEqual(['TimelineLabels:tl', 'Chat:chat', 'TextArea:reply']);
    expect(p.editorControls).toEqual(['scene']);
  });

  it('keeps every tag LSF registers, in any case, and what we render ourselves', () => {
    const xml = '<View><Header value="Rate"/><Style>.x{}</Style><Text name="text" value="$text"/><Choices name="c" toName="text"><Choice value="A"/></Choices>'
      + '<Relations><Relation value="r"/></Relations><Labels name="l" toName="text"><Label value="L"/></Labels></View>';
    expect(prepareConfig(xml)).toEqual({ config: xml, removed: [], editorControls: ['c', 'l'] });
    expect(LSF_REGISTERED_TAGS.has('timeserieslabels')).toBe(true);
  });

  it('gives LSF HyperText inline (its nested srcdoc frames cannot load inside our sandbox), unless the config says', () => {
    expect(prepareConfig('<View><HyperText name="h" value="$html"/></View>').config).toContain('<HyperText name="h" value="$html" inline="true"/>');
    expect(prepareConfig('<View><HyperText name="h" value="$html" inline="false"/></View>').config).toContain('inline="false"');
  });

  it('removes a Pdf object, the newer Ranker\'s List and the controls that only target them', () => {
    const xml = '<View><Pdf name="doc" value="$pdf"/><Choices name="kind" toName="doc"><Choice value="Invoice"/></Choices>'
      + '<List name="results" value="$items" title="Results"/><Ranker name="rank" toName="results"/>'
      + '<Video name="video" value="$video"/><VideoRectangle name="track" toName="video"/><Labels name="l" toName="video"><Label value="x"/></Labels></View>';
    const p = prepareConfig(xml);
    // a Video with a VideoRectangle is ours too (one player), and so are its other controls (ADR 0035)
    expect(p.removed.map((r) => `${r.tag}:${r.name}`)).toEqual(['Pdf:doc', 'Choices:kind', 'List:results', 'Ranker:rank', 'Video:video', 'VideoRectangle:track', 'Labels:l']);
    expect(p.removed.find((r) => r.name === 'kind')?.options).toEqual([{ tag: 'Choice', attributes: { value: 'Invoice' } }]);
    expect(p.config).not.toMatch(/Pdf|List|Ranker|Video|Invoice/);
    expect(p.editorControls).toEqual([]);
  });

  it('gives LSF <AudioPlus> for the older <Audio> it cannot load, with the same name and value', () => {
    const p = prepareConfig('<View><Labels name="kind" toName="audio"><Label value="Speech"/></Labels><Audio name="audio" value="$audio" hotkey="a"/></View>');
    expect(p.config).toContain('<AudioPlus name="audio" value="$audio" hotkey="a"/>');
    expect(p.config).not.toContain('<Audio ');
    expect(p.removed).toEqual([]);
    expect(p.editorControls).toEqual(['kind']);
  });

  it('leaves a config LSF knows exactly as it is', () => {
    const xml = '<View>\n  <Image name="img" value="$image"/>\n  <RectangleLabels name="box" toName="img"><Label value="Cat"/></RectangleLabels>\n</View>';
    expect(prepareConfig(xml)).toEqual({ config: xml, removed: [], editorControls: ['box'] });
  });
});

describe('task data for the editor', () => {
  const objects = [
    { name: 'img', type: 'Image', valueField: 'image' },
    { name: 'html', type: 'HyperText', valueField: 'html' },
    { name: 'text', type: 'Text', valueField: 'text' },
    { name: 'audio', type: 'Audio', valueField: 'audio' },
  ];

  it('sanitizes HyperText and leaves Text (rendered as text by LSF) and the stored data unchanged', () => {
    const data = { html: '<p onclick="x()">Hi <img src=x onerror="alert(1)"><script>alert(2)</script><a href="javascript:alert(3)">l</a><svg onload="alert(4)"></svg></p>', text: '<b>a < b</b>' };
    const p = prepareData(data, objects, notProxied);
    const html = p.data.html as string;
    expect(html).toContain('Hi');
    expect(html).not.toMatch(/onerror|onclick|onload|<script|javascript:/i);
    expect(p.data.text).toBe('<b>a < b</b>');
    expect(data.html).toContain('onerror');
  });

  it('fetches proxied and same-origin media with the session, passes data:image as is, refuses javascript: and data:text/html', () => {
    const p = prepareData({ image: 'https://cdn.example.com/cat.png', audio: 'javascript:alert(1)' }, objects, proxied);
    expect(p.fetch).toEqual({ image: '/api/projects/p1/media?url=https%3A%2F%2Fcdn.example.com%2Fcat.png' });
    expect(p.refused).toEqual(['audio']);
    expect(p.data.audio).toBe('');
    expect(mediaSource('data:image/png;base64,iVBOR', proxied)).toEqual({ kind: 'as-is', url: 'data:image/png;base64,iVBOR' });
    expect(mediaSource('data:audio/wav;base64,UklGR', proxied).kind).toBe('as-is');
    expect(mediaSource('data:text/html,<script>alert(1)</script>', proxied).kind).toBe('refused');
    expect(mediaSource('data:image/svg+xml,<svg onload=alert(1)>', proxied).kind).toBe('refused');
    expect(mediaSource(' JavaScript:alert(1)', proxied).kind).toBe('refused');
    expect(mediaSource('//evil.example/x.png', proxied).kind).toBe('refused');
    expect(mediaSource('/data/upload/1/cat.png', proxied)).toEqual({ kind: 'fetch', url: '/data/upload/1/cat.png' });
    expect(mediaSource('https://cdn.example.com/cat.png', notProxied)).toEqual({ kind: 'as-is', url: 'https://cdn.example.com/cat.png' });
  });

  it('sanitizeHtml keeps markup that carries no script', () => {
    expect(sanitizeHtml('<p>Hello <b>world</b> <a href="https://example.com">x</a></p>')).toBe('<p>Hello <b>world</b> <a href="https://example.com">x</a></p>');
  });
});

describe('annotations and predictions for the editor', () => {
  const annotation = (result: unknown): Annotation => ({
    id: 'a1', taskId: 't1', author: { id: 'u1', displayName: 'Ann' }, result: result as never, leadTimeSeconds: 3,
    createdAt: '2030-01-01T00:00:00Z', updatedAt: '2030-01-01T00:00:00Z',
  });

  it('gives LSF the results of its controls and relations, and keeps the rest aside for the update', () => {
    const relation = { from_id: 'r1', to_id: 'r2', type: 'relation', direction: 'right', labels: [] };
    const pdf = { id: 'p1', from_name: 'kind', to_name: 'doc', type: 'choices', value: { choices: ['Invoice'] } };
    const result = [box, { ...box, id: 'r2' }, relation, pdf];
    // a relation has no from_name: it is not a result item of a control, yet it belongs to the editor
    expect(splitResult(result, ['box']).aside).toEqual([pdf]);
    expect(toLsfAnnotation(annotation(result), ['box'])).toMatchObject({ id: 'a1', pk: 'a1', createdBy: 'Ann', result: [box, { ...box, id: 'r2' }, relation] });
  });

  it('maps predictions with their score and model version', () => {
    const lsf = toLsfPredictions([{ modelVersion: 'v3', score: 0.875, result: [box] as never }], ['box']);
    expect(lsf).toEqual([{ id: 'prediction-1', pk: 'prediction-1', result: [box], score: 0.875, model_version: 'v3', createdBy: 'model v3' }]);
    expect(describePrediction({ modelVersion: 'v3', score: 0.875, result: [] })).toBe('model v3 · score 0.88');
    expect(describePrediction({ modelVersion: null, score: null, result: [] })).toBe('model unknown');
  });
});

describe('the result to store', () => {
  it('is LSF\'s serialized result byte for byte, then our DateTime items, then what the editor was not shown', () => {
    const fromLsf = JSON.parse(JSON.stringify([box, { value: { start: 0, end: 4, text: 'Anna', labels: ['PER'] }, id: 'n1', from_name: 'ner', to_name: 'text', type: 'labels', origin: 'manual' }]));
    const when = dateTimeResult({ tag: 'DateTime', name: 'when', toName: 'text', attributes: {} }, '2024-01-31T14:05', 'd1')!;
    const pdf: ResultItem = { id: 'p1', from_name: 'kind', to_name: 'doc', type: 'choices', value: { choices: ['Invoice'] } };
    const merged = mergeResult(fromLsf, [when], [pdf]);
    expect(JSON.stringify(merged.slice(0, 2))).toBe(JSON.stringify(fromLsf));
    expect(merged.slice(2)).toEqual([when, pdf]);
  });

  it('keeps the relations LSF serializes (they have no from_name)', () => {
    const fromLsf = [box, { ...box, id: 'r2' }, { from_id: 'r1', to_id: 'r2', type: 'relation', direction: 'right' }];
    expect(mergeResult(fromLsf, [], [])).toEqual(fromLsf);
  });

  it('drops items kept aside once the editor or our controls produce that control again', () => {
    const old: ResultItem = { id: 'd0', from_name: 'when', to_name: 'text', type: 'datetime', value: { datetime: '2020-01-01T00:00' } };
    const now = dateTimeResult({ tag: 'DateTime', name: 'when', toName: 'text', attributes: {} }, '2024-01-31T14:05', 'd0')!;
    expect(mergeResult([], [now], [old])).toEqual([now]);
    expect(mergeResult(null, [], [])).toEqual([]);
  });
});

describe('DateTime', () => {
  it('picks the input from only= as Label Studio does', () => {
    expect(dateTimeInput(undefined)).toBe('datetime-local');
    expect(dateTimeInput('date,time')).toBe('datetime-local');
    expect(dateTimeInput('date')).toBe('date');
    expect(dateTimeInput('date,month')).toBe('date');
    expect(dateTimeInput('time')).toBe('time');
    expect(dateTimeInput('month,year')).toBe('month');
    expect(dateTimeInput('year')).toBe('year');
  });

  it('writes and reads Label Studio\'s datetime items; an empty input gives none', () => {
    const c = { tag: 'DateTime', name: 'when', toName: 'text,other', attributes: { only: 'date' } };
    const item = dateTimeResult(c, '2024-01-31', 'd1');
    expect(item).toEqual({ id: 'd1', from_name: 'when', to_name: 'text', type: 'datetime', value: { datetime: '2024-01-31' }, origin: 'manual' });
    expect(dateTimeResult(c, '  ', 'd1')).toBeNull();
    expect(dateTimeValues([item, box])).toEqual({ when: { value: '2024-01-31', id: 'd1' } });
  });
});
