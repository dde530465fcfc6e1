/**
 * What a name in a LaTeX step means: the name rules of the ASCII reader
 * (to-ir.ts) with the same codes and the same IR, plus the reading of
 * subscripts, which LaTeX uses for three things:
 * - an element of a declared array: `w_{ij}` is w[i, j];
 * - the seed's notation for a one-argument definition: `p_i` is p(i) when
 *   `p_i` itself is not declared and p is defined as `p(u)`;
 * - part of a name otherwise: `p_R` is the scalar `p_R` (as ASCII reads `p_R`).
 * A subscript made only of declared index variables on a name that is not an
 * array (`x_{ij}` with i, j indices) is refused rather than read as the name
 * `x_ij`: it almost certainly means an array whose declaration was forgotten.
 */
import { type Expr, type IndexTerm, type Variable, call, constant, delta, elem, num, sym } from '../ir/expr.js';
import { BUILTINS, RESERVED_NAMES } from '../ir/operators.js';
import type { ParseEnv } from './parse-types.js';
import { FUNCTION_COMMANDS } from './latex-commands.js';
import { fail } from './problem.js';
import { type IndexPart, type Subscript, hasComma, indexParts, subscriptText } from './latex-subscript.js';
import { FORBIDDEN_NAMES, NAME_PATTERN } from './names.js';
import { nearestName } from './suggest.js';

/** a name as written (a letter, `\alpha` as alpha, the content of `\mathrm{...}`) and its offset */
export interface NameRef {
  readonly name: string;
  readonly at: number;
}

const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);
const letters = (n: number): string => ['i', 'j', 'k', 'l', 'm'].slice(0, n).join('');

/** resolves names against the declarations, and remembers undeclared names used as indices and as values */
export class LatexNames {
  private readonly indexUses = new Map<string, number>();
  private readonly scalarUses = new Map<string, number>();

  constructor(private readonly env: ParseEnv) {}

  /** the number of parameters of a user definition (0 for a constant), or undefined */
  arity(name: string): number | undefined {
    return this.env.functions.get(name);
  }

  /** true when `name (...)` is a product, as in the ASCII syntax: declared scalars, defined constants, pi and e */
  isValue(name: string): boolean {
    return (
      this.env.functions.get(name) === 0 ||
      this.env.symbols.get(name)?.kind === 'scalar' ||
      name === 'pi' ||
      name === 'e'
    );
  }

