/**
 * A float64 program of an expression on a whole network, for gradcheck's
 * closed form at every (i, j): the expression is compiled once into nested
 * closures, every index variable resolved to a slot of an Int32Array and
 * every array element to an offset computed from those slots, so evaluating
 * it n^2 times does no name lookups. Same semantics as the tape
 * (float-ops.ts).
 *
 * Every value comes with a running error bound (first order in the
 * roundings, Wilkinson style, but with each function's derivative bounded
 * over the whole error interval, so a bound that is not small stays a
 * bound): |computed - exact| <= error, the input values being exact. A
 * closed form like 1/(1 - sigma(40)) has a bound as large as its value, so
 * gradcheck does not judge it there rather than call rounding a mistake.
 *
 * A sub-expression containing a sum or a call is memoized in a flat table
 * over the units of the index variables it uses (outer ones like i, or
 * those of enclosing sums) whenever some index in scope is not among them:
 * its value cannot change while only that index moves. So
 * s[j] (s[i] - sigma(a(i))) computes each unit's net input once, not n
 * times, and a backpropagated error sum(m, w2[m,p] d2(m)) computes each
 * d2(m) once for the whole network, not once per (p, q, m): the work of a
 * closed form written with per-unit definitions is then proportional to
 * the network's weights (edges), not a power of n. A table over the
 * indices of size n^k is built only within MAX_MEMO_ENTRIES. The input
 * values must not change while a program is used.
 */
import type { Expr, IndexTerm } from '../ir/expr.js';
import { rationalToNumber } from '../ir/rational.js';
import type { DenseInputs } from './dense-inputs.js';
import { heavy, namesOf } from './expr-scan.js';
import {
  E,
  PI,
  applyUnary,
  logBase,
  powGeneral,
  powInt,
  powIntDerivativeBound,
  powReal,
  powRealDerivativeBound,
  UNARY_NAMES,
  unaryCode,
  unaryDerivativeBound,
} from './float-ops.js';

/** the unit roundoff of float64, 2^-53 */
const U = 2 ** -53;

/** why 2: V8's Math functions and ** are within one ulp (fdlibm ports); two leaves room */
const LIBM_ULPS = 2;

/** the error of a constant converted to float64: none for a safe integer, else half an ulp */
const rounding = (v: number): number => (Number.isSafeInteger(v) ? 0 : U * Math.abs(v));

type Fn = () => number;

/** a compiled expression: set the outer indices' units with `bind`, then `run` */
export interface FloatProgram {
  /** sets the unit (1-based) of an outer index */
  bind(name: string, unit: number): void;
  /** the expression's value at the bound units (NaN or infinite outside a domain) */
  run(): number;
  /** a bound on |value - exact value| of the last run (Infinity when none is known) */
  readonly error: number;
  /** the last run met a certain domain violation (a log of a value certainly <= 0, a division by an exact 0): the exact closed form is undefined there */
  readonly undefinedHere: boolean;
  /** the sum-body evaluations so far, over every run: the program's work, counted (tests pin its growth) */
  readonly sumBodies: number;
}

/**
 * why 2^22 (32 MB of float64): a memo table over two indices of
 * MAX_GRADCHECK_UNITS units would be 2.5e7 entries; past this a
 * sub-expression is recomputed instead (slower, never wrong)
 */
export const MAX_MEMO_ENTRIES = 1 << 22;

/** compiles e over the values of a dense layout; `outer` are the indices the caller binds */
export function compileFloat(
  e: Expr,
  n: number,
  inputs: DenseInputs,
  values: Float64Array,
  outer: readonly string[],
): FloatProgram {
  const c = new Compiler(n, inputs, values, outer.length);
  const run = c.compile(e, new Map(outer.map((name, k) => [name, k])), new Set(outer.map((_, k) => k)));
  const slots = new Map(outer.map((name, k) => [name, k]));
  return {
    bind(name, unit) {
      const s = slots.get(name);
      if (s === undefined) throw new Error(`${name} is not an outer index`);
      c.units[s] = unit;
    },
    run: () => {
      c.undef = false;
      return run();
    },
    get error() {
      return c.err;
    },
    get undefinedHere() {
      return c.undef;
    },
    get sumBodies() {
      return c.sumBodies;
    },
  };
}

class Compiler {
  /** the unit in each slot: the outer indices first, then one slot per sum */
  units = new Int32Array(8);
  /** sum-body evaluations so far */
  sumBodies = 0;
  /** the error bound of the value the last closure returned */
  err = 0;
  /** a certain domain violation was met in this run (sticky: undefined anywhere is undefined) */
  undef = false;
  private nextSlot: number;

