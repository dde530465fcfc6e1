/**
 * Which strings may name a symbol, an index, a definition or a parameter.
 */
import { BUILTINS, RESERVED_NAMES } from '../ir/operators.js';
import { FOREIGN_WORD_NAMES } from './ascii-tokens.js';
import { characterProblem } from './unicode.js';

/** a name: an ASCII letter or `_`, then ASCII letters, digits and `_` (contract version 2: names are ASCII) */
export const NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Names that mean something to JavaScript objects: harmless in the Maps used
 * here, but a report or a later consumer that builds a plain object keyed by
 * variable name (`{"__proto__": ...}`) would be subverted, so they are refused.
 */
export const FORBIDDEN_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The functions of contract version 2 that the readers recognise (`ln` is
 * `log`; `abs`, `max`, `min` with their arities). `abs`, `max` and `min` are
 * built-ins of the operator table (src/ir/operators.ts); `ln` is read as log.
 */
export const VERSION2_FUNCTIONS: ReadonlyMap<string, number> = new Map([
  ['ln', 1],
  ['abs', 1],
  ['max', 2],
  ['min', 2],
]);

/** the syntax's own functions, beside the built-ins of operators.ts */
export const SPECIAL_FUNCTIONS: ReadonlyMap<string, string> = new Map([
  ['sum', 'sum(k, body)'],
  ['diff', 'diff(body, v)'],
  ['delta', 'delta(a, b)'],
]);

/** names with a meaning of their own in the expression syntax: built-ins, ln/abs/max/min, constants, sum/diff/delta */
export const RESERVED: ReadonlySet<string> = new Set([...RESERVED_NAMES, ...VERSION2_FUNCTIONS.keys()]);

/** every function name the readers recognise (for calls and "did you mean") */
export function knownFunctionNames(): string[] {
  const first = [...BUILTINS.keys()].filter((f) => !VERSION2_FUNCTIONS.has(f));
  return [...new Set([...first, ...VERSION2_FUNCTIONS.keys(), ...SPECIAL_FUNCTIONS.keys()])];
}

/** why `name` cannot be declared or defined (a code and a message), or undefined when it can */
export function nameProblem(name: string): { code: 'schema' | 'reserved-name'; message: string } | undefined {
  if (!NAME_PATTERN.test(name)) {
    // a character pasted from a document is named, as in expressions ('λ' (U+03BB ...): write lambda)
    const foreign = [...name].map((ch) => characterProblem(ch)).find((m) => m !== undefined);
    return {
      code: 'schema',
      message: `'${name}' is not a name; a name starts with an ASCII letter or _ and continues with letters, digits and _${foreign ? `: ${foreign}` : ''}`,
    };
  }
  if (name === 'pi' || name === 'e')
    return {
      code: 'reserved-name',
      message: `'${name}' is the constant ${name === 'pi' ? 'pi = 3.14159...' : 'e = 2.71828...'} and cannot be declared or defined; give the quantity another name (such as ${name === 'pi' ? 'p' : 'v'}) here and in every expression that uses it`,
    };
  if (name === 'sigma')
    return {
      code: 'reserved-name',
      message:
        "'sigma' is the logistic function sigma(x) = 1/(1 + exp(-x)) and cannot be declared or defined; for a standard deviation or a variance choose another name, such as sd or s2",
    };
  if (RESERVED.has(name))
    return {
      code: 'reserved-name',
      message: `'${name}' is reserved (a built-in function, constant or sum/diff/delta); choose another name`,
    };
  if (FOREIGN_WORD_NAMES.has(name))
    return {
      code: 'reserved-name',
      message: `'${name}' is an operator or constant in other expression syntaxes and is refused in expressions; choose another name`,
    };
  if (FORBIDDEN_NAMES.has(name))
    return {
      code: 'reserved-name',
      message: `the name '${name}' is reserved (it has a special meaning in JavaScript); choose another name`,
    };
  return undefined;
}
