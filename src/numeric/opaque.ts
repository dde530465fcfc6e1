/**
 * Opaque symbols (declared, not defined: `pR: {domain: positive,
 * independent_of: ["w[i,j]"]}`) are arbitrary quantities of their domain that
 * may depend on every variable except those they are declared independent of.
 * In each instance one is modelled by a random smooth function
 *
 *   q = m(c0 + sum_u c_u u + (1/10) (sum_u b_u u)^2)
 *
 * over the atoms u it may depend on, with m mapping the reals into its
 * domain. Its derivative with respect to an excluded variable is then exactly
 * 0 and with respect to any other almost surely nonzero, so a step that drops
 * an opaque factor not declared independent is refuted.
 */
import { type Rational, ONE, ZERO, rat, radd, rmul, rsub, rcmp } from '../ir/rational.js';
import type { Variable } from '../ir/expr.js';
import type { Domain, SymbolDecl } from '../ir/symbols.js';
import { NotDefined } from './undefined.js';
import { elementKey, instantiateIndex } from './atom-key.js';
import type { Prng } from './prng.js';

export interface OpaqueModel {
  readonly name: string;
  readonly domain: Domain;
  readonly c0: Rational;
  /** (atom key, linear coefficient, quadratic direction coefficient) */
  readonly terms: readonly { readonly key: string; readonly c: Rational; readonly b: Rational }[];
  /** the constant of a binary opaque, and the sign of a nonzero one */
  readonly constant: Rational;
}

/** a coefficient in ±[lo, hi) with four random digits */
function coefficient(rng: Prng, lo: Rational, hi: Rational): Rational {
  const u = rat(BigInt(rng.below(10_000)), 10_000n);
  const m = radd(lo, rmul(rsub(hi, lo), u));
  return rng.coin() ? m : rmul(m, rat(-1));
}

/** the keys an opaque symbol must not depend on in this instance */
function excludedKeys(
  decl: Extract<SymbolDecl, { kind: 'scalar' }>,
  units: ReadonlyMap<string, number>,
  allKeys: readonly string[],
): Set<string> {
  const out = new Set<string>();
  for (const v of decl.independentOf as readonly Variable[]) {
    if (v.kind === 'elem')
      out.add(
        elementKey(
          v.name,
          v.indices.map((t) => instantiateIndex(t, units)),
        ),
      );
    else {
      out.add(v.name);
      // a whole array named without indices: independent of every element
      for (const k of allKeys) if (k.startsWith(`${v.name}[`)) out.add(k);
    }
  }
  return out;
}

/** a random model of the opaque decl over the atoms it may depend on */
export function buildOpaqueModel(
  decl: Extract<SymbolDecl, { kind: 'scalar' }>,
  atomKeys: readonly string[],
  units: ReadonlyMap<string, number>,
  rng: Prng,
): OpaqueModel {
  const excluded = excludedKeys(decl, units, atomKeys);
  const inputs = atomKeys.filter((k) => !excluded.has(k));
  // coefficients shrink with the number of inputs so that z stays moderate (no overflow through exp)
  let root = 1;
  while (root * root < inputs.length) root++;
  const shrink = BigInt(root);
  const terms = inputs.map((key) => ({
    key,
    c: rmul(coefficient(rng, rat(2, 10), rat(8, 10)), rat(1n, shrink)),
    b: rmul(coefficient(rng, ZERO, ONE), rat(1n, shrink)),
  }));
  return {
    name: decl.name,
    domain: decl.domain,
    c0: coefficient(rng, ZERO, rat(1, 2)),
    terms,
    constant: rng.coin() ? ONE : ZERO,
  };
}

/**
 * The arithmetic a model is computed in: the 50-digit field (with duals) for
 * evaluation, or a tape builder (nodes) for the reverse-mode oracle, so both
 * compute the very same function.
 */
export interface OpaqueArithmetic<T> {
  readonly zero: T;
  real(v: Rational | string): T;
  add(a: T, b: T): T | NotDefined;
  sub(a: T, b: T): T | NotDefined;
  mul(a: T, b: T): T | NotDefined;
  neg(a: T): T;
  apply(fn: string, a: T): T | NotDefined;
}

/** the model's value in any arithmetic; `tick` is called once per term (the work meter) */
export function opaqueValue<T>(
  model: OpaqueModel,
  field: OpaqueArithmetic<T>,
  lookup: (key: string) => T,
  tick: () => void = () => undefined,
): T | NotDefined {
  const d = model.domain;
  if (d.kind === 'binary') return field.real(model.constant);
  let lin: T = field.real(model.c0);
  let dir: T = field.zero;
  for (const t of model.terms) {
    tick();
    const u = lookup(t.key);
    const cu = field.mul(u, field.real(t.c));
    if (cu instanceof NotDefined) return cu;
    const l = field.add(lin, cu);
    if (l instanceof NotDefined) return l;
    lin = l;
    const bu = field.mul(u, field.real(t.b));
    if (bu instanceof NotDefined) return bu;
    const r = field.add(dir, bu);
    if (r instanceof NotDefined) return r;
    dir = r;
  }
  const sq = field.mul(dir, dir);
  if (sq instanceof NotDefined) return sq;
  const tenth = field.mul(sq, field.real('0.1'));
  if (tenth instanceof NotDefined) return tenth;
  const z = field.add(lin, tenth);
  if (z instanceof NotDefined) return z;
  return intoDomain(d, z, model.constant, field);
}

/** m(z): a smooth map of the reals into the domain */
function intoDomain<T>(d: Domain, z: T, constant: Rational, field: OpaqueArithmetic<T>): T | NotDefined {
  if (d.kind === 'binary') return field.real(constant);
  if (d.kind === 'nonzero') {
    // ±exp(z): smooth and never near 0 for moderate z
    const ez = field.apply('exp', z);
    return ez instanceof NotDefined || constant.n === 1n ? ez : field.neg(ez);
  }
  const { lo, hi } = d;
  if (lo && hi) {
    if (rcmp(lo, hi) === 0) return field.real(lo);
    const s = field.apply('sigma', z);
    if (s instanceof NotDefined) return s;
    const w = field.mul(s, field.real(rsub(hi, lo)));
    return w instanceof NotDefined ? w : field.add(w, field.real(lo));
  }
  if (lo) {
    const ez = field.apply('exp', z);
    return ez instanceof NotDefined ? ez : field.add(ez, field.real(lo));
  }
  if (hi) {
    const ez = field.apply('exp', z);
    return ez instanceof NotDefined ? ez : field.sub(field.real(hi), ez);
  }
  return z;
}
