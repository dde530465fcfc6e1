/**
 * The points of one instance, in the order they are tried: special points
 * first (each real variable written in the step at 0, +-1, 2, 1/2, +-1e6,
 * +-1e-6, its closed ends and values near the step's constants, with the
 * others at seed-independent values, about 0.7 and then about -0.7 where their
 * domains allow (random ones are the random points'); the
 * array elements reached only through a sum's bound index all at 0, all at
 * 1, all at -1, and every other one at 0; then each pair of written
 * variables equal and opposite, where x - y and x + y vanish), then random
 * points cycling through the scales. Binary variables take every 0/1
 * combination across the random points when there are few of them, else
 * random values.
 */
import type { Rational } from '../ir/rational.js';
import { rdiv, rneg } from '../ir/rational.js';
import { DEFAULT_SAMPLES, MAX_EXHAUSTIVE_BINARY, MAX_PAIR_SPECIAL_ATOMS } from './bounds.js';
import type { Atom } from './instance.js';
import type { Prng } from './prng.js';
import { SCALES, genericValue, isBinaryDomain, rationalText, sampleValue, specialValues } from './sampling.js';
import { inDomain } from '../ir/symbols.js';
import { ZERO, ONE, MINUS_ONE } from '../ir/rational.js';

export interface Point {
  /** the exact value of every sampled atom */
  readonly values: ReadonlyMap<string, Rational>;
  /** `random point` or `special point x = 0` */
  readonly how: string;
}

/** the points of an instance (rawPoints), each made to satisfy the file's assumed equations by `adjust`; one it cannot make so is left out */
export function* pointsOf(
  atoms: readonly Atom[],
  rng: Prng,
  samples: number = DEFAULT_SAMPLES,
  specials = true,
  near: readonly Rational[] = [],
  adjust: (values: ReadonlyMap<string, Rational>) => ReadonlyMap<string, Rational> | undefined = (v) => v,
): Generator<Point> {
  for (const p of rawPoints(atoms, rng, samples, specials, near)) {
    const values = adjust(p.values);
    if (values) yield { ...p, values };
  }
}

