/**
 * The rule tables. Each entry has a stable id (shipped ids never change
 * meaning); a derivative rule also its function and partial derivatives.
 * The differentiator, the normal form, the explainer and the property tests
 * all read these tables. Their statements, side conditions and doc lines
 * are words for people, kept above the core in src/explain/rule-docs.ts.
 */
import { type Expr, call, mul, num, pow, add, neg, div, sub } from '../ir/expr.js';
import { rat } from '../ir/rational.js';

export interface DerivativeRule {
  readonly id: `d.${string}`;
  readonly fn: string;
  /**
   * the partial derivatives of f at its arguments, one per argument (for a
   * function of one argument, f'(u)); d f(a, b) = f_a a' + f_b b'
   */
  readonly partials: (args: readonly Expr[]) => readonly Expr[];
}

const one = num(1);
/** the partials of a function of one argument, from f' */
const unary =
  (f: (u: Expr) => Expr) =>
  (args: readonly Expr[]): readonly Expr[] => [f(args[0]!)];
/** (a - b)/abs(a - b): the sign of a - b, undefined where a = b (the corner of max and min) */
const signOfDifference = (a: Expr, b: Expr): Expr => div(sub(a, b), call('abs', [sub(a, b)]));
const half = num(rat(1, 2));
const sq = (u: Expr) => pow(u, num(2));

/** d/dx f(u) = f'(u) * du/dx: the table of f' for every built-in function */
const DERIVATIVE_TABLE = [
  { id: 'd.exp', fn: 'exp', partials: unary((u) => call('exp', [u])) },
  { id: 'd.log', fn: 'log', partials: unary((u) => div(one, u)) },
  { id: 'd.sqrt', fn: 'sqrt', partials: unary((u) => div(one, mul([num(2), call('sqrt', [u])]))) },
  { id: 'd.sin', fn: 'sin', partials: unary((u) => call('cos', [u])) },
  { id: 'd.cos', fn: 'cos', partials: unary((u) => neg(call('sin', [u]))) },
  { id: 'd.tan', fn: 'tan', partials: unary((u) => div(one, sq(call('cos', [u])))) },
  { id: 'd.sinh', fn: 'sinh', partials: unary((u) => call('cosh', [u])) },
  { id: 'd.cosh', fn: 'cosh', partials: unary((u) => call('sinh', [u])) },
  { id: 'd.tanh', fn: 'tanh', partials: unary((u) => sub(one, sq(call('tanh', [u])))) },
  { id: 'd.asin', fn: 'asin', partials: unary((u) => div(one, call('sqrt', [sub(one, sq(u))]))) },
  { id: 'd.acos', fn: 'acos', partials: unary((u) => neg(div(one, call('sqrt', [sub(one, sq(u))])))) },
  { id: 'd.atan', fn: 'atan', partials: unary((u) => div(one, add([one, sq(u)]))) },
  { id: 'd.sigma', fn: 'sigma', partials: unary((u) => mul([call('sigma', [u]), sub(one, call('sigma', [u]))])) },
  { id: 'd.abs', fn: 'abs', partials: unary((u) => div(u, call('abs', [u]))) },
  {
    id: 'd.max',
    fn: 'max',
    partials: ([a, b]) => {
      const s = signOfDifference(a!, b!);
      return [mul([half, add([one, s])]), mul([half, sub(one, s)])];
    },
  },
  {
    id: 'd.min',
    fn: 'min',
    partials: ([a, b]) => {
      const s = signOfDifference(a!, b!);
      return [mul([half, sub(one, s)]), mul([half, add([one, s])])];
    },
  },
] as const satisfies readonly DerivativeRule[];

/** the id of a row of the derivative table */
export type DerivativeRuleId = (typeof DERIVATIVE_TABLE)[number]['id'];
export const DERIVATIVE_RULES: readonly (DerivativeRule & { readonly id: DerivativeRuleId })[] = DERIVATIVE_TABLE;

export const DERIVATIVE_BY_FN: ReadonlyMap<string, DerivativeRule & { readonly id: DerivativeRuleId }> = new Map(
  DERIVATIVE_RULES.map((r) => [r.fn, r]),
);

/** the structural rules of differentiation, written once in derivative.ts */
const STRUCTURAL_TABLE = [
  'd.const',
  'd.var',
  'd.indexed',
  'd.symmetric',
  'd.independent',
  'd.opaque',
  'd.sum-rule',
  'd.product',
  'd.power',
  'd.exp-power',
  'd.general-power',
  'd.chain',
  'd.sum-index',
  // named by explanations (src/explain/derivative-steps.ts) as a textbook does; the core itself reaches both by the product rule
  'd.quotient',
  'd.constant-multiple',
] as const satisfies readonly `d.${string}`[];
export type StructuralRuleId = (typeof STRUCTURAL_TABLE)[number];
export const STRUCTURAL_RULES: readonly StructuralRuleId[] = STRUCTURAL_TABLE;

/** rewrites the normal form applies to atoms (normal.ts, with its side condition checked by sign.ts first) */
const ALGEBRA_TABLE = [
  'nf.expand',
  'nf.cancel',
  'nf.nonzero-product',
  'nf.binary',
  'nf.delta',
  'nf.delta-collapse',
  'nf.sum-split',
  'nf.sum-const',
  'nf.sum-alpha',
  'nf.sigma',
  'nf.exp-sum',
  'nf.exp-log',
  'nf.log-exp',
  'nf.log-product',
  'nf.log-rational',
  'nf.root',
  'nf.root-split',
  'nf.root-denest',
  'nf.rationalize',
  'nf.binary-power',
  'nf.binary-log',
  'nf.power-exp',
  'nf.power-split',
  'nf.hyperbolic',
  'nf.trig',
  'nf.trig-expand',
  'nf.inverse',
  'nf.odd',
  'nf.abs',
  'nf.symmetric',
  'nf.assume',
  'nf.special-values',
] as const satisfies readonly `nf.${string}`[];
export type AlgebraRuleId = (typeof ALGEBRA_TABLE)[number];
export const ALGEBRA_RULES: readonly AlgebraRuleId[] = ALGEBRA_TABLE;

/** every rule id: a misspelt id does not compile */
export type RuleId = DerivativeRuleId | StructuralRuleId | AlgebraRuleId;

/** every rule id (their words: src/explain/rule-docs.ts) */
export const ALL_RULES: ReadonlySet<RuleId> = new Set<RuleId>([
  ...DERIVATIVE_TABLE.map((r) => r.id),
  ...STRUCTURAL_TABLE,
  ...ALGEBRA_TABLE,
]);
