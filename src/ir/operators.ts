/**
 * The operator table: every built-in function with its arity and its ASCII and
 * LaTeX spellings. The printers and the parsers read this one table; the
 * core's definedness, sign and derivative tables and the numeric evaluator
 * keep an entry per function of their own, and
 * test/core/builtin-coverage.test.ts fails when one of them misses a
 * function listed here.
 */
interface BuiltinFunction {
  readonly name: string;
  readonly arity: number;
  /** LaTeX command for the function name */
  readonly latex: string;
  readonly doc: string;
}

const table: readonly BuiltinFunction[] = [
  { name: 'exp', arity: 1, latex: '\\exp', doc: 'e to the power x' },
  { name: 'log', arity: 1, latex: '\\log', doc: 'natural logarithm, defined for x > 0' },
  { name: 'sqrt', arity: 1, latex: '\\sqrt', doc: 'square root, defined for x >= 0' },
  { name: 'sin', arity: 1, latex: '\\sin', doc: 'sine' },
  { name: 'cos', arity: 1, latex: '\\cos', doc: 'cosine' },
  { name: 'tan', arity: 1, latex: '\\tan', doc: 'tangent, undefined where cos x = 0' },
  { name: 'sinh', arity: 1, latex: '\\sinh', doc: 'hyperbolic sine' },
  { name: 'cosh', arity: 1, latex: '\\cosh', doc: 'hyperbolic cosine' },
  { name: 'tanh', arity: 1, latex: '\\tanh', doc: 'hyperbolic tangent' },
  { name: 'asin', arity: 1, latex: '\\arcsin', doc: 'inverse sine, defined for -1 <= x <= 1' },
  { name: 'acos', arity: 1, latex: '\\arccos', doc: 'inverse cosine, defined for -1 <= x <= 1' },
  { name: 'atan', arity: 1, latex: '\\arctan', doc: 'inverse tangent' },
  { name: 'sigma', arity: 1, latex: '\\sigma', doc: 'logistic function 1/(1+exp(-x))' },
  {
    name: 'abs',
    arity: 1,
    latex: '\\operatorname{abs}',
    doc: 'absolute value |x|; its derivative is undefined at 0 (a corner)',
  },
  {
    name: 'max',
    arity: 2,
    latex: '\\max',
    doc: 'the larger of two numbers; its derivative is undefined where they are equal',
  },
  {
    name: 'min',
    arity: 2,
    latex: '\\min',
    doc: 'the smaller of two numbers; its derivative is undefined where they are equal',
  },
];

export const BUILTINS: ReadonlyMap<string, BuiltinFunction> = new Map(table.map((f) => [f.name, f]));

/** Names with a meaning of their own in the expression syntax; none may be declared or defined. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([...BUILTINS.keys(), 'pi', 'e', 'sum', 'diff', 'delta']);

/** binding strength used by the printers: higher binds tighter */
export const PRECEDENCE = { add: 1, mul: 2, neg: 2, pow: 4, atom: 5 } as const;
