/**
 * ASCII syntax tree -> IR. Names are resolved against the declarations
 * (index, array, scalar) and the definitions, so a misuse (an array without
 * brackets, an index used as a value, a misspelt function) is reported here,
 * at the offending text, rather than surfacing later as a wrong verdict.
 *
 * Reading choices worth knowing (the IR the mathjs-based reader built, kept):
 * - chains of `+`/`-` and of `*`/`/` become one n-ary add or mul, so
 *   `a - b + c` is add([a, -b, c]) and `a*b/c` is mul([a, b, c^-1]); the
 *   first run of juxtaposed factors joins the chain, a later one is one
 *   factor (`a * b c` is mul([a, mul([b, c])])); brackets are kept as written;
 * - negating a number literal gives a negative literal (`-2`, `x^-1`,
 *   `a - 2`), anything else becomes (-1)*x;
 * - an undeclared name is an index variable where an index goes and a real
 *   scalar elsewhere; one used both ways in one expression is refused.
 */
import { type Expr, add, mul, neg, num, pow } from '../ir/expr.js';
import { BUILTINS } from '../ir/operators.js';
import { parseDecimal, rneg } from '../ir/rational.js';
import type { ParseEnv } from './parse-types.js';
import { ResolveNames } from './ascii-names.js';
import type { Syn, SynCall, SynNum, SynProduct } from './ascii-syntax.js';
import { MAX_TREE_DEPTH } from './limits.js';
import { VERSION2_FUNCTIONS } from './names.js';
import { fail } from './problem.js';

/** the IR of a syntax tree read from `text`; throws ParseProblem at the first problem */
export function resolve(root: Syn, env: ParseEnv): Expr {
  const r = new Resolver(env);
  const e = r.expr(root, 0);
  r.names.checkIndexScalarClash();
  return e;
}

class Resolver {
  readonly names: ResolveNames;

  constructor(private readonly env: ParseEnv) {
    this.names = new ResolveNames(env, (s, d) => this.expr(s, d));
  }

  /** a node in value position, `depth` levels down the tree */
  expr(s: Syn, depth: number): Expr {
    if (depth > MAX_TREE_DEPTH)
      fail(
        'limit',
        `the expression tree nests deeper than ${MAX_TREE_DEPTH} levels (limit MAX_TREE_DEPTH); name inner parts under define`,
        s.at,
      );
    const d = depth + 1;
    switch (s.kind) {
      case 'num':
        return num(exactDecimal(s));
      case 'name':
        return this.names.value(s);
      case 'group':
        return this.expr(s.body, depth); // brackets only group
      case 'sign':
        return s.minus ? negate(this.expr(s.arg, d)) : this.expr(s.arg, d);
      case 'pow':
        return pow(this.expr(s.base, d), this.expr(s.exp, d));
      case 'add':
        return add(s.terms.map((t) => (t.minus ? negate(this.expr(t.term, d)) : this.expr(t.term, d))));
      case 'product':
        return this.product(s, d);
      case 'elem':
        return this.names.element(s);
      case 'call':
        return this.call(s, d);
    }
  }

  /** the first group's factors, then one factor per later group (inverted after '/') */
  private product(s: SynProduct, d: number): Expr {
    const [first, ...rest] = s.groups;
    const factors = first!.factors.map((f) => this.expr(f, d));
    for (const g of rest) {
      const f = g.factors.length === 1 ? this.expr(g.factors[0]!, d) : mul(g.factors.map((x) => this.expr(x, d + 1)));
      factors.push(g.op === '/' ? pow(f, num(-1)) : f);
    }
    return mul(factors);
  }

  private call(s: SynCall, d: number): Expr {
    const name = s.name;
    const names = this.names;
    names.checkForbidden(name, s.at);
    if (name === 'sum') return names.sumCall(s, d);
    if (name === 'diff') return names.diffCall(s, d);
    if (name === 'delta') return names.deltaCall(s);
    const v2 = VERSION2_FUNCTIONS.get(name);
    if (v2 !== undefined) {
      names.checkArity(s, v2);
      if (name === 'ln') return names.builtinCall('log', s, d);
    }
    const builtin = BUILTINS.get(name);
    if (builtin) {
      names.checkArity(s, builtin.arity);
      return names.builtinCall(name, s, d);
    }
    const arity = this.env.functions.get(name);
    if (arity !== undefined && arity > 0) {
      names.checkArity(s, arity);
      return names.userCall(s, d);
    }
    return names.notAFunction(s);
  }
}

/** the exact value of a decimal literal (its size was checked by the lexer) */
function exactDecimal(s: SynNum) {
  const value = parseDecimal(s.text);
  if (!value) return fail('syntax', `cannot read the number '${s.text}'; write a decimal such as 0.25`, s.at);
  return value;
}

/** -e, folding the sign into a number literal */
function negate(e: Expr): Expr {
  return e.kind === 'num' ? num(rneg(e.value)) : neg(e);
}
