/**
 * An independent oracle for plain expressions (scalars, + - * / ^, the
 * elementary functions, sigma, pi, e): mathjs's own parser and its BigNumber
 * (decimal.js) arithmetic at two precisions, 100 and 300 digits. It shares no
 * code with derivcheck's parser, core or numeric layer. It decides whether two
 * expressions differ at a point the corpus names (a witness), and whether a
 * counterexample the checker reports is a real difference.
 *
 * What one computed number is worth, and how the oracle knows:
 * - A value is computed at both precisions. Where they disagree beyond
 *   rounding, the computation is unstable: mathjs rounds pi, so tan(pi/2)
 *   comes out near 10^100 at 100 digits and near 10^300 at 300 digits; an
 *   unstable value beyond 10^50 is a pole (undefined), any other unstable
 *   value is `unknown`. A huge value that both precisions agree on (exp(2^31))
 *   is a number, not a pole.
 * - decimal.js's exponents stop near 9e15: exp past that returns Infinity or
 *   0, which is overflow, not a value and not undefinedness. The oracle
 *   evaluates node by node and judges each infinity, NaN or vanishing result
 *   where it arises: 1/0, 0/0, 0^(-1), log(0) are undefined, and so is a
 *   complex result (log(-1), sqrt(-1)); any other is overflow or underflow,
 *   and the value is `unknown`.
 * - decimal.js's own sinh/cosh/tanh do not end for arguments near 2^31; the
 *   oracle's are written with its exp.
 * - Rounding error is measured against the largest magnitude met while
 *   computing either side (at least 1): sqrt((exp(200) + x^2)^2) - exp(200)
 *   loses 87 digits to cancellation, so its noise is 10^87 times larger than
 *   its value suggests.
 * - Two values differ when their difference is large (beyond 1e-60 relative
 *   to that magnitude), or when it is nonzero and the same at both
 *   precisions (rounding error shrinks by 200 orders from 100 to 300 digits;
 *   a real difference such as 10^-320 stays put). They agree when the
 *   difference is within each precision's rounding noise, with 40 digits to
 *   spare for error that accumulates (below 1e-260 relative at 300 digits
 *   and below 1e-60 at 100). Anything else is `unsure`: the oracle then
 *   confirms nothing.
 * - Its floor: a difference that both precisions round away (1 + 10^-320
 *   against 1: both sums round to 1) is invisible; a corpus witness must
 *   survive 300 digits relative to the largest intermediate value.
 */
import { all, create, type MathJsInstance } from 'mathjs';

const PRECISIONS = [100, 300] as const;

interface Big {
  isFinite(): boolean;
  isNaN(): boolean;
  isZero(): boolean;
  abs(): Big;
  gt(x: Big | string): boolean;
  lte(x: Big | string): boolean;
  minus(x: Big): Big;
  times(x: Big | string): Big;
  toString(): string;
}

/** oracle's value: a number (at 300 and at 100 digits, and the largest magnitude met on the way, at least 1), undefined (and why), or unknown (and why) */
export type OracleValue =
  | { readonly kind: 'defined'; readonly value: string; readonly low: string; readonly mag: string }
  | { readonly kind: 'undefined'; readonly why: string }
  | { readonly kind: 'unknown'; readonly why: string };

class Overflow extends Error {}

const engines = new Map<number, MathJsInstance>();

