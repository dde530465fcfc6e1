/**
 * The calculus notation of the LaTeX subset: `\frac` (a quotient, or a
 * derivative when it has the Leibniz shape) and `\sum`.
 *
 * - `\frac{d}{dx} body` and `\frac{\partial}{\partial w_{ij}} body` apply to
 *   the following product, as `\sum_k` does: `\frac{d}{dx} x^2 + 1` is
 *   diff(x^2, x) + 1. `\frac{df}{dx}` and `\frac{d(\log p)}{dx}` put the body
 *   in the numerator. `d` may also be `\mathrm{d}`.
 * - `\sum_k`, `\sum_{k}`, `\sum_{k=1}^{n}` run over all units; other limits
 *   are refused (`bad-sum`), since the IR's sum has none. A `\sum` without an
 *   index gets a placeholder index, inferred after the whole formula is read
 *   (latex-sum-index.ts).
 */
import { type Expr, type Variable, diff, mul, num, pow, sum } from '../ir/expr.js';
import { fail } from './problem.js';
import type { LatexCursor } from './latex-cursor.js';
import { unexpectedToken } from './latex-refusals.js';
import { readSubscript } from './latex-scripts.js';
import type { Token } from './latex-tokens.js';

/** the prefix of the placeholder index of a `\sum` written without one; no name can contain it */
export const PENDING_INDEX_PREFIX = '?';

/** `\frac{a}{b}` as (a)/(b), or a derivative in Leibniz notation; the reader is at `\frac` */
export function readFraction(r: LatexCursor): Expr {
  const frac = r.next();
  const numOpen = r.pos;
  if (!isBrace(r.token(numOpen)))
    fail('syntax', `\\${frac.text} needs two braced arguments, as in \\frac{a}{b}`, frac.at);
  const numEnd = r.braceEnd(numOpen);
  const denOpen = numEnd + 1;
  if (!isBrace(r.token(denOpen)))
    fail('syntax', `\\${frac.text} needs two braced arguments, as in \\frac{a}{b}`, frac.at);
  const denEnd = r.braceEnd(denOpen);
  const form = derivativeForm(r, numOpen, numEnd, denOpen, denEnd);
  if (form === undefined) {
    const a = r.bracketed();
    const b = r.bracketed();
    return mul([a, pow(b, num(-1))]);
  }
  if (form === 'operator') {
    r.pos = denOpen + 2;
    const wrt = readVariable(r);
    r.pos = denEnd + 1;
    const t = r.peek();
    if (!r.startsFactor(t))
      fail(
        'syntax',
        `\\frac{d}{d...} must be followed by the expression it differentiates, as in \\frac{d}{dx} x^2 or \\frac{d}{dx}(-x)`,
        frac.at,
      );
    return diff(r.product(), wrt);
  }
  r.pos = numOpen + 2;
  r.braceDepth++;
  const body = r.expression();
  r.braceDepth--;
  if (r.pos !== numEnd) unexpectedToken(r.peek());
  r.pos = denOpen + 2;
  const wrt = readVariable(r);
  r.pos = denEnd + 1;
  return diff(body, wrt);
}

/**
 * Whether `\frac{..}{..}` is a derivative: the denominator is exactly `d`
 * and a variable, and the numerator is `d` alone (operator form) or `d`
 * followed by the body. Anything else is an ordinary fraction, except
 * higher derivatives and a `d` without a variable, which are refused.
 */
function derivativeForm(
  r: LatexCursor,
  numOpen: number,
  numEnd: number,
  denOpen: number,
  denEnd: number,
): 'operator' | 'body' | undefined {
  if (!isD(r.token(numOpen + 1)) || !isD(r.token(denOpen + 1))) return undefined;
  const afterNumD = r.token(numOpen + 2);
  if (r.isOp(afterNumD, '^')) higherOrder(afterNumD);
  const operator = numOpen + 2 === numEnd;
  if (!operator && !r.startsFactor(afterNumD)) return undefined;
  const end = variableEnd(r, denOpen + 2);
  if (end > 0 && r.isOp(r.token(end), '^')) higherOrder(r.token(end));
  if (end !== denEnd) {
    fail(
      'bad-diff',
      'the denominator of a derivative must be d (or \\partial) and one variable: a scalar name or an array element, as in dx or dw_{ij}',
      r.token(denOpen + 1).at,
    );
  }
  return operator ? 'operator' : 'body';
}

