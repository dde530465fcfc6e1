/**
 * Building a tape: operations are appended in evaluation order into growable
 * typed arrays (doubling, so appending is amortised O(1) and nothing is a
 * per-node object), then frozen into a Tape. The builder tracks which nodes
 * are active (depend on an active input) and picks the cheaper backward form
 * of a dot product when only one side of each pair can vary.
 */
import {
  OP_ADD,
  OP_CONST,
  type OP_DIV,
  OP_DOT,
  OP_DOTL,
  OP_DOTR,
  OP_DOTRL,
  OP_DOTRLS,
  type OP_MUL,
  OP_NEG,
  type OP_POW,
  OP_POWI,
  OP_POWR,
  OP_SCALE,
  type OP_SUB,
  OP_SUMN,
  OP_UNARY_LAST,
  Tape,
} from './tape.js';

/** why 1024: small tapes (one diff site of a compare) allocate little; big ones double a dozen times */
const INITIAL_CAPACITY = 1024;

type TypedArray = Int32Array | Float64Array | Uint8Array;

/** a typed array that grows by doubling */
class Column<A extends TypedArray> {
  data: A;
  length = 0;

  constructor(
    private readonly make: (n: number) => A,
    capacity = INITIAL_CAPACITY,
  ) {
    this.data = make(Math.max(capacity, 1));
  }

