/**
 * A reference evaluator for property tests, independent of src/numeric and
 * src/core: doubles with nilpotent parts ("jets") for derivatives of any
 * nesting, and definitions evaluated as closures (lexical scope: a
 * definition's body sees the file's free indices and variables, its
 * parameters, and nothing of the call site but the argument values). It is
 * the semantics that substitution and unfolding must preserve.
 */
import type { Expr, IndexTerm } from '../../src/ir/expr.js';
import type { Definition } from '../../src/ir/symbols.js';
import { parameterKinds } from '../../src/ir/unfold.js';

/** a number plus nilpotent parts: coefficient by the set of derivative tags (a bit mask); mask 0 is the value */
export type Jet = ReadonlyMap<number, number>;
/** a jet, or undefined (the expression is not defined there) */
export type RefVal = Jet | undefined;

/** a point: the number of units, the unit of each free index, the value of each variable and array element */
export interface RefPoint {
  readonly n: number;
  readonly units: ReadonlyMap<string, number>;
  /** `x`, `w[2,1]`, `s[3]` */
  readonly values: ReadonlyMap<string, number>;
}

const constant = (c: number): Jet => new Map([[0, c]]);
const real = (j: Jet): number => j.get(0) ?? 0;

function addJ(a: Jet, b: Jet): Jet {
  const out = new Map(a);
  for (const [m, c] of b) out.set(m, (out.get(m) ?? 0) + c);
  return out;
}
function mulJ(a: Jet, b: Jet): Jet {
  const out = new Map<number, number>();
  for (const [m1, c1] of a)
    for (const [m2, c2] of b) if ((m1 & m2) === 0) out.set(m1 | m2, (out.get(m1 | m2) ?? 0) + c1 * c2);
  return out;
}
function scaleJ(a: Jet, k: number): Jet {
  return new Map([...a].map(([m, c]) => [m, c * k]));
}
function bits(j: Jet): number {
  let all = 0;
  for (const m of j.keys()) all |= m;
  let count = 0;
  for (; all; all &= all - 1) count++;
  return count;
}

/** f(u) for a function whose k-th derivative at a is derivs(a, k): the Taylor series, exact on jets */
function applyJ(u: Jet, derivs: (a: number, k: number) => number | undefined): RefVal {
  const a = real(u);
  const eta = new Map([...u].filter(([m]) => m !== 0));
  let out: Jet = new Map();
  let power: Jet = constant(1);
  let factorial = 1;
  for (let k = 0; k <= bits(u); k++) {
    if (k > 0) {
      power = mulJ(power, eta);
      factorial *= k;
    }
    const d = derivs(a, k);
    if (d === undefined || !Number.isFinite(d)) return undefined;
    out = addJ(out, scaleJ(power, d / factorial));
  }
  return out;
}

const sigma = (a: number) => 1 / (1 + Math.exp(-a));
/** the k-th derivative of each built-in at a (undefined where it is not defined) */
const DERIVATIVES: Record<string, (a: number, k: number) => number | undefined> = {
  exp: (a) => Math.exp(a),
  sin: (a, k) => [Math.sin(a), Math.cos(a), -Math.sin(a), -Math.cos(a)][k % 4],
  cos: (a, k) => [Math.cos(a), -Math.sin(a), -Math.cos(a), Math.sin(a)][k % 4],
  log: (a, k) => {
    if (a <= 0) return undefined;
    if (k === 0) return Math.log(a);
    let f = 1;
    for (let m = 2; m < k; m++) f *= m;
    return ((k % 2 === 1 ? 1 : -1) * f) / a ** k;
  },
  sigma: (a, k) => {
    const s = sigma(a);
    const s1 = s * (1 - s);
    return [s, s1, s1 * (1 - 2 * s), s1 * (1 - 6 * s + 6 * s * s), s1 * (1 - 2 * s) * (1 - 12 * s + 12 * s * s)][k];
  },
  /** 1/a, for negative powers */
  recip: (a, k) => {
    if (a === 0) return undefined;
    let f = 1;
    for (let m = 2; m <= k; m++) f *= m;
    return ((k % 2 === 0 ? 1 : -1) * f) / a ** (k + 1);
  },
};

/** the value of e at the point, definitions applied as closures; throws on a form it does not know */
export function referenceValue(e: Expr, point: RefPoint, defs: ReadonlyMap<string, Definition> = new Map()): RefVal {
  return new Reference(point, defs).eval(e, point.units, new Map());
}

class Reference {
  /** the file's variables, with the derivative seeds in force */
  private readonly globals: Map<string, Jet>;
  private nextTag = 1;

  constructor(
    private readonly point: RefPoint,
    private readonly defs: ReadonlyMap<string, Definition>,
  ) {
    this.globals = new Map([...point.values].map(([k, v]) => [k, constant(v)]));
  }

