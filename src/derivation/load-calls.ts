/**
 * Calls of defined functions, checked once every definition is read: a
 * parameter used as an index (`a(u): sum(k, w[u,k])`) takes only an index
 * variable or a unit, and a parameter used as a value takes no index. Each
 * problem is placed at the call inside the expression.
 */
import type { Expr } from '../ir/expr.js';
import { children } from '../ir/expr.js';
import { toAscii } from '../ir/print.js';
import type { Definition, SymbolDecl } from '../ir/symbols.js';
import { type ParameterKind, parameterKinds } from '../ir/unfold.js';
import type { LoadContext } from './load-context.js';

/** the definitions that apply to an expression at `location`: the file's, and a case's own inside that case */
export type DefinitionsAt = (location: string) => ReadonlyMap<string, Definition>;

/** an error for every call in the expressions read that gives a parameter the wrong kind of argument */
export function checkCalls(
  ctx: LoadContext,
  definitionsAt: DefinitionsAt,
  symbols: ReadonlyMap<string, SymbolDecl>,
): void {
  const kinds = new Map<Definition, Map<string, ParameterKind>>();
  const kindsOf = (d: Definition, defs: ReadonlyMap<string, Definition>) => {
    const known = kinds.get(d);
    if (known) return known;
    const k = parameterKinds(d, defs);
    kinds.set(d, k);
    return k;
  };
  for (const record of [...ctx.read]) {
    const defs = definitionsAt(record.location);
    const seen = new Map<string, number>();
    const walk = (e: Expr, bound: ReadonlySet<string>): void => {
      if (e.kind === 'call') {
        const d = defs.get(e.fn);
        const nth = seen.get(e.fn) ?? 0;
        seen.set(e.fn, nth + 1);
        if (d) {
          const problem = argumentProblem(d, kindsOf(d, defs), e.args, symbols, bound);
          if (problem) ctx.errorInside('index-argument', record, callOffset(record.source, e.fn, nth), problem);
        }
      }
      const inner = e.kind === 'sum' ? new Set([...bound, e.index]) : bound;
      for (const c of children(e)) walk(c, inner);
    };
    walk(record.expr, new Set());
  }
}

function argumentProblem(
  d: Definition,
  kinds: ReadonlyMap<string, ParameterKind>,
  args: readonly Expr[],
  symbols: ReadonlyMap<string, SymbolDecl>,
  bound: ReadonlySet<string>,
): string | undefined {
  for (let k = 0; k < d.params.length && k < args.length; k++) {
    const p = d.params[k]!;
    const a = args[k]!;
    const decl = a.kind === 'sym' ? symbols.get(a.name) : undefined;
    if (kinds.get(p) === 'index') {
      const unit = a.kind === 'num' && a.value.d === 1n && a.value.n >= 1n;
      const index = a.kind === 'sym' && (decl === undefined || decl.kind === 'index');
      if (!unit && !index)
        return `the parameter ${p} of ${d.name} is an index (${d.name}'s definition uses it inside brackets or delta), so it takes an index variable or a unit such as 1; ${toAscii(a)} is neither`;
    } else if (a.kind === 'sym' && (decl?.kind === 'index' || bound.has(a.name))) {
      return `the parameter ${p} of ${d.name} is a value, and ${a.name} is an index, which has no value outside brackets, sum and delta; pass a value (such as w[${a.name}]), or use ${p} as an index in the definition`;
    }
  }
  return undefined;
}

/** the offset of the nth call of fn in the source (0 when it cannot be found, as in LaTeX) */
function callOffset(source: string, fn: string, nth: number): number {
  const escaped = fn.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`(?<![A-Za-z0-9_])${escaped}\\s*\\(`, 'g');
  let m: RegExpExecArray | null = null;
  for (let k = 0; k <= nth; k++) {
    m = re.exec(source);
    if (!m) return 0;
  }
  return m?.index ?? 0;
}
