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
export interface DualArithmetic<N> {
  readonly one: N;
  add(a: N, b: N): N | NotDefined;
  sub(a: N, b: N): N | NotDefined;
  mul(a: N, b: N): N | NotDefined;
  neg(a: N): N;
  /** 1/a; where a is 0: `reason`, with `cause` (`singular` for a derivative's pole) */
  recip(a: N, reason?: string, cause?: NotDefinedCause): N | NotDefined;
  apply(fn: string, a: N): N | NotDefined;
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
