/**
 * What the commands of the LaTeX subset name: the Greek letters read as
 * names, the commands of the built-in functions (`\arcsin` -> asin,
 * `\ln` -> log) and the styled names of built-ins (`\operatorname{sigmoid}`).
 * A leaf below the reader and its helpers, so that they share it without
 * importing each other.
 */
import { BUILTINS } from '../ir/operators.js';
import type { Token } from './latex-tokens.js';

/** Greek letters read as names (`\alpha` -> alpha): one list with the printer's (ir/greek.ts) */
export { GREEK } from '../ir/greek.js';

/** LaTeX command (without backslash) -> built-in function name: `arcsin` -> asin, `ln` -> log */
export const FUNCTION_COMMANDS: ReadonlyMap<string, string> = new Map([
  // a built-in spelled as a plain command (`\\max`); abs is written \\operatorname{abs} (styledFunction)
  ...[...BUILTINS.values()].filter((f) => /^\\[a-z]+$/.test(f.latex)).map((f) => [f.latex.slice(1), f.name] as const),
  ['ln', 'log'],
]);

/** the built-in a `\mathrm{...}`-like token names (`\operatorname{sigmoid}` -> sigma, `\mathrm{log}` -> log), if any */
export function styledFunction(t: Token): string | undefined {
  const content = t.text.trim();
  if (content === 'sigmoid') return 'sigma'; // why: the seed writes \text{sigmoid}(x) for sigma(x)
  return t.style !== 'text' && BUILTINS.has(content) ? content : undefined;
}
