/**
 * What gradcheck needs to know about its input before it builds anything:
 * the arrays and scalars the objective and the closed form use, their free
 * indices and literal units, and the first reason they cannot be checked
 * (opaque symbols, derivatives left in, unknown functions, bad sizes);
 * then the plan: definitions unfolded, the dense layout, what to draw.
 */
import type { Elem, Expr } from '../ir/expr.js';
import { UnfoldError, unfold } from '../ir/unfold.js';
import { REAL, type Scope } from '../ir/symbols.js';
import { MAX_GRADCHECK_INSTANCES, MAX_GRADCHECK_UNITS } from '../verdict/gradcheck.js';
import { MAX_GRADCHECK_INPUTS } from './bounds.js';
import { DenseInputs } from './dense-inputs.js';
import { unaryCode } from './float-ops.js';
import type { NetworkSymbol } from './network.js';

/** what the expressions use: arrays (with arity), scalars, and the first reason they cannot be checked */
interface Usage {
  readonly arrays: Map<string, number>;
  readonly scalars: Set<string>;
  readonly freeIndices: Set<string>;
  /** the largest literal unit (`s[3]`), 0 when none */
  maxUnit: number;
  problem?: string;
}

/** free index variables and the largest literal unit of index positions */
function indexTerms(terms: readonly Expr[], use: Usage, bound: ReadonlySet<string>): void {
  for (const t of terms) {
    if (t.kind === 'sym' && !bound.has(t.name)) use.freeIndices.add(t.name);
    if (t.kind === 'num') use.maxUnit = Math.max(use.maxUnit, Number(t.value.n));
  }
}

/** collects what e uses; `bound` holds the sum indices in force */
function scan(e: Expr, scope: Scope, use: Usage, bound: ReadonlySet<string>, what: string): void {
  if (use.problem) return;
  switch (e.kind) {
    case 'sym': {
      if (bound.has(e.name)) return;
      const decl = scope.symbols.get(e.name);
      if (decl?.kind === 'index') use.freeIndices.add(e.name);
      else if (decl?.kind === 'scalar' && decl.opaque)
        use.problem = `${what} uses the opaque symbol \`${e.name}\`; gradcheck needs a concrete expression (opaque quantities have no values to differentiate)`;
      else if (decl?.kind === 'array') use.problem = `${what} uses the array \`${e.name}\` without indices`;
      else use.scalars.add(e.name);
      return;
    }
    case 'elem': {
      const decl = scope.symbols.get(e.name);
      if (decl && decl.kind !== 'array') {
        use.problem = `${what} indexes \`${e.name}\`, which is not an array`;
        return;
      }
      if (decl?.symmetric) {
        use.problem = `${what} uses the symmetric array \`${e.name}\`; gradcheck's dense layout has one input per position`;
        return;
      }
      use.arrays.set(e.name, e.indices.length);
      return indexTerms(e.indices, use, bound);
    }
    case 'delta':
      return indexTerms([e.a, e.b], use, bound);
    case 'sum':
      return scan(e.body, scope, use, new Set([...bound, e.index]), what);
    case 'diff':
      use.problem = `${what} contains a derivative; gradcheck needs it written out`;
      return;
    case 'call':
      if (unaryCode(e.fn) < 0 || e.args.length !== 1) {
        use.problem = ['abs', 'max', 'min'].includes(e.fn)
          ? `${what} calls \`${e.fn}\`, which gradcheck's float64 programs do not evaluate yet`
          : `${what} calls \`${e.fn}\`, which is not a built-in function`;
        return;
      }
      return scan(e.args[0]!, scope, use, bound, what);
    case 'add':
      for (const t of e.terms) scan(t, scope, use, bound, what);
      return;
    case 'mul':
      for (const f of e.factors) scan(f, scope, use, bound, what);
      return;
    case 'pow':
      scan(e.base, scope, use, bound, what);
      scan(e.exp, scope, use, bound, what);
      return;
    default:
      return;
  }
}

