/**
 * Assumptions that would contradict or chain each other are input errors:
 * two values for one variable (`p = 1/2` and `p = 1/3`, or a file's `s = 1`
 * and a case's `when: {s: 0}`), two values for one sum, and a variable that
 * is given a value while another assumption mentions it (the values are put
 * in once, so `a = b` with `b = a` would swap them instead of equating them).
 * Contradicting premises make every step vacuously true, and a counterexample
 * would then violate a premise; so the file must say one thing.
 */
import type { Expr, Variable } from '../ir/expr.js';
import { toAscii } from '../ir/print.js';
import type { SymbolDecl } from '../ir/symbols.js';
import { splitKey } from './split-key.js';
import { constantRational } from './constant-value.js';
import { children, sym } from '../ir/expr.js';
import { substitute } from '../ir/substitute.js';
import type { LoadContext } from './load-context.js';
import type { Assumption, IntervalAssumption, LoadedAssumption } from './model.js';

/** why `a` cannot join the assumptions `before` (the earlier ones in force with it), or undefined */
export function conflictWith(
  a: LoadedAssumption,
  before: readonly LoadedAssumption[],
  symbols: ReadonlyMap<string, SymbolDecl>,
): string | undefined {
  for (const b of before) {
    const where = `line ${b.place.line}: "${b.source}"`;
    if (a.kind === 'value' && b.kind === 'value' && splitKey(a.variable, symbols) === splitKey(b.variable, symbols))
      return `${name(a)} is already assumed (${where}); two values for one variable contradict each other, keep one`;
    if (a.kind === 'value' && b.kind === 'value' && mayCoincide(a.variable, b.variable, symbols))
      return `${name(a)} and ${name(b)} are the same element when their indices are equal, and ${where} already gives it a value; assume values for elements with fixed units (s[1], s[2]) or split with cases`;
    if (a.kind === 'sum' && b.kind === 'sum' && sumKey(a.sum) === sumKey(b.sum))
      return `this sum is already assumed (${where}); two values for one sum contradict each other, keep one`;
    for (const [given, other] of [
      [a, b],
      [b, a],
    ] as const) {
      if (given.kind !== 'value') continue;
      if (
        mentionsName(other.kind === 'value' ? other.value : other.sum, given.variable.name) ||
        (other.kind === 'sum' && mentionsName(other.value, given.variable.name))
      )
        return `${name(given)} is given a value, and ${given === a ? `the assumption on line ${b.place.line} ("${b.source}")` : 'this assumption'} mentions it; values are put in once, so write that assumption with the value put in`;
    }
  }
  return undefined;
}

/** an error at each `when` value or interval of a case for a variable an assumption in force already gives a value */
export function checkWhenAgainstAssumptions(
  ctx: LoadContext,
  assumed: readonly LoadedAssumption[],
  when: readonly Assumption[],
  intervals: readonly IntervalAssumption[],
  location: string,
): void {
  const given = new Map<string, LoadedAssumption>();
  for (const a of assumed) if (a.kind === 'value') given.set(a.variable.key, a);
  const report = (key: string, shown: string, place: IntervalAssumption['place']) => {
    const a = given.get(key);
    if (a)
      ctx.errors.push({
        code: 'bad-when',
        place,
        message: `${shown} is assumed under assume (line ${a.place.line}: "${a.source}"), so a case cannot assume another value or interval for it; remove the assume entry or this case`,
        location,
      });
  };
  for (const w of when) report(w.variable.key, w.variable.kind === 'sym' ? w.variable.name : w.variable.key, w.place);
  for (const i of intervals) report(sym(i.name).key, i.name, i.place);
}

const name = (a: LoadedAssumption & { kind: 'value' }): string => toAscii(a.variable);

/** two elements of one array whose index terms can be equal at some units (s[i] and s[j], s[i] and s[1]) */
function mayCoincide(a: Variable, b: Variable, symbols: ReadonlyMap<string, SymbolDecl>): boolean {
  if (a.kind !== 'elem' || b.kind !== 'elem' || a.name !== b.name) return false;
  const meet = (us: readonly Expr[]) =>
    a.indices.every((t, k) => {
      const u = us[k]!;
      return t.kind === 'sym' || u.kind === 'sym' || t.key === u.key;
    });
  // a symmetric array's W[2, 1] is W[1, 2]
  const d = symbols.get(a.name);
  const mirrored = d?.kind === 'array' && d.symmetric === true && b.indices.length === 2;
  return meet(b.indices) || (mirrored && meet([b.indices[1]!, b.indices[0]!]));
}

/** a sum's key with its bound index renamed, so that sum(k, t[k]) and sum(j, t[j]) are one sum */
function sumKey(e: Expr): string {
  if (e.kind !== 'sum') return e.key;
  return `(sum % ${substitute(e.body, new Map([[e.index, sym('%')]])).key})`;
}

function mentionsName(e: Expr, n: string): boolean {
  if ((e.kind === 'sym' || e.kind === 'elem') && e.name === n) return true;
  return children(e).some((c) => mentionsName(c, n));
}

/**
 * an error at each number a case's own assume gives a variable (`"x = 2"`):
 * that is a `when` value, which the exhaustiveness check counts; under assume
 * the case would silently cover only x = 2
 */
export function checkCaseValues(ctx: LoadContext, assume: readonly LoadedAssumption[], location: string): void {
  for (const a of assume)
    if (a.kind === 'value' && constantRational(a.value) !== undefined)
      ctx.errors.push({
        code: 'bad-assume',
        place: a.place,
        message: `a number for ${name(a)} is a case's \`when\` value: write it under when (\`{"${name(a)}": ${toAscii(a.value)}}\`), where the check that the cases cover every value counts it`,
        location,
      });
}
