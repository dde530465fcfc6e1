/**
 * Reverse-mode automatic differentiation over a compiled tape of typed
 * arrays: one forward sweep computes every node's value, one backward sweep
 * every partial derivative of one output with respect to every input
 * (Wengert list / adjoint method). No per-node objects: opcodes and operands
 * are Int32Arrays, values and adjoints Float64Arrays, so a tape of millions
 * of nodes is a few flat arrays.
 *
 * Node ids 0 .. inputs-1 are the inputs (their values are set by the caller);
 * ids from `inputs` on are operations, each reading only smaller ids. An
 * operation's opcode, operands and constant are stored at (id - inputs).
 * Only nodes marked active (depending on an input marked active) propagate
 * adjoints: inputs held fixed, like binary data, cost nothing backward.
 */
import { applyUnary, logBase, powGeneral, powInt, powIntDerivative, powReal, unaryDerivative } from './float-ops.js';
import { type RunKernels, tapeStorage } from './tape-kernels.js';

/** opcodes 0..12 are the unary built-ins of float-ops.ts (exp .. sigma) */
export const OP_UNARY_LAST = 12;
/** val = k */
export const OP_CONST = 16;
/** a + b */
export const OP_ADD = 17;
/** a - b */
export const OP_SUB = 18;
/** a * b */
export const OP_MUL = 19;
/** a / b */
export const OP_DIV = 20;
/** -a */
export const OP_NEG = 21;
/** k * a */
export const OP_SCALE = 22;
/** the sum of operands[a .. b) */
export const OP_SUMN = 23;
/** sum over pairs (operands[p], operands[p+1]), p = a, a+2, .. < b, of their products */
export const OP_DOT = 24;
/** OP_DOT whose right factors are all inactive: backward updates the left factors only */
export const OP_DOTL = 25;
/** sum over t < k of val[a + t] * val[b + t]: a dot product of two runs of consecutive nodes (a row of weights and the data) */
export const OP_DOTR = 29;
/** OP_DOTR whose right run is inactive */
export const OP_DOTRL = 30;
/**
 * OP_DOTRL whose left run no other operation reads (a row of weights, each
 * in one net input): backward assigns their adjoints instead of adding to
 * them, so the sweep need not zero them first (Tape.zeroRanges)
 */
export const OP_DOTRLS = 31;
/** a^k, k an integer constant */
export const OP_POWI = 26;
/** a^k, k a non-integer constant */
export const OP_POWR = 27;
/** a^b */
export const OP_POW = 28;

/** the arrays of a tape, as the builder hands them over */
interface TapeArrays {
  readonly inputs: number;
  readonly op: Int32Array;
  readonly a: Int32Array;
  readonly b: Int32Array;
  readonly k: Float64Array;
  readonly operands: Int32Array;
  /** per node (inputs included): 1 when the node depends on an active input */
  readonly active: Uint8Array;
  /** [start, end) pairs of node ids whose adjoints backward must zero: every node but the left runs of OP_DOTRLS */
  readonly zeroRanges: Int32Array;
}

/** a compiled expression: values and adjoints of every node, swept forward and backward */
export class Tape {
  readonly inputs: number;
  readonly size: number;
  readonly op: Int32Array;
  readonly a: Int32Array;
  readonly b: Int32Array;
  readonly k: Float64Array;
  readonly operands: Int32Array;
  readonly active: Uint8Array;
  readonly zeroRanges: Int32Array;
  /** the value of every node after forward(); inputs are written here by the caller */
  readonly val: Float64Array;
  /** d output / d node after backward(output) */
  readonly adj: Float64Array;
  /** the loops over runs of nodes (WebAssembly SIMD on big tapes, tape-kernels.ts) */
  private readonly kernels: RunKernels;

  constructor(t: TapeArrays) {
    this.inputs = t.inputs;
    this.op = t.op;
    this.a = t.a;
    this.b = t.b;
    this.k = t.k;
    this.operands = t.operands;
    this.active = t.active;
    this.zeroRanges = t.zeroRanges;
    this.size = t.inputs + t.op.length;
    const storage = tapeStorage(this.size);
    this.val = storage.val;
    this.adj = storage.adj;
    this.kernels = storage.kernels;
  }

  /** computes every operation's value from the inputs' values in val */
  forward(): void {
    const { op, a, b, k, val, kernels } = this;
    const base = this.inputs;
    const count = op.length;
    for (let j = 0; j < count; j++) {
      const o = op[j];
      let v: number;
      switch (o) {
        case OP_CONST:
          v = k[j];
          break;
        case OP_ADD:
          v = val[a[j]] + val[b[j]];
          break;
        case OP_SUB:
          v = val[a[j]] - val[b[j]];
          break;
        case OP_MUL:
          v = val[a[j]] * val[b[j]];
          break;
        case OP_DIV:
          v = val[a[j]] / val[b[j]];
          break;
        case OP_NEG:
          v = -val[a[j]];
          break;
        case OP_SCALE:
          v = k[j] * val[a[j]];
          break;
        case OP_SUMN:
        case OP_DOT:
        case OP_DOTL:
          v = this.operandSum(j);
          break;
        case OP_DOTR:
        case OP_DOTRL:
        case OP_DOTRLS:
          v = kernels.dot(a[j], b[j], k[j]);
          break;
        case OP_POWI:
          v = powInt(val[a[j]], k[j]);
          break;
        case OP_POWR:
          v = powReal(val[a[j]], k[j]);
          break;
        case OP_POW:
          v = powGeneral(val[a[j]], val[b[j]]);
          break;
        default:
          v = applyUnary(o, val[a[j]]);
      }
      val[base + j] = v;
    }
  }