/** a problem with the sizes or the element differentiated by, or undefined */
function validateUsage(input: {
  readonly units: number;
  readonly instances: number;
  readonly wrt: Elem;
  readonly scope: Scope;
}): string | undefined {
  if (!Number.isInteger(input.units) || input.units < 1)
    return `--units must be a positive integer, not ${input.units}`;
  if (input.units > MAX_GRADCHECK_UNITS)
    return `--units ${input.units} is above MAX_GRADCHECK_UNITS = ${MAX_GRADCHECK_UNITS} (n^2 weights: memory and time)`;
  if (!Number.isInteger(input.instances) || input.instances < 1 || input.instances > MAX_GRADCHECK_INSTANCES) {
    return `--instances must be an integer from 1 to MAX_GRADCHECK_INSTANCES = ${MAX_GRADCHECK_INSTANCES}, not ${input.instances}`;
  }
  const decl = input.scope.symbols.get(input.wrt.name);
  if (decl?.kind !== 'array') return `\`${input.wrt.name}\` is not a declared array`;
  const names = input.wrt.indices.map((t) => (t.kind === 'sym' ? t.name : undefined));
  if (names.some((x) => x === undefined) || new Set(names).size !== names.length) {
    return `the element differentiated by must have distinct index variables (like w[i,j]), not ${input.wrt.key}`;
  }
  return undefined;
}

/** the input as gradcheck needs it: definitions unfolded, the dense layout of every array element, what to draw */
export interface GradcheckPlan {
  readonly objective: Expr;
  readonly closedForm: Expr;
  /** the index names of the element differentiated by, in order */
  readonly wrtNames: readonly string[];
  readonly inputs: DenseInputs;
  readonly symbols: readonly NetworkSymbol[];
}

/** the plan for checking closedForm = d objective / d wrt on networks of `units` units, or the reason it cannot be made */
export function planGradcheck(input: {
  readonly objective: Expr;
  readonly wrt: Elem;
  readonly closedForm: Expr;
  readonly scope: Scope;
  readonly units: number;
  readonly instances: number;
}): GradcheckPlan | { readonly problem: string } {
  const invalid = validateUsage(input);
  if (invalid) return { problem: invalid };
  let objective: Expr, closedForm: Expr;
  try {
    objective = unfold(input.objective, input.scope.definitions);
    closedForm = unfold(input.closedForm, input.scope.definitions);
  } catch (err) {
    if (err instanceof UnfoldError) return { problem: err.message };
    throw err;
  }
  const wrtNames = input.wrt.indices.map((t) => (t as { name: string }).name);
  const use: Usage = { arrays: new Map(), scalars: new Set(), freeIndices: new Set(), maxUnit: 0 };
  scan(objective, input.scope, use, new Set(), 'the objective');
  if (use.problem) return { problem: use.problem };
  if (use.freeIndices.size > 0)
    return {
      problem: `the objective has free indices (${[...use.freeIndices].join(', ')}); gradcheck needs one summed over every unit`,
    };
  scan(closedForm, input.scope, use, new Set(), 'the closed form');
  if (use.problem) return { problem: use.problem };
  const stray = [...use.freeIndices].filter((x) => !wrtNames.includes(x));
  if (stray.length > 0)
    return { problem: `the closed form has free indices (${stray.join(', ')}) that ${input.wrt.key} does not bind` };
  if (use.maxUnit > input.units)
    return { problem: `the unit ${use.maxUnit} is used, but the network has only ${input.units} units` };
  use.arrays.set(input.wrt.name, input.wrt.indices.length);

  const n = input.units;
  const arrays = [...use.arrays].sort().map(([name, arity]) => ({ name, arity }));
  const count = arrays.reduce((acc, a) => acc + n ** a.arity, use.scalars.size);
  if (count > MAX_GRADCHECK_INPUTS)
    return {
      problem: `a network of ${n} units would have ${count} inputs (array elements), above MAX_GRADCHECK_INPUTS = ${MAX_GRADCHECK_INPUTS}`,
    };
  const scalars = [...use.scalars].sort();
  const symbols: NetworkSymbol[] = [
    ...arrays.map((a) => declared(input.scope, a.name, a.arity)),
    ...scalars.map((name) => declared(input.scope, name, 0)),
  ];
  return { objective, closedForm, wrtNames, inputs: new DenseInputs(n, arrays, scalars), symbols };
}

/** a symbol of the network with its declared domain (real when undeclared) and symmetry */
function declared(scope: Scope, name: string, arity: number): NetworkSymbol {
  const d = scope.symbols.get(name);
  const domain = d && d.kind !== 'index' ? d.domain : REAL;
  // `symmetric: true` arrays (contract version 2), read without depending on the loader's version of the declaration
  const symmetric = d?.kind === 'array' && (d as { readonly symmetric?: unknown }).symmetric === true;
  return { name, arity, domain, ...(symmetric ? { symmetric } : {}) };
}
