/**
 * The three derivative oracles agree on random expressions, indexed ones
 * with sums over small networks included: forward-mode dual numbers at 50
 * digits, Richardson finite differences in decimals, and the reverse-mode
 * float64 tape (where its values are moderate), each to 1e-9 relative. And
 * one backward pass of the tape gives every partial at once.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import * as ir from '../../src/ir/expr.js';
import type { Expr, Variable } from '../../src/ir/expr.js';
import { toAscii } from '../../src/ir/print.js';
import { elementKey } from '../../src/numeric/atom-key.js';
import type { Decimal } from '../../src/numeric/decimal.js';
import { evaluate, type DiffSite, type EvalEnv } from '../../src/numeric/evaluate.js';
import { DecimalField } from '../../src/numeric/field.js';
import { realPart, type FieldNum } from '../../src/numeric/numbers.js';
import { NotDefined } from '../../src/numeric/undefined.js';
import { finiteDifference } from '../../src/numeric/finite-difference.js';
import { TapeBuilder } from '../../src/numeric/tape-builder.js';
import { compileExpr } from '../../src/numeric/tape-compile.js';
import { absoluteAdjoints, tapeIsModerate } from '../../src/numeric/tape-error.js';
import { tapeDerivative } from '../../src/numeric/tape-oracle.js';
import { array, domain, index, scopeOf } from './helpers.js';
import { runs } from '../helpers/runs.js';

const UNARY = ['exp', 'log', 'sqrt', 'sin', 'cos', 'tanh', 'atan', 'sigma'] as const;
const scope = scopeOf([index('i'), index('j'), array('s', 1, domain('binary')), array('w', 2), array('v', 1)]);

/** expressions over x, y, v[.], s[.], w[.,.] with the index names in `idx`; sums bind k, then m */
function exprArb(idx: readonly string[], depth: number): fc.Arbitrary<Expr> {
  const term = fc.constantFrom(...idx).map((t) => ir.sym(t));
  const leaves: fc.Arbitrary<Expr>[] = [
    fc.constant<Expr>(ir.sym('x')),
    fc.constant<Expr>(ir.sym('y')),
    fc.integer({ min: -3, max: 3 }).map((k) => ir.num(k)),
    fc.tuple(term, term).map(([a, b]) => ir.elem('w', [a, b])),
    term.map((a) => ir.elem('v', [a])),
    term.map((a) => ir.elem('s', [a])),
  ];
  if (depth === 0) return fc.oneof(...leaves);
  const sub = exprArb(idx, depth - 1);
  const bound = ['k', 'm'].find((name) => !idx.includes(name));
  return fc.oneof(
    { depthSize: 'small' },
    ...leaves,
    fc.tuple(fc.constantFrom(...UNARY), sub).map(([f, a]) => ir.call(f, [a])),
    fc.tuple(sub, sub).map(([a, b]) => ir.add([a, b])),
    fc.tuple(sub, sub).map(([a, b]) => ir.mul([a, b])),
    fc.tuple(sub, sub).map(([a, b]) => ir.div(a, ir.add([ir.num(1), ir.pow(b, ir.num(2))]))),
    fc.tuple(sub, fc.constantFrom(2, 3, -1)).map(([a, k]) => ir.pow(a, ir.num(k))),
    ...(bound ? [exprArb([...idx, bound], depth - 1).map((body) => ir.sum(bound, body))] : []),
  );
}

/** a random network: n units, i and j (possibly equal), and a value for every atom */
const instanceArb = fc
  .record({
    n: fc.integer({ min: 2, max: 3 }),
    i: fc.integer({ min: 1, max: 3 }),
    j: fc.integer({ min: 1, max: 3 }),
    seed: fc.integer({ min: 0, max: 1e6 }),
  })
  .map(({ n, i, j, seed }) => {
    let state = seed;
    // three decimals, reproducible from the seed
    const next = (lo: number, hi: number): string => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return (lo + ((hi - lo) * (state % 1000)) / 1000).toFixed(3);
    };
    const values: Record<string, string> = { x: next(-2, 2), y: next(-2, 2) };
    for (let a = 1; a <= n; a++) {
      values[`v[${a}]`] = next(-2, 2);
      values[`s[${a}]`] = Number(next(0, 1)) < 0.5 ? '0' : '1';
      for (let b = 1; b <= n; b++) values[`w[${a},${b}]`] = next(-1.5, 1.5);
    }
    return {
      n,
      units: new Map([
        ['i', Math.min(i, n)],
        ['j', Math.min(j, n)],
      ]),
      values,
    };
  });

