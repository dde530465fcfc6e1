/**
 * The notations people bring from paper and other tools, recognised where
 * they would otherwise read as something else (or fail with a message that
 * does not help), each refused at its place with what to write instead:
 * Leibniz's `d/dx (...)` and `df/dx` (which would read as d divided by a
 * variable dx), `sin^2(x)` (sin to the power 2(x)), and `sigma^2` for a
 * variance (sigma is the logistic function). `x**3` and the words of other
 * syntaxes are refused by the lexer.
 */
import type { Syn, SynName } from './ascii-syntax.js';
import type { AsciiToken } from './ascii-tokens.js';
import { fail } from './problem.js';

/** what these checks read of the parser (AsciiParser), so that this module does not import it back */
interface ParserAt {
  readonly text: string;
  readonly names: { isKnown(name: string): boolean };
  peek(ahead?: number): AsciiToken;
}

/** refuses `d/dx` and `df/dx` when the parser is at a '/' after the last factor of `groups` */
export function checkLeibniz(p: ParserAt, groups: readonly { factors: readonly Syn[] }[]): void {
  const factors = groups[groups.length - 1]!.factors;
  const left = factors[factors.length - 1]!;
  const wrt = p.peek(1);
  if (left.kind !== 'name' || !/^d[A-Za-z]*$/.test(left.name) || p.names.isKnown(left.name)) return;
  if (wrt.kind !== 'name' || !/^d[A-Za-z_]/.test(wrt.text) || p.names.isKnown(wrt.text)) return;
  let variable = wrt.text.slice(1);
  const bracket = p.peek(2);
  if (bracket.kind === 'open' && bracket.text === '[') {
    // the variable is an element, `d/dw[i,j]`: show its indices as written
    let k = 3;
    while (p.peek(k).kind !== 'end' && !(p.peek(k).kind === 'close' && p.peek(k).text === ']')) k++;
    variable += p.text.slice(bracket.at, p.peek(k).end).replace(/\s+/g, '');
  }
  const body = left.name === 'd' ? '...' : left.name.slice(1);
  const example = left.name === 'd' ? `, as in diff(x^2, ${variable})` : '';
  fail(
    'unsupported-syntax',
    `'${left.name}/${wrt.text}' is not derivative notation in expressions (it would divide by a variable named ${wrt.text}); write diff(${body}, ${variable})${example}`,
    left.at,
  );
}

/** refuses `sin^2(x)` and `sigma^2` at a function name followed by '^' (the parser is at the '^') */
export function checkPowerOfFunction(p: ParserAt, name: SynName): void {
  let k = 1;
  const sign = p.peek(k).kind === 'op' && (p.peek(k).text === '-' || p.peek(k).text === '+') ? p.peek(k++).text : '';
  const exponent = p.peek(k);
  const after = p.peek(k + 1);
  const f = name.name;
  if (exponent.kind === 'num' && after.kind === 'open' && after.text === '(') {
    const power = `${sign}${exponent.text}`;
    if (power === '-1')
      fail(
        'unsupported-syntax',
        `${f}^-1(x) is ambiguous (the inverse function or the reciprocal?); write the inverse by name${f === 'sin' || f === 'cos' || f === 'tan' ? ` (a${f}(x))` : ''} or the reciprocal as 1/${f}(x)`,
        name.at,
      );
    fail(
      'unsupported-syntax',
      `a power of a function is written after its argument: write ${f}(x)^${power.startsWith('-') ? `(${power})` : power} (${f}^${power}(x) would read as ${f} to the power ${power}(x))`,
      name.at,
    );
  }
  if (f === 'sigma')
    fail(
      'reserved-name',
      "'sigma' is the logistic function sigma(x) = 1/(1 + exp(-x)), not a variable; for a standard deviation or a variance use another name, such as sd (sd^2) or s2",
      name.at,
      'sigma',
    );
}
