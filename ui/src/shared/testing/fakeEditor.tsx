// Stands in for Label Studio's editor frame in component tests (happy-dom loads no frames): records the props the
// page gives it and answers serialize() with what the test sets. The real frame is covered by the browser e2e.
import { useImperativeHandle } from 'react';
import type { EditorProps } from '../../labeling/LabelStudioEditor';

export const fakeEditorState: { result: unknown[] | null; serialized: number; selectedRegions: (string | null)[] } = { result: null, serialized: 0, selectedRegions: [] };

export function LabelStudioEditor(props: EditorProps) {
  useImperativeHandle(props.ref, () => ({
    serialize: async () => {
      fakeEditorState.serialized++;
      return fakeEditorState.result;
    },
    selectRegion: (regionId: string | null) => {
      fakeEditorState.selectedRegions.push(regionId);
    },
  }));
  return (
    <div
      data-testid="fake-editor"
      data-config={props.prepared.config}
      data-select={props.selectAnnotationId ?? ''}
      data-readonly={String(props.readOnly)}
      data-annotations={props.annotations.map((a) => a.id).join(',')}
      data-predictions={String(props.predictions.length)}
      data-version={props.version}
      data-region={props.selectRegionId ?? ''}
      data-annotation-results={JSON.stringify(props.annotations.map((a) => a.result))}
    />
  );
}
