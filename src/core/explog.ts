/**
 * exp and log in the normal form: exp of a sum is a product of exp atoms
 * (exp(c log v) = v^c), and log of a product splits into logs of the
 * factors proven positive (log(exp(u)) = u, log(b^q) = q log(b) for b > 0,
 * log((1 - s) A + s B) = (1 - s) log A + s log B for binary s); what is
 * left stays one atom. Each rewrite holds wherever the expression is
 * defined (normal.ts).
 */
import { type Expr, call, num } from '../ir/expr.js';
import { type Rational, ONE, isOne, rat, rsign } from '../ir/rational.js';
import { type NormalHost, logOfRational } from './normal-rules.js';
import { type Poly, addPoly, mono, polyAtoms, scalePoly, sortedTerms } from './poly.js';
import { RF_ONE, RF_ZERO, type RatFunc, rfAtom, rfConst, rfConstantValue, rfPoly, singleAtomExpr } from './ratfunc.js';
import { isPositiveRange, rangeOf } from './sign.js';

/** e is proven positive on the declared domains */
function positive(h: NormalHost, e: Expr): boolean {
  return isPositiveRange(rangeOf(e, h.symbols));
}

/** e is a declared binary variable or array element */
export function isBinary(h: NormalHost, e: Expr): boolean {
  const d = e.kind === 'sym' || e.kind === 'elem' ? h.symbols.get(e.name) : undefined;
  return d !== undefined && (d.kind === 'scalar' || d.kind === 'array') && d.domain.kind === 'binary';
}

/** exp(U): a product of exp atoms, one per monomial of U */
export function expOf(h: NormalHost, U: RatFunc, depth: number): RatFunc {
  const F = h.field;
  if (U.den.length > 0) return h.atom(call('exp', [h.toExpr(U)]));
  h.used.add('nf.exp-sum');
  let acc = RF_ONE;
  for (const t of U.num.values()) {
    let factor: RatFunc | undefined;
    const logAtom =
      t.mono.powers.length === 1 && t.mono.powers[0]!.exp === 1n
        ? h.atoms.get(t.mono.powers[0]!.atom)?.expr
        : undefined;
    if (logAtom && logAtom.kind === 'call' && logAtom.fn === 'log') {
      // exp(c log(v)) = v^c, wherever log(v) is defined
      h.used.add('nf.exp-log');
      factor = h.power(logAtom.args[0]!, num(t.coeff), depth);
    } else {
      // exp(k g m) = exp(g m)^k for the common base g of m (bases.ts)
      const { base, k } = h.bases.of('exp', t.mono.key, t.coeff);
      const inner = rfPoly(new Map([[t.mono.key, { coeff: base, mono: t.mono }]]));
      factor = F.pow(h.atom(call('exp', [h.toExpr(inner)])), k);
    }
    if (!factor) h.nowhereDefined('exp-of-undefined');
    acc = F.mul(acc, factor);
  }
  return acc;
}

/** log(U): split into logs of factors proven positive; what is left stays one log atom */
export function logOf(h: NormalHost, U: RatFunc, depth: number): RatFunc {
  const F = h.field;
  const c = rfConstantValue(U);
  if (c !== undefined) return logOfRational(h, c);
  const split = binarySplit(h, U);
  if (split) {
    // log((1 - s) A + s B) = (1 - s) log A + s log B for binary s, when A > 0 and B > 0
    h.used.add('nf.binary-log');
    const s = rfAtom(split.atom);
    return F.add(F.mul(F.sub(RF_ONE, s), logOf(h, split.at0, depth)), F.mul(s, logOf(h, split.at1, depth)));
  }
  const pieces: { factor: RatFunc; mult: bigint }[] = [];
  let coeff: Rational = ONE;
  if (U.num.size === 1) {
    const t = [...U.num.values()][0]!;
    coeff = t.coeff;
    for (const p of t.mono.powers) pieces.push({ factor: rfAtom(p.atom), mult: p.exp });
  } else {
    const lead = sortedTerms(U.num)[0]!;
    coeff = lead.coeff;
    pieces.push({ factor: rfPoly(scalePoly(U.num, rat(lead.coeff.d, lead.coeff.n))), mult: 1n });
  }
  for (const f of U.den) pieces.push({ factor: rfPoly(f.poly), mult: -f.mult });
  let acc = RF_ZERO;
  let rest: RatFunc = rfConst(coeff);
  if (rsign(coeff) > 0) {
    acc = logOfRational(h, coeff);
    rest = RF_ONE;
  }
  for (const { factor, mult } of pieces) {
    const expr = h.toExpr(factor);
    if (positive(h, expr)) {
      h.used.add('nf.log-product');
      acc = F.add(acc, F.scale(logOfPositive(h, expr, factor, depth), rat(mult)));
    } else {
      const p = F.pow(factor, mult);
      if (!p) h.nowhereDefined('zero-to-negative-power');
      rest = F.mul(rest, p);
    }
  }
  const restValue = rfConstantValue(rest);
  if (restValue !== undefined && isOne(restValue)) return acc;
  return F.add(acc, h.atom(call('log', [h.toExpr(rest)])));
}

/** U at s = 0 and at s = 1 for a binary atom s of U's numerator, when both are proven positive */
function binarySplit(h: NormalHost, U: RatFunc): { atom: string; at0: RatFunc; at1: RatFunc } | undefined {
  for (const atom of polyAtoms(U.num)) {
    const info = h.atoms.get(atom)!;
    if (info.reduction?.kind !== 'idempotent' || !isBinary(h, info.expr)) continue;
    // only the numerator may depend on s: the denominators stay as they are in both values
    if (U.den.some((f) => polyAtoms(f.poly).has(atom))) continue;
    const at = (value: 0 | 1): RatFunc => {
      let p: Poly = new Map();
      for (const t of U.num.values()) {
        const has = t.mono.powers.some((pw) => pw.atom === atom);
        if (has && value === 0) continue;
        const m = has ? mono(t.mono.powers.filter((pw) => pw.atom !== atom)) : t.mono;
        p = addPoly(p, new Map([[m.key, { coeff: t.coeff, mono: m }]]));
      }
      return { num: p, den: U.den };
    };
    const at0 = at(0);
    const at1 = at(1);
    if (positive(h, h.toExpr(at0)) && positive(h, h.toExpr(at1))) return { atom, at0, at1 };
  }
  return undefined;
}

/** log(x) for x proven positive, with x's normal form X */
function logOfPositive(h: NormalHost, x: Expr, X: RatFunc, depth: number): RatFunc {
  const a = singleAtomExpr(h.atoms, X);
  if (a && a.kind === 'call' && a.fn === 'exp') {
    h.used.add('nf.log-exp');
    return h.nf(a.args[0]!, depth);
  }
  if (a && a.kind === 'pow' && a.exp.kind === 'num') {
    // log(b^(p/q)) = (p/q) log(b) for b > 0
    if (positive(h, a.base)) return h.field.scale(logOf(h, h.nf(a.base, depth), depth), a.exp.value);
  }
  return h.atom(call('log', [x]));
}
