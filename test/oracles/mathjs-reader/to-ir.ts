/**
 * The test oracle: the reader derivcheck used before it had its own parser,
 * kept here (mathjs is a devDependency, imported only by tests) so that a
 * property test can compare the two readings of every expression both accept.
 * One change, made on mathjs's tree before conversion (value-calls.ts):
 * mathjs's call of a value, `s[j] (s[i] - p)`, is a juxtaposition with the
 * precedence of one.
 *
 * mathjs node tree -> IR. Each node type is accepted or rejected explicitly;
 * names are resolved against the declarations (index, array, scalar) and the
 * definitions, so a misuse (an array without brackets, an index used as a
 * value, a misspelt function) is reported here, with its place, rather than
 * surfacing later as a wrong verdict.
 *
 * Reading choices worth knowing:
 * - chains of `+`/`-` and of `*`/`/` (explicit or implicit) become one n-ary
 *   add or mul, so `a - b + c` is add([a, -b, c]) and `a*b/c` is mul([a, b, c^-1]);
 *   brackets are kept as written, `(a+b)+c` nests;
 * - negating a number literal gives a negative literal (`-2`, `x^-1`, `a - 2`),
 *   anything else becomes (-1)*x;
 * - mathjs reads `s[j] (s[i] - p)` and `p (1 - p)` as calls; an array element,
 *   a declared scalar, a defined constant or pi/e followed by one
 *   parenthesised argument is read as the product it means; an undeclared
 *   name stays a call, so `sgima(x)` is an unknown function (whose message
 *   says to write `*` for a product);
 * - an undeclared name is an index variable where an index goes and a real
 *   scalar elsewhere; one used both ways in one expression is refused.
 */
import {
  type Expr,
  type IndexTerm,
  type Variable,
  add,
  call,
  constant,
  delta,
  diff,
  elem,
  mul,
  neg,
  num,
  pow,
  sum,
  sym,
} from '../../../src/ir/expr.js';
import { BUILTINS, RESERVED_NAMES } from '../../../src/ir/operators.js';
import { isInteger, parseDecimal, rneg, rsign } from '../../../src/ir/rational.js';
import type { ParseEnv, ParseError, ParseResult } from '../../../src/parse/expression.js';
import { MAX_NODES, MAX_NUMBER_DIGITS, MAX_TREE_DEPTH } from '../../../src/parse/limits.js';
import type { AccessorN, ConstantN, FunctionN, MNode, OperatorN, SymbolN } from './mathjs-tree.js';
import { FORBIDDEN_NAMES } from '../../../src/parse/names.js';
import { locateName } from './locate.js';
import { nearestName } from '../../../src/parse/suggest.js';
import { locateToken, unsupportedNode, unsupportedOperator } from './unsupported.js';

/** the syntax's own functions, beside the built-ins of operators.ts */
const SPECIAL_FUNCTIONS: ReadonlyMap<string, string> = new Map([
  ['sum', 'sum(k, body)'],
  ['diff', 'diff(body, v)'],
  ['delta', 'delta(a, b)'],
]);

/** an expected input problem, thrown inside the walk and turned into data at its top */
class Problem {
  constructor(readonly error: ParseError) {}
}

/** the IR for a whole mathjs tree read from `text`, or the first problem in it */
export function treeToExpr(root: MNode, text: string, env: ParseEnv): ParseResult {
  const reader = new Reader(text, env);
  try {
    const expr = reader.expr(root, 0);
    reader.checkIndexScalarClash();
    return { ok: true, expr };
  } catch (err) {
    if (err instanceof Problem) return { ok: false, error: err.error };
    if (err instanceof RangeError)
      return {
        ok: false,
        error: {
          code: 'limit',
          message: `the expression nests too deeply to convert (limit MAX_TREE_DEPTH = ${MAX_TREE_DEPTH}); name inner parts under define`,
          offset: 0,
        },
      };
    throw err;
  }
}

class Reader {
  private nodes = 0;
  /** undeclared names read as index variables, and as values */
  private readonly indexUses = new Set<string>();
  private readonly scalarUses = new Set<string>();

