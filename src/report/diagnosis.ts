/**
 * A failed step's diagnosis in words, shared by the reports: the correct
 * result, and the likely mistake with how the match was checked.
 */
import type { Diagnosis, MistakeKind } from '../verdict/result.js';

/** the mistake kinds as a reader names them */
const MISTAKE_NAMES: Readonly<Record<MistakeKind, string>> = {
  'missing-inner-derivative': 'chain rule without the inner derivative',
  'sign-slip': 'sign slip',
  'product-rule-term-missing': 'product rule with a term missing',
  'quotient-rule-reversed': "quotient rule with the numerator reversed (uv' - u'v)",
  'power-not-lowered': 'power rule with the exponent not lowered',
  'log-without-inner-derivative': "d/dx log(u) = 1/u without u'",
  'constant-treated-as-variable': 'a constant differentiated as a variable',
  'variable-treated-as-constant': 'a variable treated as a constant',
};

/** "likely mistake (name, checked by the core): message", or undefined when no mistake was named */
export function mistakeSentence(d: Diagnosis): string | undefined {
  if (!d.mistake) return undefined;
  const how = d.mistake.checkedBy === 'core' ? 'checked by the core' : 'checked numerically only';
  return `likely mistake (${MISTAKE_NAMES[d.mistake.kind]}, ${how}): ${d.mistake.message}`;
}

/** the diagnosis as plain lines: the correct result, then the mistake if one was named */
export function diagnosisLines(d: Diagnosis): string[] {
  const m = mistakeSentence(d);
  return [`correct result: ${d.correct}`, ...(m ? [m] : [])];
}
