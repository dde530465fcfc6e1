/**
 * a^k for an integer k beyond MAX_INTEGER_EXPONENT (x^4294967296): too many
 * squarings to do one by one, so it is exp(k log|a|) with the sign of a^k
 * put back (negative for a negative a and an odd k). The dual parts follow
 * from the arithmetic (d/dx exp(k log|a|) = k a'/a a^k), so derivatives come
 * out right too. Both numeric arithmetics use it: the 50-digit field and the
 * enclosures, which bound the rounding of exp and log rigorously; a result
 * past decimal.js's exponent range (10^9e15) is the arithmetic's overflow.
 *
 * why: a point was skipped as "overflow" whenever |k| > MAX_INTEGER_EXPONENT,
 * so x^(2^32) = 1 had no point at all and stayed undecided, though 2^(2^32)
 * (about 10^(1.3e9)) is well inside decimal.js's range.
 */
import { NotDefined } from './undefined.js';

/** what of an arithmetic (evaluate.ts's Arith) the power needs */
interface PowerArith<N> {
  readonly zero: N;
  real(v: string): N;
  neg(a: N): N;
  mul(a: N, b: N): N | NotDefined;
  apply(fn: string, a: N): N | NotDefined;
}

/** the sign of a number's real part: undefined when an enclosure straddles 0 */
type SignOf<N> = (a: N) => -1 | 0 | 1 | undefined;

export function bigIntegerPower<N>(f: PowerArith<N>, signOf: SignOf<N>, a: N, k: bigint): N | NotDefined {
  const s = signOf(a);
  if (s === undefined) return new NotDefined(`a power ${k} of a number that may be 0 or negative`, 'uncertain');
  if (s === 0) return k > 0n ? f.zero : new NotDefined('0 to a negative power', 'domain');
  const magnitude = s < 0 ? f.neg(a) : a;
  const log = f.apply('log', magnitude);
  if (log instanceof NotDefined) return log;
  const scaled = f.mul(log, f.real(k.toString()));
  if (scaled instanceof NotDefined) return scaled;
  const power = f.apply('exp', scaled);
  if (power instanceof NotDefined) return power;
  return s < 0 && k % 2n !== 0n ? f.neg(power) : power;
}
