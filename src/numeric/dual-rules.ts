/**
 * What forward-mode differentiation does the same way in both arithmetics,
 * the 50-digit decimals (field.ts) and the rigorous enclosures
 * (enclosure.ts): each function's local derivative, and integer powers by
 * repeated squaring. Written once over the operations an arithmetic offers,
 * so the derivative of a function cannot differ between the two; every
 * number it builds comes from the arithmetic's own add, mul, recip and apply
 * (enclosures stay rigorous: outward rounding happens there), so a
 * derivative differentiates again under nested tags.
 */
import { NotDefined, type NotDefinedCause } from './undefined.js';

/** the operations of an arithmetic over numbers N the rules below use */
interface DualArithmetic<N> {
  readonly one: N;
  add(a: N, b: N): N | NotDefined;
  sub(a: N, b: N): N | NotDefined;
  mul(a: N, b: N): N | NotDefined;
  neg(a: N): N;
  /** 1/a; where a is 0: `reason`, with `cause` (`singular` for a derivative's pole) */
  recip(a: N, reason?: string, cause?: NotDefinedCause): N | NotDefined;
  apply(fn: string, a: N): N | NotDefined;
}

/** what the sum, product and reciprocal rules need besides the operations: a number's parts along a tag, and a dual */
export interface DualParts<N> extends DualArithmetic<N> {
  /** the real and ε parts of a along tag t (a number without ε_t: itself and 0) */
  split(a: N, t: number): [N, N];
  /** re + eps·ε_t */
  dual(t: number, re: N, eps: N): N;
}

/** a + b along the largest tag t > 0 present: (a_re + b_re) + (a_ε + b_ε)·ε_t */
export function dualSum<N>(ar: DualParts<N>, a: N, b: N, t: number): N | NotDefined {
  const [x, xe] = ar.split(a, t);
  const [y, ye] = ar.split(b, t);
  const re = ar.add(x, y);
  if (re instanceof NotDefined) return re;
  const eps = ar.add(xe, ye);
  return eps instanceof NotDefined ? eps : ar.dual(t, re, eps);
}

/** a·b along the largest tag t > 0 present, by the product rule: a_re b_re + (a_re b_ε + a_ε b_re)·ε_t */
export function dualProduct<N>(ar: DualParts<N>, a: N, b: N, t: number): N | NotDefined {
  const [x, xe] = ar.split(a, t);
  const [y, ye] = ar.split(b, t);
  const re = ar.mul(x, y);
  if (re instanceof NotDefined) return re;
  const p = ar.mul(x, ye);
  if (p instanceof NotDefined) return p;
  const q = ar.mul(xe, y);
  if (q instanceof NotDefined) return q;
  const eps = ar.add(p, q);
  return eps instanceof NotDefined ? eps : ar.dual(t, re, eps);
}

/** 1/(re + eps·ε_t) = 1/re - eps/re²·ε_t, the reciprocal of re (and its reason and cause where re is 0) the arithmetic's own */
export function dualReciprocal<N>(
  ar: DualParts<N>,
  t: number,
  re: N,
  eps: N,
  reason: string,
  cause: NotDefinedCause,
): N | NotDefined {
  const r = ar.recip(re, reason, cause);
  if (r instanceof NotDefined) return r;
  const r2 = ar.mul(r, r);
  if (r2 instanceof NotDefined) return r2;
  const e = ar.mul(eps, r2);
  return e instanceof NotDefined ? e : ar.dual(t, r, ar.neg(e));
}

/** 1 + sign·v² */
function onePlusSquare<N>(ar: DualArithmetic<N>, v: N, sign: 1 | -1): N | NotDefined {
  const sq = ar.mul(v, v);
  if (sq instanceof NotDefined) return sq;
  return ar.add(ar.one, sign === 1 ? sq : ar.neg(sq));
}

/** f'(x) for a built-in f, given fx = f(x); built from the arithmetic's operations so it differentiates again */
export function localDerivative<N>(ar: DualArithmetic<N>, fn: string, x: N, fx: N): N | NotDefined {
  switch (fn) {
    case 'exp':
      return fx;
    case 'log':
      return ar.recip(x);
    case 'sqrt': {
      const twice = ar.add(fx, fx);
      return twice instanceof NotDefined ? twice : ar.recip(twice, 'sqrt is not differentiable at 0', 'singular');
    }
    case 'sin':
      return ar.apply('cos', x);
    case 'cos': {
      const s = ar.apply('sin', x);
      return s instanceof NotDefined ? s : ar.neg(s);
    }
    case 'tan':
      return onePlusSquare(ar, fx, 1);
    case 'sinh':
      return ar.apply('cosh', x);
    case 'cosh':
      return ar.apply('sinh', x);
    case 'tanh':
      return onePlusSquare(ar, fx, -1);
    case 'asin':
    case 'acos': {
      const c = onePlusSquare(ar, x, -1);
      if (c instanceof NotDefined) return c;
      const s = ar.apply('sqrt', c);
      if (s instanceof NotDefined) return s;
      const r = ar.recip(s, `${fn} is not differentiable at -1 and 1`, 'singular');
      return r instanceof NotDefined || fn === 'asin' ? r : ar.neg(r);
    }
    case 'atan': {
      const c = onePlusSquare(ar, x, 1);
      return c instanceof NotDefined ? c : ar.recip(c);
    }
    case 'sigma': {
      const c = ar.sub(ar.one, fx);
      return c instanceof NotDefined ? c : ar.mul(fx, c);
    }
    default:
      throw new Error(`not a built-in function: ${fn}`);
  }
}

/** a^k for an integer k >= 0 by repeated squaring (any sign of a; a^0 = 1), each product the arithmetic's own */
export function powerBySquaring<N>(ar: DualArithmetic<N>, a: N, k: bigint): N | NotDefined {
  let result: N = ar.one;
  let base: N = a;
  let e = k;
  while (e > 0n) {
    if (e & 1n) {
      const r = ar.mul(result, base);
      if (r instanceof NotDefined) return r;
      result = r;
    }
    e >>= 1n;
    if (e > 0n) {
      const b = ar.mul(base, base);
      if (b instanceof NotDefined) return b;
      base = b;
    }
  }
  return result;
}
