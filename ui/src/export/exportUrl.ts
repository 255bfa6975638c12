// The project export download (REST, not GraphQL): GET /api/projects/{id}/export?format=…&onlyCompleted=true&onlyGroundTruth=true&rawValues=true.
// Pure: builds the URL and says which roles the server lets export.
import type { Control, ObjectTag, OrganizationRole } from '../shared/api/types';

export type ExportFormat = 'JSON' | 'JSON_MIN' | 'CSV' | 'TSV' | 'COCO' | 'YOLO' | 'YOLO_OBB' | 'VOC' | 'CONLL2003' | 'BRUSH_PNG';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['JSON', 'JSON_MIN', 'CSV', 'TSV', 'COCO', 'YOLO', 'YOLO_OBB', 'VOC', 'CONLL2003', 'BRUSH_PNG'];

/** Computer-vision formats: the server accepts them only for an Image object with RectangleLabels/PolygonLabels. */
export const VISION_FORMATS: readonly ExportFormat[] = ['COCO', 'YOLO', 'YOLO_OBB', 'VOC'];

export const EXPORT_FORMAT_LABELS: Record<ExportFormat, string> = {
  JSON: 'JSON (tasks with annotations)',
  JSON_MIN: 'JSON-MIN (one row per annotation)',
  CSV: 'CSV',
  TSV: 'TSV',
  COCO: 'COCO (boxes and polygons, one JSON)',
  YOLO: 'YOLO (ZIP of label files)',
  YOLO_OBB: 'YOLO OBB (rotated boxes, ZIP)',
  VOC: 'Pascal VOC (ZIP of XML)',
  CONLL2003: 'CoNLL 2003 (NER tokens with BIO tags)',
  BRUSH_PNG: 'Brush masks (ZIP of PNG per region)',
};

/**
 * The formats a project's config can be exported in: the vision ones need an image with box or polygon labels,
 * CoNLL 2003 a Text object that a Labels control labels (ADR 0011), brush PNGs an image with BrushLabels.
 */
export function exportFormatsFor(project: { objects: ObjectTag[]; controls: Control[] }): ExportFormat[] {
  const vision =
    project.objects.some((o) => o.type === 'Image') &&
    project.controls.some((c) => c.type === 'RectangleLabels' || c.type === 'PolygonLabels');
  const ner = project.objects.some(
    (o) => o.type === 'Text' && project.controls.some((c) => c.type === 'Labels' && c.toName.includes(o.name)),
  );
  const brush = project.controls.some(
    (c) => c.type === 'BrushLabels' && project.objects.some((o) => o.type === 'Image' && c.toName.includes(o.name)),
  );
  return EXPORT_FORMATS.filter((f) =>
    f === 'CONLL2003' ? ner : f === 'BRUSH_PNG' ? brush : vision || !VISION_FORMATS.includes(f),
  );
}

/** Roles the server lets export (others get 403). */
export const EXPORT_ROLES: readonly OrganizationRole[] = ['OWNER', 'ADMIN', 'MANAGER'];

/** Formats whose cells a spreadsheet may run as formulas: the server neutralizes them unless asked for raw values. */
export const SPREADSHEET_FORMATS: readonly ExportFormat[] = ['CSV', 'TSV'];

/**
 * Same-origin URL of the export download; `onlyCompleted`, `onlyGroundTruth` (only ground-truth annotations, only
 * tasks that have one) and `rawValues` (CSV/TSV: keep cells starting with = + - @ as they are) are sent only when true
 * (the server's defaults are false); `rawValues` only for CSV/TSV.
 */
export function exportUrl(projectId: string, format: ExportFormat, onlyCompleted: boolean, onlyGroundTruth = false, rawValues = false): string {
  const params = new URLSearchParams({ format });
  if (onlyCompleted) params.set('onlyCompleted', 'true');
  if (onlyGroundTruth) params.set('onlyGroundTruth', 'true');
  if (rawValues && SPREADSHEET_FORMATS.includes(format)) params.set('rawValues', 'true');
  return `/api/projects/${encodeURIComponent(projectId)}/export?${params.toString()}`;
}

/** Whether a role may export; an unknown role (session not loaded yet) is let through and left to the server. */
export function mayExport(role: OrganizationRole | null | undefined): boolean {
  return role == null || EXPORT_ROLES.includes(role);
}
