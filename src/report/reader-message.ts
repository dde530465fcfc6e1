/**
 * What a person reads of a step's message: a proved step's "equals the
 * previous step" without the normal form the checker compared
 * (`(normal form %1 * ...)`), which only --explain shows. Shared by the text,
 * Markdown and HTML reports; JSON, JUnit and GitHub keep the message whole.
 */
import type { StepResult } from '../verdict/result.js';

/** `s.message`, without a proved step's normal form unless `explain` */
export function readerMessage(s: StepResult, explain: boolean): string {
  if (explain || s.status !== 'proved' || !s.message.startsWith('equals ') || !s.message.endsWith(')'))
    return s.message;
  const at = s.message.indexOf(' (normal form ');
  return at < 0 ? s.message : s.message.slice(0, at);
}
