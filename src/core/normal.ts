/**
 * The normal form: an expression as a rational function over canonical
 * atoms. Every rewrite here preserves the value at every point where the
 * expression is defined (definedness itself is compared in definedness.ts).
 * Rewrites with side conditions check them with interval analysis first.
 */
import {
  type Expr,
  type IndexTerm,
  num,
  sym,
  constant,
  call,
  add,
  mul,
  pow,
  sum,
  delta,
  units,
  freeIndices,
} from '../ir/expr.js';
import type { SymbolDecl } from '../ir/symbols.js';
import { substitute } from '../ir/substitute.js';
import { type Rational, rat, isInteger, isOne } from '../ir/rational.js';
import { type AtomInfo, type Poly, Ring, sortedTerms, atomPoly, polyAtoms, type Term } from './poly.js';
import {
  type RatFunc,
  Field,
  rfConst,
  rfAtom,
  rfPoly,
  RF_ZERO,
  RF_ONE,
  rfConstantValue,
  leadingSign,
  rfIsZero,
} from './ratfunc.js';
import { type BoundName, BudgetExceeded, MAX_DEPTH, MAX_EXPAND_EXPONENT, type Meter } from './budget.js';
import type { UndefinedCause } from './definedness.js';
import { rangeOf, isPositiveRange, excludesZero } from './sign.js';
import { type NormalHost, absOf, maxMinOf, sumDepth, symmetricOrder } from './normal-rules.js';
import type { RuleId } from './rules.js';
import { inverseValue, sinCos } from './trig.js';
import { rationalPower } from './radicals.js';
import { Bases } from './bases.js';
import { powerOfPower, variablePower } from './powers.js';
import { expOf, isBinary, logOf } from './explog.js';

/** thrown when a sub-expression is nowhere defined (1/0, 0^-1): there is no normal form to compare */
export class Undefined extends Error {
  constructor(readonly kind: UndefinedCause) {
    super(kind);
  }
}

export class Normalizer implements NormalHost {
  readonly atoms = new Map<string, AtomInfo>();
  readonly ring: Ring;
  readonly field: Field;
  /** rule ids used so far, for the report */
  readonly used = new Set<RuleId>();
  /** bounds that left something unreduced (an atom where a polynomial could have been), so a difference can name them */
  readonly limited = new Set<BoundName>();
  readonly memo = new Map<string, RatFunc>();
  /** atoms an assumed equation gives a value (`sum(k, t[k]) = 1`): replaced wherever they arise */
  readonly rewrites = new Map<string, RatFunc>();
  readonly bases: Bases;

  constructor(
    readonly symbols: ReadonlyMap<string, SymbolDecl>,
    meter: Meter,
    seed?: ReadonlyMap<string, Rational>,
  ) {
    this.bases = new Bases(seed);
    this.ring = new Ring(this.atoms, meter);
    this.field = new Field(this.ring);
  }

  /** the normal form of e */
  nf(e: Expr, depth = 0): RatFunc {
    if (depth > MAX_DEPTH) throw new BudgetExceeded('MAX_DEPTH');
    const hit = this.memo.get(e.key);
    if (hit) return hit;
    const r = this.compute(e, depth + 1);
    this.memo.set(e.key, r);
    return r;
  }

  nowhereDefined(why: UndefinedCause): never {
    throw new Undefined(why);
  }

  atom(expr: Expr, reduction?: AtomInfo['reduction']): RatFunc {
    const assumed = this.rewrites.get(expr.key);
    if (assumed) return assumed;
    if (!this.atoms.has(expr.key)) this.atoms.set(expr.key, reduction ? { expr, reduction } : { expr });
    return rfAtom(expr.key);
  }

  private positive(e: Expr): boolean {
    return isPositiveRange(rangeOf(e, this.symbols));
  }