  /**
   * sets adj to d val[output] / d node for every active node, by one
   * backward sweep (after forward); inactive nodes' adjoints are not
   * meaningful (data held fixed get none)
   */
  backward(output: number): void {
    const { op, a, b, k, val, adj, active } = this;
    const base = this.inputs;
    this.zero(output);
    adj[output] = 1;
    for (let j = output - base; j >= 0; j--) {
      const id = base + j;
      const g = adj[id];
      // an assigning operation runs even with g = 0: its run's adjoints are zeroed by nobody else
      if (active[id] === 0 || (g === 0 && op[j] !== OP_DOTRLS)) continue;
      switch (op[j]) {
        case OP_CONST:
          break;
        case OP_ADD:
          adj[a[j]] += g;
          adj[b[j]] += g;
          break;
        case OP_SUB:
          adj[a[j]] += g;
          adj[b[j]] -= g;
          break;
        case OP_MUL:
          adj[a[j]] += g * val[b[j]];
          adj[b[j]] += g * val[a[j]];
          break;
        case OP_DIV: {
          const r = g / val[b[j]];
          adj[a[j]] += r;
          adj[b[j]] -= r * val[id];
          break;
        }
        case OP_NEG:
          adj[a[j]] -= g;
          break;
        case OP_SCALE:
          adj[a[j]] += g * k[j];
          break;
        case OP_SUMN:
        case OP_DOT:
        case OP_DOTL:
        case OP_DOTR:
        case OP_DOTRL:
        case OP_DOTRLS:
          this.spreadMany(j, g);
          break;
        case OP_POWI:
        case OP_POWR:
        case OP_POW:
          this.spreadPower(j, id, g);
          break;
        default:
          adj[a[j]] += g * unaryDerivative(op[j], val[a[j]], val[id]);
      }
    }
  }

  /** the value of a sum (OP_SUMN) or a dot product of pairs (OP_DOT, OP_DOTL) over the operand list */
  private operandSum(j: number): number {
    const { op, a, b, operands, val } = this;
    let v = 0;
    const end = b[j];
    if (op[j] === OP_SUMN) for (let p = a[j]; p < end; p++) v += val[operands[p]];
    else for (let p = a[j]; p < end; p += 2) v += val[operands[p]] * val[operands[p + 1]];
    return v;
  }

  /** backward through an operation of many operands: a sum, a dot product of pairs or of two runs */
  private spreadMany(j: number, g: number): void {
    const { op, a, b, k, operands, val, adj, kernels } = this;
    switch (op[j]) {
      case OP_SUMN: {
        const end = b[j];
        for (let p = a[j]; p < end; p++) adj[operands[p]] += g;
        break;
      }
      case OP_DOT: {
        const end = b[j];
        for (let p = a[j]; p < end; p += 2) {
          const x = operands[p],
            y = operands[p + 1];
          adj[x] += g * val[y];
          adj[y] += g * val[x];
        }
        break;
      }
      case OP_DOTL: {
        const end = b[j];
        for (let p = a[j]; p < end; p += 2) adj[operands[p]] += g * val[operands[p + 1]];
        break;
      }
      case OP_DOTR:
        // the left run's adjoints, then the right run's (tape-adjoints.ts repeats this order)
        kernels.addTo(a[j], b[j], k[j], g);
        kernels.addTo(b[j], a[j], k[j], g);
        break;
      case OP_DOTRL:
        kernels.addTo(a[j], b[j], k[j], g);
        break;
      case OP_DOTRLS:
        kernels.assign(a[j], b[j], k[j], g);
        break;
    }
  }

  /** backward through a power (node id, operation j): integer, real constant or computed exponent */
  private spreadPower(j: number, id: number, g: number): void {
    const { op, a, b, k, val, adj, active } = this;
    const x = a[j];
    if (op[j] === OP_POWI) adj[x] += g * powIntDerivative(val[x], k[j]);
    else if (op[j] === OP_POWR) adj[x] += g * k[j] * powReal(val[x], k[j] - 1);
    else {
      const y = b[j];
      const bv = val[y];
      adj[x] += g * bv * powGeneral(val[x], bv - 1);
      // the exponent's partial a^b log(a) is only needed (and only defined for a > 0) when it varies
      if (active[y] === 1) adj[y] += g * val[id] * logBase(val[x]);
    }
  }

  /** zeroes the adjoints backward(output) accumulates into: all, unless output is the last node (then the assigning runs are skipped) */
  private zero(output: number): void {
    if (output !== this.size - 1) {
      // operations above output do not run, so the runs they would assign must read 0 too
      this.adj.fill(0);
      return;
    }
    const r = this.zeroRanges;
    for (let p = 0; p < r.length; p += 2) this.adj.fill(0, r[p], r[p + 1]);
  }
}