/** the index just past a variable written from index k (a name, then optionally `_x` or `_{...}`), or -1 */
function variableEnd(r: LatexCursor, k: number): number {
  if (!r.nameRef(r.token(k))) return -1;
  let end = k + 1;
  if (r.isOp(r.token(end), '_')) {
    end++;
    end = isBrace(r.token(end)) ? r.braceEnd(end) + 1 : end + 1;
  }
  return end;
}

/** the variable of a derivative; the reader is at its name */
function readVariable(r: LatexCursor): Variable {
  const ref = r.nameRef(r.next())!;
  const underscore = r.peek();
  if (!r.isOp(underscore, '_')) return r.names.variable(ref, undefined);
  r.next();
  return r.names.variable(ref, readSubscript(r, underscore));
}

function higherOrder(t: Token): never {
  return fail(
    'unsupported-syntax',
    'higher derivatives such as \\frac{d^2}{dx^2} are not supported; nest first derivatives, \\frac{d}{dx} \\frac{d}{dx} f',
    t.at,
  );
}

/** `d`, `\partial` or `\mathrm{d}` */
function isD(t: Token): boolean {
  return (
    (t.kind === 'letter' && t.text === 'd') ||
    (t.kind === 'cmd' && t.text === 'partial') ||
    (t.kind === 'styled' && t.style !== 'text' && t.text.trim() === 'd')
  );
}

function isBrace(t: Token): boolean {
  return t.kind === 'open' && t.text === '{';
}

/** `\sum_k body` over all units; the reader is at `\sum` */
export function readSum(r: LatexCursor): Expr {
  const head = r.next();
  let lower: Token[] | undefined;
  let upper: Token[] | undefined;
  for (let t = r.peek(); r.isOp(t, '_') || r.isOp(t, '^'); t = r.peek()) {
    r.next();
    const limit = scriptTokens(r);
    if (t.text === '_' && lower === undefined) lower = limit;
    else if (t.text === '^' && upper === undefined) upper = limit;
    else fail('syntax', `\\sum has two ${t.text === '_' ? 'subscripts' : 'superscripts'}; write \\sum_{k=1}^{n}`, t.at);
  }
  const index = sumIndex(r, head, lower, upper);
  const t = r.peek();
  // why: a sign right after \sum or \frac{d}{dx} (`\sum_k - s_k`) reads as a binary minus with nothing before it
  if (!r.startsFactor(t))
    fail('syntax', '\\sum needs a body after it, as in \\sum_k w_{ik} s_k or \\sum_k (-s_k)', head.at);
  return sum(index, r.product());
}

/** the tokens of a script: one token, or the content of a brace group */
function scriptTokens(r: LatexCursor): Token[] {
  const t = r.peek();
  if (!isBrace(t)) return [r.next()];
  const end = r.braceEnd(r.pos);
  const out: Token[] = [];
  for (let k = r.pos + 1; k < end; k++) out.push(r.token(k));
  r.pos = end + 1;
  return out;
}

/** the index a `\sum` runs over: `k` from `_k`, `_{k}` or `_{k=1}^{n}`; a placeholder when there is none */
function sumIndex(r: LatexCursor, head: Token, lower: Token[] | undefined, upper: Token[] | undefined): string {
  const form = 'a sum runs over all units 1..n; write \\sum_k, \\sum_{k} or \\sum_{k=1}^{n}';
  if (lower === undefined) {
    if (upper !== undefined) fail('bad-sum', `\\sum has an upper limit but no index; ${form}`, head.at);
    const placeholder = `${PENDING_INDEX_PREFIX}${r.pendingSums.size + 1}`;
    r.pendingSums.set(placeholder, head.at);
    return placeholder;
  }
  const ref = lower[0] ? r.nameRef(lower[0]) : undefined;
  if (!ref) fail('bad-sum', `\\sum needs an index name below it; ${form}`, lower[0]?.at ?? head.at);
  const fromOne = lower.length === 3 && r.isOp(lower[1]!, '=') && lower[2]!.kind === 'num' && lower[2]!.text === '1';
  const toN = upper !== undefined && upper.length === 1 && upper[0]!.kind === 'letter' && upper[0]!.text === 'n';
  const plain = lower.length === 1 && upper === undefined;
  if (!plain && !(fromOne && toN)) fail('bad-sum', `only the full range is supported: ${form}`, head.at);
  return r.names.sumIndex(ref);
}
