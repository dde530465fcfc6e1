/**
 * Test helpers for the numeric layer: a small reader from the expression
 * syntax to the IR (through mathjs's parser, independent of src/parse so these
 * tests do not depend on it), and builders for scopes.
 */
// why: the number-only build parses the same syntax and loads in half the time of the full one (the unit run loads it once per worker)
import { parse, type MathNode } from 'mathjs/number';
import * as ir from '../../src/ir/expr.js';
import type { Expr, IndexTerm, Variable } from '../../src/ir/expr.js';
import { parseDecimal, rat, type Rational } from '../../src/ir/rational.js';
import { REAL, type Definition, type Domain, type Scope, type SymbolDecl } from '../../src/ir/symbols.js';

interface Node {
  type: string;
  value?: unknown;
  name?: string;
  op?: string;
  fn?: string | { name: string };
  args?: Node[];
  content?: Node;
  object?: Node;
  index?: { dimensions: Node[] };
}

const FUNCTION_OPS: Record<string, (a: Expr[]) => Expr> = {
  add: (a) => ir.add(a),
  subtract: (a) => ir.sub(a[0]!, a[1]!),
  multiply: (a) => ir.mul(a),
  divide: (a) => ir.div(a[0]!, a[1]!),
  pow: (a) => ir.pow(a[0]!, a[1]!),
  unaryMinus: (a) => ir.neg(a[0]!),
  unaryPlus: (a) => a[0]!,
};

function indexTerm(n: Node): IndexTerm {
  const e = toIr(n);
  if (e.kind !== 'sym' && e.kind !== 'num') throw new Error(`bad index ${JSON.stringify(n)}`);
  return e;
}

function toIr(n: Node): Expr {
  switch (n.type) {
    case 'ConstantNode': {
      const v = parseDecimal(String(n.value));
      if (!v) throw new Error(`bad number ${String(n.value)}`);
      return ir.num(v);
    }
    case 'SymbolNode':
      if (n.name === 'pi' || n.name === 'e') return ir.constant(n.name);
      if (n.name === 'n') return ir.units();
      return ir.sym(n.name!);
    case 'ParenthesisNode':
      return toIr(n.content!);
    case 'OperatorNode': {
      const op = FUNCTION_OPS[n.fn as string];
      if (!op) throw new Error(`operator ${n.op}`);
      return op(n.args!.map(toIr));
    }
    case 'AccessorNode':
      return ir.elem(n.object!.name!, n.index!.dimensions.map(indexTerm));
    case 'FunctionNode': {
      const name = (n.fn as { name: string }).name;
      const args = n.args!;
      if (name === 'sum') return ir.sum(args[0]!.name!, toIr(args[1]!));
      if (name === 'diff') return ir.diff(toIr(args[0]!), toIr(args[1]!) as Variable);
      if (name === 'delta') return ir.delta(indexTerm(args[0]!), indexTerm(args[1]!));
      return ir.call(name, args.map(toIr));
    }
    default:
      throw new Error(`unsupported node ${n.type}`);
  }
}

/** the IR of an expression in the derivation syntax (`n` stands for the number of units) */
export function ex(text: string): Expr {
  return toIr(parse(text) as MathNode as unknown as Node);
}

/** a domain by its name in the derivation format, or an interval given by its ends */
export function domain(
  name: 'real' | 'positive' | 'nonnegative' | 'negative' | 'nonzero' | 'binary' | 'probability',
): Domain {
  const zero = rat(0);
  switch (name) {
    case 'real':
      return REAL;
    case 'positive':
      return { kind: 'interval', lo: zero, loOpen: true, hiOpen: true };
    case 'nonnegative':
      return { kind: 'interval', lo: zero, loOpen: false, hiOpen: true };
    case 'negative':
      return { kind: 'interval', hi: zero, loOpen: true, hiOpen: true };
    case 'nonzero':
      return { kind: 'nonzero' };
    case 'binary':
      return { kind: 'binary' };
    case 'probability':
      return { kind: 'interval', lo: zero, hi: rat(1), loOpen: true, hiOpen: true };
  }
}

/** the interval between lo and hi (undefined: infinite) with the given openness */
export function interval(lo: Rational | undefined, hi: Rational | undefined, loOpen: boolean, hiOpen: boolean): Domain {
  return { kind: 'interval', ...(lo ? { lo } : {}), ...(hi ? { hi } : {}), loOpen, hiOpen };
}

export const index = (name: string): SymbolDecl => ({ kind: 'index', name });
export const scalar = (name: string, d: Domain = REAL): SymbolDecl => ({
  kind: 'scalar',
  name,
  domain: d,
  opaque: false,
  independentOf: [],
});
export const opaque = (name: string, d: Domain, independentOf: readonly string[] = []): SymbolDecl => ({
  kind: 'scalar',
  name,
  domain: d,
  opaque: true,
  independentOf: independentOf.map((t) => ex(t) as Variable),
});
export const array = (name: string, arity: number, d: Domain = REAL): SymbolDecl => ({
  kind: 'array',
  name,
  arity,
  domain: d,
});

/** a scope from declarations, definitions `name: body` or `f(x): body`, and assumptions `variable: value` */
export function scopeOf(
  decls: readonly SymbolDecl[],
  defs: Record<string, string> = {},
  assume: Record<string, string> = {},
): Scope {
  const definitions = new Map<string, Definition>();
  for (const [head, body] of Object.entries(defs)) {
    const m = /^(\w+)(?:\(([^)]*)\))?$/.exec(head)!;
    const params = m[2] ? m[2].split(',').map((s) => s.trim()) : [];
    definitions.set(m[1]!, { name: m[1]!, params, body: ex(body) });
  }
  return {
    symbols: new Map(decls.map((d) => [d.name, d])),
    definitions,
    assumptions: Object.entries(assume).map(([v, value]) => ({ variable: ex(v) as Variable, value: ex(value) })),
  };
}
