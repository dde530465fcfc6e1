/**
 * What a name means in an ASCII expression: a value, an array element, a
 * call, an index, the variable of a derivative. The rules and error codes
 * are those of the LaTeX reader's latex-names.ts, with ASCII spellings in
 * the messages; every error is placed at the name or index it is about.
 */
import {
  type Expr,
  type IndexTerm,
  type Variable,
  call,
  constant,
  delta,
  diff,
  elem,
  num,
  sum,
  sym,
} from '../ir/expr.js';
import { BUILTINS } from '../ir/operators.js';
import type { ParseEnv } from './parse-types.js';
import { type Syn, type SynCall, type SynElem, type SynName, ungroup } from './ascii-syntax.js';
import { FORBIDDEN_NAMES, RESERVED, SPECIAL_FUNCTIONS, VERSION2_FUNCTIONS, knownFunctionNames } from './names.js';
import { fail } from './problem.js';
import { nearestName } from './suggest.js';

const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);

/** `x, y` / `i, j, k`: placeholder arguments for messages */
function paramList(arity: number, first: 'x' | 'i' = 'x'): string {
  const names = first === 'x' ? ['x', 'y', 'z', 'u', 'v'] : ['i', 'j', 'k', 'l', 'm'];
  return Array.from({ length: arity }, (_, k) => names[k] ?? `${names[0]}${k + 1}`).join(', ');
}

/** why: an index literal is a unit number; 15 digits is far past any network and keeps it an exact small integer */
const MAX_INDEX_DIGITS = 15;

/** resolves names against the declarations, and remembers undeclared names used as indices and as values */
export class ResolveNames {
  private readonly indexUses = new Map<string, number>();
  private readonly scalarUses = new Map<string, number>();

  constructor(
    private readonly env: ParseEnv,
    private readonly expr: (s: Syn, depth: number) => Expr,
  ) {}

  /** a bare name in value position */
  value(s: SynName): Expr {
    const { name, at } = s;
    this.checkForbidden(name, at);
    if (name === 'pi' || name === 'e') return constant(name);
    const arity = BUILTINS.get(name)?.arity ?? VERSION2_FUNCTIONS.get(name);
    if (arity !== undefined) {
      const logistic =
        name === 'sigma'
          ? ' (sigma is the logistic function; for a standard deviation or a variance use another name, such as sd or s2)'
          : '';
      fail(
        'arity',
        `'${name}' is a function of ${arity} argument${arity === 1 ? '' : 's'}; call it as ${name}(${paramList(arity)})${logistic}`,
        at,
        name,
      );
    }
    const special = SPECIAL_FUNCTIONS.get(name);
    if (special) fail('arity', `'${name}' is a function; write ${special}`, at);
    const defined = this.env.functions.get(name);
    if (defined !== undefined) {
      if (defined > 0)
        fail(
          'arity',
          `'${name}' is defined with ${defined} ${plural(defined, 'parameter', 'parameters')}; call it as ${name}(${paramList(defined)})`,
          at,
        );
      return sym(name);
    }
    const decl = this.env.symbols.get(name);
    if (decl?.kind === 'array')
      fail(
        'array-as-scalar',
        `'${name}' is an array with ${decl.arity} ${plural(decl.arity, 'index', 'indices')}; write one element, such as ${name}[${paramList(decl.arity, 'i')}]`,
        at,
      );
    if (decl?.kind === 'index')
      fail(
        'index-as-scalar',
        `'${name}' is declared as an index, which has no value outside brackets, sum and delta; use it as w[${name}] or declare another name for the value`,
        at,
      );
    if (!decl) {
      this.checkSubscriptedArray(s);
      if (!this.scalarUses.has(name)) this.scalarUses.set(name, at);
    }
    return sym(name);
  }

  /** refuses `x_j` (one name in ASCII) when x is a declared array: the writer almost surely meant x[j] */
  private checkSubscriptedArray(s: SynName): void {
    const m = /^([A-Za-z][A-Za-z0-9]*)_([A-Za-z0-9_]+)$/.exec(s.name);
    const decl = m ? this.env.symbols.get(m[1]!) : undefined;
    if (!m || decl?.kind !== 'array') return;
    const parts = m[2]!.includes('_') ? m[2]!.split('_') : m[2]!.length === decl.arity ? [...m[2]!] : [m[2]!];
    const suggestion =
      parts.length === decl.arity ? `${m[1]}[${parts.join(', ')}]` : `${m[1]}[${paramList(decl.arity, 'i')}]`;
    fail(
      'array-as-scalar',
      `'${s.name}' is one name in expressions, but ${m[1]} is a declared array: did you mean ${suggestion}? (subscripts are written with brackets; in a latex: step ${m[1]}_{...} works; to use ${s.name} as a name of its own, declare it under symbols)`,
      s.at,
    );
  }

