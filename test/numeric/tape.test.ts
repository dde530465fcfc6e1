/**
 * The reverse-mode tape against the 50-digit dual numbers: every operation's
 * value and derivative, every partial of an indexed expression from one
 * backward pass, the dot-product specialisations, the linear size of a
 * compiled log joint, and the error analysis that says when float64 values
 * are too inexact to be an oracle.
 */
import { describe, expect, test } from 'vitest';
import * as ir from '../../src/ir/expr.js';
import type { Expr } from '../../src/ir/expr.js';
import { elementKey } from '../../src/numeric/atom-key.js';
import type { Decimal } from '../../src/numeric/decimal.js';
import { DenseInputs } from '../../src/numeric/dense-inputs.js';
import { evaluate } from '../../src/numeric/evaluate.js';
import { DecimalField } from '../../src/numeric/field.js';
import type { FieldNum } from '../../src/numeric/numbers.js';
import { NotDefined } from '../../src/numeric/undefined.js';
import { OP_DOT, OP_DOTL, OP_DOTR, OP_DOTRL, OP_DOTRLS, OP_MUL, type Tape } from '../../src/numeric/tape.js';
import { TapeBuilder } from '../../src/numeric/tape-builder.js';
import { compileExpr, TapeUnsupported } from '../../src/numeric/tape-compile.js';
import { absoluteAdjoints, tapeIsModerate } from '../../src/numeric/tape-error.js';
import { ex, scopeOf } from './helpers.js';

/** a tape of e over keyed inputs with the given values; `active` keys are differentiated by */
function tapeOf(
  e: Expr,
  values: Record<string, number>,
  active: readonly string[],
  n?: number,
  units: Record<string, number> = {},
): { tape: Tape; out: number; id: (key: string) => number } {
  const keys = Object.keys(values);
  const ids = new Map(keys.map((k, i) => [k, i]));
  const flags = new Uint8Array(keys.length);
  for (const k of active) flags[ids.get(k)!] = 1;
  const b = new TapeBuilder(keys.length, flags);
  const id = (key: string): number => {
    const i = ids.get(key);
    if (i === undefined) throw new Error(`no input ${key}`);
    return i;
  };
  const out = compileExpr(
    e,
    b,
    { n, units: new Map(Object.entries(units)) },
    { scalar: id, element: (name, us) => id(elementKey(name, us)) },
  );
  const tape = b.build();
  keys.forEach((k, i) => (tape.val[i] = values[k]!));
  tape.forward();
  tape.backward(out);
  return { tape, out, id };
}

/** e (or diff(e, wrt)) at 50 digits, as a number */
function exact(e: Expr, values: Record<string, number>, n?: number, units: Record<string, number> = {}): number {
  const field = new DecimalField(50, { used: 0, limit: 1e9 });
  const vals = new Map<string, FieldNum>(Object.entries(values).map(([k, v]) => [k, field.real(String(v))]));
  const v = evaluate(e, {
    field,
    scope: scopeOf([]),
    n,
    units: new Map(Object.entries(units)),
    values: vals,
    opaque: new Map(),
  });
  if (v instanceof NotDefined) throw new Error(`undefined: ${v.reason}`);
  return Number((v as Decimal).toString());
}

const relErr = (a: number, b: number): number => Math.abs(a - b) / Math.max(1, Math.abs(a), Math.abs(b));

describe('every operation: value and derivative as the dual numbers give them', () => {
  const point = { x: 0.37, y: 1.9 };
  test.each([
    'exp(x)',
    'log(y)',
    'sqrt(y)',
    'sin(x)',
    'cos(x)',
    'tan(x)',
    'sinh(x)',
    'cosh(x)',
    'tanh(x)',
    'asin(x)',
    'acos(x)',
    'atan(x)',
    'sigma(x)',
    'x^3',
    'x^(-2)',
    'y^(1/3)',
    'y^x',
    'x^y',
    'x/y',
    'y/x',
    '-x',
    '3*x*y',
    'x - y',
    'e^x',
    'pi*x',
    'x*y + x + y + 1',
    'sigma(-40*x)',
  ])('%s', (text) => {
    const e = ex(text);
    const { tape, out, id } = tapeOf(e, point, ['x', 'y']);
    expect(relErr(tape.val[out]!, exact(e, point))).toBeLessThan(1e-14);
    for (const v of ['x', 'y']) {
      expect(relErr(tape.adj[id(v)]!, exact(ir.diff(e, ir.sym(v)), point)), `d/d${v}`).toBeLessThan(1e-13);
    }
  });
});

