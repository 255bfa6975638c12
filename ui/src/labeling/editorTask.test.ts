import { describe, expect, it } from 'vitest';
import { prepareConfig } from './bridge';
import { taskEditorProps } from './editorTask';

const project = { id: 'p1', mediaProxy: true, objects: [{ name: 'img', type: 'Image', valueField: 'image' }] };
const task = { id: 't1', number: 7, data: { image: '/media/a.png' } };

describe('taskEditorProps', () => {
  it('names the task, the project\'s media rule, the prepared config and the person', () => {
    const prepared = prepareConfig('<View><Image name="img" value="$image"/></View>');
    const me = { id: 'u1', displayName: 'Ann', email: 'ann@example.com' }; // the session's person: only id and name go to the editor
    expect(taskEditorProps(prepared, project, task, { user: me })).toEqual({
      prepared, objects: project.objects, projectId: 'p1', mediaProxy: true, taskId: 't1', taskNumber: 7, data: task.data,
      user: { id: 'u1', displayName: 'Ann' },
    });
  });

  it('takes the objects of the config shown (an older version) and nobody for a read-only history view', () => {
    const older = [{ name: 'old', type: 'Text', valueField: 'text' }];
    const props = taskEditorProps(prepareConfig(''), project, task, { objects: older });
    expect(props.objects).toBe(older);
    expect(props.user).toEqual({ id: '', displayName: '' });
  });
});
