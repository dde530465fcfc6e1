/** The random-expression generator's `depth` bounds the nesting of what it draws (it once did nothing). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Expr, children } from '../../src/ir/expr.js';
import { arbExpr } from './arbitrary.js';

/** operations above the leaves: a leaf is 0 (a negative number's neg node counts as one) */
const depthOf = (e: Expr): number => Math.max(-1, ...children(e).map(depthOf)) + 1;

describe('arbExpr', () => {
  it.each([1, 2, 3])('draws nothing deeper than depth %i, and reaches it', (depth) => {
    const drawn = fc.sample(arbExpr(['x', 'y'], depth), { numRuns: 300, seed: 5 }).map(depthOf);
    // an operation is at most two IR levels (a / b is a * b^-1, a - b is a + (-1) b), a literal one more (-3/2)
    expect(Math.max(...drawn)).toBeLessThanOrEqual(2 * depth + 1);
    expect(drawn.filter((d) => d >= depth).length).toBeGreaterThan(0);
  });

  it('a larger depth draws deeper trees', () => {
    const mean = (depth: number) => {
      const drawn = fc.sample(arbExpr(['x', 'y'], depth), { numRuns: 300, seed: 5 }).map(depthOf);
      return drawn.reduce((a, b) => a + b, 0) / drawn.length;
    };
    expect(mean(3)).toBeGreaterThan(mean(1));
  });
});
