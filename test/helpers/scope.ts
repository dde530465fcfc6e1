/** Test helpers: build a scope from a compact description and parse expressions in it. */
import type { Expr, Variable } from '../../src/ir/expr.js';
import type { Definition, Domain, Scope, SymbolDecl } from '../../src/ir/symbols.js';
import { REAL } from '../../src/ir/symbols.js';
import { parseExpression } from '../../src/parse/expression.js';
import { rat } from '../../src/ir/rational.js';

export const POSITIVE: Domain = { kind: 'interval', lo: rat(0), loOpen: true, hiOpen: true };
export const PROBABILITY: Domain = { kind: 'interval', lo: rat(0), hi: rat(1), loOpen: true, hiOpen: true };
export const NONZERO: Domain = { kind: 'nonzero' };
export const BINARY: Domain = { kind: 'binary' };

export interface ScopeSpec {
  indices?: string[];
  arrays?: Record<string, { arity: number; domain?: Domain }>;
  /** plain scalar variables with a domain (not opaque) */
  vars?: Record<string, Domain>;
  /** opaque scalars: domain and the variables they are independent of */
  opaque?: Record<string, { domain?: Domain; independentOf?: string[] }>;
  define?: Record<string, string>;
  assume?: Record<string, string>;
}

/** a parser bound to the names a spec declares */
export function makeScope(spec: ScopeSpec = {}): { scope: Scope; p: (text: string) => Expr } {
  const symbols = new Map<string, SymbolDecl>();
  for (const i of spec.indices ?? []) symbols.set(i, { kind: 'index', name: i });
  for (const [name, a] of Object.entries(spec.arrays ?? {}))
    symbols.set(name, { kind: 'array', name, arity: a.arity, domain: a.domain ?? REAL });
  for (const [name, domain] of Object.entries(spec.vars ?? {}))
    symbols.set(name, { kind: 'scalar', name, domain, opaque: false, independentOf: [] });
  const functions = new Map<string, number>();
  const defHeads = Object.keys(spec.define ?? {}).map((head) => {
    const m = /^(\w+)(?:\(([^)]*)\))?$/.exec(head)!;
    const params = m[2] ? m[2].split(',').map((s) => s.trim()) : [];
    if (params.length) functions.set(m[1]!, params.length);
    return { head, name: m[1]!, params };
  });
  const p = (text: string): Expr => {
    const r = parseExpression(text, { symbols, functions });
    if (!r.ok) throw new Error(`parse error in ${text}: ${r.error.message}`);
    return r.expr;
  };
  for (const [name, o] of Object.entries(spec.opaque ?? {})) {
    symbols.set(name, { kind: 'scalar', name, domain: o.domain ?? REAL, opaque: true, independentOf: [] });
  }
  for (const [name, o] of Object.entries(spec.opaque ?? {})) {
    symbols.set(name, {
      kind: 'scalar',
      name,
      domain: o.domain ?? REAL,
      opaque: true,
      independentOf: (o.independentOf ?? []).map((t) => p(t) as Variable),
    });
  }
  const definitions = new Map<string, Definition>();
  for (const d of defHeads) definitions.set(d.name, { name: d.name, params: d.params, body: p(spec.define![d.head]!) });
  const assumptions = Object.entries(spec.assume ?? {}).map(([v, value]) => ({
    variable: p(v) as Variable,
    value: p(value),
  }));
  return { scope: { symbols, definitions, assumptions }, p };
}

/** the scope of the sigmoid belief net derivation */
export const SBN: ScopeSpec = {
  indices: ['i', 'j', 'k'],
  arrays: { s: { arity: 1, domain: BINARY }, w: { arity: 2 } },
  opaque: {
    pPa: { domain: POSITIVE, independentOf: ['w[i,j]'] },
    pR: { domain: POSITIVE, independentOf: ['w[i,j]'] },
    ps: { domain: PROBABILITY },
  },
  define: { pN: 'pPa * pR * ps', 'a(u)': 'sum(k, w[u,k] * s[k])', 'p(u)': 'sigma(a(u))' },
};
