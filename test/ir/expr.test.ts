/**
 * The IR's two structural laws, over random expressions with every node kind
 * (sums, deltas, arrays, diffs, calls): rebuilding a node from its children
 * gives the node back, and keys are equal exactly when trees are.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Expr, children, num, withChildren } from '../../src/ir/expr.js';
import { radd, rat } from '../../src/ir/rational.js';
import { arbDefinitions, arbExpr } from '../helpers/generators.js';
import { runs } from '../helpers/runs.js';

const RUNS = { numRuns: runs(300), seed: 9 };

/** the tree without keys, for structural comparison */
function shape(e: Expr): unknown {
  const { key: _key, ...rest } = e as Expr & Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rest)) {
    if (Array.isArray(v)) out[k] = v.map((x) => (typeof x === 'object' && x && 'kind' in x ? shape(x as Expr) : x));
    else if (typeof v === 'object' && v && 'kind' in v) out[k] = shape(v as Expr);
    else if (typeof v === 'object' && v && 'n' in v)
      out[k] = String((v as unknown as { n: bigint }).n) + '/' + String((v as unknown as { d: bigint }).d);
    else out[k] = v;
  }
  return out;
}

const anyExpr = arbDefinitions(2).chain((defs) => arbExpr({ depth: 4, defs }));

describe('children and withChildren', () => {
  it('withChildren(e, children(e)) is e', () => {
    fc.assert(
      fc.property(anyExpr, (e) => {
        expect(withChildren(e, children(e)).key).toBe(e.key);
      }),
      RUNS,
    );
  });

  it('rebuilding every node bottom-up gives the same tree (children and withChildren agree on order)', () => {
    const rebuild = (e: Expr): Expr => withChildren(e, children(e).map(rebuild));
    fc.assert(
      fc.property(anyExpr, (e) => {
        expect(shape(rebuild(e))).toEqual(shape(e));
      }),
      RUNS,
    );
  });
});

describe('structural keys', () => {
  it('equal keys exactly when the trees are equal', () => {
    fc.assert(
      fc.property(anyExpr, anyExpr, (a, b) => {
        const sameTree = JSON.stringify(shape(a)) === JSON.stringify(shape(b));
        expect(a.key === b.key).toBe(sameTree);
      }),
      RUNS,
    );
  });

  it('changing one number leaf changes the key', () => {
    const bump = (e: Expr): Expr | undefined => {
      if (e.kind === 'num') return num(radd(e.value, rat(1)));
      const cs = children(e);
      for (let k = 0; k < cs.length; k++) {
        const changed = bump(cs[k]!);
        if (changed)
          return withChildren(
            e,
            cs.map((c, m) => (m === k ? changed : c)),
          );
      }
      return undefined;
    };
    fc.assert(
      fc.property(anyExpr, (e) => {
        const changed = bump(e);
        if (changed) expect(changed.key).not.toBe(e.key);
      }),
      RUNS,
    );
  });
});
