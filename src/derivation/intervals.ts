/**
 * Interval cases (contract version 2): `when: {x: "(0, inf)"}` restricts a
 * real variable to an interval. Inside the case the variable's domain is the
 * interval met with its declared domain, so the core may use it (x > 0 for
 * signs and definedness) and the numeric layer samples only inside it. The
 * cases' exhaustiveness is checked exactly: each split variable's declared
 * domain is cut at every end point the cases write into points and open
 * pieces, and every combination of pieces must lie in some case.
 */
import { type Rational, ONE, ZERO, radd, rcmp, rdiv, rat, rsub, rationalToString } from '../ir/rational.js';
import { type Domain, type SymbolDecl, domainText, inDomain } from '../ir/symbols.js';

/**
 * a string that is meant as an interval: a bracket, a comma, a bracket, or a
 * near miss that no expression could be (an opening bracket with a comma or a
 * semicolon, `"(0, inf"`, `"(0; 1)"`; a comma outside any call, `"0, 1"`), so
 * that parseDomain says what is wrong with it as an interval
 */
export const looksLikeInterval = (text: string): boolean =>
  /^\s*[([][^,]*,[^,]*[)\]]\s*$/.test(text) ||
  (/^\s*[([]/.test(text) && /[,;]/.test(text)) ||
  /^[^()[\]]*,[^()[\]]*$/.test(text);

/** the interval as a person writes it: `(0, inf)`, `[-1/2, 3)` */
export function intervalText(d: Domain): string {
  if (d.kind !== 'interval') return domainText(d);
  const q = (r: Rational) => rationalToString(r);
  return `${d.lo && !d.loOpen ? '[' : '('}${d.lo ? q(d.lo) : '-inf'}, ${d.hi ? q(d.hi) : 'inf'}${d.hi && !d.hiOpen ? ']' : ')'}`;
}

/**
 * The interval `i` met with the declared domain `d`, or a sentence saying why
 * there is none: empty, or (for a `nonzero` domain) an interval with 0 inside,
 * which is two intervals, not one
 */
export function meet(d: Domain, i: Domain & { kind: 'interval' }): Domain | string {
  if (d.kind === 'binary') return 'binary';
  if (d.kind === 'nonzero') {
    const zeroInside = inDomain(ZERO, i) && !(i.lo && rcmp(i.lo, ZERO) === 0) && !(i.hi && rcmp(i.hi, ZERO) === 0);
    if (zeroInside)
      return `the interval ${intervalText(i)} contains 0, which the declared domain nonzero excludes; split at 0 into intervals that end there`;
    // 0 is outside i or one of its ends: make that end open
    const loOpen = i.loOpen || (i.lo !== undefined && rcmp(i.lo, ZERO) === 0);
    const hiOpen = i.hiOpen || (i.hi !== undefined && rcmp(i.hi, ZERO) === 0);
    return nonEmpty({ ...i, loOpen, hiOpen });
  }
  let lo = d.lo;
  let loOpen = d.loOpen;
  if (i.lo && (!lo || rcmp(i.lo, lo) > 0 || (rcmp(i.lo, lo) === 0 && i.loOpen))) {
    lo = i.lo;
    loOpen = i.loOpen;
  }
  let hi = d.hi;
  let hiOpen = d.hiOpen;
  if (i.hi && (!hi || rcmp(i.hi, hi) < 0 || (rcmp(i.hi, hi) === 0 && i.hiOpen))) {
    hi = i.hi;
    hiOpen = i.hiOpen;
  }
  return nonEmpty({ kind: 'interval', ...(lo ? { lo } : {}), ...(hi ? { hi } : {}), loOpen, hiOpen });
}

function nonEmpty(d: Domain & { kind: 'interval' }): Domain | string {
  if (d.lo && d.hi) {
    const c = rcmp(d.lo, d.hi);
    if (c > 0 || (c === 0 && (d.loOpen || d.hiOpen))) return 'empty';
  }
  return d;
}

/** the symbol table of a case: each interval-split scalar with its narrowed domain */
export function narrowedSymbols(
  symbols: ReadonlyMap<string, SymbolDecl>,
  intervals: readonly { readonly name: string; readonly domain: Domain }[],
): ReadonlyMap<string, SymbolDecl> {
  if (intervals.length === 0) return symbols;
  const out = new Map(symbols);
  for (const { name, domain } of intervals) {
    const d = symbols.get(name);
    out.set(
      name,
      d && d.kind === 'scalar' ? { ...d, domain } : { kind: 'scalar', name, domain, opaque: false, independentOf: [] },
    );
  }
  return out;
}

/** one piece of a variable's domain: a point or an open interval between two cut points, with a point inside it */
export interface Piece {
  /** a value inside the piece (the point itself for a point) */
  readonly at: Rational;
  /** how a message names the piece: `x = 0`, `x in (0, 1)` */
  readonly text: string;
}

/**
 * The pieces of `domain` cut at `cuts`: every cut point in the domain, and
 * every open piece between consecutive cuts whose inside lies in the domain.
 * An interval whose finite ends are all among the cuts contains a piece
 * exactly when it contains the piece's point `at`.
 */
export function pieces(name: string, domain: Domain, cuts: readonly Rational[]): Piece[] {
  const points = [...cuts, ...(domain.kind === 'nonzero' ? [ZERO] : [])];
  if (domain.kind === 'interval') for (const e of [domain.lo, domain.hi]) if (e) points.push(e);
  const sorted = points.sort(rcmp).filter((p, k, a) => k === 0 || rcmp(a[k - 1]!, p) !== 0);
  const out: Piece[] = [];
  const open = (lo: Rational | undefined, hi: Rational | undefined) => {
    const at = lo && hi ? rdiv(radd(lo, hi), rat(2)) : lo ? radd(lo, ONE) : hi ? rsub(hi, ONE) : ZERO;
    if (inDomain(at, domain))
      out.push({
        at,
        text: `${name} = ${rationalToString(at)} (every ${name} in ${intervalText({ kind: 'interval', ...(lo ? { lo } : {}), ...(hi ? { hi } : {}), loOpen: true, hiOpen: true })})`,
      });
  };
  open(undefined, sorted[0]);
  sorted.forEach((p, k) => {
    if (inDomain(p, domain)) out.push({ at: p, text: `${name} = ${rationalToString(p)}` });
    open(p, sorted[k + 1]);
  });
  return out;
}
