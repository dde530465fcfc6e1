/**
 * Exhaustiveness of a case split: together the cases' `when` maps must cover
 * every value of the variables they split on. Only variables of finite
 * (binary) domain can be split exhaustively.
 */
import type { Expr } from '../ir/expr.js';
import type { SymbolDecl } from '../ir/symbols.js';
import { toAscii } from '../ir/print.js';
import type { LoadedCase, Place } from './model.js';
import type { StepResult } from '../verdict/result.js';

/** why: 2^10 assignments is the most a person writes cases for; more is a mistake, not a derivation */
export const MAX_SPLIT_VARIABLES = 10;

function isBinary(v: Expr, symbols: ReadonlyMap<string, SymbolDecl>): boolean {
  const d = v.kind === 'sym' || v.kind === 'elem' ? symbols.get(v.name) : undefined;
  return d !== undefined && (d.kind === 'scalar' || d.kind === 'array') && d.domain.kind === 'binary';
}

/** failures for every assignment no case covers (none when the split is exhaustive) */
export function exhaustiveness(
  cases: readonly LoadedCase[],
  place: Place,
  symbols: ReadonlyMap<string, SymbolDecl>,
  seed: number,
): StepResult[] {
  const at = (message: string, status: 'failed' | 'error' = 'failed', code?: string): StepResult => ({
    location: 'cases',
    line: place.line,
    column: place.column,
    status,
    message,
    ...(code ? { code } : {}),
  });
  const vars = new Map<string, Expr>();
  for (const c of cases) for (const a of c.when) vars.set(a.variable.key, a.variable);
  const out: StepResult[] = [];
  for (const v of vars.values()) {
    if (!isBinary(v, symbols))
      out.push(
        at(
          `the cases split on ${toAscii(v)}, which is not binary, so they cannot be shown to cover every value; declare it binary or split on a binary variable`,
        ),
      );
  }
  // each when value is a number in its variable's domain: the loader refuses anything else (case-rules.ts)
  if (out.length) return out;
  const keys = [...vars.keys()];
  if (keys.length > MAX_SPLIT_VARIABLES)
    return [
      at(
        `the cases split on ${keys.length} variables; at most ${MAX_SPLIT_VARIABLES} are supported (limit MAX_SPLIT_VARIABLES)`,
        'error',
        'limit',
      ),
    ];
  const missing: Record<string, string>[] = [];
  for (let bits = 0; bits < 1 << keys.length; bits++) {
    const value = (k: number) => (bits >> k) & 1;
    const covered = cases.some((c) =>
      c.when.every((a) => {
        const k = keys.indexOf(a.variable.key);
        return a.value.kind === 'num' && a.value.value.n === BigInt(value(k));
      }),
    );
    if (!covered) missing.push(Object.fromEntries(keys.map((key, k) => [toAscii(vars.get(key)!), String(value(k))])));
  }
  if (missing.length === 0) return [];
  const text = (m: Record<string, string>) =>
    Object.entries(m)
      .map(([k, v]) => `${k} = ${v}`)
      .join(', ');
  return [
    {
      ...at(
        `the cases are not exhaustive: no case covers ${missing.map(text).join('; nor ')}. Add a case for it, or the derivation does not establish its claim there`,
      ),
      // the uncovered assignment is the counterexample: there the chain reaches no conclusion
      counterexample: {
        values: missing[0]!,
        lhs: "the main chain's last step",
        rhs: 'no case continues the chain here',
        seed,
        how: 'an assignment of the split variables that no case covers',
      },
    },
  ];
}
