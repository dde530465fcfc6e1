/**
 * The words for what the trusted core decides: its decisions, budgets,
 * definedness conditions and certain undefinedness are data
 * (src/core/equal.ts, budget.ts, definedness.ts, defined-at.ts); this module
 * turns them into the sentences the checker, explanations and reports show.
 * Every consumer words them here, so one decision reads the same everywhere.
 */
import { toAscii } from '../ir/print.js';
import { rationalToString } from '../ir/rational.js';
import {
  type BoundName,
  MAX_COEFFICIENT_BITS,
  MAX_DEPTH,
  MAX_DERIVATIVE_SIZE,
  MAX_EXPAND_EXPONENT,
  MAX_TERMS,
  MAX_WORK,
} from '../core/budget.js';
import type { ConditionOrigin, UndefinedCause } from '../core/definedness.js';
import type { Undefinedness } from '../core/defined-at.js';
import { type ConditionReport, type Decision, type Difference, UNITS_PROBED } from '../core/equal.js';

type NotProved = Extract<Decision, { proved: false }>;

/** a budget that ran out, as "<what happened> (bound <NAME>)" */
export function budgetWords(bound: BoundName, amount?: number | bigint): string {
  const detail: Partial<Record<BoundName, string>> = {
    MAX_WORK: `normal form needed more than ${MAX_WORK} work units`,
    STEP_TIMEOUT: `the step's time limit ran out after ${amount} work units`,
    MAX_DEPTH: `expression nests deeper than ${MAX_DEPTH} levels`,
    MAX_DERIVATIVE_SIZE: `the derivative grows past ${MAX_DERIVATIVE_SIZE} characters`,
    MAX_TERMS: `a polynomial grew past ${MAX_TERMS} terms`,
    MAX_COEFFICIENT_BITS: `a power's coefficients would need about ${amount} bits, more than ${MAX_COEFFICIENT_BITS}`,
  };
  return `${detail[bound] ?? 'a budget ran out'} (bound ${bound})`;
}

const UNDEFINED_WORDS: Record<UndefinedCause, string> = {
  'zero-to-negative-power': '0 to a negative power',
  'division-by-zero': 'division by zero',
  'zero-denominator': 'division by an expression that is identically 0',
  'exp-of-undefined': 'exp of an undefined power',
};

const ORIGIN_WORDS: Record<ConditionOrigin, string> = {
  denominator: 'denominator',
  'fractional-power': 'base of a fractional power',
  'variable-exponent': 'power with a variable exponent',
  'log-argument': 'log argument',
  'sqrt-argument': 'sqrt argument',
  'tan-argument': 'tan pole (cos = 0)',
  'asin-argument': 'asin argument in [-1, 1]',
  'acos-argument': 'acos argument in [-1, 1]',
};

/** what a condition guards, in words ("log argument") */
export const originWords = (origin: ConditionOrigin): string => ORIGIN_WORDS[origin];

/** why a side is certainly undefined, in words ("denominator: x - 1 is exactly 0") */
export function undefinednessWords(u: Undefinedness): string {
  if (u.kind === 'nowhere') return UNDEFINED_WORDS[u.cause];
  return `${ORIGIN_WORDS[u.origin]}: ${toAscii(u.expr)} is exactly ${rationalToString(u.value)}`;
}

/** the condition as people read it: "x != 0", "x > 0 for every k" */
export function conditionText(c: ConditionReport): string {
  const e = toAscii(c.condition);
  const text =
    c.kind === 'nonzero'
      ? `${e} != 0`
      : c.kind === 'positive'
        ? `${e} > 0`
        : c.kind === 'nonnegative'
          ? `${e} >= 0`
          : `${e} to be defined`;
  return c.forAll.length ? `${text} for every ${c.forAll.join(', ')}` : text;
}

/** a declaration that would discharge the condition, when one exists (a plain variable that must be nonzero, positive, nonnegative) */
export function conditionHint(c: ConditionReport): string | undefined {
  const x = c.condition;
  const name = x.kind === 'sym' || x.kind === 'elem' ? x.name : undefined;
  if (!name || c.kind === 'defined') return undefined;
  return `declare \`${name}: {domain: ${c.kind}}\` under symbols to exclude such points`;
}

/** the first condition's hint, as a sentence to append (" Declare `x: ...` ..."), or '' */
export function hintSentence(conditions: readonly ConditionReport[]): string {
  const hint = conditions.map(conditionHint).find((h) => h !== undefined);
  return hint ? ` ${hint[0]!.toUpperCase()}${hint.slice(1)}.` : '';
}

/** one sentence: why the core could not prove it */
export function notProvedWords(d: NotProved): string {
  const b = d.because;
  switch (b.kind) {
    case 'budget':
      return `not proved: ${budgetWords(b.bound, b.amount)}`;
    case 'unknown-function':
      return `not proved: no definedness record for function ${b.fn}`;
    case 'undefined-everywhere':
      return `not proved: a side is undefined everywhere (${UNDEFINED_WORDS[b.cause]})`;
    case 'values-differ':
      if (b.limited === 'MAX_EXPAND_EXPONENT')
        return `the normal forms differ (a power with an exponent beyond MAX_EXPAND_EXPONENT = ${MAX_EXPAND_EXPONENT} was left unexpanded)`;
      return `the normal forms differ${b.limited ? ` (${b.limited} left something unreduced)` : ''}`;
    case 'conditions-differ': {
      const first = d.conditions[0]!;
      const side = first.side === 'lhs' ? 'the previous step' : 'this step';
      return `equal where both are defined, but ${side} needs ${conditionText(first)} (${ORIGIN_WORDS[first.origin]}) and the other does not`;
    }
  }
}

/** what the core's exact difference says, as a clause for messages */
export function differenceWords(d: Difference): string {
  if (d.kind === 'constant')
    return `the core computed exactly that the previous side minus this one is ${rationalToString(d.value)} wherever both are defined`;
  if (d.kind === 'sign')
    return `the core proved that the previous side minus this one is ${d.sign > 0 ? 'positive' : 'negative'} wherever both are defined`;
  return `the core computed exactly that the previous side minus this one is a nonzero polynomial in the number of units n, nonzero for n = ${d.nonzeroAt.join(', ')} (among 1..${UNITS_PROBED})`;
}
