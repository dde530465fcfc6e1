/**
 * Function application in the LaTeX subset. A built-in (`\log`, `\ln`,
 * `\sigma`, `\arcsin`, `\operatorname{sigmoid}`, ...) takes `(x)`,
 * `\left(x\right)`, `{x}` or a single atom with its scripts (`\log x^2` is
 * log(x^2)); a user definition is called as `p(u)` or `f(x, y)`.
 */
import { type Expr, call } from '../ir/expr.js';
import { BUILTINS } from '../ir/operators.js';
import type { LatexCursor } from './latex-cursor.js';
import type { NameRef } from './latex-names.js';
import { fail } from './problem.js';
import type { Token } from './latex-tokens.js';
import { FUNCTION_COMMANDS, styledFunction } from './latex-commands.js';

/** the built-in `fn` applied to its argument; the reader is at the function's token */
export function readBuiltin(r: LatexCursor, fn: string): Expr {
  const head = r.next();
  const t = r.peek();
  const spelled = head.kind === 'cmd' ? `\\${head.text}` : fn;
  if (r.isOp(t, '^'))
    fail(
      'unsupported-syntax',
      `a power of a function such as ${spelled}^2 x is not supported (${spelled}^{-1} would be ambiguous); write (${spelled} x)^2`,
      t.at,
    );
  if (r.isOp(t, '_'))
    fail(
      'unsupported-syntax',
      `${spelled} takes no subscript${fn === 'log' ? ' (\\log is the natural logarithm; for base b write \\frac{\\log x}{\\log b})' : '; remove it'}`,
      t.at,
    );
  const arity = BUILTINS.get(fn)?.arity ?? 1;
  if (arity > 1) return call(fn, readArguments(r, fn, spelled, head, arity));
  if (fn === 'sqrt' && t.kind === 'open' && t.text === '[')
    fail('unsupported-syntax', 'n-th roots \\sqrt[n]{x} are not supported; write x^{\\frac{1}{n}}', t.at);
  if (t.kind === 'open') {
    const arg = t.text === '{' ? r.bracketed() : readParenthesised(r, fn, spelled, head);
    const script = r.peek();
    // why: TeX puts a script after `\sin{x}` on the x (sin x²), and the reader would put it on the call ((sin x)²)
    if (t.text === '{' && fn !== 'sqrt' && (r.isOp(script, '^') || r.isOp(script, '_')))
      fail(
        'unsupported-syntax',
        `${spelled}{x}${script.text}... displays the ${script.text === '^' ? 'exponent' : 'subscript'} on the argument but would read it on ${spelled}; write ${spelled}(x)^2 for the power of ${spelled}, or ${spelled}{x^2} for ${spelled} of a power`,
        script.at,
      );
    return call(fn, [arg]);
  }
  if (!r.startsFactor(t)) fail('syntax', `${spelled} needs an argument, as in ${spelled}(x) or ${spelled} x`, head.at);
  const bareScript = r.peek(1);
  // why: \sqrt takes one token as its argument, so TeX puts the script of `\sqrt x^2` on the root ((√x)²)
  if (fn === 'sqrt' && (r.isOp(bareScript, '^') || r.isOp(bareScript, '_')))
    fail(
      'unsupported-syntax',
      `\\sqrt x${bareScript.text}... displays as a script on the root but would read as the root of a power; write \\sqrt{x}${bareScript.text}2 or \\sqrt{x${bareScript.text}2}`,
      bareScript.at,
    );
  const arg = r.power();
  // why: by the single-atom rule `\log 2x` would be log(2)*x, but it is usually meant as log(2x)
  if (t.kind === 'num' && r.startsFactor(r.peek()))
    fail('syntax', `${spelled} ${t.text}... is ambiguous; write ${spelled}(${t.text} ...) with parentheses`, t.at);
  // why: likewise `\sin \omega t` and `\sin x y` are sin(omega t) to most readers and sin(omega) t by the rule
  // (a false step proved, a true one refuted); another function after the argument (`\sin x \cos x`) is no doubt
  const after = r.peek();
  if (fn !== 'sqrt' && r.startsFactor(after) && !startsFunction(after))
    fail(
      'ambiguous',
      `${spelled} without parentheses followed by another factor is ambiguous: write ${spelled}(... ...) for the function of the product, or ${spelled}(...) \\cdot ... for the product with the function`,
      after.at,
    );
  return call(fn, [arg]);
}

/** true when t starts a built-in's application (`\\cos`, `\\operatorname{sigmoid}`) */
function startsFunction(t: Token): boolean {
  return (
    (t.kind === 'cmd' && FUNCTION_COMMANDS.has(t.text)) || (t.kind === 'styled' && styledFunction(t) !== undefined)
  );
}

/** the `arity` arguments of a built-in such as \\max(a, b): parenthesised, separated by commas */
function readArguments(r: LatexCursor, fn: string, spelled: string, head: Token, arity: number): Expr[] {
  const open = r.peek();
  if (open.kind !== 'open' || open.text === '{')
    fail('syntax', `${spelled} takes ${arity} arguments in parentheses, as in ${spelled}(a, b)`, head.at);
  r.next();
  const args = [r.expression()];
  while (r.isOp(r.peek(), ',')) {
    r.next();
    args.push(r.expression());
  }
  if (args.length !== arity) fail('arity', `'${fn}' takes ${arity} arguments; write ${spelled}(a, b)`, head.at);
  r.expectClose(open);
  return args;
}

/** the argument in `(...)`, `\\left(...\\right)` or `[...]` after a built-in; the reader is at the bracket */
function readParenthesised(r: LatexCursor, fn: string, spelled: string, head: Token): Expr {
  const open = r.next();
  const arg = r.expression();
  if (r.isOp(r.peek(), ',')) fail('arity', `'${fn}' takes 1 argument; write ${spelled}(x)`, head.at);
  r.expectClose(open);
  return arg;
}

/** `p(u)`, `f(x, y)`: a call of a user definition with `arity` parameters; the reader is at the `(` */
export function readUserCall(r: LatexCursor, ref: NameRef, arity: number): Expr {
  const open = r.next();
  const args: Expr[] = [];
  for (;;) {
    const bare = r.nameRef(r.peek());
    const after = r.peek(1);
    if (bare && (r.isOp(after, ',') || (after.kind === 'close' && after.text === ')'))) {
      r.next();
      args.push(r.names.userArgument(bare)); // why: a parameter may stand for an index, `a(i)`
    } else {
      args.push(r.expression());
    }
    if (!r.isOp(r.peek(), ',')) break;
    r.next();
  }
  r.expectClose(open);
  if (args.length !== arity)
    fail(
      'arity',
      `'${ref.name}' is defined with ${arity} parameter${arity === 1 ? '' : 's'} but is given ${args.length}; give it ${arity}`,
      ref.at,
    );
  return call(ref.name, args);
}
