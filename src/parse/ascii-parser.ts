/**
 * The ASCII parser: precedence climbing over the tokens of ascii-tokens.ts,
 * to the syntax tree of ascii-syntax.ts. Loosest first:
 *
 *   expression := product (('+' | '-') product)*
 *   product    := unary (('*' | '/') unary | power)*     a power right after a factor: juxtaposition
 *   unary      := ('-' | '+') unary | power
 *   power      := postfix ('^' unary)?                    right-associative; `2^-x` allowed
 *   postfix    := number | name | name '[' list ']' | name '(' list ')' | '(' expression ')'
 *
 * These are mathjs's precedences (its reading of every expression this
 * parser accepts is the same tree; test/oracles checks it), with one
 * difference that is the point of contract version 2: an implicit
 * multiplication whose reading depends on precedence is refused
 * (ascii-juxtaposition.ts) instead of silently given mathjs's reading.
 *
 * Whether `name (...)` is a call or a product needs to know what the name
 * is: a value (a declared scalar, a defined constant, pi, e) before brackets
 * is multiplied; anything else is called (and the resolver reports an
 * unknown function), as mathjs's reading was.
 */
import type { ParseEnv } from './parse-types.js';
import type { AsciiToken } from './ascii-tokens.js';
import { type OperandContext, ambiguousCall, checkJuxtaposition } from './ascii-juxtaposition.js';
import { checkLeibniz, checkPowerOfFunction } from './ascii-mistakes.js';
import type { ProductGroup, Syn, SynCall, SynName } from './ascii-syntax.js';
import { MAX_NODES, MAX_TREE_DEPTH } from './limits.js';
import { fail } from './problem.js';

/** what the parser needs to know about a name */
interface NameKinds {
  /** a value: `name (x)` is a product */
  isValue(name: string): boolean;
  /** a function: a built-in, sum/diff/delta, ln/abs/max/min, or a definition with parameters */
  isFunction(name: string): boolean;
  /** declared under symbols or defined under define */
  isKnown(name: string): boolean;
}

/** the parser's view of an environment */
export function nameKinds(env: ParseEnv, functionNames: ReadonlySet<string>): NameKinds {
  return {
    isValue: (n) => env.functions.get(n) === 0 || env.symbols.get(n)?.kind === 'scalar' || n === 'pi' || n === 'e',
    isFunction: (n) => functionNames.has(n) || (env.functions.get(n) ?? 0) > 0,
    isKnown: (n) => env.symbols.has(n) || env.functions.has(n),
  };
}

/** reads one expression from tokens; throws ParseProblem at the first problem */
export class AsciiParser {
  private pos = 0;
  private depth = 0;
  private nodes = 0;
  /** the operator whose right operand is being read, outside brackets (where a call of an unknown name is ambiguous) */
  private operand: OperandContext | undefined;

  constructor(
    readonly text: string,
    private readonly tokens: readonly AsciiToken[],
    readonly names: NameKinds,
  ) {}

  /** the whole text as one expression */
  read(): Syn {
    if (this.peek().kind === 'end') fail('syntax', 'the expression is empty; write an expression such as x^2 + 1', 0);
    const e = this.expression();
    const t = this.peek();
    if (t.kind !== 'end') this.unexpected(t);
    return e;
  }

  /** the token `ahead` places after the next one (the end token past the end) */
  peek(ahead = 0): AsciiToken {
    return this.tokens[Math.min(this.pos + ahead, this.tokens.length - 1)]!;
  }

  private next(): AsciiToken {
    const t = this.peek();
    if (t.kind !== 'end') this.pos++;
    return t;
  }

  private isOp(t: AsciiToken, ...ops: string[]): boolean {
    return t.kind === 'op' && ops.includes(t.text);
  }

  /** counts a node against MAX_NODES */
  private count(at: number): void {
    if (++this.nodes > MAX_NODES)
      fail(
        'limit',
        `the expression has more than ${MAX_NODES} nodes (limit MAX_NODES); split it into steps or name parts under define`,
        at,
      );
  }

