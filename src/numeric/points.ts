/**
 * The points of one instance, in the order they are tried: special points
 * first (each real variable written in the step at 0, 1, -1, 2, 1/2, its
 * closed ends and values near the step's constants, the others random; then each pair of them equal and opposite,
 * where x - y and x + y vanish), then random points cycling through the
 * scales. Binary variables take every 0/1 combination across the random
 * points when there are few of them, else random values.
 */
import type { Rational } from '../ir/rational.js';
import { rneg } from '../ir/rational.js';
import { DEFAULT_SAMPLES, MAX_EXHAUSTIVE_BINARY, MAX_PAIR_SPECIAL_ATOMS } from './bounds.js';
import type { Atom } from './instance.js';
import type { Prng } from './prng.js';
import { SCALES, inDomain, isBinary, rationalText, sampleValue, specialValues } from './sampling.js';

export interface Point {
  /** the exact value of every sampled atom */
  readonly values: ReadonlyMap<string, Rational>;
  /** `random point` or `special point x = 0` */
  readonly how: string;
}

/** the points of an instance (rawPoints), each made to satisfy the file's assumed equations by `adjust` */
export function* pointsOf(
  atoms: readonly Atom[],
  rng: Prng,
  samples: number = DEFAULT_SAMPLES,
  specials = true,
  near: readonly Rational[] = [],
  adjust: (values: ReadonlyMap<string, Rational>) => ReadonlyMap<string, Rational> = (v) => v,
): Generator<Point> {
  for (const p of rawPoints(atoms, rng, samples, specials, near)) yield { ...p, values: adjust(p.values) };
}

/** the points of an instance whose sampled atoms are `atoms` (assumed variables excluded); special points only when `specials` */
function* rawPoints(
  atoms: readonly Atom[],
  rng: Prng,
  samples: number = DEFAULT_SAMPLES,
  specials = true,
  near: readonly Rational[] = [],
): Generator<Point> {
  const binary = atoms.filter((a) => isBinary(a.domain));
  const exhaustive = binary.length <= MAX_EXHAUSTIVE_BINARY;
  const combos = exhaustive ? 2 ** binary.length : 0;

  const draw = (scale: number, combo: number | undefined): Map<string, Rational> => {
    const values = new Map<string, Rational>();
    let bit = 0;
    for (const a of atoms) {
      if (isBinary(a.domain) && combo !== undefined) {
        values.set(a.key, { n: BigInt((combo >> bit++) & 1), d: 1n });
      } else values.set(a.key, sampleValue(a.domain, rng, SCALES[scale % SCALES.length]!));
    }
    return values;
  };

  for (const a of atoms) {
    if (!a.direct || !specials) continue;
    for (const v of specialValues(a.domain, near)) {
      const values = draw(0, undefined);
      values.set(a.key, v);
      yield { values, how: `special point ${a.key} = ${rationalText(v)}` };
    }
  }
  const direct = specials ? atoms.filter((a) => a.direct && !isBinary(a.domain)) : [];
  if (direct.length <= MAX_PAIR_SPECIAL_ATOMS) {
    for (const [k, a] of direct.entries()) {
      for (const b of direct.slice(k + 1)) {
        for (const sign of [1, -1] as const) {
          const values = draw(0, undefined);
          const v = sign === 1 ? values.get(a.key)! : rneg(values.get(a.key)!);
          if (!inDomain(b.domain, v)) continue;
          values.set(b.key, v);
          yield { values, how: `special point ${b.key} = ${sign === 1 ? '' : '-'}${a.key}` };
        }
      }
    }
  }
  const count = Math.max(samples, combos);
  for (let p = 0; p < count; p++) {
    yield { values: draw(p, exhaustive ? p % combos : undefined), how: 'random point' };
  }
}