  private compute(e: Expr, depth: number): RatFunc {
    const F = this.field;
    switch (e.kind) {
      case 'num':
        return rfConst(e.value);
      case 'const':
        return e.name === 'pi' ? this.atom(e) : this.nf(call('exp', [num(1)]), depth);
      case 'units':
        return this.atom(e);
      case 'sym':
      case 'elem': {
        const x = e.kind === 'elem' ? symmetricOrder(e, this.symbols, this.used) : e;
        if (isBinary(this, x)) this.used.add('nf.binary');
        return this.atom(x, isBinary(this, x) ? { kind: 'idempotent' } : undefined);
      }
      case 'add': {
        this.used.add('nf.expand');
        return e.terms.reduce<RatFunc>((acc, t) => F.add(acc, this.nf(t, depth)), RF_ZERO);
      }
      case 'mul': {
        let acc = RF_ONE;
        for (const f of e.factors) {
          acc = F.mul(acc, this.nf(f, depth));
          if (rfIsZero(acc)) {
            // keep going only for definedness, which is tracked elsewhere; the value is 0
            return RF_ZERO;
          }
        }
        return acc;
      }
      case 'pow':
        return this.power(e.base, e.exp, depth);
      case 'call':
        if (e.fn === 'max' || e.fn === 'min')
          return maxMinOf(this, e.fn, this.nf(e.args[0]!, depth), this.nf(e.args[1]!, depth));
        return this.func(e.fn, e.args[0]!, depth);
      case 'sum':
        return this.sum(e.index, e.body, depth);
      case 'delta':
        return this.delta(e.a, e.b);
      case 'diff':
        return this.atom(e); // an opaque derivative: diff(q, v)
    }
  }

  private delta(a: IndexTerm, b: IndexTerm): RatFunc {
    this.used.add('nf.delta');
    if (a.key === b.key) return RF_ONE;
    if (a.kind === 'num' && b.kind === 'num') return RF_ZERO;
    const [x, y] = a.key < b.key ? [a, b] : [b, a];
    return this.atom(delta(x, y), { kind: 'idempotent' });
  }

  /** b^x */
  power(b: Expr, x: Expr, depth: number): RatFunc {
    const F = this.field;
    const X = this.nf(x, depth);
    const k = rfConstantValue(X);
    if (k !== undefined && isInteger(k)) {
      const B = this.nf(b, depth);
      if (k.n >= -BigInt(MAX_EXPAND_EXPONENT) && k.n <= BigInt(MAX_EXPAND_EXPONENT)) {
        const r = F.pow(B, k.n);
        if (!r) throw new Undefined('zero-to-negative-power');
        return r;
      }
      this.limited.add('MAX_EXPAND_EXPONENT');
      return this.atom(pow(this.toExpr(B), num(k)));
    }
    if (k !== undefined) return powerOfPower(this, b, k) ?? this.rationalPower(this.nf(b, depth), k);
    // a negative whole exponent puts b in a denominator: only where b is never 0, so that the normal
    // form's denominators still vanish only where the expression is undefined
    const binary = this.binaryAffine(X, excludesZero(rangeOf(b, this.symbols)));
    if (binary) {
      // b^(a + c s) for binary s is b^a where s = 0 and b^(a+c) where s = 1: (1 - s) b^a + s b^(a+c)
      this.used.add('nf.binary-power');
      const B = this.nf(b, depth);
      const s = rfAtom(binary.atom);
      const at0 = F.pow(B, binary.at0);
      const at1 = F.pow(B, binary.at1);
      if (!at0 || !at1) throw new Undefined('zero-to-negative-power');
      return F.add(F.mul(F.sub(RF_ONE, s), at0), F.mul(s, at1));
    }
    if (b.kind === 'const' && b.name === 'e') return this.func('exp', x, depth);
    if (this.positive(b)) {
      this.used.add('nf.power-exp');
      return this.func('exp', mul([x, call('log', [b])]), depth);
    }
    return variablePower(this, this.nf(b, depth), X);
  }