  eval(e: Expr, idx: ReadonlyMap<string, number>, locals: ReadonlyMap<string, Jet>): RefVal {
    switch (e.kind) {
      case 'num':
        return constant(Number(e.value.n) / Number(e.value.d));
      case 'const':
        return constant(e.name === 'pi' ? Math.PI : Math.E);
      case 'units':
        return constant(this.point.n);
      case 'sym': {
        const v = locals.get(e.name) ?? this.globals.get(e.name);
        if (v) return v;
        const d = this.defs.get(e.name);
        if (d && d.params.length === 0) return this.eval(d.body, this.point.units, new Map());
        throw new Error(`reference: no value for ${e.name}`);
      }
      case 'elem':
        return this.global(this.elementKey(e.name, e.indices, idx));
      case 'delta':
        return constant(this.unit(e.a, idx) === this.unit(e.b, idx) ? 1 : 0);
      case 'add':
      case 'mul': {
        let acc: Jet = constant(e.kind === 'add' ? 0 : 1);
        for (const c of e.kind === 'add' ? e.terms : e.factors) {
          const v = this.eval(c, idx, locals);
          if (!v) return undefined;
          acc = e.kind === 'add' ? addJ(acc, v) : mulJ(acc, v);
        }
        return acc;
      }
      case 'pow':
        return this.power(e.base, e.exp, idx, locals);
      case 'call':
        return this.call(e.fn, e.args, idx, locals);
      case 'sum': {
        let acc: Jet = constant(0);
        for (let u = 1; u <= this.point.n; u++) {
          const v = this.eval(e.body, new Map([...idx, [e.index, u]]), locals);
          if (!v) return undefined;
          acc = addJ(acc, v);
        }
        return acc;
      }
      case 'diff':
        return this.derivative(e.body, e.wrt, idx, locals);
    }
  }

  private power(base: Expr, exp: Expr, idx: ReadonlyMap<string, number>, locals: ReadonlyMap<string, Jet>): RefVal {
    if (exp.kind !== 'num' || exp.value.d !== 1n) throw new Error('reference: only whole exponents');
    const b = this.eval(base, idx, locals);
    if (!b) return undefined;
    const k = Number(exp.value.n);
    let acc: Jet = constant(1);
    for (let m = 0; m < Math.abs(k); m++) acc = mulJ(acc, b);
    return k < 0 ? applyJ(acc, DERIVATIVES.recip!) : acc;
  }

  private call(
    fn: string,
    args: readonly Expr[],
    idx: ReadonlyMap<string, number>,
    locals: ReadonlyMap<string, Jet>,
  ): RefVal {
    const d = this.defs.get(fn);
    if (!d) {
      const u = this.eval(args[0]!, idx, locals);
      const derivs = DERIVATIVES[fn];
      if (!derivs) throw new Error(`reference: unknown function ${fn}`);
      return u && applyJ(u, derivs);
    }
    // a closure: the arguments' values (every one, used or not), then the body in the file's scope plus the parameters
    const kinds = parameterKinds(d, this.defs);
    const bodyIdx = new Map(this.point.units);
    const bodyLocals = new Map<string, Jet>();
    for (let k = 0; k < d.params.length; k++) {
      const p = d.params[k]!;
      const a = args[k]!;
      if (kinds.get(p) === 'index') bodyIdx.set(p, this.unit(a as IndexTerm, idx));
      else {
        const v = this.eval(a, idx, locals);
        if (!v) return undefined;
        bodyLocals.set(p, v);
      }
    }
    return this.eval(d.body, bodyIdx, bodyLocals);
  }

  private derivative(
    body: Expr,
    wrt: Expr,
    idx: ReadonlyMap<string, number>,
    locals: ReadonlyMap<string, Jet>,
  ): RefVal {
    const tag = 1 << this.nextTag++;
    let v: RefVal;
    if (wrt.kind === 'sym' && locals.has(wrt.name)) {
      const seeded = addJ(locals.get(wrt.name)!, new Map([[tag, 1]]));
      v = this.eval(body, idx, new Map([...locals, [wrt.name, seeded]]));
    } else {
      const key =
        wrt.kind === 'sym' ? wrt.name : wrt.kind === 'elem' ? this.elementKey(wrt.name, wrt.indices, idx) : '';
      // a defined quantity (a case's `define`) is a variable here: seeded at its value, which keeps its own dependences
      const defined = this.globals.has(key) ? undefined : this.defs.get(key);
      const before = defined ? this.eval(defined.body, this.point.units, new Map()) : this.global(key);
      if (!before) return undefined;
      this.globals.set(key, addJ(before, new Map([[tag, 1]])));
      try {
        v = this.eval(body, idx, locals);
      } finally {
        if (defined) this.globals.delete(key);
        else this.globals.set(key, before);
      }
    }
    if (!v) return undefined;
    const out = new Map<number, number>();
    for (const [m, c] of v) if (m & tag) out.set(m & ~tag, (out.get(m & ~tag) ?? 0) + c);
    return out.size ? out : constant(0);
  }

  private global(key: string): Jet {
    const v = this.globals.get(key);
    if (!v) throw new Error(`reference: no value for ${key}`);
    return v;
  }

  private unit(t: IndexTerm, idx: ReadonlyMap<string, number>): number {
    if (t.kind === 'num') return Number(t.value.n);
    const u = idx.get(t.name);
    if (u === undefined) throw new Error(`reference: no unit for the index ${t.name}`);
    return u;
  }

  private elementKey(name: string, indices: readonly IndexTerm[], idx: ReadonlyMap<string, number>): string {
    return `${name}[${indices.map((t) => this.unit(t, idx)).join(',')}]`;
  }
}

/** true when both are undefined, or both defined with values within a relative 1e-7 */
export function sameValue(a: RefVal, b: RefVal): boolean {
  if (a === undefined || b === undefined) return a === b;
  const x = real(a);
  const y = real(b);
  if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
  return Math.abs(x - y) <= 1e-7 * (1 + Math.abs(x) + Math.abs(y));
}

/** the value part of a result, for messages */
export function realPart(v: RefVal): number | undefined {
  return v === undefined ? undefined : real(v);
}