function engine(precision: number): MathJsInstance {
  let m = engines.get(precision);
  if (m !== undefined) return m;
  m = create(all, { number: 'BigNumber', precision });
  const mm = m;
  const exp0 = mm.exp.bind(mm) as (x: unknown) => Big;
  const exp = (x: unknown): Big => {
    const y = exp0(x);
    if (!y.isFinite() || y.isZero()) throw new Overflow(`exp overflows decimal.js's exponent range`);
    return y;
  };
  const big = (x: unknown) => mm.bignumber(x as never) as unknown as Big;
  const one = big(1);
  const two = big(2);
  const div = (a: unknown, b: unknown) => mm.divide(a as never, b as never) as unknown as Big;
  const add = (a: unknown, b: unknown) => mm.add(a as never, b as never) as unknown as Big;
  const sub = (a: unknown, b: unknown) => mm.subtract(a as never, b as never) as unknown as Big;
  const neg = (a: unknown) => mm.unaryMinus(a as never) as unknown as Big;
  /** tanh(x) = sign(x) (1 - e^{-2|x|}) / (1 + e^{-2|x|}); e^{-2|x|} may underflow only when tanh is 1 to every digit */
  const tanh = (x: unknown) => {
    const ax = big(x).abs();
    let t: Big;
    if (ax.gt('1e6')) t = one;
    else {
      const q = exp(neg(ax.times(two)));
      t = div(sub(one, q), add(one, q));
    }
    return (x as Big).gt(big(0)) ? t : neg(t);
  };
  mm.import(
    {
      exp,
      sinh: (x: unknown) => div(sub(exp(x), exp(neg(x))), two),
      cosh: (x: unknown) => div(add(exp(x), exp(neg(x))), two),
      tanh,
      sigma: (x: unknown) => div(one, add(one, exp(neg(x)))),
      ln: (x: unknown) => mm.log(x as never),
    },
    { override: true },
  );
  engines.set(precision, mm);
  return mm;
}