  /** X = a + c s for one binary atom s, with whole exponents a and a + c in 0..MAX_EXPAND_EXPONENT (or from -MAX_EXPAND_EXPONENT when negativeAllowed) */
  private binaryAffine(X: RatFunc, negativeAllowed: boolean): { atom: string; at0: bigint; at1: bigint } | undefined {
    if (X.den.length || X.num.size === 0 || X.num.size > 2) return undefined;
    let a: Rational = rat(0);
    let c: Rational | undefined;
    let atom: string | undefined;
    for (const t of X.num.values()) {
      if (t.mono.degree === 0n) a = t.coeff;
      else if (
        t.mono.powers.length === 1 &&
        t.mono.powers[0]!.exp === 1n &&
        this.atoms.get(t.mono.powers[0]!.atom)?.reduction?.kind === 'idempotent' &&
        isBinary(this, this.atoms.get(t.mono.powers[0]!.atom)!.expr)
      ) {
        atom = t.mono.powers[0]!.atom;
        c = t.coeff;
      } else return undefined;
    }
    if (!atom || !c || !isInteger(a) || !isInteger(c)) return undefined;
    const at0 = a.n;
    const at1 = a.n + c.n;
    const most = BigInt(MAX_EXPAND_EXPONENT);
    const inRange = (v: bigint) => v >= (negativeAllowed ? -most : 0n) && v <= most;
    return inRange(at0) && inRange(at1) ? { atom, at0, at1 } : undefined;
  }

  /** B^(p/q) for a non-integer rational exponent: r^p with the root atom r = B^(1/q), r^q = B */
  private rationalPower(B: RatFunc, k: Rational): RatFunc {
    return rationalPower(this, B, k, () => this.nowhereDefined('zero-to-negative-power'));
  }

  private func(fn: string, u: Expr, depth: number): RatFunc {
    const F = this.field;
    switch (fn) {
      case 'exp':
        return expOf(this, this.nf(u, depth), depth);
      case 'log':
        return logOf(this, this.nf(u, depth), depth);
      case 'sqrt':
        return powerOfPower(this, u, rat(1, 2)) ?? this.rationalPower(this.nf(u, depth), rat(1, 2));
      case 'sigma': {
        this.used.add('nf.sigma');
        const E = expOf(this, this.nf(u, depth), depth);
        return F.mul(E, this.inverse(F.add(RF_ONE, E)));
      }
      case 'sinh':
      case 'cosh':
      case 'tanh': {
        this.used.add('nf.hyperbolic');
        const E = expOf(this, this.nf(u, depth), depth);
        const Einv = this.inverse(E);
        const s = F.scale(F.sub(E, Einv), rat(1, 2));
        const c = F.scale(F.add(E, Einv), rat(1, 2));
        return fn === 'sinh' ? s : fn === 'cosh' ? c : F.mul(s, this.inverse(c));
      }
      case 'tan': {
        this.used.add('nf.trig');
        return F.mul(this.func('sin', u, depth), this.inverse(this.func('cos', u, depth)));
      }
      case 'sin':
      case 'cos':
        return sinCos(this, fn, this.nf(u, depth));
      case 'asin':
      case 'atan': {
        const U = this.nf(u, depth);
        const known = inverseValue(this, fn, U);
        if (known) return known;
        if (leadingSign(U) < 0) {
          this.used.add('nf.odd');
          return F.neg(this.atom(call(fn, [this.toExpr(F.neg(U))])));
        }
        return this.atom(call(fn, [this.toExpr(U)]));
      }
      case 'abs':
        return absOf(this, this.nf(u, depth));
      case 'acos': {
        // acos(u) = pi/2 - asin(u), both defined exactly for -1 <= u <= 1
        this.used.add('nf.odd');
        return F.sub(F.scale(this.nf(constant('pi'), depth), rat(1, 2)), this.func('asin', u, depth));
      }
      default:
        throw new Error(`no normal form for function ${fn} (definitions must be unfolded first)`);
    }
  }

  private inverse(f: RatFunc): RatFunc {
    const r = this.field.inv(f);
    if (!r) throw new Undefined('zero-denominator');
    return r;
  }

