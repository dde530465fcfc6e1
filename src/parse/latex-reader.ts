/**
 * The LaTeX reader: recursive descent over the tokens of latex-tokens.ts. It
 * builds the IR the ASCII reader (to-ir.ts) builds for the same expression,
 * shapes included, so the two spellings of a step get the same key:
 * - a chain of + and - is one add, `a - b` is add([a, (-1)*b]); unary minus
 *   folds into a number literal and is (-1)*x otherwise;
 * - juxtaposition binds tighter than `\cdot`, as the ASCII syntax's implicit
 *   multiplication does: `a b \cdot c d` is mul([a, b, mul([c, d])]);
 * - `\frac{a}{b}` is `(a)/(b)`, i.e. mul([a, b^-1]); brackets only group.
 *
 * Grammar, loosest first:
 *   expression := product (('+' | '-') product)*
 *   product    := factors (('\cdot' | '\times' | '*') factors)*
 *   factors    := unary power*                   juxtaposition
 *   unary      := ('-' | '+') unary | power
 *   power      := (name | primary) scripts       `_` and `^`, either order
 * `\sum` and `\frac{d}{dx}` take the following product as their body.
 *
 * Two LaTeX habits are refused because they read differently elsewhere:
 * adjacent letters (`xy`: a product in LaTeX, one name in the ASCII syntax;
 * `p(Pa)` is one case) and `/` (`1/2x`).
 */
import { type Expr, add, mul, neg, num, pow } from '../ir/expr.js';
import { parseDecimal, rneg } from '../ir/rational.js';
import type { ParseEnv } from './parse-types.js';
import { readFraction, readSum } from './latex-calculus.js';
import { FUNCTION_COMMANDS, GREEK, styledFunction } from './latex-commands.js';
import type { LatexCursor } from './latex-cursor.js';
import { readBuiltin, readUserCall } from './latex-functions.js';
import { LatexNames, type NameRef } from './latex-names.js';
import { fail } from './problem.js';
import { checkAdjacentLetters, unexpectedToken } from './latex-refusals.js';
import { readSubscript, readSuperscript } from './latex-scripts.js';
import type { Subscript } from './latex-subscript.js';
import type { Token, Tokens } from './latex-tokens.js';
import { MAX_NESTING, MAX_NODES } from './limits.js';

const CLOSERS: ReadonlyMap<string, string> = new Map([
  ['(', ')'],
  ['[', ']'],
  ['{', '}'],
  ['\\{', '\\}'],
]);

/** reads one LaTeX expression from tokens; throws ParseProblem on the first problem */
export class LatexReader implements LatexCursor {
  /** index of the next token */
  pos = 0;
  private depth = -1;
  private nodes = 0;
  /** placeholder index of each `\sum` written without one -> offset of that `\sum` */
  readonly pendingSums = new Map<string, number>();
  readonly names: LatexNames;
  /** how many TeX brace groups enclose the reader's position: inside one, `/` leaves no doubt and is read */
  braceDepth = 0;

  constructor(
    private readonly tokens: Tokens,
    env: ParseEnv,
    /** the text the tokens come from, for messages that quote it */
    readonly text = '',
  ) {
    this.names = new LatexNames(env);
  }

  /** the whole text as one expression */
  read(): Expr {
    if (this.peek().kind === 'end') fail('syntax', 'the expression is empty; write an expression such as x^2 + 1', 0);
    const e = this.expression();
    if (this.peek().kind !== 'end') unexpectedToken(this.peek());
    return e;
  }

  /** the token `ahead` places after the next one (the end token past the end) */
  peek(ahead = 0): Token {
    return this.token(this.pos + ahead);
  }
  /** the token at an index, clamped to the list */
  token(index: number): Token {
    const list = this.tokens.list;
    return list[Math.max(0, Math.min(index, list.length - 1))]!;
  }
  /** consumes and returns the next token */
  next(): Token {
    const t = this.peek();
    if (t.kind !== 'end') this.pos++;
    return t;
  }
  /** the index of the `}` closing the `{` at index */
  braceEnd(index: number): number {
    return this.tokens.braceEnd.get(index) ?? this.tokens.list.length - 1;
  }
  /** true when t is the operator character ch */
  isOp(t: Token, ch: string): boolean {
    return t.kind === 'op' && t.text === ch;
  }

  /** a sum of products, up to a closing bracket, a comma or the end */
  expression(): Expr {
    const terms = [this.product()];
    for (let t = this.peek(); this.isOp(t, '+') || this.isOp(t, '-'); t = this.peek()) {
      this.next();
      const term = this.product();
      terms.push(t.text === '-' ? negate(term) : term);
    }
    return add(terms);
  }

  /** juxtaposed runs joined by \cdot, \times or * (also the body of \sum and \frac{d}{dx}); `/` inside braces */
  product(): Expr {
    const start = this.peek().at;
    const chain = this.factors();
    for (let t = this.peek(); isTimes(t) || (this.isOp(t, '/') && this.braceDepth > 0); t = this.peek()) {
      this.next();
      if (t.text === '/') chain.push(pow(this.divisor(t, start), num(-1)));
      else chain.push(mul(this.factors())); // why: as in the ASCII syntax, a juxtaposed run after '*' is one factor
    }
    return mul(chain);
  }

