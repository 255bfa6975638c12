// @vitest-environment jsdom
// Our own tags' result shapes (ADR 0035), both ways: a stored Label Studio item -> component state -> the same item.
import { describe, expect, it } from 'vitest';
import { prepareConfig, type ResultItem } from '../bridge';
import { setClassic, classicItem, missingRequired } from './classic';
import { pdfSource, videoSource } from './media';
import { planOwnTags } from './own';
import { LEFT_IN_LIST, listItems, moveItem, rankerItem, rankerModel } from './ranker';
import { frameAt, frameRate, regionItem, regionsOf, seekTime, setKeyframe, shapeAt, toggleAlive } from './videoRectangle';

const CONFIG = '<View>'
  + '<Pdf name="doc" value="$pdf"/><Choices name="kind" toName="doc"><Choice value="Invoice"/><Choice value="Letter"/></Choices>'
  + '<Choices name="pageKind" toName="doc" perItem="true"><Choice value="Cover"/><Choice value="Body"/></Choices>'
  + '<List name="results" value="$items" title="Results"/><Ranker name="rank" toName="results"/>'
  + '<Ranker name="sort" toName="results"><Bucket name="good" title="Good"/><Bucket name="bad" title="Bad"/></Ranker>'
  + '<Video name="video" value="$video" frameRate="10"/><VideoRectangle name="box" toName="video"/>'
  + '<Labels name="lbl" toName="video"><Label value="Car"/><Label value="Person"/></Labels>'
  + '<Taxonomy name="tax" toName="doc"><Choice value="A"/></Taxonomy>'
  + '<Text name="t" value="$text"/><Choices name="c" toName="t"><Choice value="X"/></Choices></View>';

const prepared = prepareConfig(CONFIG);
const plan = planOwnTags(prepared.removed);
const control = (name: string) => prepared.removed.find((c) => c.name === name)!;

describe('planOwnTags', () => {
  it('renders Pdf, List and a Video with boxes ourselves, their controls too; the rest stays listed', () => {
    expect(plan.objects.map((o) => o.name)).toEqual(['doc', 'results', 'video']);
    expect(plan.rankers.map((c) => c.name)).toEqual(['rank', 'sort']);
    expect(plan.videoRectangles.map((c) => c.name)).toEqual(['box']);
    expect(plan.boxLabels.map((c) => c.name)).toEqual(['lbl']);
    expect(plan.classics.map((c) => c.name)).toEqual(['kind', 'pageKind']);
    expect(plan.unsupported.map((c) => c.name)).toEqual(['tax']);
    expect([...plan.controlNames].sort()).toEqual(['box', 'kind', 'pageKind', 'rank', 'sort']);
    // the editor keeps the Text and its Choices, and no longer shows the video (one player: ours)
    expect(prepared.editorControls).toEqual(['c']);
    expect(prepared.config).not.toContain('<Video');
  });
});

describe('classic controls on a Pdf', () => {
  const stored: ResultItem = { id: 'k1', from_name: 'kind', to_name: 'doc', type: 'choices', value: { choices: ['Invoice'] }, origin: 'manual', extra: 1 };

  it('keeps a stored item unchanged until its value changes, then keeps its other keys', () => {
    const items = [stored];
    expect(classicItem(items, control('kind'), null)).toBe(stored);
    const changed = setClassic(items, control('kind'), null, ['Letter']);
    expect(changed).toEqual([{ ...stored, value: { choices: ['Letter'] } }]);
    expect(setClassic(changed, control('kind'), null, [])).toEqual([]);
  });

  it('a perItem control classifies each page with Label Studio\'s item_index', () => {
    let items: ResultItem[] = [];
    items = setClassic(items, control('pageKind'), 0, ['Cover']);
    items = setClassic(items, control('pageKind'), 1, ['Body']);
    expect(items.map((i) => [i.item_index, i.value, i.type, i.from_name, i.to_name])).toEqual([
      [0, { choices: ['Cover'] }, 'choices', 'pageKind', 'doc'], [1, { choices: ['Body'] }, 'choices', 'pageKind', 'doc']]);
    expect(missingRequired(items, [{ ...control('kind'), attributes: { ...control('kind').attributes, required: 'true' } }])).toEqual(['kind']);
  });
});

describe('ranker with <List>', () => {
  const items = listItems([{ id: 'blog', title: 'B' }, { id: 'mdn', title: 'M', body: 'text' }, { title: 'no id' }]);

  it('reads the List items ({id, title, body}; an item without id gets its index)', () => {
    expect(items).toEqual([{ id: 'blog', title: 'B', body: '' }, { id: 'mdn', title: 'M', body: 'text' }, { id: '2', title: 'no id', body: '' }]);
  });

  it('a plain ranking is one column named after the Ranker, as Label Studio writes it', () => {
    const model = rankerModel(control('rank'), 'Results', items);
    expect(model.columns).toEqual([{ id: 'rank', title: 'Results' }]);
    const moved = moveItem(model, 'mdn', 'rank', 0);
    expect(rankerItem(control('rank'), moved, undefined)).toMatchObject({ from_name: 'rank', to_name: 'results', type: 'ranker', value: { ranker: { rank: ['mdn', 'blog', '2'] } } });
  });

  it('with buckets: the items left in the list are the "_" column', () => {
    const model = moveItem(rankerModel(control('sort'), 'Results', items), 'blog', 'bad', 0);
    expect(model.columns.map((c) => c.id)).toEqual([LEFT_IN_LIST, 'good', 'bad']);
    expect(rankerItem(control('sort'), model, undefined).value).toEqual({ ranker: { _: ['mdn', '2'], good: [], bad: ['blog'] } });
  });

  it('stored item -> model -> the same item', () => {
    const stored: ResultItem = { id: 'r9', from_name: 'sort', to_name: 'results', type: 'ranker', origin: 'manual', value: { ranker: { _: ['2'], good: ['mdn'], bad: ['blog'] } } };
    const model = rankerModel(control('sort'), 'Results', items, stored.value.ranker);
    expect(rankerItem(control('sort'), model, stored)).toEqual(stored);
  });

  it('a plain ranking stored under the List\'s name is read as the Ranker\'s column; unknown ids are dropped', () => {
    const model = rankerModel(control('rank'), 'Results', items, { results: ['2', 'nope', 'mdn'] });
    expect(model.itemIds).toEqual({ rank: ['2', 'mdn', 'blog'] });
  });
});

