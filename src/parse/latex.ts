/**
 * The LaTeX reader for `latex:` steps: the seed's notation
 * (`\frac{d}{dw_{ij}}(\log(\sigma(\sum_k w_{ik}s_k)))`, `s_j (s_i - p_i)`) to
 * the same IR, with the same error codes and limits, as the ASCII reader
 * (expression.ts) gives for the equivalent ASCII expression. A small
 * hand-written reader rather than a LaTeX library: the libraries measured
 * (shared/libraries.md) drop `\sum_k` or read `s_j (...)` as a call.
 *
 * Pieces: latex-tokens (lexer), latex-reader (grammar), latex-cursor (the
 * reader as its helpers see it), latex-commands (Greek letters, function
 * commands), latex-functions (`\log x`, `p(u)`), latex-calculus (`\frac`,
 * derivatives, `\sum`), latex-scripts (`_` and `^`), latex-names and
 * latex-subscript (what names and subscripts mean), latex-sum-index (the
 * index of a bare `\sum`), latex-refusals (what is refused and why).
 *
 * Conventions a writer should know: letters are one-letter names and
 * adjacent letters are refused (write `\mathrm{pR}` for a longer name);
 * `\sum_k` and `\frac{d}{dx}` apply to the following product; `/`, `=`,
 * `\text{...}` (except `\text{sigmoid}`), limits other than 1..n and higher
 * derivatives are refused with a message saying what to write instead.
 */
import type { ParseEnv, ParseResult } from './parse-types.js';
import { ParseProblem } from './problem.js';
import { LatexReader } from './latex-reader.js';
import { resolveSumIndices } from './latex-sum-index.js';
import { tokenize } from './latex-tokens.js';
import { MAX_NESTING, checkTextLimits } from './limits.js';

/** the IR of a LaTeX formula read under `env`, or the first problem found; never throws for any input string */
export function parseLatex(text: string, env: ParseEnv): ParseResult {
  const limit = checkTextLimits(text);
  if (limit) return { ok: false, error: limit };
  try {
    const plain = withoutMathDelimiters(text);
    const reader = new LatexReader(tokenize(plain), env, plain);
    const raw = reader.read();
    const expr = resolveSumIndices(raw, reader.pendingSums);
    reader.names.checkIndexScalarClash();
    return { ok: true, expr };
  } catch (err) {
    if (err instanceof ParseProblem) return { ok: false, error: err.error };
    // why: a backstop; the reader counts its depth, so only a much smaller stack than Node's default gets here
    if (err instanceof RangeError)
      return {
        ok: false,
        error: {
          code: 'limit',
          message: `the expression nests too deeply to read (limit MAX_NESTING = ${MAX_NESTING}); name inner parts under define`,
          offset: 0,
        },
      };
    throw err;
  }
}

/**
 * text with one enclosing `$...$`, `$$...$$`, `\(...\)` or `\[...\]` blanked
 * out (formulas are often pasted with them); blanks keep every offset
 */
function withoutMathDelimiters(text: string): string {
  const m = /^(\s*)(\$\$|\$|\\\(|\\\[)([\s\S]*?)(\$\$|\$|\\\)|\\\])(\s*)$/.exec(text);
  const pairs: Record<string, string> = { $$: '$$', $: '$', '\\(': '\\)', '\\[': '\\]' };
  if (!m || pairs[m[2]!] !== m[4]) return text;
  const blank = (s: string): string => ' '.repeat(s.length);
  return m[1]! + blank(m[2]!) + m[3]! + blank(m[4]!) + m[5]!;
}
