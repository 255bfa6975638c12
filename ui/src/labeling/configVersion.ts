import type { Annotation, ObjectTag, ProjectDetail } from '../shared/api/types';

/** The labeling interface to show a task with: the project's current one, or the one an annotation was made with. */
export interface ShownInterface {
  objects: ObjectTag[];
  /** The config version shown. */
  version: number;
  /** The annotation was made with another version than the project's current one. */
  differs: boolean;
  /** The annotation's own version is shown (not the current one). */
  annotationsVersion: boolean;
}

/**
 * An existing annotation is shown with the config of its version, unless the user asked for the current one
 * (editing it then validates against the current config). Unknown versions fall back to the current config.
 */
export function interfaceFor(project: ProjectDetail, annotation: Annotation | undefined, useCurrent: boolean): ShownInterface {
  const own = annotation?.labelingConfig ?? null;
  const differs = own != null && own.version !== project.labelConfigVersion;
  if (own && differs && !useCurrent) {
    return { objects: own.objects, version: own.version, differs, annotationsVersion: true };
  }
  return { objects: project.objects, version: project.labelConfigVersion, differs, annotationsVersion: false };
}
