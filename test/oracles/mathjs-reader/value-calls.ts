/**
 * mathjs reads `x (y)` as a call whenever x is a name or an element, even
 * when x is a value (a declared scalar, a defined constant, pi, e, an array
 * element); the old reader turned such a call into the product x * y. The
 * parser reads it as a juxtaposition instead, with a juxtaposition's
 * precedence (looser than unary minus; the first run of juxtaposed factors
 * joins a product chain). This rewrite gives mathjs's tree that reading, so
 * the oracle compares trees exactly: each value call becomes an implicit
 * multiplication, a sign before one moves onto its first factor, and one
 * right of another juxtaposition joins it.
 */
import type { ParseEnv } from '../../../src/parse/expression.js';
import type { MNode, OperatorN } from './mathjs-tree.js';

const implicit = (a: MNode, b: MNode): OperatorN => ({
  type: 'OperatorNode',
  op: '*',
  fn: 'multiply',
  args: [a, b],
  implicit: true,
});

/** node with every value call rewritten as a juxtaposition */
export function valueCallsAsJuxtapositions(node: MNode, env: ParseEnv): MNode {
  const isValue = (n: MNode): boolean =>
    (n.type === 'AccessorNode' && !n.index.dotNotation) ||
    (n.type === 'SymbolNode' &&
      (env.functions.get(n.name) === 0 ||
        env.symbols.get(n.name)?.kind === 'scalar' ||
        n.name === 'pi' ||
        n.name === 'e'));
  const walk = (n: MNode): MNode => {
    switch (n.type) {
      case 'FunctionNode':
        if (!n.optional && n.args.length === 1 && isValue(n.fn)) return implicit(walk(n.fn), walk(n.args[0]!));
        // mathjs's nodes keep `type` on their prototype, so copies are built field by field
        return { type: 'FunctionNode', fn: n.fn, args: n.args.map(walk), optional: n.optional };
      case 'ParenthesisNode':
        return { type: 'ParenthesisNode', content: walk(n.content) };
      case 'OperatorNode': {
        const args = n.args.map(walk);
        const copy: OperatorN = {
          type: 'OperatorNode',
          op: n.op,
          fn: n.fn,
          args,
          implicit: n.implicit,
          isPercentage: n.isPercentage,
        };
        if ((n.fn === 'unaryMinus' || n.fn === 'unaryPlus') && isJuxtaposition(args[0]!))
          return sinkSign(copy, args[0] as OperatorN);
        if (n.implicit && isJuxtaposition(args[1]!)) return rotate(args[0]!, args[1] as OperatorN);
        return copy;
      }
      default:
        return n;
    }
  };
  return walk(node);
}

const isJuxtaposition = (n: MNode): boolean => n.type === 'OperatorNode' && n.implicit && n.fn === 'multiply';

/** -(a b) as (-a) b: the sign binds tighter than the juxtaposition */
function sinkSign(sign: OperatorN, j: OperatorN): MNode {
  const left = j.args[0]!;
  const inner = isJuxtaposition(left) ? sinkSign(sign, left as OperatorN) : { ...sign, args: [left] };
  return implicit(inner, j.args[1]!);
}

/** a (b c) as (a b) c: one run of juxtaposed factors */
function rotate(a: MNode, j: OperatorN): MNode {
  const left = j.args[0]!;
  const head = isJuxtaposition(left) ? rotate(a, left as OperatorN) : implicit(a, left);
  return implicit(head, j.args[1]!);
}
