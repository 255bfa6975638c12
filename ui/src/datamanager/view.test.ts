import { describe, expect, it } from 'vitest';
import {
  canonicalJson, columnCatalog, decodeView, describeCondition, encodeView, fullColumns, moveColumn, parseValue, serverFilter, toggleColumn,
  visibleColumns, type DataManagerView,
} from './view';
import { matchLabel, selectedCount, selectionLabel } from './selection';
import { cardOf, firstWords, thumbnailOf } from './grid';

const catalog = columnCatalog(
  [{ path: ['meta'], kinds: ['object'] }, { path: ['meta', 'source'], kinds: ['string'] }, { path: ['n'], kinds: ['number'] }],
  [{ name: 'sentiment' }],
);

describe('the Data Manager view', () => {
  it('survives the URL, unicode included', () => {
    const view: DataManagerView = {
      filter: { conjunction: 'OR', conditions: [{ column: 'DATA', path: ['text'], operator: 'CONTAINS', value: 'Grüße 日本' }] },
      orderBy: { field: 'DATA', path: ['n'], direction: 'DESC' },
      columns: [{ key: 'number' }, { key: 'data:n', hidden: false }],
    };
    const encoded = encodeView(view);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeView(encoded)).toEqual(view);
  });

  it('reads a broken or hand-edited link as no view', () => {
    expect(decodeView(null)).toBeNull();
    expect(decodeView('%%%')).toBeNull();
    expect(decodeView(encodeView([] as unknown as DataManagerView))).toBeNull();
  });

  it('offers data fields (not bare objects) and every control\'s labels as columns', () => {
    const keys = catalog.map((c) => c.key);
    expect(keys).toContain('data:meta.source');
    expect(keys).toContain('data:n');
    expect(keys).not.toContain('data:meta');
    expect(catalog.find((c) => c.key === 'labels:sentiment')).toMatchObject({ column: 'LABELS', path: ['sentiment'], type: 'LABELS' });
  });

  it('offers the comment counts as sortable, filterable number columns, hidden until chosen', () => {
    expect(catalog.find((c) => c.key === 'comments')).toMatchObject({ column: 'COMMENTS', type: 'INTEGER', sort: 'COMMENTS', shownByDefault: false });
    expect(catalog.find((c) => c.key === 'unresolvedComments'))
      .toMatchObject({ column: 'UNRESOLVED_COMMENTS', type: 'INTEGER', sort: 'UNRESOLVED_COMMENTS', shownByDefault: false });
  });

  it('offers who is assigned (to annotate, to review) as people columns: filterable with "me", not sortable, hidden until chosen', () => {
    const catalog = columnCatalog([], []);
    for (const column of ['ASSIGNED_ANNOTATORS', 'ASSIGNED_REVIEWERS'] as const) {
      const def = catalog.find((c) => c.column === column);
      expect(def).toMatchObject({ type: 'PEOPLE', shownByDefault: false });
      expect(def?.sort).toBeUndefined();
    }
  });

  it('shows, hides and orders columns', () => {
    const defaults = visibleColumns(catalog, undefined).map((c) => c.key);
    expect(defaults).toEqual(['number', 'data', 'annotations', 'completed', 'review', 'groundTruth', 'updated']);
    let columns = toggleColumn(catalog, undefined, 'data:n');
    columns = toggleColumn(catalog, columns, 'review');
    columns = moveColumn(catalog, columns, 'data:n', -1);
    expect(visibleColumns(catalog, columns).map((c) => c.key))
      .toEqual(['number', 'data', 'annotations', 'completed', 'groundTruth', 'data:n', 'updated']);
    expect(fullColumns(catalog, columns)).toHaveLength(catalog.length);
  });

  it('parses values by column type and operator', () => {
    expect(parseValue('INTEGER', 'GREATER', ' 3 ')).toBe(3);
    expect(parseValue('INTEGER', 'IN_LIST', '1, 2,,3')).toEqual([1, 2, 3]);
    expect(parseValue('NUMBER', 'IN_RANGE', '0.5, 0.9')).toEqual([0.5, 0.9]);
    expect(parseValue('DATA', 'EQUAL', '12')).toBe(12);
    expect(parseValue('DATA', 'CONTAINS', '12')).toBe('12');
    expect(parseValue('DATA', 'IN_LIST', 'web, mail')).toEqual(['web', 'mail']);
    expect(parseValue('BOOLEAN', 'EQUAL', 'false')).toBe(false);
    expect(parseValue('LABELS', 'EMPTY', 'ignored')).toBeUndefined();
  });

  it('sends only what is chosen', () => {
    expect(serverFilter(undefined)).toBeUndefined();
    expect(serverFilter({ conjunction: 'OR', conditions: [] })).toBeUndefined();
    expect(serverFilter({ reviewState: 'PENDING', conditions: [{ column: 'ANNOTATIONS', operator: 'GREATER', value: 0 }] }))
      .toEqual({ reviewState: 'PENDING', conjunction: 'AND', conditions: [{ column: 'ANNOTATIONS', operator: 'GREATER', value: 0 }] });
  });

  it('describes conditions in words', () => {
    expect(describeCondition({ column: 'DATA', path: ['n'], operator: 'IN_RANGE', value: [1, 5] }, 'n')).toBe('n in range 1–5');
    expect(describeCondition({ column: 'LABELS', path: ['s'], operator: 'EMPTY' }, 'Labels: s')).toBe('Labels: s is empty');
  });
});

describe('canonical JSON', () => {
  it('ignores the key order a stored view comes back with', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(canonicalJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }));
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: 2 }));
  });
});

describe('selection and counts', () => {
  it('says how many are selected and how many match, "about" for an estimate', () => {
    expect(selectionLabel({ mode: 'some', ids: new Set(['a', 'b']) }, null)).toBe('2 tasks selected');
    expect(selectionLabel({ mode: 'all' }, { count: 1200, exact: false })).toBe('All about 1200 matching tasks selected');
    expect(selectedCount({ mode: 'all' }, 7)).toBe(7);
    expect(matchLabel({ count: 1, exact: true }, 1, false)).toBe('1 task matches');
    expect(matchLabel({ count: 250000, exact: false }, 50, true)).toBe('about 250000 tasks match');
    expect(matchLabel(null, 50, true)).toBe('50+ matching tasks shown');
  });
});

describe('grid cards', () => {
  it('finds a thumbnail and the first words', () => {
    expect(thumbnailOf({ text: 'hi', meta: { image: 'https://img.example/cat.JPG?x=1' } })).toBe('https://img.example/cat.JPG?x=1');
    expect(thumbnailOf({ text: 'https://example.org/page' })).toBeNull();
    expect(firstWords({ image: 'data:image/png;base64,AAAA', text: 'The quick brown fox jumps over the lazy dog' }, 20)).toBe('The quick brown fox…');
    expect(firstWords({ n: 3 })).toBe('');
  });
});

describe('grid cards from the config', () => {
  it('takes the Image and Text fields the config names', () => {
    const objects = [{ type: 'Image', valueField: 'img' }, { type: 'Text', valueField: 'caption' }];
    expect(cardOf({ caption: 'A cat on a mat', img: '/files/cat', other: 'x' }, objects)).toEqual({ thumbnail: '/files/cat', text: 'A cat on a mat' });
    expect(cardOf({ meta: { source: 'web' }, text: 'Task 12' }, [{ type: 'Text', valueField: 'text' }]).text).toBe('Task 12');
    expect(cardOf({ meta: 'web' }, []).text).toBe('web');
  });
});