  constructor(
    private readonly n: number,
    private readonly inputs: DenseInputs,
    private readonly values: Float64Array,
    outer: number,
  ) {
    this.nextSlot = outer;
    this.grow(outer);
  }

  private grow(needed: number): void {
    if (needed <= this.units.length) return;
    const next = new Int32Array(Math.max(needed, this.units.length * 2));
    next.set(this.units);
    this.units = next;
  }

  /**
   * e as a closure; `slots` maps the index names in scope (outer and summed)
   * to their slots; `context` holds the slots that vary between evaluations
   * of e: the outer ones, or those of the nearest memoized enclosing
   * expression, plus those of the sums opened since
   */
  compile(e: Expr, slots: ReadonlyMap<string, number>, context: ReadonlySet<number>): Fn {
    if (!heavy(e)) return this.plain(e, slots, context);
    // the key: every slot e reads (so a memoized value is always e's value at those units)
    const used = namesOf(e)
      .map((name) => slots.get(name))
      .filter((s) => s !== undefined);
    // memoize what some varying index does not reach: it recurs n times or more with the same value
    if ([...context].every((s) => used.includes(s)) || this.n ** used.length > MAX_MEMO_ENTRIES)
      return this.plain(e, slots, context);
    const plain = this.plain(e, slots, new Set(used));
    const memoSlots = Int32Array.from(used);
    const size = this.n ** memoSlots.length;
    const table = new Float64Array(size);
    const errors = new Float64Array(size);
    const known = new Uint8Array(size);
    const n = this.n;
    return () => {
      const units = this.units;
      let key = 0;
      for (let d = 0; d < memoSlots.length; d++) key = key * n + (units[memoSlots[d]!]! - 1);
      // known: 1 computed, 2 computed and certainly undefined
      if (known[key] !== 0) {
        this.err = errors[key]!;
        if (known[key] === 2) this.undef = true;
        return table[key]!;
      }
      const outside = this.undef;
      this.undef = false;
      const v = plain();
      table[key] = v;
      errors[key] = this.err;
      known[key] = this.undef ? 2 : 1;
      this.undef ||= outside;
      return v;
    };
  }

  /** the unit of an index term: a literal, or a slot read */
  private unit(t: IndexTerm, slots: ReadonlyMap<string, number>): Fn {
    if (t.kind === 'num') {
      const u = Number(t.value.n);
      return () => u;
    }
    const s = slots.get(t.name);
    if (s === undefined) throw new Error(`index ${t.name} is not bound`);
    return () => this.units[s]!;
  }

  private plain(e: Expr, slots: ReadonlyMap<string, number>, context: ReadonlySet<number>): Fn {
    switch (e.kind) {
      case 'num':
      case 'const':
      case 'units': {
        const v = e.kind === 'num' ? rationalToNumber(e.value) : e.kind === 'units' ? this.n : e.name === 'pi' ? PI : E;
        const err = rounding(v);
        return () => {
          this.err = err;
          return v;
        };
      }
      case 'sym':
      case 'elem':
      case 'delta':
        return this.exact(e, slots);
      case 'add':
        return this.sumOf(e.terms.map((t) => this.compile(t, slots, context)));
      case 'mul':
        return this.product(e.factors.map((t) => this.compile(t, slots, context)));
      case 'pow': {
        if (e.base.kind === 'const' && e.base.name === 'e')
          return this.unary(unaryCode('exp'), this.compile(e.exp, slots, context));
        const base = this.compile(e.base, slots, context);
        if (e.exp.kind === 'num') return this.powConst(base, rationalToNumber(e.exp.value));
        return this.powVar(base, this.compile(e.exp, slots, context));
      }
      case 'call':
        return this.unary(unaryCode(e.fn), this.compile(e.args[0]!, slots, context));
      case 'sum': {
        const s = this.nextSlot++;
        this.grow(this.nextSlot);
        const body = this.compile(e.body, new Map([...slots, [e.index, s]]), new Set([...context, s]));
        const n = this.n;
        return () => {
          let acc = 0,
            err = 0;
          for (let u = 1; u <= n; u++) {
            this.units[s] = u;
            acc += body();
            err += this.err + U * Math.abs(acc);
          }
          this.sumBodies += n;
          this.err = err;
          return acc;
        };
      }
      case 'diff':
        throw new Error('a diff in a float64 program (gradcheck rejects it first)');
    }
  }

