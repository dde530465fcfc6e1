/**
 * Instances: a number of units n and a unit for every free index variable.
 * Two different index names may denote the same unit, so for each n every
 * pattern of coincidence is tried (i, j distinct; i = j), and an index may
 * coincide with a literal unit (`s[1]`). Then the atoms of an instance: the
 * scalars and array elements the two sides read there, found by a walk that
 * expands sums the way evaluation will.
 */
import type { Expr } from '../ir/expr.js';
import { children } from '../ir/expr.js';
import { REAL, type Domain, type Scope } from '../ir/symbols.js';
import { MAX_INDEX_PATTERNS, MAX_UNITS, UNIT_COUNTS } from './bounds.js';
import type { WorkMeter } from './numbers.js';
import type { Prepared, Problem } from './prepare.js';
import { Prng, mixSeed } from './prng.js';
import { canonicalKey, instantiateIndex } from './atom-key.js';

/** where one free index goes: a class of indices sharing a unit, or a literal unit */
type Slot = { readonly kind: 'class'; readonly id: number } | { readonly kind: 'unit'; readonly unit: number };

export interface Instance {
  /** the number of units; undefined when nothing is indexed */
  readonly n: number | undefined;
  /** the unit of each free index */
  readonly units: ReadonlyMap<string, number>;
  /** the pattern of coincidence, e.g. `i ≠ j` or `i = j` */
  readonly pattern: string;
}

export interface Plan {
  readonly instances: readonly Instance[];
  /** what was tried, e.g. `n = 1, 2, 3, 5; i, j distinct and equal` */
  readonly description: string;
}

/**
 * Every assignment of m indices to classes (restricted growth: index k joins
 * an earlier class or opens the next one) or to one of the literal units;
 * those with the most distinct units first.
 */
function patterns(m: number, literals: readonly number[]): Slot[][] {
  const out: Slot[][] = [];
  const go = (prefix: Slot[], classes: number): void => {
    if (out.length > 10 * MAX_INDEX_PATTERNS) return; // enough to choose from
    if (prefix.length === m) {
      out.push(prefix);
      return;
    }
    for (let c = 0; c <= classes; c++) go([...prefix, { kind: 'class', id: c }], Math.max(classes, c + 1));
    for (const unit of literals) go([...prefix, { kind: 'unit', unit }], classes);
  };
  go([], 0);
  const distinct = (p: Slot[]): number => new Set(p.map((s) => (s.kind === 'class' ? `c${s.id}` : `u${s.unit}`))).size;
  out.sort((a, b) => distinct(b) - distinct(a));
  if (out.length <= MAX_INDEX_PATTERNS) return out;
  // keep both ends: the most distinct and the most coincident patterns
  const half = Math.floor(MAX_INDEX_PATTERNS / 2);
  return [...out.slice(0, half), ...out.slice(out.length - (MAX_INDEX_PATTERNS - half))];
}

function describePattern(names: readonly string[], p: readonly Slot[]): string {
  const parts: string[] = [];
  names.forEach((name, k) => {
    const s = p[k]!;
    if (s.kind === 'unit') parts.push(`${name} = ${s.unit}`);
    else {
      const first = p.findIndex((o) => o.kind === 'class' && o.id === s.id);
      if (first < k) parts.push(`${name} = ${names[first]}`);
    }
  });
  const classes = names.filter(
    (_, k) =>
      p[k]!.kind === 'class' && p.findIndex((o) => o.kind === 'class' && o.id === (p[k] as { id: number }).id) === k,
  );
  if (classes.length > 1) parts.unshift(`${classes.join(', ')} distinct`);
  return parts.join(', ') || (names.length === 1 ? `${names[0]} at a random unit` : '');
}

