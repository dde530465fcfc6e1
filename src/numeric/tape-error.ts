/**
 * How far a float64 tape can be trusted at a point, for its use as an oracle:
 *
 * - a running error bound (first-order, Wilkinson style): every node carries
 *   a bound on the absolute error of its float64 value, from its operands'
 *   bounds and one rounding; the values are "moderate" when every node is
 *   finite and within MODERATE_RELATIVE_ERROR of exact. 1 - sigma(30), for
 *   instance, is not (it keeps three digits), and the tape is then not asked.
 * - absolute adjoints: the backward sweep with |local partial| everywhere,
 *   the sum over paths of the magnitudes whose signed sum is the derivative;
 *   cancellation in that sum is what float64 cannot resolve, so agreement is
 *   judged against it.
 */
import {
  logBase,
  powGeneral,
  powIntDerivative,
  powIntDerivativeBound,
  powReal,
  powRealDerivativeBound,
  unaryDerivative,
  unaryDerivativeBound,
} from './float-ops.js';
import {
  OP_ADD,
  OP_CONST,
  OP_DIV,
  OP_DOT,
  OP_DOTL,
  OP_DOTR,
  OP_DOTRL,
  OP_DOTRLS,
  OP_MUL,
  OP_NEG,
  OP_POW,
  OP_POWI,
  OP_POWR,
  OP_SCALE,
  OP_SUB,
  OP_SUMN,
  type Tape,
} from './tape.js';

/** the unit roundoff of float64, 2^-53 */
export const U = 2 ** -53;

/** why 2: V8's Math functions (fdlibm ports) are within one ulp; two leaves room for the argument's own rounding */
export const LIBM_ULPS = 2;

/**
 * why 1e-12: a value this close to exact keeps local partials accurate to
 * about 1e-12 times the depth of the tape, three orders below the 1e-9 the
 * tape must agree to; anything worse is cancellation the tape cannot resolve.
 */
const MODERATE_RELATIVE_ERROR = 1e-12;

/** the error of a value converted to float64: none for an integer (0 and 1 of binary data, n), else half an ulp */
export function rounding(v: number): number {
  return Number.isSafeInteger(v) ? 0 : U * Math.abs(v);
}

/** d/dx x^c for a constant exponent c */
function powDerivative(code: number, x: number, c: number): number {
  return code === OP_POWI ? powIntDerivative(x, c) : c * powReal(x, c - 1);
}

/**
 * a running bound on the absolute error of every node's value up to
 * `output` (after forward), the inputs' values being exact data or rounded
 * constants: first order in the roundings, each function's derivative
 * bounded over the whole error interval; Infinity from the first node that
 * is not finite or has no bound, onwards
 */
export function forwardErrors(t: Tape, output: number): Float64Array {
  const val = t.val;
  const err = new Float64Array(output + 1);
  for (let id = 0; id < Math.min(t.inputs, output + 1); id++) {
    err[id] = Number.isFinite(val[id]!) ? rounding(val[id]!) : Infinity;
  }
  for (let id = t.inputs; id <= output; id++) {
    if (!Number.isFinite(val[id]!)) {
      err.fill(Infinity, id);
      break;
    }
    const e = nodeError(t, err, id);
    err[id] = Number.isNaN(e) ? Infinity : e;
  }
  return err;
}

/** the error bound of node id's finite value, given the bounds of the nodes before it */
function nodeError(t: Tape, err: Float64Array, id: number): number {
  const { op, a, b, k, val } = t;
  const j = id - t.inputs;
  const v = val[id]!;
  const x = a[j]!,
    y = b[j]!;
  const r = U * Math.abs(v);
  switch (op[j]) {
    case OP_CONST:
      return rounding(v);
    case OP_ADD:
    case OP_SUB:
      return err[x]! + err[y]! + r;
    case OP_MUL:
      return Math.abs(val[x]!) * err[y]! + Math.abs(val[y]!) * err[x]! + err[x]! * err[y]! + r;
    case OP_DIV: {
      const d = Math.abs(val[y]!) - err[y]!;
      return d > 0 ? (err[x]! + Math.abs(v) * err[y]!) / d + r : Infinity;
    }
    case OP_NEG:
      return err[x]!;
    case OP_SCALE:
      return Math.abs(k[j]!) * err[x]! + r;
    case OP_SUMN:
      return sumError(t, err, x, y);
    case OP_DOT:
    case OP_DOTL:
    case OP_DOTR:
    case OP_DOTRL:
    case OP_DOTRLS:
      return dotError(t, err, j);
    case OP_POWI:
      return (err[x] === 0 ? 0 : powIntDerivativeBound(val[x]!, k[j]!, err[x]!) * err[x]!) + LIBM_ULPS * r;
    case OP_POWR:
      return (err[x] === 0 ? 0 : powRealDerivativeBound(val[x]!, k[j]!, err[x]!) * err[x]!) + LIBM_ULPS * r;
    case OP_POW: {
      const ey = err[y]! === 0 ? 0 : Math.abs(v * logBase(val[x]!)) * err[y]!;
      return Math.abs(val[y]! * powGeneral(val[x]!, val[y]! - 1)) * err[x]! + ey + LIBM_ULPS * r;
    }
    default:
      return (err[x] === 0 ? 0 : unaryDerivativeBound(op[j]!, val[x]!, err[x]!) * err[x]!) + LIBM_ULPS * r;
  }
}