  /** a bare name in value position */
  value(ref: NameRef): Expr {
    const { name, at } = ref;
    this.checkForbidden(ref);
    if (name === 'pi' || name === 'e') return constant(name);
    if (BUILTINS.has(name))
      fail(
        'arity',
        `'${name}' is a function of one argument; write it with its argument, as in ${BUILTINS.get(name)!.latex}(x)`,
        at,
      );
    if (name === 'sum' || name === 'diff' || name === 'delta')
      fail('arity', `'${name}' is reserved; write \\sum_k, \\frac{d}{dx} or \\delta_{ij} instead`, at);
    const arity = this.env.functions.get(name);
    if (arity !== undefined) {
      if (arity > 0)
        fail(
          'arity',
          `'${name}' is defined with ${arity} ${plural(arity, 'parameter', 'parameters')}; call it as ${name}(${arity === 1 ? `x) or ${name}_i` : `${letters(arity).split('').join(', ')})`}`,
          at,
        );
      return sym(name);
    }
    const decl = this.env.symbols.get(name);
    if (decl?.kind === 'array')
      fail(
        'array-as-scalar',
        `'${name}' is an array with ${decl.arity} ${plural(decl.arity, 'index', 'indices')}; write one element, such as ${name}_{${letters(decl.arity)}}`,
        at,
      );
    if (decl?.kind === 'index')
      fail(
        'index-as-scalar',
        `'${name}' is declared as an index, which has no value outside subscripts, sums and deltas; use it as s_${name} or declare another name for the value`,
        at,
      );
    if (!decl && !this.scalarUses.has(name)) this.scalarUses.set(name, at);
    return sym(name);
  }

  /** a name with a subscript in value position: an array element, a declared subscripted name, a call `p_i`, or a new subscripted scalar */
  subscripted(ref: NameRef, sub: Subscript): Expr {
    this.checkForbidden(ref);
    const decl = this.env.symbols.get(ref.name);
    if (decl?.kind === 'array') return this.element(ref, sub, decl.arity);
    const joined = `${ref.name}_${subscriptText(sub)}`;
    if (!hasComma(sub) && (this.env.symbols.has(joined) || this.env.functions.has(joined)))
      return this.value({ name: joined, at: ref.at });
    const arity = this.env.functions.get(ref.name);
    if (arity !== undefined && arity > 0) {
      const parts = indexParts(sub, arity);
      if (parts.length !== arity)
        fail(
          'arity',
          `'${ref.name}' is defined with ${arity} ${plural(arity, 'parameter', 'parameters')} but its subscript gives ${parts.length}; write ${ref.name}(${letters(arity).split('').join(', ')})`,
          ref.at,
        );
      return call(
        ref.name,
        parts.map((p) => this.subscriptArgument(p)),
      );
    }
    return this.value({ name: this.subscriptedName(ref, sub), at: ref.at });
  }

  /** `w_{ij}`: an element of the declared array `ref.name` */
  private element(ref: NameRef, sub: Subscript, arity: number): Variable {
    const parts = indexParts(sub, arity);
    if (parts.length !== arity) {
      const got = parts.map((p) => p.text).join(', ');
      fail(
        'index-arity',
        `'${ref.name}' is declared with ${arity} ${plural(arity, 'index', 'indices')} but its subscript gives ${parts.length} (${got}); write ${ref.name}_{${letters(arity)}}, with commas between indices longer than one character`,
        ref.at,
      );
    }
    return elem(
      ref.name,
      parts.map((p) => this.indexTerm(p, 'bad-index', ref.name)),
    );
  }

  /** `p_R` as the name `p_R`, refusing subscripts that look like the indices of an undeclared array */
  private subscriptedName(ref: NameRef, sub: Subscript): string {
    const decl = this.env.symbols.get(ref.name);
    const now = decl
      ? `is declared as ${decl.kind === 'index' ? 'an index' : 'a scalar'}`
      : 'is not declared as an array';
    const constant = (): void => {
      if (ref.name === 'pi' || ref.name === 'e')
        fail(
          'reserved-name',
          `'${ref.name}' is a constant and cannot be an array; an array needs another name (such as ${ref.name === 'pi' ? 'p' : 'v'}), declared under symbols`,
          ref.at,
          ref.name,
        );
    };
    if (hasComma(sub)) {
      constant();
      const n = indexParts(sub, 2).length;
      fail(
        'undeclared-array',
        `'${ref.name}' ${now}; declare it under symbols as \`${ref.name}: {indices: ${n}}\``,
        ref.at,
        ref.name,
      );
    }
    const parts = indexParts(sub, 0);
    const isIndex = (p: IndexPart): boolean => this.env.symbols.get(p.text)?.kind === 'index';
    if (parts.some((p) => /[A-Za-z]/.test(p.text)) && parts.every((p) => /\d/.test(p.text) || isIndex(p))) {
      constant();
      fail(
        'undeclared-array',
        `'${ref.name}' ${now}, but its subscript ${subscriptText(sub)} names index variables; declare it under symbols as \`${ref.name}: {indices: ${parts.length}}\`, or declare \`${ref.name}_${subscriptText(sub)}\` if it is a single quantity`,
        ref.at,
        ref.name,
      );
    }
    const joined = `${ref.name}_${subscriptText(sub)}`;
    if (!NAME_PATTERN.test(joined))
      fail('syntax', `'${joined}' is not a name; a subscript of a name holds letters and digits`, sub.at);
    return joined;
  }

  /** an argument given in a subscript, `p_i`: an index, a number, or a value */
  private subscriptArgument(part: IndexPart): Expr {
    if (/^\d+$/.test(part.text)) return num(BigInt(part.text));
    return this.userArgument({ name: part.text, at: part.at });
  }

  /**
   * a bare name as an argument of a user definition: a parameter may stand
   * for an index (`a(i)`), so a declared or free index name is accepted as is
   */
  userArgument(ref: NameRef): Expr {
    const decl = this.env.symbols.get(ref.name);
    const free =
      !decl && !this.env.functions.has(ref.name) && !RESERVED_NAMES.has(ref.name) && !FORBIDDEN_NAMES.has(ref.name);
    if (decl?.kind === 'index' || free) return sym(ref.name);
    return this.value(ref);
  }

  /** what a derivative is taken with respect to: a scalar name or an array element */
  variable(ref: NameRef, sub: Subscript | undefined): Variable {
    const explain =
      'a derivative is taken with respect to a scalar name or an array element, as in \\frac{d}{dx} or \\frac{\\partial}{\\partial w_{ij}}';
    this.checkForbidden(ref);
    let name = ref.name;
    if (sub) {
      const decl = this.env.symbols.get(ref.name);
      if (decl?.kind === 'array') return this.element(ref, sub, decl.arity);
      const joined = `${ref.name}_${subscriptText(sub)}`;
      const arity = this.env.functions.get(ref.name);
      if (!this.env.symbols.has(joined) && !this.env.functions.has(joined) && arity !== undefined && arity > 0) {
        fail('bad-diff', `'${joined}' stands for ${ref.name}(...), a definition, not a variable; ${explain}`, ref.at);
      }
      name = this.env.symbols.has(joined) || this.env.functions.has(joined) ? joined : this.subscriptedName(ref, sub);
    }
    const decl = this.env.symbols.get(name);
    if (decl?.kind === 'array') fail('bad-diff', `'${name}' is an array; ${explain}`, ref.at);
    if (decl?.kind === 'index') fail('bad-diff', `'${name}' is an index, not a variable; ${explain}`, ref.at);
    if (this.env.functions.has(name))
      fail('bad-diff', `'${name}' is defined under define, not a variable; ${explain}`, ref.at);
    if (RESERVED_NAMES.has(name)) fail('bad-diff', `'${name}' is reserved, not a variable; ${explain}`, ref.at);
    if (!decl && !this.scalarUses.has(name)) this.scalarUses.set(name, ref.at);
    return sym(name);
  }

  /** the index of `\sum_k`: an index variable, declared or new */
  sumIndex(ref: NameRef): string {
    this.checkForbidden(ref);
    const decl = this.env.symbols.get(ref.name);
    const taken =
      decl && decl.kind !== 'index'
        ? `declared as ${decl.kind === 'array' ? 'an array' : 'a scalar'}`
        : this.env.functions.has(ref.name)
          ? 'defined under define'
          : RESERVED_NAMES.has(ref.name)
            ? 'reserved'
            : undefined;
    if (taken)
      fail('bad-sum', `\\sum cannot run over '${ref.name}', which is ${taken}; use an index name such as k`, ref.at);
    if (!decl) this.noteIndexUse(ref);
    return ref.name;
  }

  /** `\delta_{ij}`: the Kronecker delta of the subscript's two indices */
  kronecker(ref: NameRef, sub: Subscript): Expr {
    const parts = indexParts(sub, 2);
    if (parts.length !== 2)
      fail(
        'bad-delta',
        `\\delta takes two indices but its subscript gives ${parts.length}; write \\delta_{ij} or \\delta_{i,10}`,
        ref.at,
      );
    return delta(this.indexTerm(parts[0]!, 'bad-delta', 'delta'), this.indexTerm(parts[1]!, 'bad-delta', 'delta'));
  }

  /** one index position: an index variable name or a unit number (1 or more) */
  indexTerm(part: IndexPart, code: string, where: string): IndexTerm {
    const explain = `an index of ${where === 'delta' ? '\\delta' : where} must be an index variable or a unit number (1, 2, ...)`;
    if (/^\d+$/.test(part.text)) {
      if (part.text.length > 15) fail(code, `${explain} of at most 15 digits`, part.at);
      if (BigInt(part.text) === 0n)
        fail(code, `units are numbered from 1, so the index 0 names no unit; ${explain}`, part.at);
      return num(BigInt(part.text));
    }
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(part.text)) fail(code, `${explain}; '${part.text}' is neither`, part.at);
    const ref = { name: part.text, at: part.at };
    this.checkForbidden(ref);
    const decl = this.env.symbols.get(ref.name);
    if (decl?.kind === 'index') return sym(ref.name);
    const what = decl
      ? `declared as ${decl.kind === 'array' ? 'an array' : 'a scalar'}`
      : this.env.functions.has(ref.name)
        ? 'defined under define'
        : RESERVED_NAMES.has(ref.name)
          ? 'reserved'
          : undefined;
    if (what) fail(code, `'${ref.name}' is ${what}, so it cannot be an index; ${explain}`, part.at);
    this.noteIndexUse(ref);
    return sym(ref.name);
  }

  /** the error for `f(...)` with f neither defined nor a value */
  unknownFunction(ref: NameRef): never {
    const known = [...BUILTINS.keys(), 'sigmoid'];
    const defined = [...this.env.functions].filter(([, a]) => a > 0).map(([n]) => n);
    const guess = nearestName(ref.name, [...known, ...defined]);
    const hint = guess ? ` (did you mean '${guess}'?)` : '';
    return fail(
      'unknown-function',
      `unknown function '${ref.name}'${hint}; known functions are ${[...FUNCTION_COMMANDS.keys()].map((c) => `\\${c}`).join(', ')} and those in define; to multiply, write ${ref.name} \\cdot (...)`,
      ref.at,
    );
  }

  /** an undeclared name used both as an index and as a value is ambiguous, so it is refused (as in the ASCII syntax) */
  checkIndexScalarClash(): void {
    for (const [name, at] of this.indexUses) {
      const valueAt = this.scalarUses.get(name);
      if (valueAt !== undefined) {
        fail(
          'index-as-scalar',
          `'${name}' is used both as an index (in a subscript, sum or delta) and as a value; an index has no value, so use another name for one of them`,
          Math.min(at, valueAt),
        );
      }
    }
  }

  private noteIndexUse(ref: NameRef): void {
    if (!this.indexUses.has(ref.name)) this.indexUses.set(ref.name, ref.at);
  }

  private checkForbidden(ref: NameRef): void {
    if (FORBIDDEN_NAMES.has(ref.name))
      fail(
        'reserved-name',
        `the name '${ref.name}' is reserved (it has a special meaning in JavaScript); choose another name`,
        ref.at,
      );
  }
}