  /** `w[i, k]`: an element of a declared array */
  element(s: SynElem): Variable {
    const { name, at } = s;
    this.checkForbidden(name, at);
    const decl = this.env.symbols.get(name);
    if (decl?.kind !== 'array') {
      if (name === 'pi' || name === 'e')
        fail(
          'reserved-name',
          `'${name}' is a constant and cannot be indexed; an array needs another name (such as ${name === 'pi' ? 'p' : 'v'}), declared under symbols`,
          at,
          name,
        );
      if (BUILTINS.has(name) || VERSION2_FUNCTIONS.has(name) || SPECIAL_FUNCTIONS.has(name))
        fail('syntax', `'${name}' is a function; call it with round brackets, as ${name}(x)`, at, name);
      const now = decl
        ? `is declared as ${decl.kind === 'index' ? 'an index' : 'a scalar'}`
        : 'is not declared as an array';
      fail(
        'undeclared-array',
        `'${name}' ${now}; declare it under symbols as \`${name}: {indices: ${s.dims.length || 1}}\``,
        at,
        name,
      );
    }
    if (s.dims.length !== decl.arity)
      fail(
        'index-arity',
        `'${name}' is declared with ${decl.arity} ${plural(decl.arity, 'index', 'indices')} but written with ${s.dims.length}; write ${name}[${paramList(decl.arity, 'i')}]`,
        at,
      );
    return elem(
      name,
      s.dims.map((d) => this.indexTerm(d, 'bad-index', name)),
    );
  }

  /** an index position: an index variable name or a unit number (1 or more) */
  indexTerm(s: Syn, code: string, where: string): IndexTerm {
    const d = ungroup(s);
    const place = where === 'delta' ? 'delta' : `${where}[...]`;
    const explain = `an index in ${place} must be an index variable name or a unit number (1, 2, ...)`;
    const example = where === 'delta' ? 'delta(i, 1) or delta(i, k)' : `${where}[1] or ${where}[k]`;
    if (d.kind === 'num') {
      if (!/^\d+$/.test(d.text) || d.text.length > MAX_INDEX_DIGITS) fail(code, `${explain}; write ${example}`, d.at);
      const unit = BigInt(d.text);
      if (unit === 0n)
        fail(
          code,
          `units are numbered from 1, so ${where === 'delta' ? 'delta(..., 0)' : `${where}[0]`} names no unit; write ${example}`,
          d.at,
        );
      return num(unit);
    }
    if (d.kind !== 'name') return fail(code, `${explain}; expressions such as i+1 are not supported`, d.at);
    const name = d.name;
    this.checkForbidden(name, d.at);
    const decl = this.env.symbols.get(name);
    if (decl?.kind === 'index') return sym(name);
    const what = decl
      ? `declared as ${decl.kind === 'array' ? 'an array' : 'a scalar'}`
      : this.env.functions.has(name)
        ? 'defined under define'
        : RESERVED.has(name)
          ? 'reserved'
          : undefined;
    if (what) fail(code, `'${name}' is ${what}, so it cannot be an index; ${explain}`, d.at);
    if (!this.indexUses.has(name)) this.indexUses.set(name, d.at);
    return sym(name);
  }

  /** `sum(k, body)` */
  sumCall(s: SynCall, depth: number): Expr {
    this.checkArity(s, 2, 'sum(k, body)');
    const k = ungroup(s.args[0]!);
    if (k.kind !== 'name')
      return fail(
        'bad-sum',
        'the first argument of sum must be the name of the index it sums over, as in sum(k, w[i,k] * s[k])',
        k.at,
      );
    const name = k.name;
    this.checkForbidden(name, k.at);
    const decl = this.env.symbols.get(name);
    const taken =
      decl && decl.kind !== 'index'
        ? `declared as ${decl.kind === 'array' ? 'an array' : 'a scalar'}`
        : this.env.functions.has(name)
          ? 'defined under define'
          : RESERVED.has(name)
            ? 'reserved'
            : undefined;
    if (taken) fail('bad-sum', `sum cannot run over '${name}', which is ${taken}; use an index name such as k`, k.at);
    if (!decl && !this.indexUses.has(name)) this.indexUses.set(name, k.at);
    return sum(name, this.expr(s.args[1]!, depth));
  }

  /** `diff(body, v)` */
  diffCall(s: SynCall, depth: number): Expr {
    this.checkArity(s, 2, 'diff(body, v)');
    const body = this.expr(s.args[0]!, depth);
    return diff(body, this.variable(ungroup(s.args[1]!)));
  }

