/**
 * gradcheck: a derived closed form for d OBJ / d w[i,j] against reverse-mode
 * autodiff of OBJ itself, on random networks of a size the user gives.
 *
 * OBJ is compiled once into a tape over a dense layout of every array
 * element (the weights w active, everything else fixed data); per random
 * network one forward and ONE backward sweep give every partial
 * d OBJ / d w[a,b]; then the closed form is evaluated in float64 at every
 * assignment of w's indices and compared with the partial of that element.
 * The worst element, its errors and the times are reported.
 */
import type { Elem, Expr } from '../ir/expr.js';
import type { Scope } from '../ir/symbols.js';
import { REAL } from '../ir/symbols.js';
import { UnfoldError, unfold } from '../ir/substitute.js';
import { GRADCHECK_TOLERANCE, MAX_GRADCHECK_INPUTS, MAX_GRADCHECK_INSTANCES, MAX_GRADCHECK_UNITS } from './bounds.js';
import { DenseInputs } from './dense-inputs.js';
import { unaryCode } from './float-ops.js';
import { compileFloat } from './float-program.js';
import { type NetworkSymbol, randomNetwork } from './network.js';
import { Prng, mixSeed } from './prng.js';
import { TapeBuilder } from './tape-builder.js';
import { compileExpr } from './tape-compile.js';

export interface GradcheckInput {
  /** OBJ, the expression differentiated */
  readonly objective: Expr;
  /** the element differentiated by, with distinct index variables (`w[i,j]`) */
  readonly wrt: Elem;
  /** the claimed d OBJ / d wrt, with free indices among wrt's */
  readonly closedForm: Expr;
  readonly scope: Scope;
  readonly units: number;
  readonly seed: number;
  readonly instances: number;
}

/** the element where the closed form is furthest from autodiff */
export interface GradcheckWorst {
  /** the unit of each index of wrt */
  readonly units: ReadonlyMap<string, number>;
  readonly autodiff: number;
  readonly closedForm: number;
  readonly absolute: number;
  /** absolute / |autodiff| (Infinity when autodiff is 0 and they differ, 0 when both are 0) */
  readonly relative: number;
  /** absolute / max(1, |autodiff|), what the tolerance applies to */
  readonly mixed: number;
}

export interface GradcheckInstance {
  readonly seed: number;
  /** OBJ on this network */
  readonly value: number;
  /** forward + backward, ms */
  readonly sweepMs: number;
  /** the closed form at every element, ms */
  readonly closedFormMs: number;
  readonly worst: GradcheckWorst;
}

export type GradcheckResult =
  | {
      readonly kind: 'report';
      readonly n: number;
      readonly partials: number;
      readonly tapeNodes: number;
      readonly compileMs: number;
      readonly instances: readonly GradcheckInstance[];
      /** the worst over all instances, and which (0-based) */
      readonly worst: GradcheckWorst & { readonly instance: number };
      readonly tolerance: number;
      readonly ok: boolean;
    }
  | { readonly kind: 'problem'; readonly message: string };

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
        use.problem = `${what} calls \`${e.fn}\`, which is not a built-in function`;
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