  /**
   * the divisor after `/` (inside braces, as in `x^{-1/2}`): one factor; a
   * juxtaposition after it (`{1/2x}`) is refused as in the ASCII syntax,
   * since readers disagree on whether it belongs to the divisor
   */
  private divisor(slash: Token, start: number): Expr {
    const d = this.unary();
    const t = this.peek();
    if (this.startsFactor(t)) {
      const src = (a: number, b: number): string => this.text.slice(a, b).trim();
      const p = src(start, slash.at);
      const q = src(slash.at + 1, t.at);
      fail(
        'ambiguous',
        `implicit multiplication after '/' is ambiguous: is it (${p}/${q}) times what follows, or is what follows part of the divisor? Write \\frac{${p}}{${q}} \\cdot ... or \\frac{${p}}{${q} ...}`,
        t.at,
      );
    }
    return d;
  }

  /** a run of juxtaposed factors: `2x`, `s_j (s_i - p_i)`, `\sigma(x) \frac{1}{x}` */
  private factors(): Expr[] {
    const out = [this.unary()];
    while (this.startsFactor(this.peek())) {
      const t = this.peek();
      if (t.kind === 'num')
        fail(
          'syntax',
          'a number right after a factor is ambiguous (x 2, x^2 3); write the number first or put \\cdot between them',
          t.at,
        );
      checkAdjacentLetters(this);
      out.push(this.power());
    }
    return out;
  }

  /** true when t can begin a factor of a juxtaposed product */
  startsFactor(t: Token): boolean {
    if (t.kind === 'cmd') return !isTimes(t);
    return t.kind === 'letter' || t.kind === 'num' || t.kind === 'styled' || t.kind === 'open';
  }

  private unary(): Expr {
    const t = this.peek();
    if (!this.isOp(t, '-') && !this.isOp(t, '+')) return this.power();
    this.next();
    this.enter(t);
    const operand = this.unary();
    this.depth--;
    return t.text === '-' ? negate(operand) : operand;
  }

  /** a name or a primary with its subscript and superscript */
  power(): Expr {
    const start = this.peek();
    this.enter(start);
    const ref = this.nameRef(start);
    let base: Expr;
    let sup: Expr | undefined;
    if (ref) {
      this.next();
      const s = this.scripts();
      base = this.named(ref, s.sub, s.sup !== undefined);
      sup = s.sup;
      if (!s.sub && !s.sup) sup = this.afterPrimary().sup;
    } else {
      base = this.primary();
      const scriptAt = this.peek().at;
      sup = this.afterPrimary().sup;
      if (sup && start.kind === 'open' && start.text === '{' && !displaysAsOneAtom(base))
        fail(
          'unsupported-syntax',
          'a braced group then a superscript displays with the exponent on its last symbol (TeX braces do not show), but would read as the power of the whole group; write \\left( ... \\right)^{...} for the power of the group',
          scriptAt,
        );
    }
    this.depth--;
    return sup ? pow(base, sup) : base;
  }

  /** the scripts after something that is not a name: a superscript only */
  private afterPrimary(): { sup?: Expr } {
    const at = this.peek().at;
    const s = this.scripts();
    if (s.sub) fail('syntax', 'a subscript must follow a name, as in s_j or w_{ij}', at);
    return s;
  }

  /** counts a level of nesting and a node against the limits */
  private enter(t: Token): void {
    if (++this.depth > MAX_NESTING)
      fail(
        'limit',
        `the expression nests deeper than ${MAX_NESTING} levels (limit MAX_NESTING); name inner parts under define`,
        t.at,
      );
    if (++this.nodes > MAX_NODES)
      fail(
        'limit',
        `the expression has more than ${MAX_NODES} nodes (limit MAX_NODES); split it into steps or name parts under define`,
        t.at,
      );
  }

