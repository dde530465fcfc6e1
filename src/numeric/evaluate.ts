/**
 * The evaluator: the value of an expression at one point of one instance,
 * over a Field (decimals and duals). `diff(body, v)` is forward-mode automatic
 * differentiation: v's value is replaced by a dual with a fresh tag while body
 * is evaluated, and the coefficient of that tag is the derivative. No
 * symbolic derivative is ever taken.
 */
import type { Expr, Variable } from '../ir/expr.js';
import { emptyScope, type Scope } from '../ir/symbols.js';
import { MAX_WORK_PER_COMPARE, PRECISION } from './bounds.js';
import { Field, type Num, type Val, Dual, Undefined } from './field.js';
import { type OpaqueModel, evaluateOpaque } from './opaque.js';
import { canonicalKey, instantiateIndex } from './atom-key.js';
import { absOf, maxMinOf } from './corners.js';

export interface EvalEnv {
  readonly field: Field;
  readonly scope: Scope;
  /** the number of units; undefined when nothing is indexed */
  readonly n: number | undefined;
  /** the unit of each free index */
  readonly units: ReadonlyMap<string, number>;
  /** the value of every atom read (`x`, `w[2,1]`), assumed variables included */
  readonly values: ReadonlyMap<string, Num>;
  readonly opaque: ReadonlyMap<string, OpaqueModel>;
  /** when given, collects the key of every atom and opaque symbol read */
  readonly accessed?: Set<string>;
  /** when given, collects every outermost diff evaluated, for the other derivative oracles */
  readonly sites?: DiffSite[];
}

/** one evaluation of an outermost `diff(body, wrt)`: where it was, and its forward-mode value */
export interface DiffSite {
  readonly body: Expr;
  readonly wrt: Variable;
  /** the atom differentiated by, instantiated (`w[2,1]`) */
  readonly key: string;
  /** the units of every index in force there (free and sum-bound) */
  readonly units: ReadonlyMap<string, number>;
  /** the variable's value there */
  readonly at: Num;
  /** d body / d key by dual numbers */
  readonly derivative: Num;
}

const BUDGET = new Undefined('evaluation budget exhausted', 'budget');

/** the value of e in env: a decimal, or the undefined marker with its reason */
export function evaluate(e: Expr, env: EvalEnv): Val {
  return new Evaluator(env).run(e);
}

/**
 * The value of an expression without indices or opaque symbols, with each
 * scalar at an exact decimal value, at `precision` digits (an oracle for tests
 * and other layers: the same semantics as numericCompare).
 */
export function evaluateAtPoint(
  e: Expr,
  values: Readonly<Record<string, string>>,
  precision: number = PRECISION,
  scope: Scope = emptyScope(),
): Val {
  const field = new Field(precision, { used: 0, limit: MAX_WORK_PER_COMPARE });
  const vals = new Map<string, Num>(Object.entries(values).map(([k, v]) => [k, field.real(v)]));
  return evaluate(e, { field, scope, n: undefined, units: new Map(), values: vals, opaque: new Map() });
}

class Evaluator {
  private readonly idx: Map<string, number>;
  /** diff seeds in force, innermost last */
  private readonly overrides: { key: string; value: Num }[] = [];
  private nextTag = 1;
  private readonly f: Field;

  constructor(private readonly env: EvalEnv) {
    this.idx = new Map(env.units);
    this.f = env.field;
  }

