/**
 * Compiling an expression on an instance into a tape: free indices take
 * their units, sums are expanded over the n units, deltas become 0 or 1, and
 * atoms become the caller's input nodes. A sum of products, the shape of a
 * unit's net input sum(k, w[u,k] s[k]), becomes one dot-product operation
 * rather than n multiplications and an n-ary sum.
 *
 * Sub-expressions containing a sum or a function call are compiled once per
 * assignment of the indices they use (common sub-expressions: sigma(a(m))
 * appears in both log terms of a Bernoulli log-likelihood), so the tape of a
 * log joint is linear in its number of weights.
 */
import type { Expr } from '../ir/expr.js';
import { rationalToNumber } from '../ir/rational.js';
import { instantiateIndex } from './atom-key.js';
import { E, PI, unaryCode } from './float-ops.js';
import { heavy, namesOf } from './expr-scan.js';
import { OP_MUL, OP_POW } from './tape.js';
import type { TapeBuilder } from './tape-builder.js';

/** where atoms come from: input nodes, or sub-tapes the caller compiles (opaque models) */
export interface TapeLeaves {
  /** the node of the scalar `name` */
  scalar(name: string): number;
  /** the node of the array element name[units] (units is only read during the call) */
  element(name: string, units: readonly number[]): number;
}

/** the instance an expression is compiled on */
interface TapeInstance {
  readonly n: number | undefined;
  readonly units: ReadonlyMap<string, number>;
}

/** why compiling stopped: a construct a first-order float64 tape does not express */
export class TapeUnsupported extends Error {}

/** the node computing e on the instance, appended to b; throws TapeUnsupported for nested diff or unknown functions */
export function compileExpr(e: Expr, b: TapeBuilder, inst: TapeInstance, leaves: TapeLeaves): number {
  return new Compiler(b, inst, leaves).node(e);
}

class Compiler {
  private readonly idx: Map<string, number>;
  /** one scratch array of units per arity */
  private readonly scratch: number[][] = [];
  /** e.key -> (units of the indices e uses -> node) */
  private readonly memo = new Map<string, Map<string, number>>();

  constructor(
    private readonly b: TapeBuilder,
    private readonly inst: TapeInstance,
    private readonly leaves: TapeLeaves,
  ) {
    this.idx = new Map(inst.units);
  }

  node(e: Expr): number {
    if (!heavy(e)) return this.compile(e);
    let byUnits = this.memo.get(e.key);
    if (!byUnits) {
      byUnits = new Map();
      this.memo.set(e.key, byUnits);
    }
    let key = '';
    for (const name of namesOf(e)) {
      const u = this.idx.get(name);
      if (u !== undefined) key += `${u},`;
    }
    let id = byUnits.get(key);
    if (id === undefined) {
      id = this.compile(e);
      byUnits.set(key, id);
    }
    return id;
  }

  private compile(e: Expr): number {
    const b = this.b;
    switch (e.kind) {
      case 'num':
        return b.constant(rationalToNumber(e.value));
      case 'const':
        return b.constant(e.name === 'pi' ? PI : E);
      case 'units':
        return b.constant(this.n());
      case 'sym': {
        const u = this.idx.get(e.name);
        return u !== undefined ? b.constant(u) : this.leaves.scalar(e.name);
      }
      case 'elem': {
        // a scratch array: the leaves only read it during the call (a big network has millions of elements)
        this.scratch[e.indices.length] ??= new Array<number>(e.indices.length).fill(0);
        const units = this.scratch[e.indices.length]!;
        for (let d = 0; d < e.indices.length; d++) units[d] = instantiateIndex(e.indices[d]!, this.idx);
        return this.leaves.element(e.name, units);
      }
      case 'delta':
        return b.constant(instantiateIndex(e.a, this.idx) === instantiateIndex(e.b, this.idx) ? 1 : 0);
      case 'add':
        return b.sum(e.terms.map((t) => this.node(t)));
      case 'mul':
        return this.product(e.factors);
      case 'pow': {
        if (e.base.kind === 'const' && e.base.name === 'e') return b.unary(unaryCode('exp'), this.node(e.exp));
        const base = this.node(e.base);
        if (e.exp.kind === 'num') return b.powConst(base, rationalToNumber(e.exp.value));
        return b.binary(OP_POW, base, this.node(e.exp));
      }
      case 'call': {
        const code = unaryCode(e.fn);
        if (code < 0 || e.args.length !== 1) throw new TapeUnsupported(`unknown function \`${e.fn}\``);
        return b.unary(code, this.node(e.args[0]!));
      }
      case 'sum':
        return this.sum(e.index, e.body);
      case 'diff':
        throw new TapeUnsupported(
          'a derivative inside the differentiated expression (a first-order tape has no nested diff)',
        );
    }
  }

  /** the product of factors: numeric factors folded into one scale, the rest multiplied in order */
  private product(factors: readonly Expr[]): number {
    if (factors.length === 1 && factors[0]!.kind !== 'num') return this.node(factors[0]!);
    let c = 1;
    const ids: number[] = [];
    for (const f of factors) {
      if (f.kind === 'num') c *= rationalToNumber(f.value);
      else ids.push(this.node(f));
    }
    if (ids.length === 0) return this.b.constant(c);
    let acc = ids[0]!;
    for (let f = 1; f < ids.length; f++) acc = this.b.binary(OP_MUL, acc, ids[f]!);
    if (c === 1) return acc;
    return c === -1 ? this.b.neg(acc) : this.b.scale(c, acc);
  }

  /** sum over the units of body; a product body becomes a dot product of (all factors but the last, the last) */
  private sum(index: string, body: Expr): number {
    const n = this.n();
    const saved = this.idx.get(index);
    const factors = body.kind === 'mul' && body.factors.length >= 2 ? body.factors : undefined;
    const dot = factors !== undefined;
    const head = factors?.slice(0, -1);
    const last = factors?.[factors.length - 1];
    const parts: number[] = [];
    for (let u = 1; u <= n; u++) {
      this.idx.set(index, u);
      if (head && last) parts.push(this.product(head), this.node(last));
      else parts.push(this.node(body));
    }
    if (saved === undefined) this.idx.delete(index);
    else this.idx.set(index, saved);
    return dot ? this.b.dot(parts) : this.b.sum(parts);
  }

  private n(): number {
    if (this.inst.n === undefined) throw new Error('a sum or n in an instance without units');
    return this.inst.n;
  }
}