  push(v: number): void {
    if (this.length === this.data.length) {
      const next = this.make(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }

  /** the filled part, as a right-sized copy (so the doubling slack is freed) */
  done(): A {
    return this.data.slice(0, this.length) as A;
  }
}

const int32 = (n: number): Int32Array => new Int32Array(n);
const float64 = (n: number): Float64Array => new Float64Array(n);
const uint8 = (n: number): Uint8Array => new Uint8Array(n);

/** appends operations to a tape whose first `inputs` node ids are inputs */
export class TapeBuilder {
  private readonly op = new Column(int32);
  private readonly a = new Column(int32);
  private readonly b = new Column(int32);
  private readonly k = new Column(float64);
  private readonly operands = new Column(int32);
  private readonly active: Column<Uint8Array>;
  /** how many operand slots read each node (inputs included): a node read once may have its adjoint assigned */
  private readonly uses: Column<Int32Array>;
  private readonly constants = new Map<number, number>();

  /** `activeInputs[id]` is 1 for the inputs to differentiate with respect to */
  constructor(
    readonly inputs: number,
    activeInputs: Uint8Array,
  ) {
    if (activeInputs.length !== inputs) throw new Error('one active flag per input');
    this.active = new Column(uint8, inputs + INITIAL_CAPACITY);
    this.active.data.set(activeInputs);
    this.active.length = inputs;
    this.uses = new Column(int32, inputs + INITIAL_CAPACITY);
    this.uses.length = inputs;
  }

  /** the number of nodes so far (inputs included) */
  get size(): number {
    return this.active.length;
  }

  /** whether node id depends on an active input */
  isActive(id: number): boolean {
    return this.active.data[id] === 1;
  }

  /** appends an operation; `reads` are the operand slots it reads (counted in uses) */
  private emit(op: number, a: number, b: number, k: number, active: boolean, ...reads: number[]): number {
    for (const r of reads) this.uses.data[r]!++;
    this.uses.push(0);
    this.op.push(op);
    this.a.push(a);
    this.b.push(b);
    this.k.push(k);
    this.active.push(active ? 1 : 0);
    return this.active.length - 1;
  }

  /** the constant v (one node per distinct value) */
  constant(v: number): number {
    let id = this.constants.get(v);
    if (id === undefined) {
      id = this.emit(OP_CONST, 0, 0, v, false);
      this.constants.set(v, id);
    }
    return id;
  }

  /** f(x) for the unary built-in with opcode code (0..12) */
  unary(code: number, x: number): number {
    if (code < 0 || code > OP_UNARY_LAST) throw new Error(`not a unary opcode: ${code}`);
    return this.emit(code, x, 0, 0, this.isActive(x), x);
  }

  /** x op y for OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_POW */
  binary(
    op: typeof OP_ADD | typeof OP_SUB | typeof OP_MUL | typeof OP_DIV | typeof OP_POW,
    x: number,
    y: number,
  ): number {
    return this.emit(op, x, y, 0, this.isActive(x) || this.isActive(y), x, y);
  }

  /** -x */
  neg(x: number): number {
    return this.emit(OP_NEG, x, 0, 0, this.isActive(x), x);
  }

  /** c * x for a constant c */
  scale(c: number, x: number): number {
    return this.emit(OP_SCALE, x, 0, c, this.isActive(x), x);
  }

  /** x^e for a constant exponent: an integer power, or a real one (x >= 0) */
  powConst(x: number, e: number): number {
    return this.emit(Number.isInteger(e) ? OP_POWI : OP_POWR, x, 0, e, this.isActive(x), x);
  }

  /** the sum of the nodes ids */
  sum(ids: readonly number[]): number {
    if (ids.length === 0) return this.constant(0);
    if (ids.length === 1) return ids[0]!;
    if (ids.length === 2) return this.binary(OP_ADD, ids[0]!, ids[1]!);
    const start = this.operands.length;
    let active = false;
    for (const id of ids) {
      this.operands.push(id);
      this.uses.data[id]!++;
      active ||= this.isActive(id);
    }
    return this.emit(OP_SUMN, start, this.operands.length, 0, active);
  }

  /** the sum of products of the pairs (flat: x0, y0, x1, y1, ...) */
  dot(pairs: readonly number[]): number {
    if (pairs.length % 2 !== 0) throw new Error('dot needs pairs');
    if (pairs.length === 0) return this.constant(0);
    const ordered = new Int32Array(pairs.length);
    let active = false;
    let rightActive = false;
    let runs = true;
    for (let p = 0; p < pairs.length; p += 2) {
      let x = pairs[p]!;
      let y = pairs[p + 1]!;
      // the varying factor first, so that a dot of weights times data needs no backward work on the data
      if (!this.isActive(x) && this.isActive(y)) [x, y] = [y, x];
      ordered[p] = x;
      ordered[p + 1] = y;
      active ||= this.isActive(x);
      rightActive ||= this.isActive(y);
      if (p > 0 && (x !== ordered[p - 2]! + 1 || y !== ordered[p - 1]! + 1)) runs = false;
    }
    for (const id of ordered) this.uses.data[id]!++;
    // two runs of consecutive ids (a row of w times s): no operand list, no indirection
    if (runs) return this.emit(rightActive ? OP_DOTR : OP_DOTRL, ordered[0]!, ordered[1]!, pairs.length / 2, active);
    const start = this.operands.length;
    for (const id of ordered) this.operands.push(id);
    return this.emit(rightActive ? OP_DOT : OP_DOTL, start, this.operands.length, 0, active);
  }

  /** the finished tape */
  build(): Tape {
    const op = this.op.done();
    const a = this.a.done();
    const k = this.k.done();
    return new Tape({
      inputs: this.inputs,
      op,
      a,
      b: this.b.done(),
      k,
      operands: this.operands.done(),
      active: this.active.done(),
      zeroRanges: this.assignRuns(op, a, k),
    });
  }

  /**
   * turns every OP_DOTRL whose left run nothing else reads into OP_DOTRLS
   * (in op, in place) and returns the ranges of node ids left to zero
   * before a backward sweep: all but those runs
   */
  private assignRuns(op: Int32Array, a: Int32Array, k: Float64Array): Int32Array {
    const uses = this.uses.data;
    const assigned: [number, number][] = [];
    for (let j = 0; j < op.length; j++) {
      if (op[j] !== OP_DOTRL) continue;
      const x = a[j]!,
        len = k[j]!;
      let once = true;
      for (let t = 0; t < len && once; t++) once = uses[x + t] === 1;
      if (!once) continue;
      op[j] = OP_DOTRLS;
      assigned.push([x, x + len]);
    }
    assigned.sort((p, q) => p[0] - q[0]);
    const ranges: number[] = [];
    let from = 0;
    for (const [start, end] of assigned) {
      if (start > from) ranges.push(from, start);
      from = end;
    }
    if (from < this.size) ranges.push(from, this.size);
    return Int32Array.from(ranges);
  }
}
