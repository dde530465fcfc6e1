/**
 * Two YAML mistakes whose own error (or silence) points away from the fix:
 *
 * - LaTeX in a double-quoted string: YAML reads `\f` in `"\frac{a}{b}"` as a
 *   form feed, `\n` (\nabla) as a newline, `\t` (\tanh, \times) as a tab,
 *   so the reader gets other text than was written, or YAML stops at an
 *   escape it does not know (`\s` in `"\sigma"`). Either way the fix is
 *   single quotes.
 * - A key indented more than its siblings (`by:` under `- expr: ...`): YAML
 *   reports a problem at the value above it ("implicit keys need to be on a
 *   single line"), but the line to fix is the over-indented one.
 */
import { Scalar } from 'yaml';

/** what YAML makes of `\x` in double quotes, for the letters LaTeX commands start with */
const ESCAPES: Readonly<Record<string, string>> = {
  a: 'a bell character',
  b: 'a backspace',
  e: 'an escape character',
  f: 'a form feed',
  n: 'a line break',
  r: 'a carriage return',
  t: 'a tab',
  v: 'a vertical tab',
  N: 'a next-line character',
  L: 'a line separator',
  P: 'a paragraph separator',
  x: 'a character given by hex digits',
  u: 'a character given by hex digits',
  U: 'a character given by hex digits',
};

/**
 * The offset in `source` (the file) and the message for a LaTeX command
 * inside a double-quoted scalar, if `node` is one: a backslash followed by a
 * letter, which YAML has already turned into something else.
 */
export function doubleQuotedLatex(source: string, node: Scalar): { offset: number; message: string } | undefined {
  if (node.type !== Scalar.QUOTE_DOUBLE || !node.range) return undefined;
  const [start, end] = node.range;
  for (let k = start + 1; k < end - 1; k++) {
    if (source[k] !== '\\') continue;
    const next = source[k + 1] ?? '';
    if (next === '\\') {
      k++; // an escaped backslash is one backslash, as written
      continue;
    }
    if (!/[A-Za-z]/.test(next)) continue;
    const command = /^\\[A-Za-z]+/.exec(source.slice(k))![0];
    const made = ESCAPES[next] ?? 'something else';
    return {
      offset: k,
      message: `in double quotes YAML reads '\\${next}' as an escape (${made}), so ${command} does not reach the reader; quote LaTeX with single quotes ('${command}...'), or double the backslash (\\\\${command.slice(1)})`,
    };
  }
  return undefined;
}

/** the message for YAML's error about an unknown escape in double quotes (`"\sigma"`) */
export function badEscapeMessage(source: string, offset: number): string {
  const command = /^\\[A-Za-z]*/.exec(source.slice(offset))?.[0] ?? '\\';
  return `in double quotes YAML reads a backslash as the start of an escape, and '${command.slice(0, 2)}' is not one: is this LaTeX (${command})? Quote LaTeX with single quotes ('${command}...'), or double the backslash`;
}

/**
 * For YAML's errors about a value that runs on into a key, the key line
 * that is indented more than its siblings: its offset and a message naming
 * the key, the sibling above, and the column both should share.
 */
export function overIndentedKey(source: string, offset: number): { offset: number; message: string } | undefined {
  const lines = source.split('\n');
  let at = 0;
  let line = 0;
  while (line < lines.length - 1 && at + lines[line]!.length < offset) at += lines[line++]!.length + 1;
  // the error is at the value above the culprit, or at the culprit itself: look at this line and the next
  for (const candidate of [line, line + 1]) {
    const text = lines[candidate];
    if (text === undefined || candidate === 0) continue;
    const key = /^(\s*)([A-Za-z_][\w-]*)\s*:(\s|$)/.exec(text);
    if (!key) continue;
    const sibling = siblingAbove(lines, candidate);
    if (!sibling || key[1]!.length <= sibling.column) continue;
    let lineStart = 0;
    for (let k = 0; k < candidate; k++) lineStart += lines[k]!.length + 1;
    return {
      offset: lineStart + key[1]!.length,
      message: `'${key[2]}:' is indented more than '${sibling.key}:' above it, so YAML reads it as part of that value; indent ${key[2]}: to column ${sibling.column + 1}, like ${sibling.key}:`,
    };
  }
  return undefined;
}

/** the nearest key above line `from` (after a `- ` if any), with its 0-based column */
function siblingAbove(lines: readonly string[], from: number): { key: string; column: number } | undefined {
  for (let k = from - 1; k >= 0; k--) {
    const m = /^(\s*(?:-\s+)?)([A-Za-z_][\w-]*)\s*:(\s|$)/.exec(lines[k]!);
    if (m) return { key: m[2]!, column: m[1]!.length };
  }
  return undefined;
}