  /** the name a token spells, if it is a name: a letter, a Greek letter, `\mathrm{pR}` */
  nameRef(t: Token): NameRef | undefined {
    if (t.kind === 'letter') return { name: t.text, at: t.at };
    if (t.kind === 'cmd' && GREEK.has(t.text)) return { name: t.text, at: t.at };
    if (t.kind === 'styled' && t.style !== 'text' && styledFunction(t) === undefined) {
      const name = t.text.trim();
      if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name))
        fail('syntax', `\\${t.style}{${t.text}} must hold a name of letters and digits, such as \\mathrm{pR}`, t.at);
      return { name, at: t.at };
    }
    return undefined;
  }

  /** what a name means given its subscript and what follows: a Kronecker delta, an element, a call, a value */
  private named(ref: NameRef, sub: Subscript | undefined, hasSup: boolean): Expr {
    if (ref.name === 'delta') {
      if (!sub)
        fail('bad-delta', '\\delta is the Kronecker delta; write it with two indices, as in \\delta_{ij}', ref.at);
      return this.names.kronecker(ref, sub);
    }
    const bracket = this.peek().kind === 'open' && this.peek().text === '(' && !hasSup;
    if (sub) {
      const e = this.names.subscripted(ref, sub);
      // why: as in the ASCII syntax, an undeclared name before '(' is a call, and an unknown one
      if (bracket && e.kind === 'sym' && !this.names.isValue(e.name))
        this.names.unknownFunction({ name: e.name, at: ref.at });
      return e;
    }
    if (bracket) {
      const arity = this.names.arity(ref.name);
      if (arity !== undefined && arity > 0) return readUserCall(this, ref, arity);
      if (!this.names.isValue(ref.name)) {
        this.names.value(ref); // arrays and indices have their own errors
        this.names.unknownFunction(ref);
      }
    }
    return this.names.value(ref);
  }

  /** `_` and `^` after a base, in either order, at most one of each */
  private scripts(): { sub?: Subscript; sup?: Expr } {
    let sub: Subscript | undefined;
    let sup: Expr | undefined;
    for (let t = this.peek(); this.isOp(t, '_') || this.isOp(t, '^'); t = this.peek()) {
      this.next();
      if (t.text === '_') {
        if (sub) fail('syntax', 'a double subscript; write all indices in one pair of braces, as in w_{ij}', t.at);
        sub = readSubscript(this, t);
      } else {
        if (sup) fail('syntax', 'a double superscript; write x^{a b} or {x^a}^b with braces', t.at);
        sup = readSuperscript(this, t);
      }
    }
    return { sub, sup };
  }

  /** a value that is not a name: a number, a bracketed expression, a function, a fraction, a sum */
  private primary(): Expr {
    const t = this.peek();
    switch (t.kind) {
      case 'num':
        this.next();
        return num(parseDecimal(t.text)!);
      case 'open':
        return this.bracketed();
      case 'styled': {
        const fn = styledFunction(t);
        if (fn) return readBuiltin(this, fn);
        return fail(
          'unsupported-syntax',
          `\\text{${t.text}} is not part of an expression; put remarks under by: and conditions under when:`,
          t.at,
        );
      }
      case 'cmd':
        return this.command(t);
      case 'close':
        return fail('syntax', `a value is missing before '${t.text}'; complete the expression`, t.at);
      case 'end':
        return fail('syntax', 'the expression ends where a value is expected; complete it', t.at);
      default:
        return unexpectedToken(t);
    }
  }

  /** a command in value position: \frac, \sum, a function, or a refused one */
  private command(t: Token): Expr {
    const name = t.text;
    if (name === 'frac' || name === 'dfrac' || name === 'tfrac') return readFraction(this);
    if (name === 'sum') return readSum(this);
    const fn = FUNCTION_COMMANDS.get(name);
    if (fn) return readBuiltin(this, fn);
    if (isTimes(t)) fail('syntax', `\\${name} needs a factor on each side, as in a \\${name} b`, t.at);
    if (name === 'partial')
      fail(
        'unsupported-syntax',
        '\\partial is read only in \\frac{\\partial}{\\partial x} or \\frac{\\partial f}{\\partial x}',
        t.at,
      );
    if (name === 'infty') fail('unsupported-syntax', '\\infty is not a number; expressions are finite', t.at);
    return fail(
      'unsupported-syntax',
      `the command \\${name} is not supported; expressions use \\frac, \\sum, \\sqrt, ${[...FUNCTION_COMMANDS.keys()]
        .filter((c) => c !== 'sqrt')
        .map((c) => `\\${c}`)
        .join(', ')}, \\delta_{ij}, Greek letters, \\mathrm{...} and \\cdot`,
      t.at,
    );
  }

  /** `( ... )`, `[ ... ]`, `\{ ... \}` or a TeX group `{ ... }`: brackets only group */
  bracketed(): Expr {
    const open = this.next();
    const brace = open.text === '{';
    if (brace) this.braceDepth++;
    const e = this.expression();
    this.expectClose(open);
    if (brace) this.braceDepth--;
    return e;
  }

  /** consumes the bracket that closes `open`, or reports what is there instead */
  expectClose(open: Token): void {
    const want = CLOSERS.get(open.text) ?? ')';
    const t = this.peek();
    if (t.kind === 'close' && t.text === want) {
      this.next();
      return;
    }
    if (t.kind === 'close')
      fail(
        'syntax',
        `'${t.text}' does not match the '${open.text}' at offset ${open.at}; close it with '${want}'`,
        t.at,
      );
    if (t.kind === 'end') fail('syntax', `the '${open.text}' here is never closed; add '${want}'`, open.at);
    unexpectedToken(t);
  }
}

/** -e, folding the sign into a number literal (as the ASCII reader does) */
function negate(e: Expr): Expr {
  return e.kind === 'num' ? num(rneg(e.value)) : neg(e);
}

/** true when e prints as one symbol, so that a superscript on a braced group around it is a superscript on it */
function displaysAsOneAtom(e: Expr): boolean {
  return e.kind === 'sym' || e.kind === 'const' || e.kind === 'elem' || (e.kind === 'num' && e.value.n >= 0n);
}

function isTimes(t: Token): boolean {
  return (t.kind === 'cmd' && (t.text === 'cdot' || t.text === 'times')) || (t.kind === 'op' && t.text === '*');
}