/** true when the text uses only what the oracle reads the same way derivcheck does */
export function oracleCanRead(text: string): boolean {
  return !/[[\]\\]|\b(sum|diff|delta|max|min|abs)\s*\(|[^\x20-\x7e]/.test(text);
}

class Undefined extends Error {}

interface Node {
  readonly type: string;
  readonly fn?: string | { readonly name: string };
  readonly name?: string;
  readonly args?: readonly Node[];
  readonly content?: Node;
  evaluate(scope?: Record<string, unknown>): unknown;
}

const isBig = (m: MathJsInstance, v: unknown): v is Big => m.typeOf(v) === 'BigNumber';

/** one operation at one precision: each non-finite or vanishing result judged where it arises */
function apply(m: MathJsInstance, name: string, args: readonly Big[]): Big {
  const f = (m as unknown as Record<string, (...a: unknown[]) => unknown>)[name];
  if (typeof f !== 'function') throw new Undefined(`unknown function ${name}`);
  if ((name === 'asin' || name === 'acos') && args[0]!.abs().gt('1'))
    throw new Undefined(`${name} of a number beyond 1`);
  const v = f(...args.map((a) => m.bignumber(a.toString())));
  if (!isBig(m, v)) throw new Undefined(`${name} is not real there (${m.typeOf(v)})`);
  const zero = (b: Big) => b.isZero();
  if (v.isNaN() || !v.isFinite()) {
    if (name === 'divide' && zero(args[1]!)) throw new Undefined('a division by 0');
    if (name === 'pow' && zero(args[0]!) && !args[1]!.gt('0')) throw new Undefined('0 to a power that is not positive');
    if (name === 'log' && zero(args[0]!)) throw new Undefined('log(0)');
    throw new Overflow(`${name} leaves decimal.js's exponent range`);
  }
  if (zero(v) && ['multiply', 'divide', 'pow', 'exp'].includes(name) && !args.some(zero))
    throw new Overflow(`${name} underflows decimal.js's exponent range`);
  return v;
}

type Pair = readonly [Big, Big];

/**
 * Evaluates node by node at both precisions in step: a division by 0, 0 to a
 * negative power, log(0) is undefined; any other infinity or NaN, or a 0 from
 * nonzero operands of * / ^ exp, is decimal.js's exponent range (overflow or
 * underflow): unknown. A node whose value is beyond 10^50 and moves with the
 * precision is a pole (tan at a rounded pi/2): undefined, even when a later
 * factor (cos there) would hide it.
 */
function evalNode(
  node: Node,
  scopes: readonly [Record<string, unknown>, Record<string, unknown>],
  mag: { max: Big },
): Pair {
  const [mLow, mHigh] = [engine(PRECISIONS[0]), engine(PRECISIONS[1])];
  if (node.type === 'ParenthesisNode') return evalNode(node.content!, scopes, mag);
  let pair: Pair;
  if (node.type === 'ConstantNode' || node.type === 'SymbolNode') {
    // a constant such as pi is each engine's own (the tree was parsed by one of them)
    const own = node.type === 'SymbolNode' && !(node.name! in scopes[0]);
    const lo = own ? mLow.evaluate(node.name!) : node.evaluate(scopes[0]);
    const hi = own ? mHigh.evaluate(node.name!) : node.evaluate(scopes[1]);
    if (!isBig(mLow, lo) || !isBig(mHigh, hi)) throw new Undefined(`${node.name ?? 'a constant'} is not a real number`);
    pair = [mLow.bignumber(lo.toString()) as unknown as Big, mHigh.bignumber(hi.toString()) as unknown as Big];
  } else if (node.type === 'OperatorNode' || node.type === 'FunctionNode') {
    const name = typeof node.fn === 'string' ? node.fn : node.fn!.name;
    const args = node.args!.map((a) => evalNode(a, scopes, mag));
    pair = [
      apply(
        mLow,
        name,
        args.map((a) => a[0]),
      ),
      apply(
        mHigh,
        name,
        args.map((a) => a[1]),
      ),
    ];
  } else throw new Undefined(`cannot read a ${node.type}`);
  const hi = pair[1];
  const lo = mHigh.bignumber(pair[0].toString()) as unknown as Big;
  const scale = hi.abs().gt('1') ? hi.abs() : (mHigh.bignumber(1) as unknown as Big);
  if (hi.abs().gt('1e50') && hi.minus(lo).abs().gt(scale.times('1e-60')))
    throw new Undefined(
      `a pole (${hi.toString().slice(0, 12)}... at 300 digits, ${lo.toString().slice(0, 12)}... at 100)`,
    );
  if (hi.abs().gt(mag.max)) mag.max = hi.abs();
  return pair;
}

/** the oracle's value of `text` at `point` (each value an expression, e.g. "pi/2") */
export function oracleValue(text: string, point: Readonly<Record<string, string>>): OracleValue {
  const scopes: [Record<string, unknown>, Record<string, unknown>] = [{}, {}];
  const mag = { max: engine(PRECISIONS[1]).bignumber(1) as unknown as Big };
  let pair: Pair;
  try {
    for (const [k, val] of Object.entries(point)) {
      const [lo, hi] = evalNode(engine(100).parse(val) as unknown as Node, [{}, {}], mag);
      scopes[0][k] = lo;
      scopes[1][k] = hi;
    }
    pair = evalNode(engine(100).parse(text) as unknown as Node, scopes, mag);
  } catch (e) {
    if (e instanceof Overflow) return { kind: 'unknown', why: e.message };
    return { kind: 'undefined', why: `${e instanceof Undefined ? '' : 'mathjs: '}${(e as Error).message}` };
  }
  const m = engine(PRECISIONS[1]);
  const [low, high] = pair;
  const a = m.bignumber(high.toString()) as unknown as Big;
  const b = m.bignumber(low.toString()) as unknown as Big;
  if (a.minus(b).abs().gt(mag.max.times('1e-60')))
    return { kind: 'unknown', why: 'the value moves with the precision' };
  return { kind: 'defined', value: high.toString(), low: low.toString(), mag: mag.max.toString() };
}

/** how two oracle values relate (see the file's comment) */
export function relate(a: OracleValue, b: OracleValue): 'differ' | 'agree' | 'unsure' {
  if (a.kind === 'unknown' || b.kind === 'unknown') return 'unsure';
  if (a.kind === 'undefined' || b.kind === 'undefined') return a.kind === b.kind ? 'agree' : 'differ';
  const m = engine(300);
  const n = (s: string) => m.bignumber(s) as unknown as Big;
  const [x, y, xl, yl] = [n(a.value), n(b.value), n(a.low), n(b.low)];
  const one = n('1');
  const scale = [n(a.mag), n(b.mag)].reduce((s, v) => (v.gt(s) ? v : s), one);
  const d = x.minus(y);
  const dl = xl.minus(yl);
  if (d.abs().gt(scale.times('1e-60'))) return 'differ';
  if (!d.isZero() && d.minus(dl).abs().lte(d.abs().times('1e-30'))) return 'differ';
  if (d.abs().lte(scale.times('1e-260')) && dl.abs().lte(scale.times('1e-60'))) return 'agree';
  return 'unsure';
}
