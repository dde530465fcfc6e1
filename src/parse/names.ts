/**
 * Which strings may name a symbol, an index, a definition or a parameter.
 */
import { RESERVED_NAMES } from '../ir/operators.js';

/** an identifier as mathjs reads one: a letter, `_` or `$`, then letters, digits, `_`, `$` */
export const NAME_PATTERN = /^[\p{L}_$][\p{L}\p{N}_$]*$/u;

/**
 * Names that mean something to JavaScript objects: harmless in the Maps used
 * here, but a report or a later consumer that builds a plain object keyed by
 * variable name (`{"__proto__": ...}`) would be subverted, so they are refused.
 */
export const FORBIDDEN_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** why `name` cannot be declared or defined (a code and a message), or undefined when it can */
export function nameProblem(name: string): { code: 'schema' | 'reserved-name'; message: string } | undefined {
  if (!NAME_PATTERN.test(name))
    return {
      code: 'schema',
      message: `'${name}' is not a name; a name starts with a letter or _ and continues with letters, digits and _`,
    };
  if (RESERVED_NAMES.has(name))
    return {
      code: 'reserved-name',
      message: `'${name}' is reserved (a built-in function, constant or sum/diff/delta); choose another name`,
    };
  if (FORBIDDEN_NAMES.has(name))
    return {
      code: 'reserved-name',
      message: `the name '${name}' is reserved (it has a special meaning in JavaScript); choose another name`,
    };
  return undefined;
}

/** the offset of the first whole-word occurrence of name in text (0 when absent) */
export function locateName(text: string, name: string): number {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`(?<![\\p{L}\\p{N}_$])${escaped}(?![\\p{L}\\p{N}_$])`, 'u').exec(text);
  return m ? m.index : 0;
}
