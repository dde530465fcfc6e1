/**
 * The reverse-mode oracle for one diff site of a compare: the site's body is
 * compiled on the site's units into a float64 tape whose inputs are the
 * point's atoms (opaque symbols compiled from their very models), and one
 * backward pass gives the derivative with respect to the site's variable.
 */
import type { Rational } from '../ir/rational.js';
import { rationalToNumber } from '../ir/rational.js';
import { canonicalKey } from './atom-key.js';
import type { DiffSite, EvalEnv } from './evaluate.js';
import { realPart } from './numbers.js';
import { NotDefined } from './undefined.js';
import { unaryCode } from './float-ops.js';
import { type OpaqueArithmetic, opaqueValue } from './opaque.js';
import { OP_ADD, OP_MUL, OP_SUB } from './tape.js';
import { TapeBuilder } from './tape-builder.js';
import { compileExpr, TapeUnsupported } from './tape-compile.js';
import { absoluteAdjoints, tapeIsModerate } from './tape-error.js';

export type TapeOutcome =
  /** the derivative, and the magnitude float64 cancellation is judged against */
  | { readonly kind: 'value'; readonly value: number; readonly scale: number }
  | { readonly kind: 'unavailable'; readonly reason: string };

/** tape arithmetic for opaque models: values are node ids */
function tapeArithmetic(b: TapeBuilder): OpaqueArithmetic<number> {
  const real = (v: Rational | string): number => b.constant(typeof v === 'string' ? Number(v) : rationalToNumber(v));
  return {
    zero: b.constant(0),
    real,
    add: (x, y) => b.binary(OP_ADD, x, y),
    sub: (x, y) => b.binary(OP_SUB, x, y),
    mul: (x, y) => b.binary(OP_MUL, x, y),
    neg: (x) => b.neg(x),
    apply: (fn, x) => b.unary(unaryCode(fn), x),
  };
}

/** d body / d site.key at the point of env, by one forward and one backward sweep in float64 */
export function tapeDerivative(site: DiffSite, env: EvalEnv): TapeOutcome {
  const keys = [...env.values.keys()];
  if (!env.values.has(site.key)) keys.push(site.key);
  const ids = new Map(keys.map((k, id) => [k, id]));
  const active = new Uint8Array(keys.length);
  const target = ids.get(site.key)!;
  active[target] = 1;
  const b = new TapeBuilder(keys.length, active);
  const arithmetic = tapeArithmetic(b);
  const opaque = new Map<string, number>();
  const leaf = (key: string): number => {
    const id = ids.get(key);
    if (id !== undefined) return id;
    const model = env.opaque.get(key);
    if (!model) throw new TapeUnsupported(`no value for ${key}`);
    let node = opaque.get(key);
    if (node === undefined) {
      const v = opaqueValue(model, arithmetic, leaf);
      if (v instanceof NotDefined) throw new TapeUnsupported(`the model of ${key} is undefined`);
      node = v;
      opaque.set(key, node);
    }
    return node;
  };
  let out: number;
  try {
    out = compileExpr(
      site.body,
      b,
      { n: env.n, units: site.units },
      { scalar: leaf, element: (name, units) => leaf(canonicalKey(name, units, env.scope.symbols)) },
    );
  } catch (err) {
    if (err instanceof TapeUnsupported) return { kind: 'unavailable', reason: err.message };
    throw err;
  }
  const tape = b.build();
  keys.forEach((k, id) => {
    const v = env.values.get(k);
    tape.val[id] = realPart(k === site.key ? site.at : v!).toNumber();
  });
  tape.forward();
  if (!tapeIsModerate(tape, out))
    return { kind: 'unavailable', reason: 'float64 values are not moderate here (overflow or cancellation)' };
  tape.backward(out);
  const value = tape.adj[target]!;
  if (!Number.isFinite(value)) return { kind: 'unavailable', reason: 'the float64 derivative is not finite here' };
  return { kind: 'value', value, scale: absoluteAdjoints(tape, out)[target]! };
}