  /** one level deeper (a bracket, a sign, an exponent), checked against MAX_TREE_DEPTH */
  private enter(at: number): void {
    if (++this.depth > MAX_TREE_DEPTH)
      fail(
        'limit',
        `the expression nests deeper than ${MAX_TREE_DEPTH} levels (limit MAX_TREE_DEPTH); name inner parts under define`,
        at,
      );
  }

  /** a chain of + and - */
  private expression(): Syn {
    const first = this.product();
    const terms: { minus: boolean; term: Syn }[] = [{ minus: false, term: first }];
    for (let t = this.peek(); this.isOp(t, '+', '-'); t = this.peek()) {
      this.next();
      this.count(t.at);
      terms.push({ minus: t.text === '-', term: this.product() });
    }
    if (terms.length === 1) return first;
    return { kind: 'add', terms, at: first.at, end: terms[terms.length - 1]!.term.end };
  }

  /** a chain of *, / and juxtaposition */
  private product(): Syn {
    const first = this.unary();
    const groups: { op: '*' | '/'; opAt: number; factors: Syn[] }[] = [{ op: '*', opAt: first.at, factors: [first] }];
    for (let t = this.peek(); ; t = this.peek()) {
      if (this.isOp(t, '*', '/')) {
        if (t.text === '/') checkLeibniz(this, groups);
        this.next();
        this.count(t.at);
        const outer = this.operand;
        if (t.text === '/') this.operand = { op: '/', start: first.at, opAt: t.at };
        groups.push({ op: t.text as '*' | '/', opAt: t.at, factors: [this.unary()] });
        this.operand = outer;
      } else if (t.kind === 'num' || t.kind === 'name' || (t.kind === 'open' && t.text === '(')) {
        this.count(t.at);
        const right = this.power();
        checkJuxtaposition(this.text, groups as readonly ProductGroup[], right);
        groups[groups.length - 1]!.factors.push(right);
      } else break;
    }
    if (groups.length === 1 && groups[0]!.factors.length === 1) return first;
    const lastGroup = groups[groups.length - 1]!;
    return { kind: 'product', groups, at: first.at, end: lastGroup.factors[lastGroup.factors.length - 1]!.end };
  }

  private unary(): Syn {
    const t = this.peek();
    if (!this.isOp(t, '-', '+')) return this.power();
    this.next();
    this.count(t.at);
    this.enter(t.at);
    const arg = this.unary();
    this.depth--;
    return { kind: 'sign', minus: t.text === '-', arg, at: t.at, end: arg.end };
  }

  private power(): Syn {
    const base = this.postfix();
    const t = this.peek();
    if (!this.isOp(t, '^')) return base;
    this.next();
    this.count(t.at);
    this.enter(t.at);
    if (this.peek().kind === 'end') fail('syntax', "'^' needs an exponent after it, as in x^2", t.at);
    if (t.glyph) return this.superscript(base, t);
    const outer = this.operand;
    this.operand = { op: '^', start: base.at, opAt: t.at };
    const exp = this.unary();
    this.operand = outer;
    this.depth--;
    return { kind: 'pow', base, exp, glyph: false, at: base.at, end: exp.end };
  }

  /**
   * `x²`: the glyph's digits are the whole exponent; a `^` on either side
   * of it (`x²^3`, `x^2²`) would be a tower whose grouping the glyph hides
   */
  private superscript(base: Syn, caret: AsciiToken): Syn {
    const digits = this.next();
    this.depth--;
    const glyph = this.text.slice(caret.at, digits.end);
    if (this.operand?.op === '^' || this.isOp(this.peek(), '^'))
      fail(
        'ambiguous',
        `a superscript ${glyph} next to '^' hides how the powers group; write the exponents with ^ and brackets, as in (x^${digits.text})^3 or x^(3^${digits.text})`,
        caret.at,
      );
    return {
      kind: 'pow',
      base,
      exp: { kind: 'num', text: digits.text, at: digits.at, end: digits.end },
      glyph: true,
      at: base.at,
      end: digits.end,
    };
  }

