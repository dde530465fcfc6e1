/**
 * The tape's run kernels: the hand-assembled WebAssembly SIMD module is
 * valid and used for big tapes on this Node, and every kernel gives the
 * same float64 results, bit for bit, as its JavaScript twin (so a verdict
 * never depends on whether SIMD is available), at every length and
 * alignment of the runs.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { jsKernels, simdModuleBytes, tapeStorage } from '../../src/numeric/tape-kernels.js';
import { TapeBuilder } from '../../src/numeric/tape-builder.js';
import { OP_DOTRLS } from '../../src/numeric/tape.js';

const SIZE = 8192;

/** the first index where two arrays differ (Object.is: -0 is not 0), or -1 */
function firstDifference(a: Float64Array, b: Float64Array): number {
  for (let q = 0; q < a.length; q++) if (!Object.is(a[q], b[q])) return q;
  return a.length === b.length ? -1 : a.length;
}

describe('WebAssembly SIMD kernels', () => {
  test('the module is valid WebAssembly with SIMD, and a big tape keeps its values and adjoints in its memory', () => {
    expect(WebAssembly.validate(simdModuleBytes())).toBe(true);
    const big = tapeStorage(SIZE);
    expect(big.val.buffer).toBe(big.adj.buffer);
    expect(big.adj.byteOffset).toBe(8 * SIZE);
    // a small tape (one diff site of a compare) has ordinary arrays
    const small = tapeStorage(100);
    expect(small.val.buffer).not.toBe(small.adj.buffer);
  });

  test('dot, assign and addTo equal their JavaScript twins bit for bit, at any length and offset', () => {
    const wasm = tapeStorage(SIZE);
    const twin = jsKernels(wasm.val, wasm.adj);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 3000 }),
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        (len, x, y, g, seed) => {
          let r = seed;
          for (let q = 0; q < SIZE; q++) {
            r = (Math.imul(r, 48271) % 2147483647) | 0;
            wasm.val[q] = (r / 2147483647) * 4 - 2;
            wasm.adj[q] = wasm.val[q]! / 3;
          }
          expect(Object.is(wasm.kernels.dot(x, y, len), twin.dot(x, y, len))).toBe(true);
          const before = wasm.adj.slice();
          wasm.kernels.addTo(x, y, len, g);
          const viaWasm = wasm.adj.slice();
          wasm.adj.set(before);
          twin.addTo(x, y, len, g);
          expect(firstDifference(wasm.adj, viaWasm)).toBe(-1);
          wasm.adj.set(before);
          wasm.kernels.assign(x + 5, y, len, g);
          const assigned = wasm.adj.slice();
          wasm.adj.set(before);
          twin.assign(x + 5, y, len, g);
          expect(firstDifference(wasm.adj, assigned)).toBe(-1);
        },
      ),
      { numRuns: 200, seed: 424242 },
    );
  });

  test('a row of 5000 weights: the SIMD forward and backward match a plain loop', () => {
    const n = 5000;
    const active = new Uint8Array(2 * n);
    active.fill(1, 0, n);
    const b = new TapeBuilder(2 * n, active);
    const ids = Array.from({ length: n }, (_, t) => [t, n + t]).flat();
    const out = b.dot(ids);
    const tape = b.build();
    expect(tape.op[0]).toBe(OP_DOTRLS);
    for (let t = 0; t < 2 * n; t++) tape.val[t] = Math.sin(t);
    tape.forward();
    tape.backward(out);
    let s = 0;
    for (let t = 0; t < n; t++) s += Math.sin(t) * Math.sin(n + t);
    expect(tape.val[out]).toBeCloseTo(s, 10);
    for (let t = 0; t < n; t++) expect(tape.adj[t]).toBe(Math.sin(n + t));
  });
});
