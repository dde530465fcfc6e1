/**
 * What the LaTeX subset refuses, and why, in one sentence each: tokens where
 * an operator or the end was expected (`=`, `/`, primes, `|x|`), and adjacent
 * letters (`xy`), which LaTeX reads as a product but the ASCII syntax as one
 * name -- the seed's `p(Pa)` is one such case.
 */
import { fail } from './problem.js';
import type { LatexCursor } from './latex-cursor.js';
import type { Token } from './latex-tokens.js';

/** why each operator character is refused where it stands */
const OPERATOR_PROBLEMS: ReadonlyMap<string, readonly [code: string, message: string]> = new Map([
  [
    '=',
    [
      'unsupported-syntax',
      "'=' is not supported: a step is one expression, not an equation; write each side as its own step",
    ],
  ],
  [
    '<',
    [
      'unsupported-syntax',
      'comparisons are not supported: a step is an expression, not an inequality; write the expression alone',
    ],
  ],
  [
    '>',
    [
      'unsupported-syntax',
      'comparisons are not supported: a step is an expression, not an inequality; write the expression alone',
    ],
  ],
  [
    '/',
    [
      'unsupported-syntax',
      "'/' outside braces is not supported in LaTeX steps (is 1/2x a half of x?); write \\frac{a}{b}, or put the quotient in braces as in x^{-1/2}",
    ],
  ],
  ["'", ['unsupported-syntax', "primes such as f' are not supported; write \\frac{d}{dx} f"]],
  ['!', ['unsupported-syntax', 'factorials are not supported; write the product out']],
  [
    '|',
    [
      'unsupported-syntax',
      'absolute values |x| are not read in LaTeX steps (a bar opens and closes alike); write \\operatorname{abs}(x)',
    ],
  ],
  ['&', ['unsupported-syntax', "alignment '&' is not supported; write one expression per step, without alignment"]],
  [
    ',',
    ['syntax', "unexpected ','; commas separate only the arguments of a definition and the indices of a subscript"],
  ],
  ['^', ['syntax', "'^' needs a base before it, as in x^2"]],
  ['_', ['syntax', "'_' needs a name before it, as in s_j"]],
]);

/** the problem with token t where an operator or the end was expected */
export function unexpectedToken(t: Token): never {
  if (t.kind === 'op') {
    const [code, message] = OPERATOR_PROBLEMS.get(t.text) ?? [
      'syntax',
      `unexpected '${t.text}'; remove it or complete the expression`,
    ];
    fail(code, message, t.at);
  }
  if (t.kind === 'close') fail('syntax', `'${t.text}' closes no bracket here; remove it or open one before`, t.at);
  if (t.kind === 'end') fail('syntax', 'the expression ends too early; complete it', t.at);
  return fail('syntax', 'unexpected token; complete the expression', t.at);
}

/** refuses the letter at the reader's position when it touches the letter before it (`xy`, `s_jk`, `p(Pa)`) */
export function checkAdjacentLetters(r: LatexCursor): void {
  const t = r.peek();
  if (t.kind !== 'letter' || t.spaced || r.token(r.pos - 1).kind !== 'letter') return;
  let first = r.pos - 1;
  while (first > 0 && r.token(first - 1).kind === 'letter' && !r.token(first).spaced) first--;
  let last = r.pos;
  while (r.token(last + 1).kind === 'letter' && !r.token(last + 1).spaced) last++;
  const run = Array.from({ length: last - first + 1 }, (_, k) => r.token(first + k).text).join('');
  const letters = run.split('');
  const at = r.token(first).at;
  const fn = first >= 2 && r.token(first - 1).text === '(' ? r.nameRef(r.token(first - 2)) : undefined;
  if (fn && (r.names.arity(fn.name) ?? 0) > 0) {
    fail(
      'unsupported-syntax',
      `${fn.name}(${run}) as a label for a quantity is not supported (it would read as ${fn.name} applied to ${letters.join(' \\cdot ')}); declare a scalar such as ${fn.name}${run} and write \\mathrm{${fn.name}${run}}`,
      at,
    );
  }
  fail(
    'unsupported-syntax',
    `adjacent letters '${run}' are ambiguous (a product in LaTeX, one name in the expression syntax); write ${letters.join(' ')} or ${letters.join(' \\cdot ')} for a product, or \\mathrm{${run}} for one name`,
    at,
  );
}