  /** what diff differentiates with respect to: a scalar name or an array element */
  private variable(v: Syn): Variable {
    const explain =
      'diff differentiates with respect to a scalar name or an array element, as in diff(body, x) or diff(body, w[i, j])';
    if (v.kind === 'elem') return this.element(v);
    if (v.kind !== 'name') return fail('bad-diff', `${explain}; the second argument is neither`, v.at);
    const { name, at } = v;
    this.checkForbidden(name, at);
    const decl = this.env.symbols.get(name);
    if (decl?.kind === 'array') fail('bad-diff', `'${name}' is an array; ${explain}`, at);
    if (decl?.kind === 'index') fail('bad-diff', `'${name}' is an index, not a variable; ${explain}`, at);
    if (this.env.functions.has(name))
      fail('bad-diff', `'${name}' is defined under define, not a variable; ${explain}`, at);
    if (RESERVED.has(name)) fail('bad-diff', `'${name}' is reserved, not a variable; ${explain}`, at);
    if (!decl && !this.scalarUses.has(name)) this.scalarUses.set(name, at);
    return sym(name);
  }

  /** `delta(a, b)` */
  deltaCall(s: SynCall): Expr {
    this.checkArity(s, 2, 'delta(a, b)');
    return delta(this.indexTerm(s.args[0]!, 'bad-delta', 'delta'), this.indexTerm(s.args[1]!, 'bad-delta', 'delta'));
  }

  /** a built-in applied to its (already counted) arguments, under the IR name `fn` */
  builtinCall(fn: string, s: SynCall, depth: number): Expr {
    return call(
      fn,
      s.args.map((a) => this.expr(a, depth)),
    );
  }

  /**
   * a call of a user definition: a parameter may stand for an index
   * (`a(u): sum(k, w[u,k] * s[k])` called as `a(i)`), so a bare index name
   * is accepted as an argument as well as any value
   */
  userCall(s: SynCall, depth: number): Expr {
    return call(
      s.name,
      s.args.map((a) => {
        const arg = ungroup(a);
        if (arg.kind === 'name') {
          const decl = this.env.symbols.get(arg.name);
          const free =
            !decl && !this.env.functions.has(arg.name) && !RESERVED.has(arg.name) && !FORBIDDEN_NAMES.has(arg.name);
          if (decl?.kind === 'index' || free) return sym(arg.name);
        }
        return this.expr(a, depth);
      }),
    );
  }

  /** the error for `name(...)` when name is not a function */
  notAFunction(s: SynCall): never {
    const { name, at } = s;
    const decl = this.env.symbols.get(name);
    if (decl?.kind === 'array')
      fail(
        'array-as-scalar',
        `'${name}' is an array; index it with square brackets, as ${name}[${paramList(decl.arity, 'i')}]`,
        at,
      );
    if (decl?.kind === 'index')
      fail(
        'index-as-scalar',
        `'${name}' is declared as an index, not a function; use it inside brackets, sum or delta`,
        at,
      );
    const known = knownFunctionNames();
    const defined = [...this.env.functions].filter(([, a]) => a > 0).map(([n]) => n);
    const guess = nearestName(name, [...known, ...defined]);
    const hint = guess ? ` (did you mean '${guess}'?)` : '';
    const multiply = s.args.length === 1 ? `; to multiply, write ${name} * (...)` : '';
    return fail(
      'unknown-function',
      `unknown function '${name}'${hint}; known functions are ${known.join(', ')} and those in define${multiply}`,
      at,
    );
  }

  /** refuses a call with the wrong number of arguments */
  checkArity(s: SynCall, arity: number, form?: string): void {
    if (s.args.length !== arity)
      fail(
        'arity',
        `'${s.name}' takes ${arity} argument${arity === 1 ? '' : 's'} but is given ${s.args.length}; write ${form ?? `${s.name}(${paramList(arity)})`}`,
        s.at,
      );
  }

  checkForbidden(name: string, at: number): void {
    if (FORBIDDEN_NAMES.has(name))
      fail(
        'reserved-name',
        `the name '${name}' is reserved (it has a special meaning in JavaScript); choose another name`,
        at,
      );
  }

  /** an undeclared name used both as an index and as a value is ambiguous (and a sum's index has no value), so it is refused */
  checkIndexScalarClash(): void {
    for (const [name, at] of this.indexUses) {
      const valueAt = this.scalarUses.get(name);
      if (valueAt !== undefined)
        fail(
          'index-as-scalar',
          `'${name}' is used both as an index (in brackets, sum or delta) and as a value; an index has no value, so use another name for one of them`,
          Math.min(at, valueAt),
        );
    }
  }
}