  /** an index variable's unit, an input value, or a delta: exact */
  private exact(e: Expr & { kind: 'sym' | 'elem' | 'delta' }, slots: ReadonlyMap<string, number>): Fn {
    const f = this.leaf(e, slots);
    return () => {
      this.err = 0;
      return f();
    };
  }

  private leaf(e: Expr & { kind: 'sym' | 'elem' | 'delta' }, slots: ReadonlyMap<string, number>): Fn {
    const values = this.values;
    if (e.kind === 'sym') {
      const s = slots.get(e.name);
      if (s !== undefined) return () => this.units[s]!;
      const id = this.inputs.scalar(e.name);
      return () => values[id]!;
    }
    if (e.kind === 'delta') {
      const a = this.unit(e.a, slots),
        b = this.unit(e.b, slots);
      return () => (a() === b() ? 1 : 0);
    }
    const base = this.inputs.base(e.name);
    const n = this.n;
    const us = e.indices.map((t) => this.unit(t, slots));
    if (us.length === 1) {
      const [a] = us as [Fn];
      return () => values[base + a() - 1]!;
    }
    if (us.length === 2) {
      const [a, b] = us as [Fn, Fn];
      return () => values[base + (a() - 1) * n + b() - 1]!;
    }
    return () => {
      let offset = 0;
      for (const u of us) offset = offset * n + (u() - 1);
      return values[base + offset]!;
    };
  }

  /** the terms added left to right; each addition's rounding is at most U |partial sum| */
  private sumOf(fs: readonly Fn[]): Fn {
    return () => {
      let acc = 0,
        err = 0;
      for (let t = 0; t < fs.length; t++) {
        acc += fs[t]!();
        err += this.err + (t > 0 ? U * Math.abs(acc) : 0);
      }
      this.err = err;
      return acc;
    };
  }

  /** the factors multiplied left to right: |xy - x'y'| <= |x| ey + |y| ex + ex ey, plus the rounding */
  private product(fs: readonly Fn[]): Fn {
    return () => {
      let acc = fs[0]!();
      let err = this.err;
      for (let t = 1; t < fs.length; t++) {
        const y = fs[t]!();
        const ey = this.err;
        const p = acc * y;
        err = Math.abs(acc) * ey + Math.abs(y) * err + err * ey + U * Math.abs(p);
        acc = p;
      }
      this.err = err;
      return acc;
    };
  }

  private unary(code: number, x: Fn): Fn {
    return () => {
      const a = x();
      const ea = this.err;
      const v = applyUnary(code, a);
      if (Number.isNaN(v) || !Number.isFinite(v)) {
        if (certainlyOutside(code, a, ea)) this.undef = true;
        this.err = Infinity;
        return v;
      }
      this.err = (ea === 0 ? 0 : unaryDerivativeBound(code, a, ea) * ea) + LIBM_ULPS * U * Math.abs(v);
      return v;
    };
  }

  private powConst(base: Fn, k: number): Fn {
    const integer = Number.isInteger(k);
    return () => {
      const a = base();
      const ea = this.err;
      const v = integer ? powInt(a, k) : powReal(a, k);
      // a negative power of an exact 0, a fractional power of a value certainly below 0
      if ((k < 0 && a === 0 && ea === 0) || (!integer && a + ea < 0)) this.undef = true;
      const slope = ea === 0 ? 0 : integer ? powIntDerivativeBound(a, k, ea) : powRealDerivativeBound(a, k, ea);
      this.err = slope * ea + LIBM_ULPS * U * Math.abs(v);
      return v;
    };
  }

  /** a^b for a computed exponent: as exp(b log a) to first order, and no bound unless a stays positive */
  private powVar(base: Fn, exp: Fn): Fn {
    return () => {
      const a = base();
      const ea = this.err;
      const b = exp();
      const eb = this.err;
      const v = powGeneral(a, b);
      if (eb === 0 && ((b < 0 && a === 0 && ea === 0) || (!Number.isInteger(b) && a + ea < 0))) this.undef = true;
      if (eb === 0 && Number.isInteger(b)) {
        this.err = (ea === 0 ? 0 : powIntDerivativeBound(a, b, ea) * ea) + LIBM_ULPS * U * Math.abs(v);
      } else {
        this.err =
          a - ea > 0
            ? Math.abs(v) * (Math.abs(logBase(a)) * eb + (Math.abs(b) * ea) / (a - ea)) + LIBM_ULPS * U * Math.abs(v)
            : Infinity;
      }
      return v;
    };
  }
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
