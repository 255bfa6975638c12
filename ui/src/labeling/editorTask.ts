// What the labeling page, the review queue and the history panel each gave Label Studio's editor, written once: the
// config prepared for LSF (and the tags we render ourselves), and the props that name the task, its project's media
// rules and the person. Each page adds only what differs (annotations, selection, read-only, its reload version).
import { useMemo } from 'react';
import type { JSONValue, ObjectTag, ProjectDetail } from '../shared/api/types';
import { prepareConfig, type PreparedConfig } from './bridge';
import type { EditorProps } from './LabelStudioEditor';
import { planOwnTags } from './tags/own';

/** The config for the editor and our own tags' plan (ADR 0035), prepared once per config text. */
export function useEditorConfig(xml: string) {
  const prepared = useMemo(() => prepareConfig(xml), [xml]);
  const ownPlan = useMemo(() => planOwnTags(prepared.removed), [prepared]);
  return { prepared, ownPlan };
}

export type TaskEditorProps = Pick<EditorProps, 'prepared' | 'objects' | 'projectId' | 'mediaProxy' | 'taskId' | 'taskNumber' | 'data' | 'user'>;

/**
 * The editor's props for one task. {@code objects}: the object tags of the config shown (an older version's for an
 * annotation made with it), else the project's; {@code user}: who labels (nobody for a read-only history view).
 */
export function taskEditorProps(
  prepared: PreparedConfig,
  project: Pick<ProjectDetail, 'id' | 'mediaProxy' | 'objects'>,
  task: { id: string; number: number; data: JSONValue },
  { objects, user }: { objects?: ObjectTag[]; user?: { id: string; displayName: string } | null } = {},
): TaskEditorProps {
  return {
    prepared,
    objects: objects ?? project.objects,
    projectId: project.id,
    mediaProxy: project.mediaProxy,
    taskId: task.id,
    taskNumber: task.number,
    data: task.data,
    user: { id: user?.id ?? '', displayName: user?.displayName ?? '' },
  };
}
