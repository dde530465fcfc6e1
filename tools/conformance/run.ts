/**
 * One corpus case through the checker's own comparison policy
 * (compareExpressions: the core, then the numeric layer), exactly as a step
 * of a derivation would be checked. Nothing here decides equality.
 */
import { add, diff, mul, num, sym, type Expr } from '../../src/ir/expr.js';
import type { Scope } from '../../src/ir/symbols.js';
import type { Counterexample, StepStatus } from '../../src/verdict/result.js';
import { compareExpressions } from '../../src/derivation/compare.js';
import { parseExpression, type ParseEnv } from '../../src/parse/expression.js';
import { constraintSymbols } from './constraints.js';
import type { DerivativeCase, IdentityCase } from './corpus.js';

/** the seed of every numeric check: fixed, so a run is reproducible */
const CONFORMANCE_SEED = 1;

/**
 * Which question is asked. `contract`: equal on the declared domains, where a
 * point at which only one side is defined refutes (the derivation format's
 * rule). `common-domain`: equal wherever both sides are defined (the corpora's
 * own meaning of "equals"); asked as `lhs + 0*rhs = rhs + 0*lhs`, whose sides
 * have the same values as lhs and rhs and are both defined exactly where both
 * lhs and rhs are (0*u is undefined wherever u is, in the core and the
 * numeric layer alike), so the checker itself is unchanged.
 */
type Question = 'contract' | 'common-domain';

/** the checker's verdict on one case; `message` says why */
export interface Outcome {
  readonly status: StepStatus;
  readonly message: string;
  readonly counterexample?: Counterexample;
}

/** the verdict on `diff(expr, var) = expected` under the case's domain */
export function checkDerivative(c: DerivativeCase, question: Question = 'contract'): Outcome {
  return withScope(c.domain, (env, scope) => {
    const body = parse(c.expr, env, 'expr');
    const expected = parse(c.expected, env, 'expected');
    if ('error' in body) return body.error;
    if ('error' in expected) return expected.error;
    if (!/^[A-Za-z_][A-Za-z_0-9]*$/.test(c.var))
      return { status: 'error', message: `cannot differentiate with respect to '${c.var}'` };
    return compare(diff(body.expr, sym(c.var)), expected.expr, scope, question);
  });
}

/** the verdict on `lhs = rhs` under the case's domain (identities and non-identities alike) */
export function checkIdentity(c: IdentityCase, question: Question = 'contract'): Outcome {
  return withScope(c.domain, (env, scope) => {
    const lhs = parse(c.lhs, env, 'lhs');
    const rhs = parse(c.rhs, env, 'rhs');
    if ('error' in lhs) return lhs.error;
    if ('error' in rhs) return rhs.error;
    return compare(lhs.expr, rhs.expr, scope, question);
  });
}

function withScope(domain: string | undefined, body: (env: ParseEnv, scope: Scope) => Outcome): Outcome {
  const constraints = constraintSymbols(domain);
  if (!constraints.ok) return { status: 'error', message: constraints.message };
  const env: ParseEnv = { symbols: constraints.symbols, functions: new Map() };
  return body(env, { symbols: constraints.symbols, definitions: new Map(), assumptions: [] });
}

function parse(text: string, env: ParseEnv, field: string): { expr: Expr } | { error: Outcome } {
  const r = parseExpression(text, env);
  if (r.ok) return { expr: r.expr };
  return {
    error: { status: 'error', message: `${field} does not parse at offset ${r.error.offset}: ${r.error.message}` },
  };
}

/** the checker's verdict; an exception is a bug in derivcheck and is reported as an error, so the run goes on and lists it */
function compare(lhs: Expr, rhs: Expr, scope: Scope, question: Question): Outcome {
  const [l, r] =
    question === 'contract' ? [lhs, rhs] : [add([lhs, mul([num(0), rhs])]), add([rhs, mul([num(0), lhs])])];
  try {
    const v = compareExpressions(l, r, scope, { seed: CONFORMANCE_SEED }, 'the left side');
    const c = v.counterexample;
    const at = c
      ? ` [at ${Object.entries(c.values)
          .map(([k, x]) => `${k} = ${x}`)
          .join(', ')}: lhs ${c.lhs}, rhs ${c.rhs}; ${c.how}]`
      : '';
    return { status: v.status, message: `${v.message}${at}`, ...(c ? { counterexample: c } : {}) };
  } catch (err) {
    return { status: 'error', message: `internal error (a bug): ${err instanceof Error ? err.message : String(err)}` };
  }
}
