/**
 * The expression-level mutation operators: each takes one expression and
 * returns every single-edit variant of it, one per applicable position.
 * Variants equal to the input (flipping the sign of 0, 1 -> 1) are left out.
 */
import { type Expr, call, elem, mul, neg, num } from '../../src/ir/expr.js';
import { rat, radd, rmul, rneg } from '../../src/ir/rational.js';
import { toAscii } from '../../src/ir/print.js';
import type { SymbolDecl } from '../../src/ir/symbols.js';
import { BUILTINS } from '../../src/ir/operators.js';
import type { OperatorId } from './model.js';
import { allSites, replaceAt, valueSites } from './sites.js';
import type { IndexRoles } from './index-roles.js';
import { FUNCTION_STAND_INS } from './functions.js';
import { freeIndexNames, swapIndexNames } from './indices.js';

/** one edited expression */
interface Edit {
  readonly operator: OperatorId;
  readonly detail: string;
  readonly mutated: Expr;
}

/** what the operators need to know beyond the expression */
export interface OperatorContext {
  readonly symbols: ReadonlyMap<string, SymbolDecl>;
  /** user-defined functions by name, with their number of parameters */
  readonly functions: ReadonlyMap<string, number>;
  /** which names and call arguments are indices (never value positions) */
  readonly roles: IndexRoles;
}

/** e -> -e; a written minus, (-1)*x, becomes x, so `a - b` turns into `a + b` */
function flipSign(e: Expr, ctx: OperatorContext): Edit[] {
  return valueSites(e, ctx.roles).map(({ path, node }) => {
    const flipped =
      node.kind === 'mul' && node.factors[0]?.kind === 'num' && node.factors[0].key === '-1'
        ? mul(node.factors.slice(1))
        : neg(node);
    return {
      operator: 'flip-sign',
      detail: `${toAscii(node)} -> ${toAscii(flipped)}`,
      mutated: replaceAt(e, path, flipped),
    };
  });
}

/** w[i,k] -> w[k,i]: two distinct index terms of one element exchanged, `diff`'s variable included */
function swapElementIndices(e: Expr): Edit[] {
  const out: Edit[] = [];
  for (const { path, node } of allSites(e)) {
    if (node.kind !== 'elem') continue;
    for (let a = 0; a < node.indices.length; a++) {
      for (let b = a + 1; b < node.indices.length; b++) {
        if (node.indices[a]!.key === node.indices[b]!.key) continue;
        const idx = [...node.indices];
        [idx[a], idx[b]] = [idx[b]!, idx[a]!];
        const swapped = elem(node.name, idx);
        out.push({
          operator: 'swap-element-indices',
          detail: `${toAscii(node)} -> ${toAscii(swapped)}`,
          mutated: replaceAt(e, path, swapped),
        });
      }
    }
  }
  return out;
}

/** i <-> j throughout e, for each pair of distinct free index names */
function swapFreeIndices(e: Expr, ctx: OperatorContext): Edit[] {
  const names = freeIndexNames(e, ctx.symbols);
  const out: Edit[] = [];
  for (let a = 0; a < names.length; a++) {
    for (let b = a + 1; b < names.length; b++) {
      out.push({
        operator: 'swap-free-indices',
        detail: `${names[a]} <-> ${names[b]}`,
        mutated: swapIndexNames(e, names[a]!, names[b]!),
      });
    }
  }
  return out;
}

/** a*b*c -> a*c: one factor of a product left out (a division's denominator is a factor x^(-1)) */
function dropFactor(e: Expr, ctx: OperatorContext): Edit[] {
  const out: Edit[] = [];
  for (const { path, node } of valueSites(e, ctx.roles)) {
    if (node.kind !== 'mul') continue;
    node.factors.forEach((f, k) => {
      const rest = mul(node.factors.filter((_, m) => m !== k));
      out.push({
        operator: 'drop-factor',
        detail: `drop ${toAscii(f)} from ${toAscii(node)}`,
        mutated: replaceAt(e, path, rest),
      });
    });
  }
  return out;
}

/** c -> c+1, -c, 2c for each number in a value position (index literals stay) */
function changeConstant(e: Expr, ctx: OperatorContext): Edit[] {
  const out: Edit[] = [];
  for (const { path, node } of valueSites(e, ctx.roles)) {
    if (node.kind !== 'num') continue;
    const c = node.value;
    for (const v of [radd(c, rat(1)), rneg(c), rmul(c, rat(2))]) {
      const changed = num(v);
      if (changed.key === node.key) continue;
      out.push({
        operator: 'change-constant',
        detail: `${toAscii(node)} -> ${toAscii(changed)}`,
        mutated: replaceAt(e, path, changed),
      });
    }
  }
  return out;
}

/** a built-in replaced by a stand-in (FUNCTION_STAND_INS); a defined function by another of the same arity */
function replaceFunction(e: Expr, ctx: OperatorContext): Edit[] {
  const out: Edit[] = [];
  for (const { path, node } of valueSites(e, ctx.roles)) {
    if (node.kind !== 'call') continue;
    const userArity = ctx.functions.get(node.fn);
    const stand = BUILTINS.has(node.fn)
      ? (FUNCTION_STAND_INS.get(node.fn) ?? [])
      : [...ctx.functions].filter(([name, arity]) => name !== node.fn && arity === userArity).map(([name]) => name);
    for (const fn of stand) {
      out.push({
        operator: 'replace-function',
        detail: `${node.fn} -> ${fn} in ${toAscii(node)}`,
        mutated: replaceAt(e, path, call(fn, node.args)),
      });
    }
  }
  return out;
}

/** a sub-expression replaced by 0 and by 1 */
function replaceByConstant(e: Expr, ctx: OperatorContext): Edit[] {
  const out: Edit[] = [];
  for (const { path, node } of valueSites(e, ctx.roles)) {
    for (const c of [num(0), num(1)]) {
      if (c.key === node.key) continue;
      out.push({
        operator: 'replace-by-constant',
        detail: `${toAscii(node)} -> ${toAscii(c)}`,
        mutated: replaceAt(e, path, c),
      });
    }
  }
  return out;
}

/** every single-edit variant of e by every expression operator, without variants equal to e or to each other */
export function expressionEdits(e: Expr, ctx: OperatorContext): Edit[] {
  const all = [
    ...flipSign(e, ctx),
    ...swapElementIndices(e),
    ...swapFreeIndices(e, ctx),
    ...dropFactor(e, ctx),
    ...changeConstant(e, ctx),
    ...replaceFunction(e, ctx),
    ...replaceByConstant(e, ctx),
  ];
  const seen = new Set<string>([e.key]);
  const out: Edit[] = [];
  for (const x of all) {
    if (seen.has(x.mutated.key)) continue;
    seen.add(x.mutated.key);
    out.push(x);
  }
  return out;
}