const wrtArb = fc.constantFrom<Variable>(
  ir.sym('x'),
  ir.sym('y'),
  ir.elem('w', [ir.sym('i'), ir.sym('j')]),
  ir.elem('w', [ir.sym('j'), ir.sym('i')]),
  ir.elem('v', [ir.sym('i')]),
);

function envOf(
  inst: { n: number; units: Map<string, number>; values: Record<string, string> },
  precision = 50,
): EvalEnv {
  const field = new DecimalField(precision, { used: 0, limit: 1e9 });
  const values = new Map<string, FieldNum>(Object.entries(inst.values).map(([k, v]) => [k, field.real(v)]));
  return { field, scope, n: inst.n, units: inst.units, values, opaque: new Map() };
}

const keyOf = (v: Variable, units: ReadonlyMap<string, number>): string =>
  v.kind === 'sym'
    ? v.name
    : elementKey(
        v.name,
        v.indices.map((t) => units.get((t as { name: string }).name)!),
      );

const within = (a: Decimal, b: Decimal, tol: number, scale = 0): boolean => {
  const D = a.constructor as typeof Decimal;
  return a
    .minus(b)
    .abs()
    .lte(D.max(1, a.abs(), b.abs(), scale).times(tol));
};

describe('three oracles for diff', () => {
  test('dual numbers, Richardson finite differences and the float64 tape agree to 1e-9 relative', () => {
    let compared = 0;
    let tapeCompared = 0;
    fc.assert(
      fc.property(exprArb(['i', 'j'], 3), instanceArb, wrtArb, (e, inst, wrt) => {
        const env = envOf(inst);
        const forward = evaluate(ir.diff(e, wrt), env);
        if (forward instanceof NotDefined) return;
        const key = keyOf(wrt, inst.units);
        const at = evaluate(wrt, env);
        if (at instanceof NotDefined) return;
        const site: DiffSite = { body: e, wrt, key, units: inst.units, at, derivative: forward };
        const fd = finiteDifference(site, env, '1e-12');
        if (fd instanceof NotDefined) return;
        const f = realPart(forward);
        const where = `d/d${key} ${toAscii(e)} at ${JSON.stringify(inst.values)} (i = ${inst.units.get('i')}, j = ${inst.units.get('j')}, n = ${inst.n})`;
        if (!within(f, realPart(fd), 1e-9)) throw new Error(`${where}: dual ${f} vs finite difference ${realPart(fd)}`);
        compared++;
        const tape = tapeDerivative(site, env);
        if (tape.kind === 'value') {
          const t = new env.field.D(tape.value);
          if (!within(f, t, 1e-9, tape.scale))
            throw new Error(`${where}: dual ${f} vs tape ${tape.value} (scale ${tape.scale})`);
          tapeCompared++;
        }
      }),
      { numRuns: runs(300), seed: 20240611 },
    );
    // most random expressions are defined at a random point, and most have moderate float64 values there
    expect(compared).toBeGreaterThan(runs(300) * 0.834);
    expect(tapeCompared).toBeGreaterThan(0.9 * compared);
  });

  test('one backward pass gives every partial, each equal to the dual numbers', () => {
    let partials = 0;
    fc.assert(
      fc.property(exprArb(['i', 'j'], 3), instanceArb, (e, inst) => {
        const env = envOf(inst);
        const keys = Object.keys(inst.values);
        const b = new TapeBuilder(keys.length, new Uint8Array(keys.length).fill(1));
        const ids = new Map(keys.map((k, id) => [k, id]));
        const out = compileExpr(
          e,
          b,
          { n: inst.n, units: inst.units },
          { scalar: (name) => ids.get(name)!, element: (name, us) => ids.get(elementKey(name, us))! },
        );
        const tape = b.build();
        keys.forEach((k, id) => (tape.val[id] = Number(inst.values[k])));
        tape.forward();
        if (!tapeIsModerate(tape, out)) return;
        tape.backward(out);
        const scales = absoluteAdjoints(tape, out);
        for (const k of keys) {
          const m = /^(\w)(?:\[(.*)\])?$/.exec(k)!;
          const wrt: Variable = m[2]
            ? ir.elem(
                m[1]!,
                m[2].split(',').map((u) => ir.num(Number(u))),
              )
            : ir.sym(m[1]!);
          const d = evaluate(ir.diff(e, wrt), env);
          if (d instanceof NotDefined) return;
          const t = new env.field.D(tape.adj[ids.get(k)!]!);
          if (!within(realPart(d), t, 1e-9, scales[ids.get(k)!]))
            throw new Error(`d/d${k} ${toAscii(e)}: dual ${realPart(d)} vs tape ${t}`);
          partials++;
        }
      }),
      { numRuns: runs(150), seed: 7 },
    );
    expect(partials).toBeGreaterThan(runs(150) * 6.67);
  });
});