describe('videorectangle', () => {
  const video = control('video');
  const box = control('box');
  const fps = frameRate(video);

  it('reads frameRate (25 by default) and numbers frames from 1', () => {
    expect(fps).toBe(10);
    expect(frameRate(undefined)).toBe(25);
    expect(frameAt(0, 10)).toBe(1);
    expect(frameAt(0.1, 10)).toBe(2);
    expect(frameAt(seekTime(7, 10), 10)).toBe(7);
  });

  it('interpolates between keyframes and ends at a disabled one', () => {
    let r = setKeyframe({ id: 'v1', labels: ['Car'], sequence: [] }, 1, { x: 10, y: 10, width: 20, height: 20, rotation: 0 });
    r = setKeyframe(r, 5, { x: 30, y: 10, width: 20, height: 20, rotation: 0 });
    expect(shapeAt(r, 3)).toEqual({ x: 20, y: 10, width: 20, height: 20, rotation: 0 });
    expect(shapeAt(r, 9)).toEqual({ x: 30, y: 10, width: 20, height: 20, rotation: 0 });
    r = toggleAlive(r, 7);
    expect(shapeAt(r, 8)).toBeNull();
    expect(r.sequence.map((k) => [k.frame, k.enabled])).toEqual([[1, true], [5, true], [7, false]]);
  });

  it('writes Label Studio\'s videorectangle item (time = frame / fps, labels in the value)', () => {
    let r = setKeyframe({ id: 'v1', labels: ['Car'], sequence: [] }, 1, { x: 10, y: 10, width: 20, height: 20, rotation: 0 });
    r = setKeyframe(r, 6, { x: 95, y: 10, width: 20, height: 20, rotation: 0 });
    const item = regionItem(r, box, fps, 2);
    expect(item).toMatchObject({ id: 'v1', from_name: 'box', to_name: 'video', type: 'videorectangle', origin: 'manual' });
    expect(item.value).toEqual({
      framesCount: 20, duration: 2, labels: ['Car'],
      sequence: [
        { frame: 1, enabled: true, rotation: 0, x: 10, y: 10, width: 20, height: 20, time: 0.1 },
        // clamped inside the frame, as the server requires
        { frame: 6, enabled: true, rotation: 0, x: 80, y: 10, width: 20, height: 20, time: 0.6 },
      ],
    });
  });

  it('stored item -> regions -> the same item', () => {
    const stored: ResultItem = {
      id: 'v7', from_name: 'box', to_name: 'video', type: 'videorectangle', origin: 'prediction', meta: { text: ['n'] },
      value: { framesCount: 20, duration: 2, labels: ['Person'], sequence: [
        { frame: 2, enabled: true, rotation: 0, x: 1, y: 2, width: 3, height: 4, time: 0.2 },
        { frame: 4, enabled: false, rotation: 0, x: 1, y: 2, width: 3, height: 4, time: 0.4 }] },
    };
    const [region] = regionsOf([stored], box);
    expect(region.labels).toEqual(['Person']);
    expect(regionItem(region, box, fps, 2)).toEqual(stored);
  });
});

describe('media of our tags', () => {
  const proxied = (u: string) => `/api/projects/p/media?url=${encodeURIComponent(u)}`;
  const direct = (u: string) => u;

  it('a PDF comes from a data:application/pdf URL or a same-origin fetch, never a script URL', () => {
    const s = pdfSource(`data:application/pdf;base64,${btoa('%PDF-1.4')}`, direct);
    expect(s.kind === 'bytes' && new TextDecoder().decode(s.data)).toBe('%PDF-1.4');
    expect(pdfSource('https://x.test/a.pdf', proxied)).toEqual({ kind: 'fetch', url: proxied('https://x.test/a.pdf') });
    expect(pdfSource('https://x.test/a.pdf', direct).kind).toBe('refused');
    expect(pdfSource('javascript:alert(1)', proxied).kind).toBe('refused');
    expect(pdfSource('data:text/html;base64,PHNjcmlwdD4=', proxied).kind).toBe('refused');
  });

  it('a video: data:video, http(s), our paths; not javascript:, data:text/html or an image', () => {
    expect(videoSource('data:video/webm;base64,AAAA', direct)).toEqual({ kind: 'url', url: 'data:video/webm;base64,AAAA' });
    expect(videoSource('/files/v.mp4', direct)).toEqual({ kind: 'fetch', url: '/files/v.mp4' });
    expect(videoSource('javascript:alert(1)', direct).kind).toBe('refused');
    expect(videoSource('data:text/html,<script>', direct).kind).toBe('refused');
    expect(videoSource('data:image/png;base64,AAAA', direct).kind).toBe('refused');
  });
});