  constructor(
    private readonly text: string,
    private readonly env: ParseEnv,
  ) {}

  private fail(code: string, message: string, offset: number): never {
    throw new Problem({ code, message, offset });
  }
  private failAt(code: string, message: string, name: string): never {
    this.fail(code, message, locateName(this.text, name));
  }

  /** counts a node against MAX_NODES and checks the depth against MAX_TREE_DEPTH */
  private visit(depth: number): void {
    if (++this.nodes > MAX_NODES)
      this.fail(
        'limit',
        `the expression has more than ${MAX_NODES} nodes (limit MAX_NODES); split it into steps or name parts under define`,
        0,
      );
    if (depth > MAX_TREE_DEPTH)
      this.fail(
        'limit',
        `the expression tree nests deeper than ${MAX_TREE_DEPTH} levels (limit MAX_TREE_DEPTH); name inner parts under define`,
        0,
      );
  }

  /** a node in value position */
  expr(node: MNode, depth: number): Expr {
    this.visit(depth);
    switch (node.type) {
      case 'ConstantNode':
        return this.constant(node);
      case 'SymbolNode':
        return this.scalarName(node);
      case 'ParenthesisNode':
        return this.expr(node.content, depth); // brackets only group; the prescan bounds their depth
      case 'OperatorNode':
        return this.operator(node, depth);
      case 'FunctionNode':
        return this.functionCall(node, depth);
      case 'AccessorNode':
        return this.element(node);
      default:
        return this.unsupported(node);
    }
  }

