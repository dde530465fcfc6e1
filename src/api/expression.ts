/**
 * Reading an expression under a context, and differentiating one: thin
 * wrappers over the parser and the explainer whose derivative the trusted
 * core confirms.
 */
import type { Expr, Variable } from '../ir/expr.js';
import { type ExprJson, exprToJson } from '../ir/json.js';
import { toAscii, toLatex } from '../ir/print.js';
import { parseExpression as parseWith } from '../parse/expression.js';
import { explainDerivative } from '../explain/derivative-steps.js';
import type { ExplainStep } from '../verdict/explanation.js';
import { type Context, type ContextInput, loadContext } from './context.js';
import { type ApiResult, DerivcheckError } from './errors.js';

/** an expression as read: the tree, and the same expression printed back; plain JSON data */
export interface ParsedExpression {
  /** the expression tree (src/ir/json.ts: the IR without keys, numbers as exact text) */
  readonly expr: ExprJson;
  /** ASCII in the derivation syntax, as the reports print it */
  readonly text: string;
  readonly latex: string;
}

/** The expression `text` read under `context` (names declared or defined there), or the input problems with their column. */
export function parseExpression(text: string, context?: ContextInput): ApiResult<ParsedExpression> {
  const c = loadContext(context);
  if (!c.ok) return c;
  const r = readIn(text, c.context, 'expression');
  return r.ok ? printed(r.expr) : r;
}

/** parseExpression, throwing a DerivcheckError instead of returning the problems */
export function parseExpressionOrThrow(text: string, context?: ContextInput): ParsedExpression {
  const r = parseExpression(text, context);
  if (!r.ok) throw new DerivcheckError(r.errors);
  return r;
}

/** a derivative the core has confirmed: d expr / d wrt, simplified */
export interface Derivative extends ParsedExpression {
  /** the rules applied, one per step, from the tables in src/core/rules.ts */
  readonly steps: readonly (Omit<ExplainStep, 'expr'> & { readonly expr: ExprJson })[];
  /** the core's words on `diff(expr, wrt) = expr` */
  readonly confirmation: string;
}

/**
 * d expr / d wrt (`wrt` a scalar name or an array element such as `w[i,j]`),
 * simplified; returned only when the trusted core proves it equals
 * `diff(expr, wrt)`, otherwise the problem `not-confirmed` with the core's reason.
 */
export function differentiate(expr: string, wrt: string, context?: ContextInput): ApiResult<Derivative> {
  const c = loadContext(context);
  if (!c.ok) return c;
  const e = readIn(expr, c.context, 'expression');
  const v = readIn(wrt, c.context, 'wrt');
  if (!e.ok || !v.ok) return { ok: false, errors: [...(e.ok ? [] : e.errors), ...(v.ok ? [] : v.errors)] };
  const variable = v.expr;
  if (
    (variable.kind !== 'sym' && variable.kind !== 'elem') ||
    (variable.kind === 'sym' && c.context.env.functions.has(variable.name))
  ) {
    return {
      ok: false,
      errors: [
        {
          code: 'bad-wrt',
          location: 'wrt',
          message: `differentiate with respect to a variable, a scalar name or an array element such as w[i,j]; '${wrt}' is not one`,
        },
      ],
    };
  }
  const explanation = explainDerivative(e.expr, variable as Variable, c.context.scope);
  // soundness: the explainer is untrusted; an unconfirmed result is not a derivative
  if (!explanation.confirmed) {
    return {
      ok: false,
      errors: [
        {
          code: 'not-confirmed',
          location: 'expression',
          message: `${explanation.confirmation}; the candidate was ${toAscii(explanation.result)}`,
        },
      ],
    };
  }
  return {
    ...printed(explanation.result),
    steps: explanation.steps.map((s) => ({ ...s, expr: exprToJson(s.expr) })),
    confirmation: explanation.confirmation,
  };
}

/** `text` read in a loaded context to the IR; problems are placed at `location` with a 1-based column */
export function readIn(text: string, context: Context, location: string): ApiResult<{ readonly expr: Expr }> {
  if (typeof text !== 'string')
    return {
      ok: false,
      errors: [
        { code: 'syntax', location, message: `an expression must be text such as "x^2 + 1"; ${typeof text} was given` },
      ],
    };
  const r = parseWith(text, context.env);
  if (!r.ok)
    return {
      ok: false,
      errors: [{ code: r.error.code, message: r.error.message, location, column: r.error.offset + 1 }],
    };
  return { ok: true, expr: r.expr };
}

function printed(expr: Expr): { readonly ok: true } & ParsedExpression {
  return { ok: true, expr: exprToJson(expr), text: toAscii(expr), latex: toLatex(expr) };
}
