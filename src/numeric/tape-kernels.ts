/**
 * The tape's inner loops over runs of consecutive nodes (a row of weights
 * times the data, forward; the row's adjoints, backward) as WebAssembly
 * SIMD kernels, two float64 lanes at a time: 3 to 5 times faster than the
 * same loops in JavaScript, which V8 does not vectorize. The module is
 * assembled here from its opcodes (about 200 bytes; no toolchain, nothing
 * fetched), compiled once per process, and instantiated per tape over a
 * WebAssembly.Memory that holds the tape's values and adjoints, so the
 * kernels read and write the very Float64Arrays the rest of the tape uses.
 *
 * Every kernel has a JavaScript twin doing the same float64 operations in
 * the same order (the dot product's eight partial sums included), so a
 * result never depends on whether WebAssembly SIMD is available: small
 * tapes, and any machine without it, use the twins.
 */

/** the run kernels over a tape's values and adjoints (node ids, not bytes) */
export interface RunKernels {
  /** sum over t < len of val[x + t] * val[y + t], as eight partial sums */
  dot(x: number, y: number, len: number): number;
  /** adj[x + t] = g * val[y + t] for t < len */
  assign(x: number, y: number, len: number, g: number): void;
  /** adj[x + t] += g * val[y + t] for t < len */
  addTo(x: number, y: number, len: number, g: number): void;
}

/** a tape's value and adjoint arrays and the kernels over them */
interface TapeStorage {
  readonly val: Float64Array;
  readonly adj: Float64Array;
  readonly kernels: RunKernels;
}

/** why 4096 nodes: below it a tape is one diff site of a compare, and a WebAssembly memory per tape costs more than it saves */
const WASM_MIN_NODES = 4096;
/** why 2^31 bytes: V8's largest WebAssembly memory may be 2 GiB; past it (10^8 nodes) the twins run */
const WASM_MAX_BYTES = 2 ** 31;
/** why 64 KiB: the WebAssembly page */
const PAGE = 65536;

/** values and adjoints for a tape of `size` nodes: on a WebAssembly memory with SIMD kernels when worth it and possible */
export function tapeStorage(size: number): TapeStorage {
  const module = size >= WASM_MIN_NODES && 16 * size <= WASM_MAX_BYTES ? simdModule() : undefined;
  if (module) {
    try {
      const mem = new WebAssembly.Memory({ initial: Math.ceil((16 * size) / PAGE) });
      const k = new WebAssembly.Instance(module, { env: { mem } }).exports as unknown as WasmKernels;
      const val = new Float64Array(mem.buffer, 0, size);
      const adj = new Float64Array(mem.buffer, 8 * size, size);
      const adjBase = 8 * size;
      return {
        val,
        adj,
        kernels: {
          dot: (x, y, len) => k.dot(8 * x, 8 * y, len),
          assign: (x, y, len, g) => k.assign(adjBase + 8 * x, 8 * y, len, g),
          addTo: (x, y, len, g) => k.addTo(adjBase + 8 * x, 8 * y, len, g),
        },
      };
    } catch (err) {
      // out of memory for one more WebAssembly memory: the twins do the same work in ordinary arrays
      if (!(err instanceof RangeError)) throw err;
    }
  }
  const val = new Float64Array(size);
  const adj = new Float64Array(size);
  return { val, adj, kernels: jsKernels(val, adj) };
}

