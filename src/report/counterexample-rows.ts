/**
 * A counterexample as name/value rows, in the order every report shows them:
 * the free variables, both sides' values, then how to reproduce the point.
 */
import type { Counterexample } from '../verdict/result.js';

/** The rows `[name, value]` describing `c`: variables, previous step, this step, units?, seed, found by. */
export function counterexampleRows(c: Counterexample): [string, string][] {
  const rows: [string, string][] = Object.entries(c.values).map(([name, value]) => [name, value]);
  rows.push(['previous step', c.lhs], ['this step', c.rhs]);
  if (c.units !== undefined) rows.push(['units', String(c.units)]);
  rows.push(['seed', String(c.seed)], ['found by', c.how]);
  return rows;
}

/** The rows of `c` as aligned `name = value` lines, each prefixed with `indent`. */
export function counterexampleTable(c: Counterexample, indent = ''): string[] {
  const rows = counterexampleRows(c);
  const width = Math.max(...rows.map(([name]) => name.length));
  return rows.map(([name, value]) => `${indent}${name.padEnd(width)} = ${value}`);
}
