/**
 * The evaluator: the value of an expression at one point of one instance,
 * over a field (DecimalField: decimals and duals). `diff(body, v)` is forward-mode automatic
 * differentiation: v's value is replaced by a dual with a fresh tag while body
 * is evaluated, and the coefficient of that tag is the derivative. No
 * symbolic derivative is ever taken.
 */
import type { Expr, Variable } from '../ir/expr.js';
import type { Rational } from '../ir/rational.js';
import { emptyScope, type Scope } from '../ir/symbols.js';
import { MAX_WORK_PER_COMPARE, PRECISION } from './bounds.js';
import { DecimalField } from './field.js';
import type { WorkMeter, FieldNum, Val } from './numbers.js';
import { NotDefined } from './undefined.js';
import { type OpaqueModel, opaqueValue } from './opaque.js';
import { canonicalKey, instantiateIndex } from './atom-key.js';
import { cornerAbs, cornerMaxMin } from './corners.js';

/**
 * The arithmetic an expression is evaluated in: the 50-digit field of
 * decimals and duals (field.ts), or enclosures (enclosure.ts). Each operation
 * returns a number or the undefined marker.
 */
export interface Arith<N> {
  readonly meter: WorkMeter;
  readonly precision: number;
  readonly zero: N;
  readonly one: N;
  real(v: string | number | Rational): N;
  pi(): N;
  e(): N;
  add(a: N, b: N): N | NotDefined;
  sub(a: N, b: N): N | NotDefined;
  mul(a: N, b: N): N | NotDefined;
  neg(a: N): N;
  apply(fn: string, a: N): N | NotDefined;
  powRational(a: N, r: Rational): N | NotDefined;
  pow(a: N, b: N): N | NotDefined;
  /** the coefficient of ε_tag in v */
  tangent(v: N, tag: number): N;
  /** at + ε_tag, the variable of a diff */
  seed(tag: number, at: N): N;
  /** abs, max and min, where the arithmetic has its own (enclosures); the 50-digit field's are in corners.ts */
  corner?(fn: 'abs' | 'max' | 'min', a: N, b: N | undefined): N | NotDefined;
}

/** the environment of an evaluation in the arithmetic F over numbers N */
export interface EnvOf<N, F extends Arith<N> = Arith<N>> {
  readonly field: F;
  readonly scope: Scope;
  /** the number of units; undefined when nothing is indexed */
  readonly n: number | undefined;
  /** the unit of each free index */
  readonly units: ReadonlyMap<string, number>;
  /** the value of every atom read (`x`, `w[2,1]`), assumed variables included */
  readonly values: ReadonlyMap<string, N>;
  readonly opaque: ReadonlyMap<string, OpaqueModel>;
  /** when given, collects the key of every atom and opaque symbol read */
  readonly accessed?: Set<string>;
  /** when given, collects every outermost diff evaluated, for the other derivative oracles */
  readonly sites?: DiffSite<N>[];
}

/** the environment of an evaluation in the 50-digit field */
export type EvalEnv = EnvOf<FieldNum, DecimalField>;

/** one evaluation of an outermost `diff(body, wrt)`: where it was, and its forward-mode value */
export interface DiffSite<N = FieldNum> {
  readonly body: Expr;
  readonly wrt: Variable;
  /** the atom differentiated by, instantiated (`w[2,1]`) */
  readonly key: string;
  /** the units of every index in force there (free and sum-bound) */
  readonly units: ReadonlyMap<string, number>;
  /** the variable's value there */
  readonly at: N;
  /** d body / d key by dual numbers */
  readonly derivative: N;
}

const BUDGET = new NotDefined('evaluation budget exhausted', 'budget');

/** the value of e in env: a decimal (or an enclosure), or the undefined marker with its reason */
export function evaluate<N = FieldNum>(e: Expr, env: EnvOf<N>): N | NotDefined {
  return new Evaluator<N>(env).run(e);
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
  const field = new DecimalField(precision, { used: 0, limit: MAX_WORK_PER_COMPARE });
  const vals = new Map<string, FieldNum>(Object.entries(values).map(([k, v]) => [k, field.real(v)]));
  return evaluate(e, { field, scope, n: undefined, units: new Map(), values: vals, opaque: new Map() });
}

class Evaluator<N> {
  private readonly idx: Map<string, number>;
  /** diff seeds in force, innermost last */
  private readonly overrides: { key: string; value: N }[] = [];
  private nextTag = 1;
  private readonly f: Arith<N>;

  constructor(private readonly env: EnvOf<N>) {
    this.idx = new Map(env.units);
    this.f = env.field;
  }

