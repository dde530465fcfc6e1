/**
 * The oracle: does a mutant change what the derivation says? Decided apart
 * from the checker's verdict on the mutant, by the numeric layer alone (never
 * the core) with its own seed and more points than the checker uses.
 *
 * - A step or claim side: its edited expression against the original, under
 *   the scopes it is compared in. The original equals its neighbours, so an
 *   edit that differs from it somewhere in the domains breaks an equality.
 * - A definition: the edit may change both sides of every equality alike (a
 *   consistent change of notation), so it is judged by the asserted equalities
 *   (pairs.ts) of the mutated derivation: changed when one of them fails.
 * - A structural edit changes the claim's coverage or assumptions by
 *   construction.
 */
import type { Expr } from '../../src/ir/expr.js';
import type { Scope } from '../../src/ir/symbols.js';
import { numericCompare, type NumericVerdict } from '../../src/numeric/compare.js';
import type { Meaning, Mutant } from './model.js';
import { STRUCTURAL } from './model.js';
import { type AssertedEquality, assertedEqualities } from './pairs.js';
import { UnfoldError, unfold } from '../../src/ir/unfold.js';
import type { LoadedDerivation } from '../../src/derivation/model.js';

/** the oracle's seed: not the checker's (1), so the two do not share sample points */
const ORACLE_SEED = 12345;

/** why: twice the numeric layer's default per instance, so the oracle sees points the checker did not */
const ORACLE_SAMPLES = 24;

/** a numeric comparison that reports a thrown error as inconclusive rather than stopping the run */
function compare(a: Expr, b: Expr, scope: Scope): NumericVerdict | { kind: 'inconclusive'; reason: string } {
  try {
    return numericCompare(a, b, scope, { seed: ORACLE_SEED, samples: ORACLE_SAMPLES });
  } catch (err) {
    return {
      kind: 'inconclusive',
      reason: `the numeric layer threw: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
}

/** changed at the first comparison that disagrees (later ones are not run), equivalent if all agree, otherwise inconclusive */
function combine(comparisons: readonly { what: string; run: () => ReturnType<typeof compare> }[]): Meaning {
  let unsure: string | undefined;
  for (const c of comparisons) {
    const verdict = c.run();
    if (verdict.kind === 'disagree') return { kind: 'changed', why: `${c.what} differs numerically` };
    if (verdict.kind === 'inconclusive') unsure ??= `${c.what}: ${verdict.reason}`;
  }
  return unsure === undefined ? { kind: 'equivalent' } : { kind: 'inconclusive', why: unsure };
}

/**
 * A definition edit judged by the asserted equalities it touches. The
 * unmutated derivation is taken to be right (every shipped derivation is
 * proved), so an equality whose two sides unfold to the same trees as before
 * the edit still holds and is not evaluated again; that keeps the oracle's
 * cost to the few equalities that mention the edited name.
 */
function judgeDefinition(m: Mutant, original: LoadedDerivation): Meaning {
  const before = assertedEqualities(original);
  const after = assertedEqualities(m.derivation);
  const oneSide: AssertedEquality[] = [];
  const bothSides: AssertedEquality[] = [];
  for (const [k, q] of after.entries()) {
    const p = before[k]!;
    try {
      const same = (a: Expr, b: Expr) => unfold(a, p.scope.definitions).key === unfold(b, q.scope.definitions).key;
      const changed = [!same(p.lhs, q.lhs), !same(p.rhs, q.rhs)].filter(Boolean).length;
      // an equality changed on one side only is the likeliest to break: try those first, and stop at the first that does
      if (changed === 1) oneSide.push(q);
      if (changed === 2) bothSides.push(q);
    } catch (err) {
      // the edit made the definitions circular (p(u) = sigma(p(u))): the derivation no longer defines what it uses
      if (err instanceof UnfoldError)
        return { kind: 'changed', why: `the edited definitions do not unfold: ${err.message}` };
      throw err;
    }
  }
  return combine(
    [...oneSide, ...bothSides].map((q) => ({
      what: `the equality at ${q.location}`,
      run: () => compare(q.lhs, q.rhs, q.scope),
    })),
  );
}

/** The oracle's judgement of one mutant of `original`. */
export function judgeMeaning(m: Mutant, original: LoadedDerivation): Meaning {
  if (STRUCTURAL.has(m.operator)) return { kind: 'changed', why: 'a structural edit of the case split' };
  if (m.site === 'definition') return judgeDefinition(m, original);
  const before = m.original!;
  const after = m.mutated!;
  return combine(
    m.scopes.map((scope, k) => ({
      what: `the edited ${m.location}${m.scopes.length > 1 ? ` (scope ${k + 1} of ${m.scopes.length})` : ''}`,
      run: () => compare(before, after, scope),
    })),
  );
}