describe('one backward pass gives every partial', () => {
  test('of an indexed expression with nested sums, all atoms at once', () => {
    const n = 3;
    const e = ex('sum(k, sigma(sum(m, w[k,m]*x[m])) * x[k]) + log(1 + x[i]^2) * w[i,j] + sum(k, delta(k,j)*w[i,k])^2');
    const units = { i: 2, j: 3 };
    const values: Record<string, number> = {};
    for (let a = 1; a <= n; a++) {
      values[`x[${a}]`] = 0.3 * a - 0.5;
      for (let b = 1; b <= n; b++) values[`w[${a},${b}]`] = 0.1 * a - 0.2 * b + 0.05;
    }
    const keys = Object.keys(values);
    const { tape, out, id } = tapeOf(e, values, keys, n, units);
    expect(relErr(tape.val[out]!, exact(e, values, n, units))).toBeLessThan(1e-14);
    for (const key of keys) {
      const m = /^(\w)\[(.*)\]$/.exec(key)!;
      const wrt = ir.elem(
        m[1]!,
        m[2]!.split(',').map((u) => ir.num(Number(u))),
      );
      expect(relErr(tape.adj[id(key)]!, exact(ir.diff(e, wrt), values, n, units)), key).toBeLessThan(1e-13);
    }
  });
});

describe('sums of products', () => {
  const n = 6;
  const layout = new DenseInputs(
    n,
    [
      { name: 's', arity: 1 },
      { name: 'w', arity: 2 },
      { name: 'x', arity: 1 },
    ],
    [],
  );
  const compile = (text: string, activeArrays: readonly string[]): { tape: Tape; out: number } => {
    const flags = new Uint8Array(layout.count);
    for (const a of activeArrays) flags.fill(1, layout.base(a), layout.base(a) + n ** (a === 'w' ? 2 : 1));
    const b = new TapeBuilder(layout.count, flags);
    const out = compileExpr(ex(text), b, { n, units: new Map([['i', 4]]) }, layout);
    const tape = b.build();
    for (let q = 0; q < layout.count; q++) tape.val[q] = ((q * 37) % 11) / 7 - 0.6;
    tape.forward();
    tape.backward(out);
    return { tape, out };
  };

  test('a row of weights times data is one run operation, and the data get no adjoint', () => {
    const { tape, out } = compile('sum(k, w[i,k]*s[k])', ['w']);
    // the row's weights are read by nothing else: backward assigns their adjoints (OP_DOTRLS)
    expect([...tape.op]).toEqual([OP_DOTRLS]);
    for (let k = 1; k <= n; k++) {
      expect(tape.adj[layout.element('w', [4, k])]).toBe(tape.val[layout.element('s', [k])]);
      expect(tape.adj[layout.element('s', [k])]).toBe(0);
      expect(tape.adj[layout.element('w', [3, k])]).toBe(0);
    }
    expect(out).toBe(layout.count);
  });

  test('both factors varying: both get adjoints (runs and scattered pairs)', () => {
    const run = compile('sum(k, x[k]*s[k])', ['x', 's']);
    expect([...run.tape.op]).toEqual([OP_DOTR]);
    for (let k = 1; k <= n; k++) {
      expect(run.tape.adj[layout.element('x', [k])]).toBe(run.tape.val[layout.element('s', [k])]);
      expect(run.tape.adj[layout.element('s', [k])]).toBe(run.tape.val[layout.element('x', [k])]);
    }
    const square = compile('sum(k, x[k]*x[k])', ['x']);
    expect(square.tape.op.includes(OP_DOT) || square.tape.op.includes(OP_DOTR)).toBe(true);
    for (let k = 1; k <= n; k++)
      expect(square.tape.adj[layout.element('x', [k])]).toBeCloseTo(2 * square.tape.val[layout.element('x', [k])]!, 14);
    // a column (w[k,i]) is not a run: scattered pairs, still one operation and no multiplications
    const column = compile('sum(k, w[k,i]*s[k])', ['w']);
    expect([...column.tape.op]).toEqual([OP_DOTL]);
    expect(column.tape.op.includes(OP_MUL)).toBe(false);
  });

  test('a log joint compiles to n^2 + O(n) nodes: the net input of each unit is shared by its two log terms', () => {
    const text = 'sum(m, s[m]*log(sigma(sum(k, w[m,k]*s[k]))) + (1 - s[m])*log(1 - sigma(sum(k, w[m,k]*s[k]))))';
    const { tape } = compile(text, ['w']);
    const ops = tape.size - layout.count;
    expect(ops).toBeLessThan(15 * n);
    expect([...tape.op].filter((o) => o === OP_DOTRLS)).toHaveLength(n);
  });

  test('a weight read twice keeps the accumulating form, and its adjoint sums both reads', () => {
    const { tape } = compile('sum(k, w[i,k]*s[k]) + 3*w[i,1]', ['w']);
    expect(tape.op.includes(OP_DOTRL)).toBe(true);
    expect(tape.op.includes(OP_DOTRLS)).toBe(false);
    expect(tape.adj[layout.element('w', [4, 1])]).toBeCloseTo(tape.val[layout.element('s', [1])]! + 3, 14);
  });

  test('assigned adjoints are rewritten by every sweep, also where the adjoint flowing in is 0 (no stale values)', () => {
    const { tape, out } = compile('sum(m, x[m] * sum(k, w[m,k]*s[k]))', ['w']);
    // one per row, and the outer sum: the run of net inputs times the run of x
    expect([...tape.op].filter((o) => o === OP_DOTRLS)).toHaveLength(n + 1);
    const row = (m: number) => Array.from({ length: n }, (_, k) => tape.adj[layout.element('w', [m, k + 1])]!);
    expect(row(2).some((v) => v !== 0)).toBe(true);
    // x[2] = 0: row 2's net input no longer matters, and a second sweep must say so
    tape.val[layout.element('x', [2])] = 0;
    tape.forward();
    tape.backward(out);
    expect(row(2).every((v) => v === 0)).toBe(true);
    for (let k = 1; k <= n; k++)
      expect(tape.adj[layout.element('w', [3, k])]).toBe(
        tape.val[layout.element('x', [3])]! * tape.val[layout.element('s', [k])]!,
      );
  });

  test('a sweep from a node below the last zeroes every adjoint, assigned runs included', () => {
    const { tape } = compile('sum(m, x[m] * sum(k, w[m,k]*s[k]))', ['w']);
    // the net input of unit 1 only: the first operation
    const first = tape.inputs;
    expect(tape.op[0]).toBe(OP_DOTRLS);
    tape.backward(first);
    for (let k = 1; k <= n; k++) {
      expect(tape.adj[layout.element('w', [1, k])]).toBe(tape.val[layout.element('s', [k])]);
      expect(tape.adj[layout.element('w', [2, k])]).toBe(0);
    }
  });
});

