/**
 * Tape inputs for a whole network, laid out densely: every element of every
 * array over n units gets an input node, at a position computed from its
 * units (no string keys), so compiling a log joint over a million weights
 * looks each one up in O(1) without allocating.
 */
import { elementKey } from './atom-key.js';
import type { TapeLeaves } from './tape-compile.js';

/** an array's place in the layout */
interface Block {
  readonly base: number;
  readonly arity: number;
}

/** input node ids of the scalars and of every element of every array on n units */
export class DenseInputs implements TapeLeaves {
  readonly count: number;
  private readonly blocks = new Map<string, Block>();
  private readonly scalars = new Map<string, number>();

  constructor(
    readonly n: number,
    arrays: readonly { readonly name: string; readonly arity: number }[],
    scalarNames: readonly string[],
  ) {
    let next = 0;
    for (const a of arrays) {
      this.blocks.set(a.name, { base: next, arity: a.arity });
      next += n ** a.arity;
    }
    for (const s of scalarNames) this.scalars.set(s, next++);
    this.count = next;
  }

  /** the first id of an array's block (elements in row-major order of their units) */
  base(name: string): number {
    const b = this.blocks.get(name);
    if (!b) throw new Error(`no array ${name} in the layout`);
    return b.base;
  }

  /** the input id of name[units] (units 1-based) */
  element(name: string, units: readonly number[]): number {
    const b = this.blocks.get(name);
    if (!b || b.arity !== units.length) throw new Error(`no array ${name} with ${units.length} indices in the layout`);
    let offset = 0;
    for (const u of units) {
      if (u < 1 || u > this.n) throw new Error(`unit ${u} of ${name} outside 1..${this.n}`);
      offset = offset * this.n + (u - 1);
    }
    return b.base + offset;
  }

  /** the input id of a scalar */
  scalar(name: string): number {
    const id = this.scalars.get(name);
    if (id === undefined) throw new Error(`no scalar ${name} in the layout`);
    return id;
  }

  /** `w[2,1]` or `x`: the key of an input id, for reports */
  keyOf(id: number): string {
    for (const [name, s] of this.scalars) if (s === id) return name;
    for (const [name, b] of this.blocks) {
      const size = this.n ** b.arity;
      if (id < b.base || id >= b.base + size) continue;
      let rest = id - b.base;
      const units: number[] = [];
      for (let d = 0; d < b.arity; d++) {
        units.unshift((rest % this.n) + 1);
        rest = Math.floor(rest / this.n);
      }
      return elementKey(name, units);
    }
    throw new Error(`no input ${id}`);
  }
}
