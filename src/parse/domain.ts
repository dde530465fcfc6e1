/**
 * Domain strings of symbol declarations (`positive`, `binary`, `"(0, 1]"`) to
 * the Domain type. Interval endpoints are exact rationals, like every number
 * in a derivation.
 */
import { type Rational, parseDecimal, rat, rcmp, rdiv, rneg } from '../ir/rational.js';
import { REAL, type Domain } from '../ir/symbols.js';

const open = (lo: Rational | undefined, hi: Rational | undefined): Domain => ({
  kind: 'interval',
  ...(lo ? { lo } : {}),
  ...(hi ? { hi } : {}),
  loOpen: true,
  hiOpen: true,
});

/** the named domains; `nonpositive` is the mirror of `nonnegative`, added because users expect both */
const NAMED: ReadonlyMap<string, Domain> = new Map<string, Domain>([
  ['real', REAL],
  ['positive', open(rat(0), undefined)],
  ['nonnegative', { kind: 'interval', lo: rat(0), loOpen: false, hiOpen: true }],
  ['negative', open(undefined, rat(0))],
  ['nonpositive', { kind: 'interval', hi: rat(0), loOpen: true, hiOpen: false }],
  ['nonzero', { kind: 'nonzero' }],
  ['binary', { kind: 'binary' }],
  ['probability', open(rat(0), rat(1))],
]);

/** the names accepted by parseDomain besides intervals, for messages */
export const DOMAIN_NAMES: readonly string[] = [...NAMED.keys()];

type DomainResult = { readonly ok: true; readonly domain: Domain } | { readonly ok: false; readonly message: string };

/** the set of reals a domain string denotes: a name from DOMAIN_NAMES or an interval such as "(0, inf)" or "[-1/2, 3.5)" */
export function parseDomain(text: string): DomainResult {
  const named = NAMED.get(text.trim());
  if (named) return { ok: true, domain: named };
  // why: a domain is a few characters; the bound also keeps the regex below linear in practice
  if (text.length > 200)
    return fail(
      `the domain is ${text.length} characters long; write a name such as positive or an interval such as "(0, 1]"`,
    );
  // a minus sign pasted from a document (U+2212) reads as -, as in expressions
  const written = text.replace(/\u2212/g, '-');
  const m = /^\s*([([])\s*([^,]*?)\s*,\s*([^,]*?)\s*([)\]])\s*$/.exec(written);
  if (!m) return fail(notAnInterval(text));
  const [, left, loText, hiText, right] = m as unknown as [string, string, string, string, string];
  const lo = endpoint(loText);
  const hi = endpoint(hiText);
  if (lo === undefined || hi === undefined)
    return fail(`cannot read the interval '${text}'; its ends must be numbers such as 0, -1/2 or 2.5, or -inf and inf`);
  if (lo === 'inf' || hi === '-inf') return fail(`the interval '${text}' is empty; write the lower end first`);
  if ((lo === '-inf' && left === '[') || (hi === 'inf' && right === ']'))
    return fail(`the interval '${text}' cannot include an infinite end; write "(" before -inf and ")" after inf`);
  if (lo !== '-inf' && hi !== 'inf' && rcmp(lo, hi) > 0)
    return fail(`the interval '${text}' is empty; write the lower end first`);
  if (lo !== '-inf' && hi !== 'inf' && rcmp(lo, hi) === 0)
    return fail(
      `the interval '${text}' is a single point (or empty); an interval needs two different ends, and a single value is written as a number`,
    );
  return {
    ok: true,
    domain: {
      kind: 'interval',
      ...(lo !== '-inf' ? { lo } : {}),
      ...(hi !== 'inf' ? { hi } : {}),
      loOpen: left === '(',
      hiOpen: right === ')',
    },
  };
}

const fail = (message: string): DomainResult => ({ ok: false, message });

/** why text is neither a domain name nor an interval, as precisely as its shape allows */
function notAnInterval(text: string): string {
  const t = text.trim();
  const example = 'such as "(0, 1]" or "(-inf, 0)"';
  if (/^[([]/.test(t)) {
    if (!/[)\]]$/.test(t))
      return `the interval '${text}' has no closing ) or ]; write it ${example}, ) for an open end and ] for a closed one`;
    const commas = (t.match(/,/g) ?? []).length;
    if (commas === 0) return `the interval '${text}' needs its two ends separated by a comma, ${example}`;
    return `the interval '${text}' has ${commas + 1} parts; an interval has two ends, ${example}`;
  }
  if (t.includes(','))
    return `'${text}' reads as an interval without brackets; write "(" or "[" before the lower end and ")" or "]" after the upper one, ${example}`;
  return `unknown domain '${text}'; write one of ${DOMAIN_NAMES.join(', ')} or an interval ${example}`;
}

/** an interval end: a signed decimal or fraction, or ±inf */
function endpoint(text: string): Rational | 'inf' | '-inf' | undefined {
  const t = text.replace(/\s+/g, '');
  if (t === 'inf' || t === '+inf') return 'inf';
  if (t === '-inf') return '-inf';
  // why the bounds: an endpoint is a short literal; a long one, or a huge exponent, is a mistake or an attack on bigint arithmetic
  if (t.length > 100) return undefined;
  const m = /^([+-]?)([0-9.]+(?:[eE][+-]?[0-9]{1,2})?)(?:\/([0-9]+))?$/.exec(t);
  if (!m) return undefined;
  const magnitude = parseDecimal(m[2]!);
  if (!magnitude) return undefined;
  const value = m[3] !== undefined ? (BigInt(m[3]) === 0n ? undefined : rdiv(magnitude, rat(BigInt(m[3])))) : magnitude;
  if (!value) return undefined;
  return m[1] === '-' ? rneg(value) : value;
}