  private constant(node: ConstantN): Expr {
    const v = node.value;
    if (typeof v === 'string')
      this.fail(
        'unsupported-syntax',
        'strings are not expressions; remove the quotes',
        Math.max(0, this.text.search(/["']/)),
      );
    if (typeof v === 'boolean' || v === null || v === undefined) {
      const word = String(v);
      this.failAt(
        'unsupported-syntax',
        `'${word}' is not a number; expressions contain only numbers, names and functions`,
        word,
      );
    }
    if (typeof v === 'bigint') return num(v);
    if (typeof v === 'object' && (v as { isBigNumber?: unknown }).isBigNumber === true) {
      const big = v as { isFinite(): boolean; toString(): string };
      if (!big.isFinite())
        this.fail('unsupported-syntax', 'a number in the expression is not finite; write a finite decimal', 0);
      return num(this.exactDecimal(big.toString()));
    }
    if (typeof v === 'number') {
      // mathjs makes NaN and Infinity plain numbers even in BigNumber mode
      const word = Number.isNaN(v) ? 'NaN' : 'Infinity';
      if (!Number.isFinite(v))
        this.failAt(
          'unsupported-syntax',
          `'${word}' is not a number the checker accepts; write a finite decimal`,
          word,
        );
      return num(this.exactDecimal(String(v)));
    }
    return this.fail('unsupported-syntax', 'this kind of constant is not supported; write a decimal number', 0);
  }

  /** the exact value of a decimal in plain or exponent notation, after checking its size against MAX_NUMBER_DIGITS */
  private exactDecimal(text: string) {
    const negative = text.startsWith('-');
    const body = negative ? text.slice(1) : text;
    const m = /^(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(body);
    const digits = m ? (m[1] ?? '').length + (m[2] ?? '').length : Infinity;
    const exponent = m?.[3] ? Math.abs(Number(m[3])) : 0;
    if (digits + exponent > MAX_NUMBER_DIGITS) {
      const at = this.text.search(/\d[\d.]*[eE][+-]?\d/);
      this.fail(
        'limit',
        `a number in the expression has more than ${MAX_NUMBER_DIGITS} digits (limit MAX_NUMBER_DIGITS); write it shorter`,
        Math.max(0, at),
      );
    }
    const value = parseDecimal(body);
    if (!value) return this.fail('syntax', `cannot read the number '${text}'; write a decimal such as 0.25`, 0);
    return negative ? rneg(value) : value;
  }

  /** a bare name in value position */
  private scalarName(node: SymbolN): Expr {
    const name = node.name;
    this.checkForbidden(name);
    if (name === 'pi' || name === 'e') return constant(name);
    const builtin = BUILTINS.get(name);
    if (builtin)
      this.failAt(
        'arity',
        `'${name}' is a function of ${builtin.arity} argument${builtin.arity === 1 ? '' : 's'}; call it as ${name}(x)`,
        name,
      );
    const special = SPECIAL_FUNCTIONS.get(name);
    if (special) this.failAt('arity', `'${name}' is a function; write ${special}`, name);
    const arity = this.env.functions.get(name);
    if (arity !== undefined) {
      if (arity > 0)
        this.failAt(
          'arity',
          `'${name}' is defined with ${arity} parameter${arity === 1 ? '' : 's'}; call it as ${name}(${paramList(arity)})`,
          name,
        );
      return sym(name);
    }
    const decl = this.env.symbols.get(name);
    if (decl?.kind === 'array')
      this.failAt(
        'array-as-scalar',
        `'${name}' is an array with ${decl.arity} ind${decl.arity === 1 ? 'ex' : 'ices'}; write one element, such as ${name}[${paramList(decl.arity, 'i')}]`,
        name,
      );
    if (decl?.kind === 'index')
      this.failAt(
        'index-as-scalar',
        `'${name}' is declared as an index, which has no value outside brackets, sum and delta; use it as w[${name}] or declare another name for the value`,
        name,
      );
    if (!decl) this.scalarUses.add(name);
    return sym(name);
  }

  private operator(node: OperatorN, depth: number): Expr {
    if (node.isPercentage)
      this.fail('unsupported-syntax', "'%' (percent) is not supported; write x/100", locateToken(this.text, '%'));
    switch (node.fn) {
      case 'add':
      case 'subtract':
        if (node.args.length === 2) return this.addChain(node, depth);
        break;
      case 'multiply':
      case 'divide':
        if (node.args.length === 2) return this.mulChain(node, depth);
        break;
      case 'pow':
        return pow(this.expr(node.args[0]!, depth + 1), this.expr(node.args[1]!, depth + 1));
      case 'unaryMinus':
        return negate(this.expr(node.args[0]!, depth + 1));
      case 'unaryPlus':
        return this.expr(node.args[0]!, depth + 1);
    }
    return this.unsupportedOperator(node.op);
  }

  /** a left-nested chain of + and - as one sum (iteratively: mathjs nests long chains as deep as they are long) */
  private addChain(node: OperatorN, depth: number): Expr {
    const parts: { node: MNode; negated: boolean }[] = [];
    let cur: MNode = node;
    while (cur.type === 'OperatorNode' && (cur.fn === 'add' || cur.fn === 'subtract') && cur.args.length === 2) {
      this.visit(depth);
      parts.push({ node: cur.args[1]!, negated: cur.fn === 'subtract' });
      cur = cur.args[0]!;
    }
    parts.push({ node: cur, negated: false });
    parts.reverse();
    return add(
      parts.map((p) => {
        const e = this.expr(p.node, depth + 1);
        return p.negated ? negate(e) : e;
      }),
    );
  }

  /** a left-nested chain of *, / and implicit multiplication as one product */
  private mulChain(node: OperatorN, depth: number): Expr {
    const parts: { node: MNode; inverted: boolean }[] = [];
    let cur: MNode = node;
    while (
      cur.type === 'OperatorNode' &&
      (cur.fn === 'multiply' || cur.fn === 'divide') &&
      cur.args.length === 2 &&
      !cur.isPercentage
    ) {
      this.visit(depth);
      parts.push({ node: cur.args[1]!, inverted: cur.fn === 'divide' });
      cur = cur.args[0]!;
    }
    parts.push({ node: cur, inverted: false });
    parts.reverse();
    return mul(
      parts.map((p) => {
        const e = this.expr(p.node, depth + 1);
        return p.inverted ? pow(e, num(-1)) : e;
      }),
    );
  }

  private functionCall(node: FunctionN, depth: number): Expr {
    if (node.optional)
      this.fail(
        'unsupported-syntax',
        "optional chaining '?.' is not supported; write f(x)",
        locateToken(this.text, '?.'),
      );
    const fn = node.fn;
    if (fn.type === 'AccessorNode' && !fn.index.dotNotation) {
      // mathjs reads `s[j] (s[i] - p)` as a call of s[j]; an element is never a function, so it is a product
      if (node.args.length !== 1)
        this.failAt(
          'unsupported-syntax',
          'an array element is not a function; write * between factors',
          symbolName(fn.object) ?? '(',
        );
      return mul([this.element(fn), this.expr(node.args[0]!, depth + 1)]);
    }
    if (fn.type !== 'SymbolNode')
      return this.fail(
        'unsupported-syntax',
        'only a name can be called as a function, as in f(x); write * to multiply',
        locateToken(this.text, '('),
      );
    const name = fn.name;
    this.checkForbidden(name);
    const args = node.args;
    if (name === 'sum') return this.sumCall(args, depth);
    if (name === 'diff') return this.diffCall(args, depth);
    if (name === 'delta') return this.deltaCall(args);
    const builtin = BUILTINS.get(name);
    if (builtin) {
      this.checkArity(name, builtin.arity, args.length);
      return call(
        name,
        args.map((a) => this.expr(a, depth + 1)),
      );
    }
    const arity = this.env.functions.get(name);
    if (arity !== undefined && arity > 0) {
      this.checkArity(name, arity, args.length);
      return call(
        name,
        args.map((a) => this.userArgument(a, depth + 1)),
      );
    }
    const decl = this.env.symbols.get(name);
    if (decl?.kind === 'array')
      this.failAt(
        'array-as-scalar',
        `'${name}' is an array; index it with square brackets, as ${name}[${paramList(decl.arity, 'i')}]`,
        name,
      );
    if (decl?.kind === 'index')
      this.failAt(
        'index-as-scalar',
        `'${name}' is declared as an index, not a function; use it inside brackets, sum or delta`,
        name,
      );
    const isValue = arity === 0 || decl?.kind === 'scalar' || name === 'pi' || name === 'e';
    if (isValue) {
      // a value followed by one bracketed expression: mathjs says call, the writer meant a product
      if (args.length !== 1)
        this.failAt('unknown-function', `'${name}' is a value, not a function; write * between factors`, name);
      return mul([this.scalarName(fn), this.expr(args[0]!, depth + 1)]);
    }
    return this.unknownFunction(name, args.length);
  }

  /**
   * an argument of a user-defined function: a parameter may stand for an
   * index (`a(u): sum(k, w[u,k] * s[k])` called as `a(i)`), so a bare index
   * name is accepted here as well as any value
   */
  private userArgument(node: MNode, depth: number): Expr {
    const inner = stripParens(node);
    if (inner.type === 'SymbolNode') {
      const decl = this.env.symbols.get(inner.name);
      const free =
        !decl &&
        !this.env.functions.has(inner.name) &&
        !RESERVED_NAMES.has(inner.name) &&
        !FORBIDDEN_NAMES.has(inner.name);
      if (decl?.kind === 'index' || free) {
        this.visit(depth);
        return sym(inner.name);
      }
    }
    return this.expr(node, depth);
  }

  private sumCall(args: readonly MNode[], depth: number): Expr {
    this.checkArity('sum', 2, args.length, 'sum(k, body)');
    const k = args[0]!;
    if (k.type !== 'SymbolNode')
      return this.fail(
        'bad-sum',
        'the first argument of sum must be the name of the index it sums over, as in sum(k, w[i,k] * s[k])',
        locateName(this.text, 'sum'),
      );
    const name = k.name;
    this.checkForbidden(name);
    const decl = this.env.symbols.get(name);
    const taken =
      decl && decl.kind !== 'index'
        ? `declared as ${decl.kind === 'array' ? 'an array' : 'a scalar'}`
        : this.env.functions.has(name)
          ? 'defined under define'
          : RESERVED_NAMES.has(name)
            ? 'reserved'
            : undefined;
    if (taken)
      return this.failAt(
        'bad-sum',
        `sum cannot run over '${name}', which is ${taken}; use an index name such as k`,
        name,
      );
    if (!decl) this.indexUses.add(name);
    return sum(name, this.expr(args[1]!, depth + 1));
  }

  private diffCall(args: readonly MNode[], depth: number): Expr {
    this.checkArity('diff', 2, args.length, 'diff(body, v)');
    const body = this.expr(args[0]!, depth + 1);
    return diff(body, this.variable(stripParens(args[1]!)));
  }

  /** what diff differentiates with respect to: a scalar name or an array element */
  private variable(node: MNode): Variable {
    const explain =
      'diff differentiates with respect to a scalar name or an array element, as in diff(body, x) or diff(body, w[i, j])';
    if (node.type === 'AccessorNode') return this.element(node);
    if (node.type !== 'SymbolNode')
      return this.fail('bad-diff', `${explain}; the second argument is neither`, locateName(this.text, 'diff'));
    const name = node.name;
    this.checkForbidden(name);
    const decl = this.env.symbols.get(name);
    if (decl?.kind === 'array') this.failAt('bad-diff', `'${name}' is an array; ${explain}`, name);
    if (decl?.kind === 'index') this.failAt('bad-diff', `'${name}' is an index, not a variable; ${explain}`, name);
    if (this.env.functions.has(name))
      this.failAt('bad-diff', `'${name}' is defined under define, not a variable; ${explain}`, name);
    if (RESERVED_NAMES.has(name)) this.failAt('bad-diff', `'${name}' is reserved, not a variable; ${explain}`, name);
    if (!decl) this.scalarUses.add(name);
    return sym(name);
  }

  private deltaCall(args: readonly MNode[]): Expr {
    this.checkArity('delta', 2, args.length, 'delta(a, b)');
    return delta(this.indexTerm(args[0]!, 'bad-delta', 'delta'), this.indexTerm(args[1]!, 'bad-delta', 'delta'));
  }

  /** `w[i, k]`: an element of a declared array */
  private element(node: AccessorN): Variable {
    if (node.optionalChaining)
      this.fail(
        'unsupported-syntax',
        "optional chaining '?.' is not supported; write w[i]",
        locateToken(this.text, '?.'),
      );
    if (node.index.dotNotation)
      this.fail(
        'unsupported-syntax',
        "property access 'x.y' is not supported; write names without dots",
        locateToken(this.text, '.'),
      );
    const object = node.object;
    if (object.type !== 'SymbolNode')
      return this.fail(
        'unsupported-syntax',
        'only a declared array can be indexed, as in w[i, k]',
        locateToken(this.text, '['),
      );
    const name = object.name;
    this.checkForbidden(name);
    const decl = this.env.symbols.get(name);
    if (decl?.kind !== 'array') {
      const now = decl
        ? `is declared as ${decl.kind === 'index' ? 'an index' : 'a scalar'}`
        : 'is not declared as an array';
      return this.failAt(
        'undeclared-array',
        `'${name}' ${now}; declare it under symbols as \`${name}: {indices: ${node.index.dimensions.length || 1}}\``,
        name,
      );
    }
    const dims = node.index.dimensions;
    if (dims.length !== decl.arity) {
      this.failAt(
        'index-arity',
        `'${name}' is declared with ${decl.arity} ind${decl.arity === 1 ? 'ex' : 'ices'} but written with ${dims.length}; write ${name}[${paramList(decl.arity, 'i')}]`,
        name,
      );
    }
    return elem(
      name,
      dims.map((d) => this.indexTerm(d, 'bad-index', name)),
    );
  }

  /** an index position: an index variable name or a non-negative integer literal */
  private indexTerm(node: MNode, code: string, where: string): IndexTerm {
    this.visit(0);
    const inner = stripParens(node);
    const explain = `an index in ${where === 'delta' ? 'delta' : `${where}[...]`} must be an index variable name or a non-negative integer literal`;
    if (inner.type === 'ConstantNode') {
      const v = inner.value as { isBigNumber?: unknown; toString(): string } | null;
      const value = v && typeof v === 'object' && v.isBigNumber === true ? parseDecimal(v.toString()) : undefined;
      if (value && isInteger(value) && rsign(value) >= 0 && value.n.toString().length <= 15) return num(value);
      return this.failAt(
        code,
        `${explain}; write ${where === 'delta' ? 'delta(i, 1)' : `${where}[1]`} or ${where === 'delta' ? 'delta(i, k)' : `${where}[k]`}`,
        where,
      );
    }
    if (inner.type !== 'SymbolNode')
      return this.failAt(code, `${explain}; expressions such as i+1 are not supported`, where);
    const name = inner.name;
    this.checkForbidden(name);
    const decl = this.env.symbols.get(name);
    if (decl?.kind === 'index') return sym(name);
    const what = decl
      ? `declared as ${decl.kind === 'array' ? 'an array' : 'a scalar'}`
      : this.env.functions.has(name)
        ? 'defined under define'
        : RESERVED_NAMES.has(name)
          ? 'reserved'
          : undefined;
    if (what) return this.failAt(code, `'${name}' is ${what}, so it cannot be an index; ${explain}`, name);
    this.indexUses.add(name);
    return sym(name);
  }

  private checkArity(name: string, arity: number, got: number, form?: string): void {
    if (got !== arity) {
      this.failAt(
        'arity',
        `'${name}' takes ${arity} argument${arity === 1 ? '' : 's'} but is given ${got}; write ${form ?? `${name}(${paramList(arity)})`}`,
        name,
      );
    }
  }

  private checkForbidden(name: string): void {
    if (FORBIDDEN_NAMES.has(name))
      this.failAt(
        'reserved-name',
        `the name '${name}' is reserved (it has a special meaning in JavaScript); choose another name`,
        name,
      );
  }

  private unknownFunction(name: string, argCount: number): never {
    const known = [...BUILTINS.keys(), ...SPECIAL_FUNCTIONS.keys()];
    const guess = nearestName(name, [...known, ...[...this.env.functions].filter(([, a]) => a > 0).map(([n]) => n)]);
    const hint = guess ? ` (did you mean '${guess}'?)` : '';
    const multiply = argCount === 1 ? `; to multiply, write ${name} * (...)` : '';
    this.failAt(
      'unknown-function',
      `unknown function '${name}'${hint}; known functions are ${known.join(', ')} and those in define${multiply}`,
      name,
    );
  }

  private unsupportedOperator(op: string): never {
    throw new Problem(unsupportedOperator(op, this.text));
  }

  private unsupported(node: MNode): never {
    throw new Problem(unsupportedNode(node.type, this.text));
  }

  /** an undeclared name used both as an index and as a value is ambiguous (and a sum's index has no value), so it is refused */
  checkIndexScalarClash(): void {
    for (const name of this.indexUses) {
      if (this.scalarUses.has(name)) {
        this.failAt(
          'index-as-scalar',
          `'${name}' is used both as an index (in brackets, sum or delta) and as a value; an index has no value, so use another name for one of them`,
          name,
        );
      }
    }
  }
}

/** -e, folding the sign into a number literal */
function negate(e: Expr): Expr {
  return e.kind === 'num' ? num(rneg(e.value)) : neg(e);
}

function stripParens(node: MNode): MNode {
  let n = node;
  while (n.type === 'ParenthesisNode') n = n.content;
  return n;
}

function symbolName(node: MNode): string | undefined {
  return node.type === 'SymbolNode' ? node.name : undefined;
}

/** `x, y` / `i, j, k`: placeholder arguments for messages */
function paramList(arity: number, first: 'x' | 'i' = 'x'): string {
  const names = first === 'x' ? ['x', 'y', 'z', 'u', 'v'] : ['i', 'j', 'k', 'l', 'm'];
  return Array.from({ length: arity }, (_, k) => names[k] ?? `${names[0]}${k + 1}`).join(', ');
}