/** the JavaScript twins of the kernels, the same operations in the same order */
export function jsKernels(val: Float64Array, adj: Float64Array): RunKernels {
  return {
    dot(x, y, len) {
      // eight partial sums s0..s7 over blocks of eight, combined as the SIMD lanes are
      let s0 = 0,
        s1 = 0,
        s2 = 0,
        s3 = 0,
        s4 = 0,
        s5 = 0,
        s6 = 0,
        s7 = 0;
      let t = 0;
      for (; t + 8 <= len; t += 8) {
        s0 += val[x + t]! * val[y + t]!;
        s1 += val[x + t + 1]! * val[y + t + 1]!;
        s2 += val[x + t + 2]! * val[y + t + 2]!;
        s3 += val[x + t + 3]! * val[y + t + 3]!;
        s4 += val[x + t + 4]! * val[y + t + 4]!;
        s5 += val[x + t + 5]! * val[y + t + 5]!;
        s6 += val[x + t + 6]! * val[y + t + 6]!;
        s7 += val[x + t + 7]! * val[y + t + 7]!;
      }
      let s = s0 + s2 + (s4 + s6) + (s1 + s3 + (s5 + s7));
      for (; t < len; t++) s += val[x + t]! * val[y + t]!;
      return s;
    },
    assign(x, y, len, g) {
      for (let t = 0; t < len; t++) adj[x + t] = g * val[y + t]!;
    },
    addTo(x, y, len, g) {
      for (let t = 0; t < len; t++) adj[x + t] = adj[x + t]! + g * val[y + t]!;
    },
  };
}

/** the kernels as the WebAssembly module exports them: byte offsets into its memory */
interface WasmKernels {
  dot(x: number, y: number, len: number): number;
  assign(dst: number, src: number, len: number, g: number): void;
  addTo(dst: number, src: number, len: number, g: number): void;
}

let compiled: WebAssembly.Module | null | undefined;

/** the compiled module, once per process; null where WebAssembly SIMD is not available */
function simdModule(): WebAssembly.Module | undefined {
  if (compiled === undefined) {
    try {
      const bytes = simdModuleBytes();
      compiled = typeof WebAssembly === 'object' && WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
    } catch {
      compiled = null;
    }
  }
  return compiled ?? undefined;
}

// ---- the assembler: just the opcodes the three kernels use ----

const uleb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
};
const sleb = (n: number): number[] => {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) return [...out, byte];
    out.push(byte | 0x80);
  }
};
const name = (s: string): number[] => [...uleb(s.length), ...[...s].map((c) => c.charCodeAt(0))];
const vec = (items: readonly (readonly number[])[]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, bytes: readonly number[]): number[] => [id, ...uleb(bytes.length), ...bytes];

const I32 = 0x7f,
  F64 = 0x7c,
  V128 = 0x7b;
const get = (i: number) => [0x20, ...uleb(i)];
const set = (i: number) => [0x21, ...uleb(i)];
const i32 = (k: number) => [0x41, ...sleb(k)];
const [ADD, SHL, GT_U, LT_U, EQZ] = [[0x6a], [0x74], [0x4b], [0x49], [0x45]];
const [F_ADD, F_MUL] = [[0xa0], [0xa2]];
/** memarg: alignment 2^3 (a hint), then the offset */
const f64Load = (off: number) => [0x2b, 3, ...uleb(off)];
const f64Store = (off: number) => [0x39, 3, ...uleb(off)];
const v128Load = (off: number) => [0xfd, 0x00, 3, ...uleb(off)];
const v128Store = (off: number) => [0xfd, 0x0b, 3, ...uleb(off)];
const [X2_ADD, X2_MUL, X2_SPLAT] = [
  [0xfd, 0xf0, 0x01],
  [0xfd, 0xf2, 0x01],
  [0xfd, 0x14],
];
const lane = (l: number) => [0xfd, 0x21, l];
/** while (cond) body: block { loop { if (!cond) break; body; continue } } */
const whileLoop = (cond: readonly number[], body: readonly number[]) => [
  0x02,
  0x40,
  0x03,
  0x40,
  ...cond,
  ...EQZ,
  0x0d,
  1,
  ...body,
  0x0c,
  0,
  0x0b,
  0x0b,
];
/** p += k, for byte pointers */
const bump = (p: number, k: number) => [...get(p), ...i32(k), ...ADD, ...set(p)];
const body = (locals: readonly [number, number][], code: readonly number[]): number[] => {
  const b = [...vec(locals.map(([count, type]) => [...uleb(count), type])), ...code, 0x0b];
  return [...uleb(b.length), ...b];
};