  run(e: Expr): Val {
    const meter = this.f.meter;
    meter.used++;
    if (meter.used > meter.limit) return BUDGET;
    const f = this.f;
    switch (e.kind) {
      case 'num':
        return f.real(e.value);
      case 'const':
        return e.name === 'pi' ? f.pi() : f.e();
      case 'units':
        return f.real(this.n());
      case 'sym': {
        const u = this.idx.get(e.name);
        if (u !== undefined) return f.real(u);
        return this.atom(e.name);
      }
      case 'elem':
        return this.atom(
          canonicalKey(
            e.name,
            e.indices.map((t) => instantiateIndex(t, this.idx)),
            this.env.scope.symbols,
          ),
        );
      case 'add':
        return this.fold(e.terms, (a, b) => f.add(a, b));
      case 'mul':
        return this.fold(e.factors, (a, b) => f.mul(a, b));
      case 'pow': {
        if (e.base.kind === 'const' && e.base.name === 'e') {
          const x = this.run(e.exp);
          return x instanceof Undefined ? x : f.apply('exp', x);
        }
        const base = this.run(e.base);
        if (base instanceof Undefined) return base;
        // a literal exponent stays exact: x^2 is x*x and x^(1/3) is not an integer power
        if (e.exp.kind === 'num') return f.powRational(base, e.exp.value);
        const exp = this.run(e.exp);
        return exp instanceof Undefined ? exp : f.pow(base, exp);
      }
      case 'call':
        return this.call(e);
      case 'sum': {
        const n = this.n();
        const saved = this.idx.get(e.index);
        let acc: Num = f.zero;
        let result: Val = acc;
        for (let u = 1; u <= n; u++) {
          this.idx.set(e.index, u);
          const v = this.run(e.body);
          if (v instanceof Undefined) {
            result = v;
            break;
          }
          const s = f.add(acc, v);
          if (s instanceof Undefined) {
            result = s;
            break;
          }
          acc = s;
          result = acc;
        }
        if (saved === undefined) this.idx.delete(e.index);
        else this.idx.set(e.index, saved);
        return result;
      }
      case 'delta':
        return instantiateIndex(e.a, this.idx) === instantiateIndex(e.b, this.idx) ? f.one : f.zero;
      case 'diff': {
        const w = e.wrt;
        const key =
          w.kind === 'sym'
            ? w.name
            : canonicalKey(
                w.name,
                w.indices.map((t) => instantiateIndex(t, this.idx)),
                this.env.scope.symbols,
              );
        const at = this.atom(key);
        if (at instanceof Undefined) return at;
        const tag = this.nextTag++;
        const outermost = this.overrides.length === 0;
        this.overrides.push({ key, value: new Dual(tag, at, f.one) });
        const v = this.run(e.body);
        this.overrides.pop();
        if (v instanceof Undefined) return v;
        const d = f.tangent(v, tag);
        if (outermost && this.env.sites)
          this.env.sites.push({ body: e.body, wrt: w, key, units: new Map(this.idx), at, derivative: d });
        return d;
      }
    }
  }

  /** a built-in applied to its arguments: abs, max and min by their corners (corners.ts), the others by the field */
  private call(e: Extract<Expr, { kind: 'call' }>): Val {
    const x = this.run(e.args[0]!);
    if (x instanceof Undefined) return x;
    if (e.fn === 'abs') return absOf(this.f, x);
    if (e.fn !== 'max' && e.fn !== 'min') return this.f.apply(e.fn, x);
    const y = this.run(e.args[1]!);
    return y instanceof Undefined ? y : maxMinOf(this.f, e.fn, x, y);
  }

  private n(): number {
    if (this.env.n === undefined)
      throw new Error('units read in an instance without units (prepare should have marked it indexed)');
    return this.env.n;
  }

  /** left fold of op over the values of xs; every operand is evaluated, since 0·undefined is undefined */
  private fold(xs: readonly Expr[], op: (a: Num, b: Num) => Val): Val {
    let acc: Num | undefined;
    for (const x of xs) {
      const v = this.run(x);
      if (v instanceof Undefined) return v;
      const next: Val = acc === undefined ? v : op(acc, v);
      if (next instanceof Undefined) return next;
      acc = next;
    }
    if (acc === undefined) throw new Error('empty sum or product in the IR');
    return acc;
  }

  /** the value of an atom or opaque symbol: a diff seed, else the point's value, else the opaque model */
  private atom(key: string): Val {
    this.env.accessed?.add(key);
    for (let k = this.overrides.length - 1; k >= 0; k--)
      if (this.overrides[k]!.key === key) return this.overrides[k]!.value;
    const v = this.env.values.get(key);
    if (v !== undefined) return v;
    const model = this.env.opaque.get(key);
    if (model) return evaluateOpaque(model, this.f, (k) => this.input(k));
    throw new Error(`no value for ${key} (collectAtoms should have found it)`);
  }

  /** an opaque model's input: like atom, but inputs are always plain atoms with values */
  private input(key: string): Num {
    const v = this.atom(key);
    if (v instanceof Undefined) throw new Error(`opaque input ${key} is undefined`);
    return v;
  }
}
