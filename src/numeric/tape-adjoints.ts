/**
 * How wrong can a float64 backward sweep be? One more backward sweep that
 * carries, next to every adjoint, a bound on its absolute error: from the
 * error of the adjoint flowing in, the error of the local partial (the
 * forward values' error bounds through the partial's own derivative,
 * bounded over the whole error interval), and the rounding of each product
 * and accumulation. First order in the accumulated roundings; gradcheck uses
 * it to judge only the partials float64 resolves (a network whose units
 * saturate computes 1 - sigma(40) with no correct digit).
 */
import {
  logBase,
  powGeneral,
  powIntDerivativeBound,
  powReal,
  powRealDerivativeBound,
  unaryDerivative,
  unarySecondDerivativeBound,
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
import { LIBM_ULPS, U, rounding } from './tape-error.js';

/** a backward sweep's adjoints, recomputed in the tape's own order of operations, and their error bounds */
interface AdjointSweep {
  /** bit for bit the adjoints of Tape.backward */
  readonly adj: Float64Array;
  /** a bound on |adj - exact adjoint| per node; Infinity where none is known */
  readonly error: Float64Array;
}

/**
 * The adjoints of `output` with error bounds (after forward, with `err` the
 * forward error bounds of tape-error.ts). Only active nodes propagate, as
 * in Tape.backward, whose arithmetic this repeats operation for operation.
 */
export function adjointErrors(t: Tape, output: number, err: Float64Array): AdjointSweep {
  const s = { adj: new Float64Array(output + 1), error: new Float64Array(output + 1) };
  s.adj[output] = 1;
  for (let id = output; id >= t.inputs; id--) {
    if (t.active[id] === 0 || s.adj[id] === 0) continue;
    propagate(t, id, err, s);
  }
  return s;
}

/** adj[to] += term, where term is known within eterm: plus the rounding of the sum */
function flow(s: AdjointSweep, to: number, term: number, eterm: number): void {
  const sum = s.adj[to]! + term;
  s.adj[to] = sum;
  s.error[to] = s.error[to]! + (Number.isNaN(eterm) ? Infinity : eterm) + U * Math.abs(sum);
}

/**
 * the error of g p computed in float64, g within eg and the partial p within
 * dp: up to LIBM_ULPS ulps of p computed by a library function, one of the product
 */
function productError(g: number, eg: number, p: number, dp: number): number {
  return (
    (dp === 0 ? 0 : Math.abs(g) * dp) + (eg === 0 ? 0 : eg * (Math.abs(p) + dp)) + (1 + LIBM_ULPS) * U * Math.abs(g * p)
  );
}

/** one node's adjoint into its operands' */
function propagate(t: Tape, id: number, err: Float64Array, s: AdjointSweep): void {
  const { op, k, operands, val } = t;
  const { j, x, y, to } = node(t, id, s);
  switch (op[j]) {
    case OP_CONST:
      return;
    case OP_ADD:
      to(x, 1, 0);
      to(y, 1, 0);
      return;
    case OP_SUB:
      to(x, 1, 0);
      to(y, -1, 0);
      return;
    case OP_NEG:
      to(x, -1, 0);
      return;
    case OP_SCALE:
      to(x, k[j]!, rounding(k[j]!));
      return;
    case OP_MUL:
      to(x, val[y]!, err[y]!);
      to(y, val[x]!, err[x]!);
      return;
    case OP_DIV:
      propagateDiv(t, id, err, s);
      return;
    case OP_SUMN:
      for (let p = x; p < y; p++) to(operands[p]!, 1, 0);
      return;
    case OP_DOT:
    case OP_DOTL:
      for (let p = x; p < y; p += 2) {
        to(operands[p]!, val[operands[p + 1]!]!, err[operands[p + 1]!]!);
        to(operands[p + 1]!, val[operands[p]!]!, err[operands[p]!]!);
      }
      return;
    case OP_DOTR:
    case OP_DOTRL:
    case OP_DOTRLS:
      // as Tape.backward: the left run's adjoints, then the right run's
      for (let q = 0; q < k[j]!; q++) to(x + q, val[y + q]!, err[y + q]!);
      for (let q = 0; q < k[j]!; q++) to(y + q, val[x + q]!, err[x + q]!);
      return;
    case OP_POWI:
    case OP_POWR:
    case OP_POW:
      propagatePower(t, id, err, s);
      return;
    default: {
      const ex = err[x]!;
      const slope = unaryDerivative(op[j]!, val[x]!, val[id]!);
      to(x, slope, ex === 0 ? 0 : unarySecondDerivativeBound(op[j]!, val[x]!, ex) * ex);
    }
  }
}

/** the common start of a node's propagation: its operation, adjoint and error, operands, and the flow into one */
function node(t: Tape, id: number, s: AdjointSweep) {
  const j = id - t.inputs;
  const g = s.adj[id]!;
  const eg = s.error[id]!;
  const to = (n: number, p: number, dp: number): void => {
    if (t.active[n] === 1) flow(s, n, g * p, productError(g, eg, p, dp));
  };
  return { j, g, eg, x: t.a[j]!, y: t.b[j]!, to };
}

/** a quotient's adjoint into its dividend and divisor */
function propagateDiv(t: Tape, id: number, err: Float64Array, s: AdjointSweep): void {
  const { val, active } = t;
  const { g, eg, x, y } = node(t, id, s);
  // as Tape.backward: r = g / y into x, r * (x / y) out of y; |y| is no smaller than |y| - its error
  const vy = val[y]!;
  const d = Math.abs(vy) - err[y]!;
  const r = g / vy;
  const dInv = d > 0 ? err[y]! / (d * Math.abs(vy)) : Infinity;
  const er = (dInv === 0 ? 0 : Math.abs(g) * dInv) + (eg === 0 ? 0 : eg * (1 / Math.abs(vy) + dInv)) + U * Math.abs(r);
  if (active[x] === 1) flow(s, x, r, er);
  const q = val[id]!;
  if (active[y] === 1)
    flow(s, y, -(r * q), Math.abs(r) * err[id]! + Math.abs(q) * er + er * err[id]! + U * Math.abs(r * q));
}

/** a power's adjoint into its base (and a computed exponent) */
function propagatePower(t: Tape, id: number, err: Float64Array, s: AdjointSweep): void {
  const { op, k, val, active } = t;
  const { j, g, eg, x, y, to } = node(t, id, s);
  switch (op[j]) {
    case OP_POWI: {
      // d/dx x^c = c x^(c-1), itself known within |c| sup|d/dt t^(c-1)| err
      const c = k[j]!;
      const ex = err[x]!;
      const slope = c === 0 ? 0 : c * val[x]! ** (c - 1);
      to(x, slope, ex === 0 || c === 0 ? 0 : Math.abs(c) * powIntDerivativeBound(val[x]!, c - 1, ex) * ex);
      break;
    }
    case OP_POWR: {
      // as Tape.backward: (g c) x^(c-1), one more rounding than a product
      const c = k[j]!;
      const ex = err[x]!;
      const slope = powReal(val[x]!, c - 1);
      const dp = ex === 0 ? 0 : Math.abs(c) * powRealDerivativeBound(val[x]!, c - 1, ex) * ex;
      const term = g * c * slope;
      if (active[x] === 1) flow(s, x, term, productError(g, eg, c * slope, dp) + U * Math.abs(term));
      break;
    }
    case OP_POW: {
      // as Tape.backward; a variable exponent's partials are not bounded here unless both operands are exact
      const exact = err[x] === 0 && err[y] === 0;
      const bv = val[y]!;
      const tx = g * bv * powGeneral(val[x]!, bv - 1);
      if (active[x] === 1) flow(s, x, tx, exact ? productError(g, eg, tx / g, 0) + U * Math.abs(tx) : Infinity);
      if (active[y] === 1) {
        const ty = g * val[id]! * logBase(val[x]!);
        flow(s, y, ty, exact ? productError(g, eg, ty / g, 0) + U * Math.abs(ty) : Infinity);
      }
      break;
    }
  }
}