/** dot(x, y, len): params 0..2; locals 3 end, 4..7 four f64x2 sums, 8 the scalar sum */
function dotBody(): number[] {
  const block = [0, 1, 2, 3].flatMap((q) => [
    ...get(4 + q),
    ...get(0),
    ...v128Load(16 * q),
    ...get(1),
    ...v128Load(16 * q),
    ...X2_MUL,
    ...X2_ADD,
    ...set(4 + q),
  ]);
  return body(
    [
      [1, I32],
      [4, V128],
      [1, F64],
    ],
    [
      ...[...get(2), ...i32(3), ...SHL, ...get(0), ...ADD, ...set(3)], // end = x + 8 len
      ...whileLoop(
        [...get(0), ...i32(64), ...ADD, ...get(3), ...GT_U, ...EQZ],
        [...block, ...bump(0, 64), ...bump(1, 64)],
      ),
      // (sum 4 + sum 5) + (sum 6 + sum 7), then its two lanes: the twins' ((s0 + s2) + (s4 + s6)) + ((s1 + s3) + (s5 + s7))
      ...[...get(4), ...get(5), ...X2_ADD, ...get(6), ...get(7), ...X2_ADD, ...X2_ADD, ...set(4)],
      ...[...get(4), ...lane(0), ...get(4), ...lane(1), ...F_ADD, ...set(8)],
      ...whileLoop(
        [...get(0), ...get(3), ...LT_U],
        [
          ...get(8),
          ...get(0),
          ...f64Load(0),
          ...get(1),
          ...f64Load(0),
          ...F_MUL,
          ...F_ADD,
          ...set(8),
          ...bump(0, 8),
          ...bump(1, 8),
        ],
      ),
      ...get(8),
    ],
  );
}

/** assign or addTo(dst, src, len, g): params 0..3; locals 4 end, 5 g in both lanes */
function scaleBody(accumulate: boolean): number[] {
  const lanes = [0, 1].flatMap((q) => [
    ...get(0),
    ...(accumulate ? [...get(0), ...v128Load(16 * q)] : []),
    ...get(5),
    ...get(1),
    ...v128Load(16 * q),
    ...X2_MUL,
    ...(accumulate ? X2_ADD : []),
    ...v128Store(16 * q),
  ]);
  const scalar = [
    ...get(0),
    ...(accumulate ? [...get(0), ...f64Load(0)] : []),
    ...get(3),
    ...get(1),
    ...f64Load(0),
    ...F_MUL,
    ...(accumulate ? F_ADD : []),
    ...f64Store(0),
  ];
  return body(
    [
      [1, I32],
      [1, V128],
    ],
    [
      ...[...get(2), ...i32(3), ...SHL, ...get(0), ...ADD, ...set(4)],
      ...[...get(3), ...X2_SPLAT, ...set(5)],
      ...whileLoop(
        [...get(0), ...i32(32), ...ADD, ...get(4), ...GT_U, ...EQZ],
        [...lanes, ...bump(0, 32), ...bump(1, 32)],
      ),
      ...whileLoop([...get(0), ...get(4), ...LT_U], [...scalar, ...bump(0, 8), ...bump(1, 8)]),
    ],
  );
}

/** the module: memory imported as env.mem; exports dot, assign, addTo */
export function simdModuleBytes(): Uint8Array<ArrayBuffer> {
  const dotType = [0x60, ...vec([[I32], [I32], [I32]]), ...vec([[F64]])];
  const scaleType = [0x60, ...vec([[I32], [I32], [I32], [F64]]), 0x00];
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vec([dotType, scaleType])),
    ...section(2, vec([[...name('env'), ...name('mem'), 0x02, 0x00, 0x00]])),
    ...section(3, vec([[0], [1], [1]])),
    ...section(
      7,
      vec([
        [...name('dot'), 0x00, 0],
        [...name('assign'), 0x00, 1],
        [...name('addTo'), 0x00, 2],
      ]),
    ),
    ...section(10, vec([dotBody(), scaleBody(false), scaleBody(true)])),
  ]);
}
