/**
 * The arithmetic of a float64 program (float-program.ts), in two kinds:
 *
 * - `fast`: the values only, for the closed form at every element;
 * - `bounded`: every value with a running bound on its error (first order in
 *   the roundings, Wilkinson style, each function's derivative bounded over
 *   the whole error interval, so a bound that is not small stays a bound),
 *   and a flag for a certain domain violation (a log of a value certainly
 *   <= 0): for the few elements where the fast values disagree.
 *
 * Both do the same float64 operations in the same order, so their values
 * are identical; the closures of one program share a State.
 */
import {
  UNARY_NAMES,
  applyUnary,
  logBase,
  powGeneral,
  powInt,
  powIntDerivativeBound,
  powReal,
  powRealDerivativeBound,
  unaryDerivativeBound,
} from './float-ops.js';

export type Fn = () => number;

/** what the closures of one program share */
export interface State {
  /** the unit in each slot (the outer indices, then one per sum); replaced when it grows */
  units: Int32Array;
  /** sum-body evaluations so far */
  sumBodies: number;
  /** bounded: the error bound of the value the last closure returned */
  err: number;
  /** bounded: a certain domain violation was met in this run (sticky: undefined anywhere is undefined) */
  undef: boolean;
}

/** the closures one kind of arithmetic builds */
export interface FloatArith {
  constant(v: number): Fn;
  /** an index unit, an input value, a delta: exact */
  exact(f: Fn): Fn;
  add(fs: readonly Fn[]): Fn;
  mul(fs: readonly Fn[]): Fn;
  unary(code: number, x: Fn): Fn;
  powConst(base: Fn, k: number): Fn;
  powVar(base: Fn, exp: Fn): Fn;
  /** the sum of body over units 1..n of slot s */
  sum(body: Fn, s: number, n: number): Fn;
  /** f memoized in a table over the units of memoSlots (n^length entries) */
  memo(f: Fn, memoSlots: Int32Array, n: number): Fn;
}

/** the unit roundoff of float64, 2^-53 */
const U = 2 ** -53;

/** why 2: V8's Math functions and ** are within one ulp (fdlibm ports); two leaves room */
const LIBM_ULPS = 2;

/** the error of a constant converted to float64: none for a safe integer, else half an ulp */
const rounding = (v: number): number => (Number.isSafeInteger(v) ? 0 : U * Math.abs(v));

/** the key of the memo table entry for the current units of memoSlots */
function memoKey(st: State, memoSlots: Int32Array, n: number): number {
  const units = st.units;
  let key = 0;
  for (let d = 0; d < memoSlots.length; d++) key = key * n + (units[memoSlots[d]!]! - 1);
  return key;
}

/** values only */
export function fastArith(st: State): FloatArith {
  return {
    constant: (v) => () => v,
    exact: (f) => f,
    add(fs) {
      if (fs.length === 2) {
        const [a, b] = fs as [Fn, Fn];
        return () => a() + b();
      }
      return () => {
        let acc = fs[0]!();
        for (let t = 1; t < fs.length; t++) acc += fs[t]!();
        return acc;
      };
    },
    mul(fs) {
      if (fs.length === 2) {
        const [a, b] = fs as [Fn, Fn];
        return () => a() * b();
      }
      return () => {
        let acc = fs[0]!();
        for (let t = 1; t < fs.length; t++) acc *= fs[t]!();
        return acc;
      };
    },
    unary: (code, x) => () => applyUnary(code, x()),
    powConst(base, k) {
      return Number.isInteger(k) ? () => powInt(base(), k) : () => powReal(base(), k);
    },
    powVar: (base, exp) => () => {
      const a = base();
      return powGeneral(a, exp());
    },
    sum: (body, s, n) => () => {
      let acc = 0;
      for (let u = 1; u <= n; u++) {
        st.units[s] = u;
        acc += body();
      }
      st.sumBodies += n;
      return acc;
    },
    memo(f, memoSlots, n) {
      const size = n ** memoSlots.length;
      const table = new Float64Array(size);
      const known = new Uint8Array(size);
      return () => {
        const key = memoKey(st, memoSlots, n);
        if (known[key] === 1) return table[key]!;
        const v = f();
        table[key] = v;
        known[key] = 1;
        return v;
      };
    },
  };
}

/** values with error bounds and certain domain violations (in st.err, st.undef) */
export function boundedArith(st: State): FloatArith {
  return {
    constant: (v) => boundedConstant(st, v),
    exact: (f) => () => {
      st.err = 0;
      return f();
    },
    add: (fs) => boundedAdd(st, fs),
    mul: (fs) => boundedMul(st, fs),
    unary: (code, x) => boundedUnary(st, code, x),
    powConst: (base, k) => boundedPowConst(st, base, k),
    powVar: (base, exp) => boundedPowVar(st, base, exp),
    sum: (body, s, n) => boundedSum(st, body, s, n),
    memo: (f, memoSlots, n) => boundedMemo(st, f, memoSlots, n),
  };
}

