// The one place that turns the server's error codes into sentences for people (issue 9: the UI showed `VALIDATION`,
// `ALREADY_ANNOTATED taskId:`). Every code of the schema has a sentence here; TypeScript fails the build when one is
// missing. Codes stay in the data (tests and logs), never in what the user reads.
import type { ErrorCode, UserError } from '../api/types';

export const ERROR_SENTENCES: Record<ErrorCode, string> = {
  VALIDATION: 'Some of what you entered is not valid.',
  INVALID_LABEL_CONFIG: 'The labeling configuration is not valid.',
  INVALID_RESULT: 'The annotation does not fit the labeling configuration.',
  INVALID_IMPORT: 'The file could not be imported.',
  NOT_FOUND: 'It does not exist, or you may not see it.',
  FORBIDDEN: 'Your role does not allow this.',
  CONFLICT: 'This conflicts with what is already there.',
  ALREADY_ANNOTATED: 'You have already annotated this task. Update your annotation instead.',
  NOT_AUTHOR: 'Only the author of this annotation can change it.',
  INVITATION_EXPIRED: 'This invitation has expired. Ask for a new one.',
  INVITATION_USED: 'This invitation has already been used.',
  LAST_OWNER: 'The organization needs at least one active owner.',
  RATE_LIMITED: 'Too many attempts. Wait a few minutes and try again.',
  UNAVAILABLE: 'A service this depends on did not answer. Try again later.',
  INVITATION_REVOKED: 'This invitation was withdrawn.',
  SAML_REFUSED: 'The single sign-on answer was refused.',
  FILE_TOO_LARGE: 'The file is larger than the server accepts.',
  MEDIA_PROXY_OFF: 'This project does not let the server fetch its media.',
  URL_REFUSED: 'The server will not fetch this address.',
  EMPTY_RESULT: 'Label something before submitting: this project does not accept empty annotations.',
  DRAFT_TOO_LARGE: 'This work in progress is too large to keep as a draft; submit it or make it smaller.',
  TASK_FULL: 'This task already has all the annotators it needs. Take the next one.',
  ALREADY_RESERVED: 'This task is already reserved for you.',
  PAUSED: 'You are paused in this project.',
  LIMIT_REACHED: 'You have reached the annotation limit of this project.',
  RESERVATION_EXPIRED: 'Your reservation of this task expired and others have taken it. Your draft is kept.',
  FILTER_UNKNOWN_FIELD: 'The filter names a column or field that does not exist.',
  FILTER_OPERATOR: 'This kind of comparison does not apply to that column.',
  FILTER_VALUE: 'A filter value does not fit its column.',
  QUERY_TOO_SLOW: 'The filter took too long. Narrow it down and try again.',
};

/**
 * Codes whose server message says what exactly is wrong (which value, which line, which rule, which object): the
 * message follows the sentence. For the others (one fixed meaning each) the sentence says it all.
 */
const DETAILED: readonly ErrorCode[] = ['VALIDATION', 'INVALID_LABEL_CONFIG', 'INVALID_RESULT', 'INVALID_IMPORT', 'NOT_FOUND', 'FORBIDDEN',
  'CONFLICT', 'UNAVAILABLE', 'SAML_REFUSED', 'URL_REFUSED', 'PAUSED', 'FILTER_UNKNOWN_FIELD', 'FILTER_OPERATOR', 'FILTER_VALUE'];

const FALLBACK = 'Something went wrong. Try again.';

/** One user error as a sentence (or two) for people: never its code or field path. */
export function userErrorText(error: Pick<UserError, 'code' | 'message'>): string {
  const sentence = (ERROR_SENTENCES as Record<string, string | undefined>)[error.code] ?? FALLBACK;
  const detail = error.message?.trim();
  if (!detail || !DETAILED.includes(error.code)) return sentence;
  return `${sentence} ${asSentence(detail)}`;
}

/** Several user errors, one sentence each, without repeating the same sentence. */
export function userErrorsText(errors: Pick<UserError, 'code' | 'message'>[]): string {
  return [...new Set(errors.map(userErrorText))].join('\n');
}

function asSentence(text: string): string {
  const first = text.charAt(0);
  // keep identifiers such as "asOf" as they are; capitalize plain words
  const capital = /^[a-z]+\b/.test(text) && !/^[a-z]+[A-Z]/.test(text) ? first.toUpperCase() + text.slice(1) : text;
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