/** the instances a compare tries, smallest n first, or why there are none */
export function planInstances(p: Prepared, seed: number, counts?: readonly number[]): Plan | Problem {
  if (!p.indexed) return { instances: [{ n: undefined, units: new Map(), pattern: '' }], description: 'no indices' };
  const maxLiteral = Math.max(1, ...p.literals);
  if (maxLiteral > MAX_UNITS)
    return { problem: `the unit ${maxLiteral} needs more than MAX_UNITS = ${MAX_UNITS} units` };
  // at least one unit more than the expression has distinct indices, so that every index can miss every other
  // the largest instance has at least one unit more than the expression has distinct indices, so that every index can miss every other
  const least = Math.min(Math.max(maxLiteral, indexNames(p) + 1), MAX_UNITS);
  let ns: number[];
  if (counts) {
    ns = counts.filter((n) => n >= maxLiteral && n <= MAX_UNITS).slice(0, UNIT_COUNTS.length);
    if (ns.length === 0)
      return {
        problem: `none of the unit counts where the sides are known to differ (${counts.join(', ')}) is between ${maxLiteral} and MAX_UNITS = ${MAX_UNITS}`,
      };
  } else {
    ns = UNIT_COUNTS.filter((n) => n >= maxLiteral && n <= MAX_UNITS);
    if (ns.length === 0) ns = [...new Set([maxLiteral, Math.min(maxLiteral + 1, MAX_UNITS)])];
    if (ns[ns.length - 1]! < least) ns.push(least);
  }
  const names = p.freeIndices;
  const pats = patterns(names.length, p.literals);
  const instances: Instance[] = [];
  const usedNs = new Set<number>();
  const usedPatterns = new Set<string>();
  for (const n of ns) {
    pats.forEach((pat, k) => {
      const classes = new Set(pat.flatMap((s) => (s.kind === 'class' ? [s.id] : []))).size;
      const free = Array.from({ length: n }, (_, u) => u + 1).filter((u) => !p.literals.includes(u));
      if (classes > free.length) return;
      // each class gets its own unit, random so that no order of i and j is favoured
      const chosen = new Prng(mixSeed(seed, 0x1d, n, k)).shuffle(free);
      const units = new Map<string, number>();
      names.forEach((name, m) => {
        const s = pat[m]!;
        units.set(name, s.kind === 'unit' ? s.unit : chosen[s.id]!);
      });
      const pattern = describePattern(names, pat);
      instances.push({ n, units, pattern });
      usedNs.add(n);
      usedPatterns.add(pattern);
    });
  }
  if (instances.length === 0)
    return { problem: `no instance with at most ${MAX_UNITS} units gives distinct units to ${names.join(', ')}` };
  return { instances, description: describePlan([...usedNs], names, [...usedPatterns]) };
}

function describePlan(ns: readonly number[], names: readonly string[], pats: readonly string[]): string {
  const head = `n = ${ns.join(', ')}`;
  if (names.length === 0) return head;
  if (names.length === 2 && pats.length === 2 && pats.every((p) => p.endsWith('distinct') || p.includes(' = '))) {
    return `${head}; ${names.join(', ')} distinct and equal`;
  }
  if (pats.length <= 3) return `${head}; ${pats.join('; ')}`;
  return `${head}; ${names.join(', ')} in ${pats.length} patterns of coincidence`;
}

/** a scalar or an array element read in an instance */
export interface Atom {
  /** `x` or `w[2,1]` */
  readonly key: string;
  readonly domain: Domain;
  /**
   * written in the step with free indices only (not reached through a sum's
   * bound index): a candidate for special values like x[j] = 0
   */
  readonly direct: boolean;
}

interface InstanceAtoms {
  /** in first-read order */
  readonly atoms: readonly Atom[];
  /** opaque symbols the sides use */
  readonly opaque: readonly string[];
}

/** the atoms and opaque symbols lhs and rhs read in this instance (every diff target included) */
export function collectAtoms(p: Prepared, inst: Instance, scope: Scope, meter: WorkMeter): InstanceAtoms {
  const atoms = new Map<string, Atom>();
  const opaque = new Set<string>();
  const idx = new Map(inst.units);
  const bound = new Set<string>();
  const add = (key: string, domain: Domain, direct: boolean): void => {
    const old = atoms.get(key);
    if (!old) atoms.set(key, { key, domain, direct });
    else if (direct && !old.direct) atoms.set(key, { ...old, direct });
  };
  const walk = (e: Expr): void => {
    meter.used++;
    if (meter.used > meter.limit) return;
    switch (e.kind) {
      case 'sym': {
        if (idx.has(e.name)) return;
        const decl = scope.symbols.get(e.name);
        if (decl?.kind === 'scalar' && decl.opaque) opaque.add(e.name);
        else add(e.name, decl?.kind === 'scalar' ? decl.domain : REAL, true);
        return;
      }
      case 'elem': {
        const decl = scope.symbols.get(e.name);
        const units = e.indices.map((t) => instantiateIndex(t, idx));
        const direct = e.indices.every((t) => t.kind !== 'sym' || !bound.has(t.name));
        add(canonicalKey(e.name, units, scope.symbols), decl?.kind === 'array' ? decl.domain : REAL, direct);
        return;
      }
      case 'delta':
        return;
      case 'sum': {
        const saved = idx.get(e.index);
        const wasBound = bound.has(e.index);
        bound.add(e.index);
        for (let u = 1; u <= (inst.n ?? 0); u++) {
          idx.set(e.index, u);
          walk(e.body);
        }
        if (saved === undefined) idx.delete(e.index);
        else idx.set(e.index, saved);
        if (!wasBound) bound.delete(e.index);
        return;
      }
      case 'diff':
        walk(e.body);
        walk(e.wrt);
        return;
      default:
        for (const c of children(e)) walk(c);
    }
  };
  walk(p.lhs);
  walk(p.rhs);
  for (const a of p.assumptions) {
    walk(a.variable);
    walk(a.value);
  }
  return { atoms: [...atoms.values()], opaque: [...opaque].sort() };
}

/** the number of distinct index names in the two sides: free ones and those bound by sums */
function indexNames(p: Prepared): number {
  const names = new Set<string>(p.freeIndices);
  const walk = (e: Expr): void => {
    if (e.kind === 'sum') names.add(e.index);
    children(e).forEach(walk);
  };
  walk(p.lhs);
  walk(p.rhs);
  return names.size;
}