/** a constant with the error of its conversion to float64 */
function boundedConstant(st: State, v: number): Fn {
  const err = rounding(v);
  return () => {
    st.err = err;
    return v;
  };
}

/** a sum of terms: each addition's rounding is at most U |partial sum| */
function boundedAdd(st: State, fs: readonly Fn[]): Fn {
  return () => {
    let acc = fs[0]!();
    let err = st.err;
    for (let t = 1; t < fs.length; t++) {
      acc += fs[t]!();
      err += st.err + U * Math.abs(acc);
    }
    st.err = err;
    return acc;
  };
}

/** a product of factors: |xy - x'y'| <= |x| ey + |y| ex + ex ey, plus the rounding */
function boundedMul(st: State, fs: readonly Fn[]): Fn {
  return () => {
    let acc = fs[0]!();
    let err = st.err;
    for (let t = 1; t < fs.length; t++) {
      const y = fs[t]!();
      const ey = st.err;
      const p = acc * y;
      err = Math.abs(acc) * ey + Math.abs(y) * err + err * ey + U * Math.abs(p);
      acc = p;
    }
    st.err = err;
    return acc;
  };
}

/** a unary built-in: the derivative bounded over the error interval, plus the library's ulps */
function boundedUnary(st: State, code: number, x: Fn): Fn {
  return () => {
    const a = x();
    const ea = st.err;
    const v = applyUnary(code, a);
    if (!Number.isFinite(v)) {
      if (certainlyOutside(code, a, ea)) st.undef = true;
      st.err = Infinity;
      return v;
    }
    st.err = (ea === 0 ? 0 : unaryDerivativeBound(code, a, ea) * ea) + LIBM_ULPS * U * Math.abs(v);
    return v;
  };
}

/** a power with a constant exponent k */
function boundedPowConst(st: State, base: Fn, k: number): Fn {
  const integer = Number.isInteger(k);
  return () => {
    const a = base();
    const ea = st.err;
    const v = integer ? powInt(a, k) : powReal(a, k);
    // a negative power of an exact 0, a fractional power of a value certainly below 0
    if ((k < 0 && a === 0 && ea === 0) || (!integer && a + ea < 0)) st.undef = true;
    const slope = ea === 0 ? 0 : integer ? powIntDerivativeBound(a, k, ea) : powRealDerivativeBound(a, k, ea);
    st.err = slope * ea + LIBM_ULPS * U * Math.abs(v);
    return v;
  };
}

/** a^b for a computed exponent: as exp(b log a) to first order, and no bound unless a stays positive */
function boundedPowVar(st: State, base: Fn, exp: Fn): Fn {
  return () => {
    const a = base();
    const ea = st.err;
    const b = exp();
    const eb = st.err;
    const v = powGeneral(a, b);
    if (eb === 0 && ((b < 0 && a === 0 && ea === 0) || (!Number.isInteger(b) && a + ea < 0))) st.undef = true;
    if (eb === 0 && Number.isInteger(b)) {
      st.err = (ea === 0 ? 0 : powIntDerivativeBound(a, b, ea) * ea) + LIBM_ULPS * U * Math.abs(v);
    } else {
      st.err =
        a - ea > 0
          ? Math.abs(v) * (Math.abs(logBase(a)) * eb + (Math.abs(b) * ea) / (a - ea)) + LIBM_ULPS * U * Math.abs(v)
          : Infinity;
    }
    return v;
  };
}

/** the sum of body over units 1..n of slot s, each addition's rounding counted */
function boundedSum(st: State, body: Fn, s: number, n: number): Fn {
  return () => {
    let acc = 0,
      err = 0;
    for (let u = 1; u <= n; u++) {
      st.units[s] = u;
      acc += body();
      err += st.err + U * Math.abs(acc);
    }
    st.sumBodies += n;
    st.err = err;
    return acc;
  };
}

/** f memoized with its error bound and whether it was certainly undefined */
function boundedMemo(st: State, f: Fn, memoSlots: Int32Array, n: number): Fn {
  const size = n ** memoSlots.length;
  const table = new Float64Array(size);
  const errors = new Float64Array(size);
  // 1 computed, 2 computed and certainly undefined
  const known = new Uint8Array(size);
  return () => {
    const key = memoKey(st, memoSlots, n);
    if (known[key] !== 0) {
      st.err = errors[key]!;
      if (known[key] === 2) st.undef = true;
      return table[key]!;
    }
    const outside = st.undef;
    st.undef = false;
    const v = f();
    table[key] = v;
    errors[key] = st.err;
    known[key] = st.undef ? 2 : 1;
    st.undef ||= outside;
    return v;
  };
}

/** whether the argument a (within e of exact) is certainly outside the domain of the unary built-in `code` */
function certainlyOutside(code: number, a: number, e: number): boolean {
  if (!Number.isFinite(e)) return false;
  switch (UNARY_NAMES[code]) {
    case 'log':
      return a + e <= 0;
    case 'sqrt':
      return a + e < 0;
    case 'asin':
    case 'acos':
      return Math.abs(a) - e > 1;
    default:
      return false;
  }
}
