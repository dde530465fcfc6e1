/**
 * Implicit multiplication (juxtaposition, `2x`, `s[j] (s[i] - p)`), and where
 * it is refused. Contract version 2: a juxtaposition is accepted only where
 * every reader agrees on it. Where its reading depends on the precedence a
 * reader gives it, mathjs (implicit multiplication binds tighter than `*` and
 * `/`, and `x (...)` is a call that an exponent swallows) and a person
 * reading left to right disagree, and mathjs's reading silently changed what
 * was written. Those juxtapositions are refused, at the column of the second
 * factor, with both readings and the explicit spellings:
 *
 * 1. after a divisor: `lambda/2 w[j]`, `a / (1 + b) v[k]`, `1/2 x` read as
 *    `(lambda/2) * w[j]` left to right but as `lambda / (2 w[j])` by mathjs;
 * 2. after an exponent that is not closed by brackets (or a superscript
 *    glyph): `x^x (log(x) + 1)`, `x^2 y`, `e^-x y`: `(x^2) * y` or `x^(2 y)`;
 * 3. a number after a factor: `x 2`, `x^2 3`, `(a + b) 2`: a product, or a
 *    digit of what precedes it?
 * 4. a value before a bracket that carries a power: `s[j] (1 - s[j])^2` is
 *    s[j] * (1 - s[j])^2 for a person, but mathjs read `s[j] (...)` as a call
 *    and squared the product, (s[j] (1 - s[j]))^2.
 *
 * Rules 1, 2 and 4 are where mathjs, which read version 1 of the format,
 * silently read something else than the left-to-right reading; refusing
 * them also means no version-1 file changes meaning without an error.
 *
 * Everything else is one reading for everyone: `2x`, `2 sin(x)`, `2 pi`,
 * `(a+b)(c+d)`, `-a b` (`(-a) b` and `-(a b)` are equal), `a * b c` (the
 * product is associative), `a b / c` (`(a b) / c` for every reader),
 * `x^(2) y` and `x²y` (the exponent is closed).
 */
import type { ProductGroup, Syn, SynCall, SynPow } from './ascii-syntax.js';
import { fail } from './problem.js';

/** refuses the juxtaposition of `right` after the last factor of `groups`, when its reading depends on precedence */
export function checkJuxtaposition(text: string, groups: readonly ProductGroup[], right: Syn): void {
  const group = groups[groups.length - 1]!;
  const j: Juxtaposition = {
    src: (from, to) => text.slice(from, to).trim(),
    start: groups[0]!.opAt,
    group,
    left: group.factors[group.factors.length - 1]!,
    right,
  };
  numberAfterFactor(j);
  afterDivisor(j);
  powerAfterValueCall(j);
  afterExponent(j);
}

/** a juxtaposition about to be made: the product's start, the group it joins, its two factors */
interface Juxtaposition {
  readonly src: (from: number, to: number) => string;
  readonly start: number;
  readonly group: ProductGroup;
  readonly left: Syn;
  readonly right: Syn;
}

/** rule 3: `x 2`, `x 2^3`, `1 2` */
function numberAfterFactor({ src, left, right }: Juxtaposition): void {
  if (!(right.kind === 'num' || (right.kind === 'pow' && right.base.kind === 'num'))) return;
  const a = src(left.at, left.end);
  const b = src(right.at, right.end);
  if (left.kind === 'num' && right.kind === 'num')
    fail('ambiguous', `two numbers side by side: write one number (${a}${b}) or a product (${a} * ${b})`, right.at);
  fail(
    'ambiguous',
    `a number right after a factor is ambiguous: is '${a} ${b}' the product ${a} * ${b}, or is ${b} part of what precedes it? Write the number first (${b} ${a}) or write ${a} * ${b}`,
    right.at,
  );
}

/** rule 1: `lambda/2 w[j]`, `a / (1 + b) v[k]` */
function afterDivisor({ src, start, group, left, right }: Juxtaposition): void {
  if (group.op !== '/' || group.factors.length !== 1) return;
  const p = src(start, group.opAt);
  const d = src(left.at, left.end);
  const b = src(right.at, right.end);
  fail(
    'ambiguous',
    `implicit multiplication after '/' is ambiguous: '${src(start, right.end)}' reads as (${p} / ${d}) * ${b} from left to right, but as ${p} / (${d} ${b}) where implicit multiplication binds tighter than '/' (as in mathjs); write ${p} / ${d} * ${b} or ${p} / (${d} * ${b})`,
    right.at,
  );
}

