/**
 * mathjs as a parser only: text to mathjs's node tree. Nothing here (or
 * anywhere in derivcheck) compiles or evaluates a mathjs node, so an input like
 * `import("fs")` is only ever a tree to be rejected.
 *
 * The node shapes below are the subset of mathjs's node classes that the
 * reader looks at, typed structurally: mathjs's own generic typings are looser
 * than the runtime objects, and a structural view keeps the reader honest
 * about which fields it relies on.
 */
import { create, parseDependencies, type MathJsInstance } from 'mathjs';
import type { ParseError } from '../../../src/parse/expression.js';
import { MAX_NESTING } from '../../../src/parse/limits.js';

export interface ConstantN {
  readonly type: 'ConstantNode';
  readonly value: unknown;
}
export interface SymbolN {
  readonly type: 'SymbolNode';
  readonly name: string;
}
export interface OperatorN {
  readonly type: 'OperatorNode';
  readonly op: string;
  readonly fn: string;
  readonly args: readonly MNode[];
  readonly implicit: boolean;
  /** `a%` is read as a / 100 with this flag set */
  readonly isPercentage?: boolean;
}
export interface ParenthesisN {
  readonly type: 'ParenthesisNode';
  readonly content: MNode;
}
export interface FunctionN {
  readonly type: 'FunctionNode';
  readonly fn: MNode;
  readonly args: readonly MNode[];
  readonly optional?: boolean;
}
export interface IndexN {
  readonly type: 'IndexNode';
  readonly dimensions: readonly MNode[];
  readonly dotNotation: boolean;
}
export interface AccessorN {
  readonly type: 'AccessorNode';
  readonly object: MNode;
  readonly index: IndexN;
  readonly optionalChaining?: boolean;
}
/** node types the reader rejects as a whole */
export interface OtherN {
  readonly type:
    | 'ArrayNode'
    | 'AssignmentNode'
    | 'BlockNode'
    | 'ConditionalNode'
    | 'FunctionAssignmentNode'
    | 'ObjectNode'
    | 'RangeNode'
    | 'RelationalNode';
}
export type MNode = ConstantN | SymbolN | OperatorN | ParenthesisN | FunctionN | IndexN | AccessorN | OtherN;

let instance: MathJsInstance | undefined;

/**
 * mathjs with only the parser, created on first use and then reused: numbers
 * become BigNumbers (decimal.js), whose constructor keeps every digit of the
 * literal, so the reader can turn them into exact rationals.
 */
function mathjs(): MathJsInstance {
  instance ??= create({ parseDependencies }, { number: 'BigNumber', precision: 64 });
  return instance;
}

/** mathjs's node tree for text, or a `syntax`/`limit` error at the offending character */
export function readTree(text: string): { ok: true; node: MNode } | { ok: false; error: ParseError } {
  try {
    return { ok: true, node: mathjs().parse(text) as unknown as MNode };
  } catch (err) {
    if (err instanceof RangeError) {
      // mathjs recurses per operator as well as per bracket (`---x`, `x^x^x`), so the bracket pre-scan cannot catch every deep input
      return {
        ok: false,
        error: {
          code: 'limit',
          message: `the expression nests too deeply to read (limit MAX_NESTING = ${MAX_NESTING}); name inner parts under define`,
          offset: 0,
        },
      };
    }
    if (err instanceof SyntaxError) {
      const char = (err as SyntaxError & { char?: unknown }).char;
      const offset =
        typeof char === 'number' && Number.isFinite(char) ? Math.min(Math.max(0, char - 1), text.length) : 0;
      const what = err.message.replace(/\s*\(char \d+\)\s*$/, '');
      return {
        ok: false,
        error: {
          code: 'syntax',
          message: `cannot read the expression: ${lowerFirst(what)}; fix the syntax at this point`,
          offset,
        },
      };
    }
    // any other mathjs complaint about the text (e.g. a malformed numeral) is still a problem with the input, not a bug of ours
    if (err instanceof Error)
      return {
        ok: false,
        error: {
          code: 'syntax',
          message: `cannot read the expression: ${lowerFirst(err.message)}; fix the syntax`,
          offset: 0,
        },
      };
    throw err;
  }
}

const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);
