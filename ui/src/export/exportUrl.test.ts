import { describe, expect, it } from 'vitest';
import { EXPORT_FORMAT_LABELS, EXPORT_FORMATS, exportFormatsFor, exportUrl, mayExport } from './exportUrl';

describe('exportUrl', () => {
  it('builds the same-origin download URL with the format', () => {
    expect(exportUrl('0b5e6c1e-1111-4222-8333-444455556666', 'JSON', false)).toBe(
      '/api/projects/0b5e6c1e-1111-4222-8333-444455556666/export?format=JSON',
    );
  });

  it('adds onlyCompleted=true only when asked', () => {
    expect(exportUrl('p1', 'CSV', true)).toBe('/api/projects/p1/export?format=CSV&onlyCompleted=true');
    expect(exportUrl('p1', 'JSON_MIN', false)).not.toContain('onlyCompleted');
    expect(exportUrl('p1', 'JSON', false, true)).toBe('/api/projects/p1/export?format=JSON&onlyGroundTruth=true');
    expect(exportUrl('p1', 'CSV', true, true)).toBe('/api/projects/p1/export?format=CSV&onlyCompleted=true&onlyGroundTruth=true');
    expect(exportUrl('p1', 'CSV', true, false)).not.toContain('onlyGroundTruth');
  });

  it('asks for raw CSV/TSV cells only when asked and only for CSV/TSV (formulas are neutralized by default)', () => {
    expect(exportUrl('p1', 'CSV', false, false, true)).toBe('/api/projects/p1/export?format=CSV&rawValues=true');
    expect(exportUrl('p1', 'TSV', true, false, true)).toBe('/api/projects/p1/export?format=TSV&onlyCompleted=true&rawValues=true');
    expect(exportUrl('p1', 'CSV', false, false, false)).not.toContain('rawValues');
    expect(exportUrl('p1', 'JSON', false, false, true)).not.toContain('rawValues');
  });

  it('encodes the project id', () => {
    expect(exportUrl('a/b?c', 'TSV', false)).toBe('/api/projects/a%2Fb%3Fc/export?format=TSV');
  });

  it('labels every format', () => {
    expect(Object.keys(EXPORT_FORMAT_LABELS)).toEqual([...EXPORT_FORMATS]);
  });
});

describe('exportFormatsFor', () => {
  const image = { name: 'img', type: 'Image', valueField: 'image' };
  const box = { name: 'box', type: 'RectangleLabels', toName: ['img'], options: ['Cat'], choice: null, required: false };
  const choices = { name: 's', type: 'Choices', toName: ['text'], options: ['A'], choice: null, required: false };

  it('offers the computer-vision formats for image projects with boxes or polygons', () => {
    expect(exportFormatsFor({ objects: [image], controls: [box] })).toEqual(
      EXPORT_FORMATS.filter((f) => f !== 'CONLL2003' && f !== 'BRUSH_PNG'),
    );
    expect(exportFormatsFor({ objects: [image], controls: [{ ...box, type: 'PolygonLabels' }] })).toContain('YOLO_OBB');
  });

  it('offers only the Label Studio formats otherwise', () => {
    const text = { name: 'text', type: 'Text', valueField: 'text' };
    expect(exportFormatsFor({ objects: [text], controls: [choices] })).toEqual(['JSON', 'JSON_MIN', 'CSV', 'TSV']);
    expect(exportFormatsFor({ objects: [image], controls: [choices] })).not.toContain('COCO');
  });

  it('offers CoNLL 2003 only for Labels on a Text object', () => {
    const text = { name: 'text', type: 'Text', valueField: 'text' };
    const labels = { name: 'ner', type: 'Labels', toName: ['text'], options: ['PER'], choice: null, required: false };
    expect(exportFormatsFor({ objects: [text], controls: [labels] })).toEqual(['JSON', 'JSON_MIN', 'CSV', 'TSV', 'CONLL2003']);
    expect(exportFormatsFor({ objects: [text], controls: [{ ...labels, toName: ['other'] }] })).not.toContain('CONLL2003');
    expect(exportFormatsFor({ objects: [image], controls: [{ ...labels, toName: ['img'] }, box] })).not.toContain('CONLL2003');
    expect(exportUrl('p1', 'CONLL2003', false)).toBe('/api/projects/p1/export?format=CONLL2003');
  });

  it('offers brush PNG masks only for BrushLabels on an Image object', () => {
    const brush = { name: 'mask', type: 'BrushLabels', toName: ['img'], options: ['Sky'], choice: null, required: false };
    expect(exportFormatsFor({ objects: [image], controls: [brush] })).toEqual(['JSON', 'JSON_MIN', 'CSV', 'TSV', 'BRUSH_PNG']);
    expect(exportFormatsFor({ objects: [image], controls: [{ ...brush, toName: ['other'] }] })).not.toContain('BRUSH_PNG');
    expect(exportFormatsFor({ objects: [image], controls: [box, brush] })).toContain('BRUSH_PNG');
    expect(exportUrl('p1', 'BRUSH_PNG', true)).toBe('/api/projects/p1/export?format=BRUSH_PNG&onlyCompleted=true');
  });

  it('builds the URL of a vision format', () => {
    expect(exportUrl('p1', 'YOLO_OBB', true)).toBe('/api/projects/p1/export?format=YOLO_OBB&onlyCompleted=true');
  });
});

describe('mayExport', () => {
  it('lets owners, admins and managers export, not reviewers or annotators', () => {
    expect(mayExport('OWNER')).toBe(true);
    expect(mayExport('ADMIN')).toBe(true);
    expect(mayExport('MANAGER')).toBe(true);
    expect(mayExport('REVIEWER')).toBe(false);
    expect(mayExport('ANNOTATOR')).toBe(false);
  });

  it('leaves an unknown role to the server', () => {
    expect(mayExport(null)).toBe(true);
    expect(mayExport(undefined)).toBe(true);
  });
});