/** the error bound of a sum of the operands from..to-1: theirs, plus one rounding per addition */
function sumError(t: Tape, err: Float64Array, from: number, to: number): number {
  const { operands, val } = t;
  let sum = 0,
    mag = 0;
  for (let p = from; p < to; p++) {
    sum += err[operands[p]!]!;
    mag += Math.abs(val[operands[p]!]!);
  }
  return sum + (to - from) * U * mag;
}

/** the error bound of the dot product of node j (pairs in operands, or two runs of k[j] nodes) */
function dotError(t: Tape, err: Float64Array, j: number): number {
  const { op, a, b, k, operands, val } = t;
  const x = a[j]!,
    y = b[j]!;
  const run = op[j] === OP_DOTR || op[j] === OP_DOTRL || op[j] === OP_DOTRLS;
  const count = run ? k[j]! : (y - x) / 2;
  let sum = 0,
    mag = 0;
  for (let q = 0; q < count; q++) {
    const l = run ? x + q : operands[x + 2 * q]!;
    const m = run ? y + q : operands[x + 2 * q + 1]!;
    sum += Math.abs(val[l]!) * err[m]! + Math.abs(val[m]!) * err[l]! + err[l]! * err[m]!;
    mag += Math.abs(val[l]! * val[m]!);
  }
  return sum + count * U * mag;
}

/** whether every node up to `output` is finite with a running error bound within MODERATE_RELATIVE_ERROR of its value (after forward) */
export function tapeIsModerate(t: Tape, output: number): boolean {
  const err = forwardErrors(t, output);
  for (let id = 0; id <= output; id++) {
    const e = err[id]!;
    if (!Number.isFinite(e)) return false;
    // an exactly known value (0 from a 0 factor) has no error; otherwise the bound must be small against the value
    if (!(e === 0 || e <= MODERATE_RELATIVE_ERROR * Math.abs(t.val[id]!))) return false;
  }
  return true;
}

/** for every node, the sum over paths to `output` of the product of |local partials| (after forward) */
export function absoluteAdjoints(t: Tape, output: number): Float64Array {
  const adj = new Float64Array(output + 1);
  adj[output] = 1;
  for (let id = output; id >= t.inputs; id--) {
    const g = adj[id]!;
    if (g !== 0) spreadAbsolute(t, adj, id, g);
  }
  return adj;
}

/** adds g times the |local partial| of node id to the absolute adjoint of each of its operands */
function spreadAbsolute(t: Tape, adj: Float64Array, id: number, g: number): void {
  const { op, a, b, k, operands, val } = t;
  const j = id - t.inputs;
  const x = a[j]!,
    y = b[j]!;
  switch (op[j]) {
    case OP_CONST:
      break;
    case OP_ADD:
    case OP_SUB:
      adj[x]! += g;
      adj[y]! += g;
      break;
    case OP_MUL:
      adj[x]! += g * Math.abs(val[y]!);
      adj[y]! += g * Math.abs(val[x]!);
      break;
    case OP_DIV:
      adj[x]! += g / Math.abs(val[y]!);
      adj[y]! += (g * Math.abs(val[id]!)) / Math.abs(val[y]!);
      break;
    case OP_NEG:
      adj[x]! += g;
      break;
    case OP_SCALE:
      adj[x]! += g * Math.abs(k[j]!);
      break;
    case OP_SUMN:
      for (let p = x; p < y; p++) adj[operands[p]!]! += g;
      break;
    case OP_DOT:
    case OP_DOTL:
      for (let p = x; p < y; p += 2) {
        adj[operands[p]!]! += g * Math.abs(val[operands[p + 1]!]!);
        adj[operands[p + 1]!]! += g * Math.abs(val[operands[p]!]!);
      }
      break;
    case OP_DOTR:
    case OP_DOTRL:
    case OP_DOTRLS:
      for (let q = 0; q < k[j]!; q++) {
        adj[x + q]! += g * Math.abs(val[y + q]!);
        adj[y + q]! += g * Math.abs(val[x + q]!);
      }
      break;
    case OP_POWI:
    case OP_POWR:
      adj[x]! += g * Math.abs(powDerivative(op[j]!, val[x]!, k[j]!));
      break;
    case OP_POW:
      adj[x]! += g * Math.abs(val[y]! * powGeneral(val[x]!, val[y]! - 1));
      if (t.active[y] === 1) adj[y]! += g * Math.abs(val[id]! * logBase(val[x]!));
      break;
    default:
      adj[x]! += g * Math.abs(unaryDerivative(op[j]!, val[x]!, val[id]!));
  }
}
