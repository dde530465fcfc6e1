/**
 * An independent oracle for plain expressions (scalars, + - * / ^, the
 * elementary functions, sigma, pi, e): mathjs's own parser and its BigNumber
 * (decimal.js) arithmetic at two precisions, 100 and 300 digits. It shares no
 * code with derivcheck's parser, core or numeric layer. It decides whether two
 * expressions differ at a point the corpus names (a witness), and whether a
 * counterexample the checker reports is a real difference.
 *
 * What one computed number is worth: mathjs rounds pi, so tan(pi/2) comes out
 * finite but of the order 10^precision; a value past 10^(precision/2) at both
 * precisions is read as a pole (undefined). NaN, a complex result (log(-1),
 * sqrt(-1)) or an infinity is undefined.
 */
import { all, create, type MathJsInstance } from 'mathjs';

const PRECISIONS = [100, 300] as const;

/** oracle's value: a decimal string, or undefined and why */
export type OracleValue = { readonly defined: true; readonly value: string } | { readonly defined: false; readonly why: string };

const engines = new Map<number, MathJsInstance>();

function engine(precision: number): MathJsInstance {
  let m = engines.get(precision);
  if (m !== undefined) return m;
  m = create(all, { number: 'BigNumber', precision });
  const mm = m;
  mm.import(
    {
      sigma: (x: unknown) => mm.divide(1, mm.add(1, mm.exp(mm.unaryMinus(x as never) as never) as never)),
      ln: (x: unknown) => mm.log(x as never),
    },
    { override: true },
  );
  engines.set(precision, mm);
  return mm;
}

/** true when the text uses only what the oracle reads the same way derivcheck does */
export function oracleCanRead(text: string): boolean {
  return !/[[\]\\]|\b(sum|diff|delta|max|min)\s*\(/.test(text);
}

function evalAt(precision: number, text: string, point: Readonly<Record<string, string>>): OracleValue {
  const m = engine(precision);
  const scope: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(point)) scope[k] = m.evaluate(v);
  let v: unknown;
  try {
    v = m.evaluate(text, scope);
  } catch (e) {
    return { defined: false, why: `mathjs: ${(e as Error).message}` };
  }
  if (m.typeOf(v) !== 'BigNumber') return { defined: false, why: `not real (${m.typeOf(v)} ${String(v)})` };
  const b = v as { isFinite(): boolean; isNaN(): boolean; abs(): { gt(x: string): boolean }; toString(): string };
  if (b.isNaN() || !b.isFinite()) return { defined: false, why: String(v) };
  if (b.abs().gt(`1e${precision / 2}`)) return { defined: false, why: `a pole (|value| ~ ${String(v).slice(0, 12)}...)` };
  return { defined: true, value: b.toString() };
}

/** the oracle's value of `text` at `point` (each value an expression, e.g. "pi/2"), at the highest precision */
export function oracleValue(text: string, point: Readonly<Record<string, string>>): OracleValue {
  const results = PRECISIONS.map((p) => evalAt(p, text, point));
  const undef = results.find((r) => !r.defined);
  return undef ?? results[results.length - 1]!;
}

/** how two oracle values relate: `differ` (one defined only, or values apart beyond 1e-60 relative), `agree`, or `unsure` */
export function relate(a: OracleValue, b: OracleValue): 'differ' | 'agree' | 'unsure' {
  if (!a.defined || !b.defined) return a.defined === b.defined ? 'agree' : 'differ';
  const m = engine(300);
  const x = m.bignumber(a.value);
  const y = m.bignumber(b.value);
  const scale = m.max(m.bignumber(1), m.abs(x), m.abs(y));
  // decimal.js's own comparisons: mathjs's larger/smaller call values within its absTol (1e-15) equal
  const gap = m.divide(m.abs(m.subtract(x, y)), scale) as unknown as { gt(x: string): boolean; lt(x: string): boolean };
  if (gap.gt('1e-60')) return 'differ';
  if (gap.lt('1e-80')) return 'agree';
  return 'unsure';
}