/** a problem with the input, or undefined */
function validate(input: GradcheckInput): string | undefined {
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

/** Checks closedForm = d objective / d wrt at every element of wrt, on `instances` random networks of `units` units. */
export function gradcheck(input: GradcheckInput): GradcheckResult {
  const invalid = validate(input);
  if (invalid) return { kind: 'problem', message: invalid };
  let objective: Expr, closedForm: Expr;
  try {
    objective = unfold(input.objective, input.scope.definitions);
    closedForm = unfold(input.closedForm, input.scope.definitions);
  } catch (err) {
    if (err instanceof UnfoldError) return { kind: 'problem', message: err.message };
    throw err;
  }
  const wrtNames = input.wrt.indices.map((t) => (t as { name: string }).name);
  const use: Usage = { arrays: new Map(), scalars: new Set(), freeIndices: new Set(), maxUnit: 0 };
  scan(objective, input.scope, use, new Set(), 'the objective');
  if (use.problem) return { kind: 'problem', message: use.problem };
  if (use.freeIndices.size > 0)
    return {
      kind: 'problem',
      message: `the objective has free indices (${[...use.freeIndices].join(', ')}); gradcheck needs one summed over every unit`,
    };
  scan(closedForm, input.scope, use, new Set(), 'the closed form');
  if (use.problem) return { kind: 'problem', message: use.problem };
  const stray = [...use.freeIndices].filter((x) => !wrtNames.includes(x));
  if (stray.length > 0)
    return {
      kind: 'problem',
      message: `the closed form has free indices (${stray.join(', ')}) that ${input.wrt.key} does not bind`,
    };
  if (use.maxUnit > input.units)
    return {
      kind: 'problem',
      message: `the unit ${use.maxUnit} is used, but the network has only ${input.units} units`,
    };
  use.arrays.set(input.wrt.name, input.wrt.indices.length);

  const n = input.units;
  const arrays = [...use.arrays].sort().map(([name, arity]) => ({ name, arity }));
  const count = arrays.reduce((acc, a) => acc + n ** a.arity, use.scalars.size);
  if (count > MAX_GRADCHECK_INPUTS)
    return {
      kind: 'problem',
      message: `a network of ${n} units would have ${count} inputs (array elements), above MAX_GRADCHECK_INPUTS = ${MAX_GRADCHECK_INPUTS}`,
    };
  const inputs = new DenseInputs(n, arrays, [...use.scalars].sort());
  const symbols: NetworkSymbol[] = [
    ...arrays.map((a) => ({ ...a, domain: domainOf(input.scope, a.name) })),
    ...[...use.scalars].sort().map((name) => ({ name, arity: 0, domain: domainOf(input.scope, name) })),
  ];

  // compile once: the tape's shape does not depend on the values
  const t0 = performance.now();
  const active = new Uint8Array(inputs.count);
  const wBase = inputs.base(input.wrt.name);
  const partials = n ** input.wrt.indices.length;
  active.fill(1, wBase, wBase + partials);
  const builder = new TapeBuilder(inputs.count, active);
  const out = compileExpr(objective, builder, { n, units: new Map() }, inputs);
  const tape = builder.build();
  const compileMs = performance.now() - t0;

  const instances: GradcheckInstance[] = [];
  for (let t = 0; t < input.instances; t++) {
    const seed = mixSeed(input.seed, 0x9c, t);
    const values = randomNetwork(inputs, symbols, input.wrt.name, new Prng(seed));
    tape.val.set(values);
    const t1 = performance.now();
    tape.forward();
    tape.backward(out);
    const sweepMs = performance.now() - t1;
    const t2 = performance.now();
    const worst = compareAll(
      closedForm,
      wrtNames,
      n,
      inputs,
      values,
      (units) => tape.adj[inputs.element(input.wrt.name, units)]!,
    );
    instances.push({ seed, value: tape.val[out]!, sweepMs, closedFormMs: performance.now() - t2, worst });
  }
  let worstAt = 0;
  instances.forEach((inst, k) => {
    if (!(inst.worst.mixed <= instances[worstAt]!.worst.mixed)) worstAt = k;
  });
  const worst = { ...instances[worstAt]!.worst, instance: worstAt };
  const ok = instances.every((i) => Number.isFinite(i.value)) && worst.mixed <= GRADCHECK_TOLERANCE;
  return {
    kind: 'report',
    n,
    partials,
    tapeNodes: tape.size,
    compileMs,
    instances,
    worst,
    tolerance: GRADCHECK_TOLERANCE,
    ok,
  };
}

/** the domain of a declared array or scalar (real when undeclared) */
function domainOf(scope: Scope, name: string) {
  const d = scope.symbols.get(name);
  return d && d.kind !== 'index' ? d.domain : REAL;
}

/** the closed form against `partial` at every assignment of the index names; the worst element (NaN counts as worst) */
function compareAll(
  closedForm: Expr,
  names: readonly string[],
  n: number,
  inputs: DenseInputs,
  values: Float64Array,
  partial: (units: readonly number[]) => number,
): GradcheckWorst {
  const program = compileFloat(closedForm, n, inputs, values, names);
  const units = new Array<number>(names.length).fill(1);
  let worst: GradcheckWorst | undefined;
  const total = n ** names.length;
  for (let q = 0; q < total; q++) {
    let rest = q;
    for (let d = names.length - 1; d >= 0; d--) {
      units[d] = (rest % n) + 1;
      rest = Math.floor(rest / n);
      program.bind(names[d]!, units[d]!);
    }
    const cf = program.run();
    const ad = partial(units);
    const absolute = Math.abs(cf - ad);
    const mixed = Number.isNaN(absolute) ? Infinity : absolute / Math.max(1, Math.abs(ad));
    if (worst === undefined || mixed > worst.mixed) {
      const relative = absolute === 0 ? 0 : ad === 0 ? Infinity : absolute / Math.abs(ad);
      worst = {
        units: new Map(names.map((name, d) => [name, units[d]!])),
        autodiff: ad,
        closedForm: cf,
        absolute,
        relative,
        mixed,
      };
    }
  }
  return worst!;
}
