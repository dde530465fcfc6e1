/**
 * The seeded pseudo-random generator of every numeric check: xoshiro128**
 * seeded through splitmix32. Our own, so that a seed reproduces a verdict and
 * its counterexample on every platform and version of Node.
 */

/** splitmix32 step: a well-mixed 32-bit value from a counter state */
function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) >>> 0;
}

const rotl = (x: number, k: number): number => (x << k) | (x >>> (32 - k));

/** a 32-bit seed mixing several numbers (a seed and sub-stream ids) */
export function mixSeed(...parts: readonly number[]): number {
  const st = { s: 0x2545f491 };
  let h = 0;
  for (const p of parts) {
    // fold both 32-bit halves of an integer seed; fractions are truncated
    const v = Math.trunc(p);
    st.s = (st.s ^ (v >>> 0) ^ Math.imul(h, 31)) | 0;
    h = splitmix32(st);
    st.s = (st.s ^ Math.floor(v / 2 ** 32)) | 0;
    h = splitmix32(st) ^ h;
  }
  return h >>> 0;
}

export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    const st = { s: mixSeed(seed) | 0 };
    this.a = splitmix32(st);
    this.b = splitmix32(st);
    this.c = splitmix32(st);
    this.d = splitmix32(st);
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1; // the all-zero state is a fixed point
  }

  /** the next uniform 32-bit unsigned integer */
  nextU32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** a uniform integer in [0, n), n >= 1, without modulo bias */
  below(n: number): number {
    if (n <= 1) return 0;
    const limit = Math.floor(2 ** 32 / n) * n;
    for (;;) {
      const x = this.nextU32();
      if (x < limit) return x % n;
    }
  }

  /** true or false with equal probability */
  coin(): boolean {
    return (this.nextU32() & 1) === 1;
  }

  /** a uniformly shuffled copy of xs */
  shuffle<T>(xs: readonly T[]): T[] {
    const out = [...xs];
    for (let k = out.length - 1; k > 0; k--) {
      const m = this.below(k + 1);
      [out[k], out[m]] = [out[m]!, out[k]!];
    }
    return out;
  }
}