  run(e: Expr): N | NotDefined {
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
      case 'pow':
        return this.power(e);
      case 'call':
        return this.call(e);
      case 'sum':
        return this.sum(e);
      case 'delta':
        return instantiateIndex(e.a, this.idx) === instantiateIndex(e.b, this.idx) ? f.one : f.zero;
      case 'diff':
        return this.derivative(e);
    }
  }

  /** a power: e^x as exp(x), a literal exponent exactly */
  private power(e: Extract<Expr, { kind: 'pow' }>): N | NotDefined {
    const f = this.f;
    if (e.base.kind === 'const' && e.base.name === 'e') {
      const x = this.run(e.exp);
      return x instanceof NotDefined ? x : f.apply('exp', x);
    }
    const base = this.run(e.base);
    if (base instanceof NotDefined) return base;
    // a literal exponent stays exact: x^2 is x*x and x^(1/3) is not an integer power
    if (e.exp.kind === 'num') return f.powRational(base, e.exp.value);
    const exp = this.run(e.exp);
    return exp instanceof NotDefined ? exp : f.pow(base, exp);
  }

  /** a sum over the units, its index restored afterwards */
  private sum(e: Extract<Expr, { kind: 'sum' }>): N | NotDefined {
    const f = this.f;
    const n = this.n();
    const saved = this.idx.get(e.index);
    let acc: N = f.zero;
    let result: N | NotDefined = acc;
    // an uncertain term (enclosures only) does not stop the sum: a later term may be certainly undefined
    let pending: NotDefined | undefined;
    for (let u = 1; u <= n; u++) {
      this.idx.set(e.index, u);
      const v = this.run(e.body);
      if (v instanceof NotDefined && v.cause === 'uncertain') {
        pending ??= v;
        continue;
      }
      if (v instanceof NotDefined) {
        result = v;
        pending = undefined;
        break;
      }
      if (pending) continue;
      const s = f.add(acc, v);
      if (s instanceof NotDefined) {
        result = s;
        break;
      }
      acc = s;
      result = acc;
    }
    if (saved === undefined) this.idx.delete(e.index);
    else this.idx.set(e.index, saved);
    return pending ?? result;
  }

  /** diff(body, wrt) by a dual number: the variable seeded with a fresh tag, the tag's coefficient read back */
  private derivative(e: Extract<Expr, { kind: 'diff' }>): N | NotDefined {
    const f = this.f;
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
    if (at instanceof NotDefined) return at;
    const tag = this.nextTag++;
    const outermost = this.overrides.length === 0;
    this.overrides.push({ key, value: f.seed(tag, at) });
    const v = this.run(e.body);
    this.overrides.pop();
    if (v instanceof NotDefined) return v;
    const d = f.tangent(v, tag);
    if (outermost && this.env.sites)
      this.env.sites.push({ body: e.body, wrt: w, key, units: new Map(this.idx), at, derivative: d });
    return d;
  }

  private n(): number {
    if (this.env.n === undefined)
      throw new Error('units read in an instance without units (prepare should have marked it indexed)');
    return this.env.n;
  }

  /** a built-in applied to its arguments; abs, max and min through the arithmetic's corners */
  private call(e: Extract<Expr, { kind: 'call' }>): N | NotDefined {
    const x = this.run(e.args[0]!);
    if (x instanceof NotDefined) return x;
    if (e.fn !== 'abs' && e.fn !== 'max' && e.fn !== 'min') return this.f.apply(e.fn, x);
    const y = e.fn === 'abs' ? undefined : this.run(e.args[1]!);
    if (y instanceof NotDefined) return y;
    if (this.f.corner) return this.f.corner(e.fn, x, y);
    if (!(this.f instanceof DecimalField)) throw new Error(`no ${e.fn} in this arithmetic`);
    // the 50-digit field: N is its Num here
    const v =
      e.fn === 'abs' ? cornerAbs(this.f, x as FieldNum) : cornerMaxMin(this.f, e.fn, x as FieldNum, y as FieldNum);
    return v as N | NotDefined;
  }

  /**
   * left fold of op over the values of xs; every operand is evaluated, since
   * 0·undefined is undefined; after an uncertain operand (enclosures only)
   * the rest are still evaluated, since one of them may be certainly undefined
   */
  private fold(xs: readonly Expr[], op: (a: N, b: N) => N | NotDefined): N | NotDefined {
    let acc: N | undefined;
    let pending: NotDefined | undefined;
    for (const x of xs) {
      const v = this.run(x);
      if (v instanceof NotDefined && v.cause === 'uncertain') {
        pending ??= v;
        continue;
      }
      if (v instanceof NotDefined) return v;
      if (pending) continue;
      const next: N | NotDefined = acc === undefined ? v : op(acc, v);
      if (next instanceof NotDefined) return next;
      acc = next;
    }
    if (pending) return pending;
    if (acc === undefined) throw new Error('empty sum or product in the IR');
    return acc;
  }

  /** the value of an atom or opaque symbol: a diff seed, else the point's value, else the opaque model */
  private atom(key: string): N | NotDefined {
    this.env.accessed?.add(key);
    for (let k = this.overrides.length - 1; k >= 0; k--)
      if (this.overrides[k]!.key === key) return this.overrides[k]!.value;
    const v = this.env.values.get(key);
    if (v !== undefined) return v;
    const model = this.env.opaque.get(key);
    if (model)
      return opaqueValue<N>(
        model,
        this.f,
        (k) => this.input(k),
        () => this.f.meter.used++,
      );
    throw new Error(`no value for ${key} (collectAtoms should have found it)`);
  }

  /** an opaque model's input: like atom, but inputs are always plain atoms with values */
  private input(key: string): N {
    const v = this.atom(key);
    if (v instanceof NotDefined) throw new Error(`opaque input ${key} is undefined`);
    return v;
  }
}
