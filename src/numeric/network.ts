/**
 * Random networks for gradcheck, as float64 values of a dense input layout.
 * The weight arrays (the array differentiated by, and every other real
 * two-index array) take the weights of one family of networks:
 *
 * - `dag`: w[a,b] = 0 unless unit b comes before unit a in a random order
 *   (a sigmoid belief net's structure), no self-connections;
 * - `dense`: every weight nonzero, the diagonal w[a,a] included;
 * - `symmetric`: dense, and w[a,b] = w[b,a] (a Boltzmann machine's pairs);
 *
 * uniform in +-scale, at several scales: 2/sqrt(n) keeps a unit's net input
 * of order 1 however large n is, 0.1 is the nearly linear regime, 5
 * saturates units. A closed form that only holds on a DAG (it drops a
 * unit's effect on itself), or only for small weights, fails on one of
 * them. An array declared `symmetric` is symmetric in every family. Binary
 * arrays are random 0/1, and every other array and scalar takes random
 * values of its domain.
 */
import { rationalToNumber } from '../ir/rational.js';
import type { Domain } from '../ir/symbols.js';
import { rat } from '../ir/rational.js';
import type { DenseInputs } from './dense-inputs.js';
import { invSqrt, unitFloat } from './float-ops.js';
import type { Prng } from './prng.js';
import { sampleValue } from './sampling.js';
import type { GradcheckFamily } from '../verdict/gradcheck.js';

/** an array or scalar of the network, with its domain */
export interface NetworkSymbol {
  readonly name: string;
  /** 0 for a scalar */
  readonly arity: number;
  readonly domain: Domain;
  /** a two-index array declared symmetric (w[a,b] = w[b,a] always) */
  readonly symmetric?: boolean;
}

/** one family of random networks: a shape and the half-width of the weights */
export interface WeightFamily extends GradcheckFamily {
  /** the half-width of the uniform weights on n units */
  scale(n: number): number;
}

/** why 2: the standard deviation of a net input sum_k w_mk s_k is then about 0.8, for any n */
const BALANCED_SCALE = 2;

const balanced = { scale: (n: number) => BALANCED_SCALE * invSqrt(n), scaleText: '2/sqrt(n)' };
const fixed = (c: number) => ({ scale: () => c, scaleText: String(c) });

/**
 * the families gradcheck tries, in this order: the DAG first (the shape of
 * the networks the derivations are about), then every weight nonzero, then
 * symmetric pairs, at the balanced scale; then dense at 0.1 and at 5
 */
export const WEIGHT_FAMILIES: readonly WeightFamily[] = [
  { shape: 'dag', ...balanced },
  { shape: 'dense', ...balanced },
  { shape: 'symmetric', ...balanced },
  { shape: 'dense', ...fixed(0.1) },
  { shape: 'dense', ...fixed(5) },
];

/** whether a symbol gets the family's weights: a two-index array of real values, or the array differentiated by */
export function isWeightArray(s: NetworkSymbol, wrt: string): boolean {
  return s.arity === 2 && (s.name === wrt || isReal(s.domain));
}

const isReal = (d: Domain): boolean => d.kind === 'interval' && d.lo === undefined && d.hi === undefined;

/** values for every input of the layout: the weight arrays (see isWeightArray) from `family`, the rest from their domains */
export function randomNetwork(
  inputs: DenseInputs,
  symbols: readonly NetworkSymbol[],
  wrt: string,
  family: WeightFamily,
  rng: Prng,
): Float64Array {
  const n = inputs.n;
  const values = new Float64Array(inputs.count);
  const scale = family.scale(n);
  // one order of the units per network, shared by its DAG-shaped arrays
  const order = rng.shuffle(Array.from({ length: n }, (_, u) => u));
  const rank = new Int32Array(n);
  order.forEach((u, r) => (rank[u] = r));
  for (const s of symbols) {
    if (s.arity === 0) {
      values[inputs.scalar(s.name)] = rationalToNumber(sampleValue(s.domain, rng, rat(1)));
      continue;
    }
    const base = inputs.base(s.name);
    const size = n ** s.arity;
    const draw: () => number = !isWeightArray(s, wrt)
      ? s.domain.kind === 'binary'
        ? () => (rng.coin() ? 1 : 0)
        : () => rationalToNumber(sampleValue(s.domain, rng, rat(1)))
      : isReal(s.domain)
        ? () => scale * (2 * unitFloat(rng.nextU32()) - 1)
        : () => rationalToNumber(sampleValue(s.domain, rng, rat(1)));
    for (let q = 0; q < size; q++) values[base + q] = draw();
    if (s.arity !== 2) continue;
    const weights = isWeightArray(s, wrt);
    // the DAG's zeros only where 0 is a value of the domain (real weights)
    if (weights && family.shape === 'dag' && isReal(s.domain) && s.symmetric !== true) {
      for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) if (!(rank[b]! < rank[a]!)) values[base + a * n + b] = 0;
    }
    if (s.symmetric === true || (weights && family.shape === 'symmetric')) {
      for (let a = 0; a < n; a++) for (let b = 0; b < a; b++) values[base + b * n + a] = values[base + a * n + b]!;
    }
  }
  return values;
}