/** the points of an instance whose sampled atoms are `atoms` (assumed variables excluded); special points only when `specials` */
function* rawPoints(
  atoms: readonly Atom[],
  rng: Prng,
  samples: number = DEFAULT_SAMPLES,
  specials = true,
  near: readonly Rational[] = [],
): Generator<Point> {
  const binary = atoms.filter((a) => isBinaryDomain(a.domain));
  const exhaustive = binary.length <= MAX_EXHAUSTIVE_BINARY;
  const combos = exhaustive ? 2 ** binary.length : 0;

  const draw = (scale: number, combo: number | undefined): Map<string, Rational> => {
    const values = new Map<string, Rational>();
    let bit = 0;
    for (const a of atoms) {
      if (isBinaryDomain(a.domain) && combo !== undefined) {
        values.set(a.key, { n: BigInt((combo >> bit++) & 1), d: 1n });
      } else values.set(a.key, sampleValue(a.domain, rng, SCALES[scale % SCALES.length]!));
    }
    return values;
  };

  // the same for every seed: a special point's verdict must not depend on where the others were drawn
  const generic = (): Map<string, Rational> => new Map(atoms.map((a, k) => [a.key, genericValue(a.domain, k)]));
  for (const a of atoms) {
    if (!a.direct || !specials) continue;
    for (const v of specialValues(a.domain, near)) {
      const how = `special point ${a.key} = ${rationalText(v)}`;
      const fixed = generic();
      fixed.set(a.key, v);
      yield { values: fixed, how };
      yield* binaryVariants(binary, a.key, fixed, how);
      // and with the others negated where their domains allow (log(x^y) vs y log(x) at y = 2 needs x < 0)
      const negated = othersNegated(atoms, fixed, a.key);
      if (negated) yield { values: negated, how };
      // and inverted: the generic values lie below 1, where log(y)^(-1/2) is undefined (x/x there hid at x = 0)
      const inverted = othersNegated(atoms, fixed, a.key, (r) => rdiv(ONE, r));
      if (inverted) yield { values: inverted, how };
    }
  }
  if (specials) yield* boundPatterns(atoms, generic);
  const direct = specials ? atoms.filter((a) => a.direct && !isBinaryDomain(a.domain)) : [];
  if (direct.length <= MAX_PAIR_SPECIAL_ATOMS) {
    for (const [k, a] of direct.entries()) {
      for (const b of direct.slice(k + 1)) {
        for (const sign of [1, -1] as const) {
          const values = draw(0, undefined);
          const v = sign === 1 ? values.get(a.key)! : rneg(values.get(a.key)!);
          if (!inDomain(v, b.domain)) continue;
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

/** why: each combination is one more point per special value; two binary variables make three more, few enough to try every time */
const MAX_BINARY_VARIANTS = 2;

/**
 * a special point with the binary variables at their other values too (they
 * sit at 1 in the generic point): x^(s - 1) x against x^s differs only at
 * x = 0 with s = 0. Every combination for up to MAX_BINARY_VARIANTS binary
 * variables; past that, all of them at 0 only.
 *
 * why all at 0: x^(s t u - 1) x against x^(s t u) differs only at x = 0 with
 * s t u = 0, and with three binary variables it was accepted
 */
function* binaryVariants(
  binary: readonly Atom[],
  special: string,
  fixed: Map<string, Rational>,
  how: string,
): Generator<Point> {
  // the special point's own variable keeps its special value
  const free = binary.filter((b) => b.key !== special);
  if (free.length === 0) return;
  const combos = free.length > MAX_BINARY_VARIANTS ? [0] : Array.from({ length: 2 ** free.length - 1 }, (_, c) => c);
  for (const combo of combos) {
    const values = new Map(fixed);
    for (const [bit, b] of free.entries()) values.set(b.key, { n: BigInt((combo >> bit) & 1), d: 1n });
    yield { values, how: `${how}, ${free.map((b) => `${b.key} = ${values.get(b.key)!.n}`).join(', ')}` };
  }
}

/** the array of an element key (`w` of `w[2,1]`), or undefined for a scalar */
const arrayOf = (key: string): string | undefined => /^([^[]+)\[/.exec(key)?.[1];

/**
 * the elements of each array reached only through a bound index (`w[i,k]`
 * under `sum(k, ...)`), all at 0, all at 1, all at -1, and every other one
 * at 0, the rest at seed-independent values: a condition on every term of a
 * sum (w[i,k] != 0 for each k) fails there
 */
function* boundPatterns(atoms: readonly Atom[], generic: () => Map<string, Rational>): Generator<Point> {
  const names = [
    ...new Set(atoms.filter((a) => !a.direct && !isBinaryDomain(a.domain)).flatMap((a) => arrayOf(a.key) ?? [])),
  ];
  const patterns: [string, (k: number) => Rational | undefined][] = [
    ['0', () => ZERO],
    ['1', () => ONE],
    ['-1', () => MINUS_ONE],
    ['0 at every other one', (k) => (k % 2 === 0 ? ZERO : undefined)],
  ];
  for (const name of names) {
    const elements = atoms.filter((a) => !a.direct && !isBinaryDomain(a.domain) && arrayOf(a.key) === name);
    for (const [what, value] of patterns) {
      const values = generic();
      let changed = 0;
      elements.forEach((a, k) => {
        const v = value(k);
        if (v && inDomain(v, a.domain)) {
          values.set(a.key, v);
          changed++;
        }
      });
      if (changed > 0) yield { values, how: `special point: the elements ${name}[...] under a sum at ${what}` };
    }
  }
}

/** the point with every atom but `keep` changed (negated, or by `change`) where its domain allows; undefined when none can be */
function othersNegated(
  atoms: readonly Atom[],
  fixed: ReadonlyMap<string, Rational>,
  keep: string,
  change: (r: Rational) => Rational = rneg,
): Map<string, Rational> | undefined {
  const negated = new Map([...fixed].map(([key, r]) => [key, key === keep || r.n === 0n ? r : change(r)]));
  let changed = false;
  for (const b of atoms) {
    if (b.key === keep || isBinaryDomain(b.domain) || !inDomain(negated.get(b.key)!, b.domain))
      negated.set(b.key, fixed.get(b.key)!);
    else changed = true;
  }
  return changed ? negated : undefined;
}
