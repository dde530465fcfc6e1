/**
 * A float64 program of an expression on a whole network, for gradcheck's
 * closed form at every (i, j): the expression is compiled once into nested
 * closures, every index variable resolved to a slot of an Int32Array and
 * every array element to an offset computed from those slots, so evaluating
 * it n^2 times does no name lookups. Same semantics as the tape
 * (float-ops.ts).
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
import { E, PI, applyUnary, powGeneral, powInt, powReal, unaryCode } from './float-ops.js';

type Fn = () => number;

/** a compiled expression: set the outer indices' units with `bind`, then `run` */
export interface FloatProgram {
  /** sets the unit (1-based) of an outer index */
  bind(name: string, unit: number): void;
  /** the expression's value at the bound units (NaN or infinite outside a domain) */
  run(): number;
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
    run,
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
    const known = new Uint8Array(size);
    const n = this.n;
    return () => {
      const units = this.units;
      let key = 0;
      for (let d = 0; d < memoSlots.length; d++) key = key * n + (units[memoSlots[d]!]! - 1);
      if (known[key] === 1) return table[key]!;
      const v = plain();
      table[key] = v;
      known[key] = 1;
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
    const values = this.values;
    switch (e.kind) {
      case 'num': {
        const v = rationalToNumber(e.value);
        return () => v;
      }
      case 'const': {
        const v = e.name === 'pi' ? PI : E;
        return () => v;
      }
      case 'units': {
        const v = this.n;
        return () => v;
      }
      case 'sym': {
        const s = slots.get(e.name);
        if (s !== undefined) return () => this.units[s]!;
        const id = this.inputs.scalar(e.name);
        return () => values[id]!;
      }
      case 'elem': {
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
      case 'delta': {
        const a = this.unit(e.a, slots),
          b = this.unit(e.b, slots);
        return () => (a() === b() ? 1 : 0);
      }
      case 'add': {
        const fs = e.terms.map((t) => this.compile(t, slots, context));
        if (fs.length === 2) {
          const [a, b] = fs as [Fn, Fn];
          return () => a() + b();
        }
        return () => {
          let s = 0;
          for (const f of fs) s += f();
          return s;
        };
      }
      case 'mul': {
        const fs = e.factors.map((t) => this.compile(t, slots, context));
        if (fs.length === 2) {
          const [a, b] = fs as [Fn, Fn];
          return () => a() * b();
        }
        return () => {
          let p = 1;
          for (const f of fs) p *= f();
          return p;
        };
      }
      case 'pow': {
        if (e.base.kind === 'const' && e.base.name === 'e') {
          const x = this.compile(e.exp, slots, context);
          const code = unaryCode('exp');
          return () => applyUnary(code, x());
        }
        const base = this.compile(e.base, slots, context);
        if (e.exp.kind === 'num') {
          const k = rationalToNumber(e.exp.value);
          return Number.isInteger(k) ? () => powInt(base(), k) : () => powReal(base(), k);
        }
        const exp = this.compile(e.exp, slots, context);
        return () => powGeneral(base(), exp());
      }
      case 'call': {
        const code = unaryCode(e.fn);
        const x = this.compile(e.args[0]!, slots, context);
        return () => applyUnary(code, x());
      }
      case 'sum': {
        const s = this.nextSlot++;
        this.grow(this.nextSlot);
        const body = this.compile(e.body, new Map([...slots, [e.index, s]]), new Set([...context, s]));
        const n = this.n;
        return () => {
          let acc = 0;
          for (let u = 1; u <= n; u++) {
            this.units[s] = u;
            acc += body();
          }
          this.sumBodies += n;
          return acc;
        };
      }
      case 'diff':
        throw new Error('a diff in a float64 program (gradcheck rejects it first)');
    }
  }
}
