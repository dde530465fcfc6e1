/**
 * A float64 program of an expression on a whole network, for gradcheck's
 * closed form at every (i, j): the expression is compiled once into nested
 * closures, every index variable resolved to a slot of an Int32Array and
 * every array element to an offset computed from those slots, so evaluating
 * it n^2 times does no name lookups. Same semantics as the tape
 * (float-ops.ts).
 *
 * A program is `fast` (values only) or `bounded` (every value with a
 * running error bound and a flag for a certain domain violation;
 * float-arith.ts), with identical values: gradcheck runs the fast one at
 * every element and the bounded one only where the values disagree. A
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
import { type FloatArith, type Fn, type State, boundedArith, fastArith } from './float-arith.js';
import { E, PI, unaryCode } from './float-ops.js';

/** a compiled expression: set the outer indices' units with `bind`, then `run` */
export interface FloatProgram {
  /** sets the unit (1-based) of an outer index */
  bind(name: string, unit: number): void;
  /** the expression's value at the bound units (NaN or infinite outside a domain) */
  run(): number;
  /** bounded programs: a bound on |value - exact value| of the last run (Infinity when none is known); fast: NaN */
  readonly error: number;
  /** bounded programs: the last run met a certain domain violation (a log of a value certainly <= 0, a division by an exact 0), so the exact closed form is undefined there; fast: false */
  readonly undefinedHere: boolean;
  /** the sum-body evaluations so far, over every run: the program's work, counted (tests pin its growth) */
  readonly sumBodies: number;
}

/**
 * why 2^22 (32 MB of float64): a memo table over two indices of
 * MAX_GRADCHECK_UNITS units would be 2.5e7 entries; past this a
 * sub-expression is recomputed instead (slower, never wrong)
 */
const MAX_MEMO_ENTRIES = 1 << 22;

/** compiles e over the values of a dense layout; `outer` are the indices the caller binds; bounded by default */
export function compileFloat(
  e: Expr,
  n: number,
  inputs: DenseInputs,
  values: Float64Array,
  outer: readonly string[],
  kind: 'fast' | 'bounded' = 'bounded',
): FloatProgram {
  const st: State = { units: new Int32Array(Math.max(8, outer.length)), sumBodies: 0, err: 0, undef: false };
  const c = new Compiler(n, inputs, values, outer.length, st, kind === 'fast' ? fastArith(st) : boundedArith(st));
  const run = c.compile(e, new Map(outer.map((name, k) => [name, k])), new Set(outer.map((_, k) => k)));
  const slots = new Map(outer.map((name, k) => [name, k]));
  const bounded = kind === 'bounded';
  return {
    bind(name, unit) {
      const s = slots.get(name);
      if (s === undefined) throw new Error(`${name} is not an outer index`);
      st.units[s] = unit;
    },
    run: () => {
      st.undef = false;
      return run();
    },
    get error() {
      return bounded ? st.err : Number.NaN;
    },
    get undefinedHere() {
      return bounded && st.undef;
    },
    get sumBodies() {
      return st.sumBodies;
    },
  };
}

class Compiler {
  private nextSlot: number;

  constructor(
    private readonly n: number,
    private readonly inputs: DenseInputs,
    private readonly values: Float64Array,
    outer: number,
    private readonly st: State,
    private readonly arith: FloatArith,
  ) {
    this.nextSlot = outer;
  }

  /** a new slot for a sum's index (the units array grows; closures read st.units afresh) */
  private slot(): number {
    const s = this.nextSlot++;
    if (s >= this.st.units.length) {
      const next = new Int32Array(this.st.units.length * 2);
      next.set(this.st.units);
      this.st.units = next;
    }
    return s;
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
    return this.arith.memo(this.plain(e, slots, new Set(used)), Int32Array.from(used), this.n);
  }

  /** the unit of an index term: a literal, or a slot read */
  private unit(t: IndexTerm, slots: ReadonlyMap<string, number>): Fn {
    if (t.kind === 'num') {
      const u = Number(t.value.n);
      return () => u;
    }
    const s = slots.get(t.name);
    if (s === undefined) throw new Error(`index ${t.name} is not bound`);
    const st = this.st;
    return () => st.units[s]!;
  }

  private plain(e: Expr, slots: ReadonlyMap<string, number>, context: ReadonlySet<number>): Fn {
    const a = this.arith;
    const sub = (x: Expr) => this.compile(x, slots, context);
    switch (e.kind) {
      case 'num':
        return a.constant(rationalToNumber(e.value));
      case 'const':
        return a.constant(e.name === 'pi' ? PI : E);
      case 'units':
        return a.constant(this.n);
      case 'sym':
      case 'elem':
      case 'delta':
        return a.exact(this.leaf(e, slots));
      case 'add':
        return a.add(e.terms.map(sub));
      case 'mul':
        return a.mul(e.factors.map(sub));
      case 'pow': {
        if (e.base.kind === 'const' && e.base.name === 'e') return a.unary(unaryCode('exp'), sub(e.exp));
        if (e.exp.kind === 'num') return a.powConst(sub(e.base), rationalToNumber(e.exp.value));
        return a.powVar(sub(e.base), sub(e.exp));
      }
      case 'call':
        return a.unary(unaryCode(e.fn), sub(e.args[0]!));
      case 'sum': {
        const s = this.slot();
        const body = this.compile(e.body, new Map([...slots, [e.index, s]]), new Set([...context, s]));
        return a.sum(body, s, this.n);
      }
      case 'diff':
        throw new Error('a diff in a float64 program (gradcheck rejects it first)');
    }
  }

  private leaf(e: Expr & { kind: 'sym' | 'elem' | 'delta' }, slots: ReadonlyMap<string, number>): Fn {
    const values = this.values;
    const st = this.st;
    if (e.kind === 'sym') {
      const s = slots.get(e.name);
      if (s !== undefined) return () => st.units[s]!;
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
}