  /**
   * sum(k, body): split over the numerator's monomials, pull out what is free
   * of k (factors and denominators), collapse deltas, rename k canonically.
   * Denominators that depend on k stay inside each monomial's sum.
   */
  private sum(k: string, body: Expr, depth: number): RatFunc {
    const F = this.field;
    const B = this.nf(body, depth);
    const mentionsK = (atomKey: string) => freeIndices(this.atoms.get(atomKey)!.expr).has(k);
    const inside = B.den.filter((f) => [...polyAtoms(f.poly)].some(mentionsK));
    const outside = B.den.filter((f) => !inside.includes(f));
    this.used.add('nf.sum-split');
    const insideDen = inside.map((f) => pow(this.polyExpr(f.poly), num(-f.mult)));
    let acc = RF_ZERO;
    for (const t of B.num.values())
      acc = F.add(acc, F.scale(this.sumMonomial(k, t, mentionsK, insideDen, depth), t.coeff));
    for (const f of outside) {
      const p = F.pow(rfPoly(f.poly), -f.mult);
      if (!p) throw new Undefined('division-by-zero');
      acc = F.mul(acc, p);
    }
    return acc;
  }

  /** sum(k, m / D) for one monomial m, with D (the denominators depending on k) as expressions */
  private sumMonomial(
    k: string,
    t: Term,
    mentionsK: (a: string) => boolean,
    den: readonly Expr[],
    depth: number,
  ): RatFunc {
    const F = this.field;
    const free = t.mono.powers.filter((p) => !mentionsK(p.atom));
    const bound = t.mono.powers.filter((p) => mentionsK(p.atom));
    let outside = RF_ONE;
    for (const p of free) outside = F.mul(outside, rfPoly(atomPoly(p.atom, p.exp)));
    if (bound.length === 0 && den.length === 0) {
      this.used.add('nf.sum-const');
      return F.mul(outside, this.atom(units()));
    }
    const exprOf = (p: { atom: string; exp: bigint }) => {
      const a = this.atoms.get(p.atom)!.expr;
      return p.exp === 1n ? a : pow(a, num(p.exp));
    };
    for (const p of bound) {
      const a = this.atoms.get(p.atom)!.expr;
      if (a.kind !== 'delta') continue;
      const other = a.a.kind === 'sym' && a.a.name === k ? a.b : a.b.kind === 'sym' && a.b.name === k ? a.a : undefined;
      if (!other) continue;
      // sum(k, delta(k, t) f(k)) = f(t): t is a unit, so exactly one term of the sum survives
      this.used.add('nf.delta-collapse');
      const rest = [...bound.filter((q) => q !== p).map(exprOf), ...den];
      const collapsed = substitute(mul(rest), new Map([[k, other]]));
      return F.mul(outside, this.nf(collapsed, depth));
    }
    return F.mul(outside, this.sumAtom(k, mul([...bound.map(exprOf), ...den]), depth));
  }

  /** the atom sum(%d, body) with the bound index renamed canonically (alpha-equivalence) */
  private sumAtom(k: string, body: Expr, depth: number): RatFunc {
    this.used.add('nf.sum-alpha');
    const name = `%${1 + sumDepth(body)}`;
    const renamed = this.toExpr(this.nf(substitute(body, new Map([[k, sym(name)]])), depth));
    return this.atom(sum(name, renamed));
  }

  /** the canonical expression of a normal form: terms in monomial order, denominators as negative powers */
  toExpr(f: RatFunc): Expr {
    const numer = this.polyExpr(f.num);
    if (f.den.length === 0) return numer;
    const factors = f.den.map((d) => pow(this.polyExpr(d.poly), num(-d.mult)));
    return mul(numer.kind === 'num' && isOne(numer.value) ? factors : [numer, ...factors]);
  }

  polyExpr(p: Poly): Expr {
    if (p.size === 0) return num(0);
    return add(
      sortedTerms(p).map((t) => {
        const factors: Expr[] = t.mono.powers.map((pw) => {
          const a = this.atoms.get(pw.atom)!.expr;
          return pw.exp === 1n ? a : pow(a, num(pw.exp));
        });
        if (!isOne(t.coeff) || factors.length === 0) factors.unshift(num(t.coeff));
        return mul(factors);
      }),
    );
  }
}
