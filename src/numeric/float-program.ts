/**
 * A float64 program of an expression on a whole network, for gradcheck's
 * closed form at every (i, j): the expression is compiled once into nested
 * closures, every index variable resolved to a slot of an Int32Array and
 * every array element to an offset computed from those slots, so evaluating
 * it n^2 times does no name lookups. Same semantics as the tape
 * (float-ops.ts).
 *
 * A sub-expression containing a sum or a call that uses only some of the
 * outer indices (i but not j) is memoized in a flat table over those, so
 * s[j] (s[i] - sigma(a(i))) computes each unit's net input once, not n
 * times; the table never holds more than n^(outer - 1) values. The input
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
}

/** compiles e over the values of a dense layout; `outer` are the indices the caller binds */
export function compileFloat(
  e: Expr,
  n: number,
  inputs: DenseInputs,
  values: Float64Array,
  outer: readonly string[],
): FloatProgram {
  const c = new Compiler(n, inputs, values, outer);
  const run = c.compile(e, new Map(outer.map((name, k) => [name, k])));
  const units = c.units;
  const slots = new Map(outer.map((name, k) => [name, k]));
  return {
    bind(name, unit) {
      const s = slots.get(name);
      if (s === undefined) throw new Error(`${name} is not an outer index`);
      units[s] = unit;
    },
    run,
  };
}

class Compiler {
  /** the unit in each slot: the outer indices first, then one slot per sum */
  units = new Int32Array(8);
  private nextSlot: number;

  constructor(
    private readonly n: number,
    private readonly inputs: DenseInputs,
    private readonly values: Float64Array,
    private readonly outer: readonly string[],
  ) {
    this.nextSlot = outer.length;
    this.grow(outer.length);
  }

  private grow(needed: number): void {
    if (needed <= this.units.length) return;
    const next = new Int32Array(Math.max(needed, this.units.length * 2));
    next.set(this.units);
    this.units = next;
  }

  /** e as a closure; `slots` maps the index names in scope to their slots */
  compile(e: Expr, slots: ReadonlyMap<string, number>): Fn {
    const plain = this.plain(e, slots);
    const names = namesOf(e).filter((name) => slots.has(name));
    const outerUsed = names.filter((name) => this.outer.includes(name));
    // memoize only what uses a proper subset of the outer indices and no sum index: it recurs n times or more
    if (!heavy(e) || outerUsed.length !== names.length || outerUsed.length >= this.outer.length) return plain;
    const memoSlots = outerUsed.map((name) => slots.get(name)!);
    const size = this.n ** memoSlots.length;
    const table = new Float64Array(size);
    const known = new Uint8Array(size);
    const n = this.n;
    return () => {
      const units = this.units;
      let key = 0;
      for (const s of memoSlots) key = key * n + (units[s]! - 1);
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

  private plain(e: Expr, slots: ReadonlyMap<string, number>): Fn {
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
        const fs = e.terms.map((t) => this.compile(t, slots));
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
        const fs = e.factors.map((t) => this.compile(t, slots));
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
          const x = this.compile(e.exp, slots);
          const code = unaryCode('exp');
          return () => applyUnary(code, x());
        }
        const base = this.compile(e.base, slots);
        if (e.exp.kind === 'num') {
          const k = rationalToNumber(e.exp.value);
          return Number.isInteger(k) ? () => powInt(base(), k) : () => powReal(base(), k);
        }
        const exp = this.compile(e.exp, slots);
        return () => powGeneral(base(), exp());
      }
      case 'call': {
        const code = unaryCode(e.fn);
        const x = this.compile(e.args[0]!, slots);
        return () => applyUnary(code, x());
      }
      case 'sum': {
        const s = this.nextSlot++;
        this.grow(this.nextSlot);
        const body = this.compile(e.body, new Map([...slots, [e.index, s]]));
        const n = this.n;
        return () => {
          let acc = 0;
          for (let u = 1; u <= n; u++) {
            this.units[s] = u;
            acc += body();
          }
          return acc;
        };
      }
      case 'diff':
        throw new Error('a diff in a float64 program (gradcheck rejects it first)');
    }
  }
}