/** rule 4: `s[j] (1 - s[j])^2`, which mathjs read as a call of s[j], then squared */
function powerAfterValueCall({ src, left, right }: Juxtaposition): void {
  let callee = left;
  while (callee.kind === 'sign') callee = callee.arg;
  if (callee.kind !== 'name' && callee.kind !== 'elem') return;
  if (right.kind !== 'pow' || right.glyph || right.base.kind !== 'group') return;
  const a = src(callee.at, callee.end);
  const g = src(right.base.at, right.base.end);
  const e = src(right.base.end, right.end);
  fail(
    'ambiguous',
    `a power right after brackets is ambiguous here: '${src(left.at, right.end)}' reads as ${a} * ${src(right.at, right.end)}, but mathjs (and so version 1 of the format) read ${a} ${g} as a call and took the power of the product, (${a} ${g})${e}; write ${a} * ${src(right.at, right.end)} or (${a} ${g})${e}`,
    right.at,
  );
}

/** rule 2: `x^x (log(x) + 1)`, `x^2 y`, `e^-x y` */
function afterExponent({ src, left, right }: Juxtaposition): void {
  const pow = openPower(left);
  if (!pow) return;
  const f = src(left.at, left.end);
  const head = src(left.at, pow.exp.at);
  const e = src(pow.exp.at, pow.exp.end);
  const b = src(right.at, right.end);
  const called = right.kind === 'group' && (pow.exp.kind === 'name' || pow.exp.kind === 'elem');
  const asMathjs = called ? ' (as mathjs reads it)' : '';
  fail(
    'ambiguous',
    `implicit multiplication after an exponent is ambiguous: '${src(left.at, right.end)}' reads as (${f}) * ${b}, or as ${head}(${e} ${b}) if the exponent takes the product${asMathjs}; write ${f} * ${b} or ${head}(${e} ${b})`,
    right.at,
  );
}

/** the innermost power at the right end of s whose exponent is not closed by brackets or a superscript glyph */
function openPower(s: Syn): SynPow | undefined {
  let cur = s;
  while (cur.kind === 'sign') cur = cur.arg;
  if (cur.kind !== 'pow' || cur.glyph) return undefined;
  return openPower(cur.exp) ?? (cur.exp.kind === 'group' ? undefined : cur);
}

/** the operator whose right operand the parser is reading: `^` (the base starts at `start`) or `/` (the product starts at `start`) */
export interface OperandContext {
  readonly op: '^' | '/';
  readonly start: number;
  readonly opAt: number;
}

/**
 * refuses `x^x (log(x) + 1)` and `a / x (y)` when x is neither declared nor
 * defined: a call of an unknown function, or (x being a variable) the
 * ambiguous juxtaposition of rule 1 or 2, which mathjs read as a call
 * swallowed by the exponent or the divisor
 */
export function ambiguousCall(text: string, ctx: OperandContext, call: SynCall, openAt: number): never {
  const src = (from: number, to: number): string => text.slice(from, to).trim();
  const b = src(openAt, call.end);
  const x = call.name;
  const define = `; if ${x} is a function, define it under define`;
  if (ctx.op === '^') {
    const head = src(ctx.start, call.at);
    return fail(
      'ambiguous',
      `implicit multiplication after an exponent is ambiguous: if ${x} is a variable, '${src(ctx.start, call.end)}' reads as (${head}${x}) * ${b}, or as ${head}(${x} ${b}) if the exponent takes the product (as mathjs reads it); write ${head}${x} * ${b} or ${head}(${x} ${b})${define}`,
      openAt,
    );
  }
  const p = src(ctx.start, ctx.opAt);
  return fail(
    'ambiguous',
    `implicit multiplication after '/' is ambiguous: if ${x} is a variable, '${src(ctx.start, call.end)}' reads as (${p} / ${x}) * ${b} from left to right, but as ${p} / (${x} ${b}) where implicit multiplication binds tighter than '/' (as in mathjs); write ${p} / ${x} * ${b} or ${p} / (${x} * ${b})${define}`,
    openAt,
  );
}
