/**
 * Random networks for gradcheck, as float64 values of a dense input layout:
 * the weight array w is the weights of a random DAG (w[a,b] = 0 unless unit
 * b comes before unit a in a random order; nonzero weights uniform in
 * +-2/sqrt(n), so a unit's net input stays of order 1 however large n is and
 * its sigmoid does not saturate), binary arrays are random 0/1, and every
 * other array and scalar takes random values of its domain.
 */
import { rationalToNumber } from '../ir/rational.js';
import type { Domain } from '../ir/symbols.js';
import { rat } from '../ir/rational.js';
import type { DenseInputs } from './dense-inputs.js';
import { invSqrt, unitFloat } from './float-ops.js';
import type { Prng } from './prng.js';
import { sampleValue } from './sampling.js';

/** an array or scalar of the network, with its domain */
export interface NetworkSymbol {
  readonly name: string;
  /** 0 for a scalar */
  readonly arity: number;
  readonly domain: Domain;
}

/** why 2: the standard deviation of a net input sum_k w_mk s_k is then about 0.8, for any n */
const WEIGHT_SCALE = 2;

/** values for every input of the layout; `dag` names the 2-index array that gets DAG-shaped weights */
export function randomNetwork(
  inputs: DenseInputs,
  symbols: readonly NetworkSymbol[],
  dag: string,
  rng: Prng,
): Float64Array {
  const n = inputs.n;
  const values = new Float64Array(inputs.count);
  const scale = WEIGHT_SCALE * invSqrt(n);
  for (const s of symbols) {
    if (s.arity === 0) {
      values[inputs.scalar(s.name)] = rationalToNumber(sampleValue(s.domain, rng, rat(1)));
      continue;
    }
    const base = inputs.base(s.name);
    const size = n ** s.arity;
    if (s.name === dag && s.arity === 2) {
      const order = rng.shuffle(Array.from({ length: n }, (_, u) => u));
      const rank = new Int32Array(n);
      order.forEach((u, r) => (rank[u] = r));
      for (let a = 0; a < n; a++) {
        for (let b = 0; b < n; b++)
          if (rank[b]! < rank[a]!) values[base + a * n + b] = scale * (2 * unitFloat(rng.nextU32()) - 1);
      }
    } else if (s.name === dag) {
      for (let q = 0; q < size; q++) values[base + q] = scale * (2 * unitFloat(rng.nextU32()) - 1);
    } else if (s.domain.kind === 'binary') {
      for (let q = 0; q < size; q++) values[base + q] = rng.coin() ? 1 : 0;
    } else {
      for (let q = 0; q < size; q++) values[base + q] = rationalToNumber(sampleValue(s.domain, rng, rat(1)));
    }
  }
  return values;
}