describe('what the tape cannot express', () => {
  test('a nested diff is unsupported, not miscompiled', () => {
    const b = new TapeBuilder(1, new Uint8Array([1]));
    expect(() =>
      compileExpr(ex('diff(x^2, x)*x'), b, { n: undefined, units: new Map() }, { scalar: () => 0, element: () => 0 }),
    ).toThrow(TapeUnsupported);
  });
});

describe('when float64 is exact enough to be an oracle', () => {
  test('1 - sigma(x) keeps its digits at x = 3, not at x = 30', () => {
    const e = ex('log(1 - sigma(x))');
    const near = tapeOf(e, { x: 3 }, ['x']);
    expect(tapeIsModerate(near.tape, near.out)).toBe(true);
    const far = tapeOf(e, { x: 30 }, ['x']);
    expect(tapeIsModerate(far.tape, far.out)).toBe(false);
  });

  test('an overflow or a domain error is not moderate', () => {
    expect(tapeIsModerate(tapeOf(ex('exp(x)'), { x: 800 }, ['x']).tape, 1)).toBe(false);
    const neg = tapeOf(ex('log(x)'), { x: -1 }, ['x']);
    expect(tapeIsModerate(neg.tape, neg.out)).toBe(false);
  });

  test('absolute adjoints bound the cancellation float64 cannot resolve', () => {
    // exp(40) x - exp(40) x + x: d/dx = 1 in exact arithmetic, a sum of terms of size 2.4e17
    const { tape, out, id } = tapeOf(ex('exp(40)*x - exp(40)*x + x'), { x: 0.5 }, ['x']);
    const scale = absoluteAdjoints(tape, out)[id('x')]!;
    expect(scale).toBeGreaterThan(4e17);
    expect(Math.abs(tape.adj[id('x')]! - 1)).toBeLessThanOrEqual(1e-9 * scale);
    // without cancellation the magnitude is the derivative's own
    const plain = tapeOf(ex('3*x^2'), { x: 0.5 }, ['x']);
    expect(absoluteAdjoints(plain.tape, plain.out)[plain.id('x')]).toBeCloseTo(3, 12);
  });
});
