// Skipping in the label stream: when the project asks for a comment with every skip (issue 11), the server refuses
// a skip without one (VALIDATION on "comment"); the person is then asked why, and the skip is sent again with it.
import { gql } from '../shared/api/graphql';
import { SkipTaskMutation } from '../shared/api/operations';

export async function skipTask(taskId: string, ask: (question: string) => string | null = (q) => window.prompt(q)) {
  const first = await gql(SkipTaskMutation, { input: { taskId } });
  const wantsComment = first.skipTask.errors.some((e) => e.code === 'VALIDATION' && e.field?.[0] === 'comment');
  if (!wantsComment) return first;
  const comment = ask('This project asks why you skip a task. Your comment:');
  if (comment === null || comment.trim() === '') return first; // cancelled: the refusal stands, shown as it is
  return gql(SkipTaskMutation, { input: { taskId, comment } });
}
