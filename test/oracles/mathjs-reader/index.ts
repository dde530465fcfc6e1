/**
 * The mathjs-based reader (derivcheck's ASCII reader before its own parser),
 * as a test oracle: mathjs parses, to-ir.ts converts the tree to the IR.
 */
import type { ParseEnv, ParseResult } from '../../../src/parse/expression.js';
import { checkTextLimits } from '../../../src/parse/limits.js';
import { readTree } from './mathjs-tree.js';
import { treeToExpr } from './to-ir.js';
import { valueCallsAsJuxtapositions } from './value-calls.js';

/** the IR mathjs's reading of `text` gives under `env`, or the first problem */
export function mathjsRead(text: string, env: ParseEnv): ParseResult {
  const limit = checkTextLimits(text);
  if (limit) return { ok: false, error: limit };
  const body = text.replace(/\s+$/u, '');
  if (body === '' || body.includes('#'))
    return { ok: false, error: { code: 'syntax', message: 'empty or comment', offset: 0 } };
  // mathjs reads a line break as the end of a statement; in a YAML block scalar it is only layout
  const tree = readTree(body.replace(/[\r\n]/g, ' '));
  if (!tree.ok) return tree;
  return treeToExpr(valueCallsAsJuxtapositions(tree.node, env), body, env);
}
