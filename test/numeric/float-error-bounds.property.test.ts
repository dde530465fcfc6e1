/**
 * The float64 error bounds gradcheck relies on, against 50-digit values on
 * random small expressions in x (at dyadic points, exact in float64):
 * the tape's forward bound covers its value, the adjoint sweep repeats
 * Tape.backward bit for bit (at every active node) and its bound covers the derivative, the float
 * program's running bound covers its value (and its fast twin computes the
 * same value), and a closed form it calls certainly undefined is undefined.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import * as ir from '../../src/ir/expr.js';
import type { Expr } from '../../src/ir/expr.js';
import { arbExprInX } from '../helpers/arbitrary.js';
import { toAscii } from '../../src/ir/print.js';
import { Decimal } from '../../src/numeric/decimal.js';
import { DenseInputs } from '../../src/numeric/dense-inputs.js';
import { evaluateAtPoint } from '../../src/numeric/evaluate.js';
import { NotDefined } from '../../src/numeric/undefined.js';
import { UNARY_NAMES } from '../../src/numeric/float-ops.js';
import { compileFloat } from '../../src/numeric/float-program.js';
import { adjointErrors } from '../../src/numeric/tape-adjoints.js';
import { TapeBuilder } from '../../src/numeric/tape-builder.js';
import { compileExpr } from '../../src/numeric/tape-compile.js';
import { forwardErrors } from '../../src/numeric/tape-error.js';
import { runs } from '../helpers/runs.js';

const D = Decimal.clone({ precision: 50 });
const x = ir.sym('x');

const exprArb = arbExprInX({ functions: UNARY_NAMES, maxPower: 4, full: false });

/** a dyadic point k/256 in [-4, 4]: exact in float64 and in decimal */
const pointArb = fc.integer({ min: -1024, max: 1024 }).map((k) => k / 256);

/** e at x at 50 digits, or undefined (a domain error, or beyond float64's range) */
function exact(e: Expr, at: number): InstanceType<typeof D> | undefined {
  const v = evaluateAtPoint(e, { x: String(at) }, 50);
  if (v instanceof NotDefined) return undefined;
  const d = new D(v.toString());
  return d.isFinite() && d.abs().lt(1e300) ? d : undefined;
}

/** |computed - exact| <= bound, with the 50-digit value's own error (relative 1e-40) allowed for */
function covered(computed: number, exactValue: InstanceType<typeof D>, bound: number): boolean {
  const gap = new D(computed).minus(exactValue).abs();
  return gap.lte(new D(bound).plus(exactValue.abs().times(1e-40)));
}

describe('float64 error bounds cover the exact values', () => {
  test('the tape: forward bound, adjoints bit for bit, adjoint bound', () => {
    fc.assert(
      fc.property(exprArb, pointArb, (e, at) => {
        const b = new TapeBuilder(1, new Uint8Array([1]));
        const out = compileExpr(e, b, { n: undefined, units: new Map() }, { scalar: () => 0, element: () => 0 });
        const tape = b.build();
        tape.val[0] = at;
        tape.forward();
        tape.backward(out);
        const err = forwardErrors(tape, out);
        const sweep = adjointErrors(tape, out, err);
        // every active node's adjoint (the inactive ones are never read)
        for (let id = 0; id <= out; id++)
          if (tape.active[id] === 1)
            expect(sweep.adj[id] === tape.adj[id] || Object.is(sweep.adj[id], tape.adj[id]), `adj[${id}]`).toBe(true);
        const value = exact(e, at);
        if (value && Number.isFinite(err[out]!))
          expect(covered(tape.val[out]!, value, err[out]!), `value of ${toAscii(e)} at ${at}`).toBe(true);
        const derivative = exact(ir.diff(e, x), at);
        if (derivative && value && Number.isFinite(sweep.error[0]!) && Number.isFinite(tape.adj[0]!))
          expect(covered(tape.adj[0]!, derivative, sweep.error[0]!), `derivative of ${toAscii(e)} at ${at}`).toBe(true);
      }),
      { numRuns: runs(400), seed: 20240605 },
    );
  });

  test("the float program: its running bound covers the value, the fast program's value is the same; 'certainly undefined' is undefined", () => {
    const inputs = new DenseInputs(1, [], ['x']);
    fc.assert(
      fc.property(exprArb, pointArb, (e, at) => {
        const program = compileFloat(e, 1, inputs, new Float64Array([at]), []);
        const v = program.run();
        // the fast program computes the very same value
        const fast = compileFloat(e, 1, inputs, new Float64Array([at]), [], 'fast').run();
        expect(Object.is(fast, v), `fast ${fast}, bounded ${v}: ${toAscii(e)} at ${at}`).toBe(true);
        const value = exact(e, at);
        if (program.undefinedHere) {
          expect(evaluateAtPoint(e, { x: String(at) }, 50), `${toAscii(e)} at ${at}`).toBeInstanceOf(NotDefined);
          return;
        }
        if (value && Number.isFinite(v) && Number.isFinite(program.error))
          expect(covered(v, value, program.error), `${toAscii(e)} at ${at}`).toBe(true);
      }),
      { numRuns: runs(400), seed: 20240606 },
    );
  });
});