  private postfix(): Syn {
    const t = this.next();
    this.count(t.at);
    let node: Syn;
    if (t.kind === 'num') node = { kind: 'num', text: t.text, at: t.at, end: t.end };
    else if (t.kind === 'name') node = this.named(t);
    else if (t.kind === 'open' && t.text === '(') {
      this.enter(t.at);
      const outer = this.operand;
      this.operand = undefined;
      const body = this.expression();
      this.operand = outer;
      const close = this.expectClose(t);
      this.depth--;
      node = { kind: 'group', body, at: t.at, end: close.end };
    } else return this.missingValue(t);
    const after = this.peek();
    if (after.kind === 'open' && after.text === '[')
      fail('unsupported-syntax', 'only a declared array can be indexed, as in w[i, k]', after.at);
    return node;
  }

  /** a name, an element `w[i, k]` or a call `f(x)` */
  private named(t: AsciiToken): Syn {
    const after = this.peek();
    const name: SynName = { kind: 'name', name: t.text, at: t.at, end: t.end };
    if (after.kind === 'open' && after.text === '[') {
      this.next();
      const { items, end } = this.list(after);
      return { kind: 'elem', name: t.text, dims: items, at: t.at, end };
    }
    if (after.kind === 'open' && after.text === '(' && !this.names.isValue(t.text)) {
      const context = this.operand;
      this.next();
      const { items, end } = this.list(after);
      const call: SynCall = { kind: 'call', name: t.text, args: items, at: t.at, end };
      if (context && !this.names.isFunction(t.text) && !this.names.isKnown(t.text))
        ambiguousCall(this.text, context, call, after.at);
      return call;
    }
    if (this.isOp(after, '^') && this.names.isFunction(t.text)) checkPowerOfFunction(this, name);
    return name;
  }

  /** comma-separated expressions up to the bracket closing `open` */
  private list(open: AsciiToken): { items: Syn[]; end: number } {
    this.enter(open.at);
    const outer = this.operand;
    this.operand = undefined;
    const items: Syn[] = [];
    if (!(this.peek().kind === 'close')) {
      items.push(this.expression());
      while (this.peek().kind === 'comma') {
        this.next();
        items.push(this.expression());
      }
    }
    const close = this.expectClose(open);
    this.operand = outer;
    this.depth--;
    return { items, end: close.end };
  }

  /** consumes the bracket that closes `open`, or reports what is there instead */
  private expectClose(open: AsciiToken): AsciiToken {
    const want = open.text === '(' ? ')' : ']';
    const t = this.peek();
    if (t.kind === 'close' && t.text === want) return this.next();
    if (t.kind === 'close')
      fail(
        'syntax',
        `'${t.text}' does not match the '${open.text}' at column ${open.at + 1}; close it with '${want}'`,
        t.at,
      );
    if (t.kind === 'end') fail('syntax', `the '${open.text}' here is never closed; add '${want}'`, open.at);
    if (t.kind === 'comma')
      fail(
        'syntax',
        "unexpected ','; commas separate only the arguments of a function and the indices of an array",
        t.at,
      );
    return this.unexpected(t);
  }

  /** the problem with a token where a value should start */
  private missingValue(t: AsciiToken): never {
    if (t.kind === 'open')
      fail('unsupported-syntax', 'lists and matrices [...] are not supported; index a declared array as w[i, k]', t.at);
    if (t.kind === 'close') fail('syntax', `a value is missing before '${t.text}'; complete the expression`, t.at);
    if (t.kind === 'comma') fail('syntax', "a value is missing before ','; complete the expression", t.at);
    if (t.kind === 'end') fail('syntax', 'the expression ends where a value is expected; complete it', t.at);
    const written = this.text.slice(t.at, Math.max(t.end, t.at + 1));
    return fail('syntax', `'${written}' needs a value before it, as in x ${t.text} y`, t.at);
  }

  /** the problem with a token where an operator or the end was expected */
  private unexpected(t: AsciiToken): never {
    if (t.kind === 'close') fail('syntax', `'${t.text}' closes no bracket here; remove it or open one before`, t.at);
    if (t.kind === 'comma')
      fail(
        'syntax',
        "unexpected ','; commas separate only the arguments of a function and the indices of an array",
        t.at,
      );
    if (t.kind === 'open')
      fail('unsupported-syntax', 'lists and matrices [...] are not supported; index a declared array as w[i, k]', t.at);
    return fail('syntax', `unexpected '${t.text}'; remove it or complete the expression`, t.at);
  }
}
