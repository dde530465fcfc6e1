/**
 * What every part of the loader shares: the file, its YAML document and line
 * table, the list of errors found so far, and the two things that need
 * positions: the place of a YAML node, and the place of a character inside an
 * expression written in a YAML scalar.
 */
import {
  type Document,
  type Node,
  type Pair,
  Scalar,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import type { Expr } from '../ir/expr.js';
import { type ParseEnv, type ParseResult, parseExpression } from '../parse/expression.js';
import { nearestName } from '../parse/suggest.js';
import { doubleQuotedLatex } from './load-yaml-mistakes.js';
import type { InputError, Place } from './model.js';
import type { LineTable } from './line-table.js';

/** a map entry with its key as text */
export interface Entry {
  readonly key: string;
  readonly keyNode: Node | null;
  readonly value: Node | null;
}

/** an expression read from a YAML scalar, with where it was written */
interface ReadExpression {
  readonly expr: Expr;
  readonly source: string;
  readonly place: Place;
}

/** an expression as read, with its scalar node, so that later checks can place a problem inside it */
interface ReadRecord {
  readonly expr: Expr;
  readonly source: string;
  readonly node: Scalar;
  /** `steps[1]`, `cases[0].steps[2]`, `define.f`, ... */
  readonly location: string;
}

export class LoadContext {
  readonly errors: InputError[] = [];
  /** every expression read so far, in file order */
  readonly read: ReadRecord[] = [];
  /**
   * names whose declaration was refused (`pi: {indices: 1}`): the one error
   * at the declaration says what to do, so an expression's error about the
   * same name (`pi[i]` cannot be indexed) would only repeat it and is dropped
   */
  readonly refusedNames = new Set<string>();

  constructor(
    readonly file: string,
    private readonly text: string,
    private readonly lines: LineTable,
    private readonly doc: Document,
  ) {}

  /** the place of a character offset in the file */
  placeAt(offset: number): Place {
    const { line, column: col } = this.lines.at(offset);
    return { file: this.file, line, column: col };
  }

  /** where a node starts (for a block scalar: its `|` or `>` header), or the file's start */
  place(node: Node | null | undefined): Place {
    return this.placeAt(node?.range?.[0] ?? 0);
  }

  /** records an input error at a node */
  error(code: string, node: Node | null | undefined, message: string, location?: string): void {
    this.errors.push({ code, place: this.place(node), message, ...(location !== undefined ? { location } : {}) });
  }

  /** the node an alias (`*a`) stands for; other nodes as they are */
  resolve(node: Node | null | undefined): Node | null {
    if (!node) return null;
    if (isAlias(node)) return node.resolve(this.doc) ?? null;
    return node;
  }

  /** the value as a map, or an error naming what was expected */
  map(node: Node | null | undefined, what: string, location: string): YAMLMap | undefined {
    const n = this.resolve(node);
    if (isMap(n)) return n;
    this.error('schema', n ?? node, `${what} must be a map (key: value lines); ${describe(n)} was given`, location);
    return undefined;
  }

  /** the value as a list, or an error naming what was expected */
  seq(node: Node | null | undefined, what: string, location: string): YAMLSeq | undefined {
    const n = this.resolve(node);
    if (isSeq(n)) return n;
    this.error(
      'schema',
      n ?? node,
      `${what} must be a list (lines starting with '- '); ${describe(n)} was given`,
      location,
    );
    return undefined;
  }

  /** the value as a string (a YAML string scalar), or an error */
  string(node: Node | null | undefined, what: string, location: string): string | undefined {
    const n = this.resolve(node);
    if (isScalar(n) && typeof n.value === 'string') return n.value;
    this.error('schema', n ?? node, `${what} must be text; ${describe(n)} was given`, location);
    return undefined;
  }

  /** the entries of a map, keys as text; a key that is not a scalar is an error */
  entries(map: YAMLMap, location: string): Entry[] {
    const out: Entry[] = [];
    for (const pair of map.items as Pair<unknown, unknown>[]) {
      const keyNode = this.resolve(pair.key as Node | null);
      const value = (pair.value ?? null) as Node | null;
      if (!isScalar(keyNode) || keyNode.value === null || typeof keyNode.value === 'object') {
        this.error('schema', keyNode ?? map, 'a key must be a plain name or text; write `name: value`', location);
        continue;
      }
      out.push({ key: String(keyNode.value), keyNode, value });
    }
    return out;
  }

  /** reports keys of a map outside `allowed`, naming the allowed ones */
  onlyKeys(entries: readonly Entry[], allowed: readonly string[], what: string, location: string): void {
    for (const e of entries) {
      if (allowed.includes(e.key)) continue;
      const guess = nearestName(e.key, allowed);
      this.error(
        'schema',
        e.keyNode,
        `unknown key '${visible(e.key)}' in ${what}${guess ? ` (did you mean '${guess}'?)` : ''}; the allowed keys are ${allowed.join(', ')}`,
        location,
      );
    }
  }

  /**
   * the expression written in a scalar node: a YAML string as written, a
   * YAML number by its source digits (so `0.1` stays exact and `1e400` is
   * not Infinity); errors are placed at the offending character
   */
  expression(
    node: Node | null | undefined,
    env: ParseEnv,
    what: string,
    location: string,
    parse: (text: string, env: ParseEnv) => ParseResult = parseExpression,
  ): ReadExpression | undefined {
    const n = this.resolve(node);
    if (
      !isScalar(n) ||
      n.value === null ||
      n.value === undefined ||
      (typeof n.value !== 'string' && typeof n.value !== 'number' && typeof n.value !== 'bigint')
    ) {
      this.error(
        'schema',
        n ?? node,
        `${what} must be an expression such as x^2 + 1; ${describe(n)} was given`,
        location,
      );
      return undefined;
    }
    // YAML's .inf and .nan (a long literal such as 1e400 is also Infinity to YAML, but its digits are read exactly)
    if (typeof n.value === 'number' && /^[-+]?\.(inf|nan)$/i.test(n.source ?? '')) {
      this.error('schema', n, `${what} must be a finite expression; YAML reads '${n.source}' as ${n.value}`, location);
      return undefined;
    }
    const quoted = doubleQuotedLatex(this.text, n);
    if (quoted) {
      this.errors.push({ code: 'yaml-escape', place: this.placeAt(quoted.offset), message: quoted.message, location });
      return undefined;
    }
    const source = typeof n.value === 'string' ? n.value : (n.source ?? String(n.value));
    const r = parse(source, env);
    if (!r.ok) {
      if (r.error.name !== undefined && this.refusedNames.has(r.error.name)) return undefined;
      this.errors.push({
        code: r.error.code,
        place: this.scalarOffsetPlace(n, r.error.offset),
        message: r.error.message,
        location,
      });
      return undefined;
    }
    this.read.push({ expr: r.expr, source, node: n, location });
    return { expr: r.expr, source, place: this.place(n) };
  }

  /** records an input error at a character offset of an expression read earlier */
  errorInside(code: string, record: ReadRecord, offset: number, message: string): void {
    this.errors.push({ code, place: this.scalarOffsetPlace(record.node, offset), message, location: record.location });
  }

  /**
   * the place of the character at `offset` in a scalar's value. Exact for
   * one-line plain and quoted scalars and for literal blocks (`|`); for
   * multi-line plain, quoted and folded (`>`) scalars it assumes each source
   * line became one piece of the value joined by one character, which is off
   * only around escapes and blank lines.
   */
  scalarOffsetPlace(node: Scalar, offset: number): Place {
    const range = node.range;
    if (!range) return this.place(node);
    const [start, end] = range;
    const raw = this.text.slice(start, end);
    const block = node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED;
    const quoted = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE;
    const segments = block ? blockSegments(raw, start) : flowSegments(raw, start, quoted);
    let remaining = offset;
    for (const seg of segments) {
      if (remaining <= seg.length) return this.placeAt(seg.start + remaining);
      remaining -= seg.length + 1;
    }
    const last = segments[segments.length - 1];
    return last ? this.placeAt(last.start + last.length) : this.place(node);
  }
}

interface Segment {
  /** file offset of the segment's first character */
  readonly start: number;
  readonly length: number;
}

/** the lines of a plain or quoted scalar, each with its leading indentation (and the opening quote) skipped */
function flowSegments(raw: string, start: number, quoted: boolean): Segment[] {
  const out: Segment[] = [];
  let pos = start;
  raw.split('\n').forEach((line, k) => {
    const skip = k === 0 ? (quoted ? 1 : 0) : line.length - line.trimStart().length;
    out.push({ start: pos + skip, length: line.trimEnd().length - skip });
    pos += line.length + 1;
  });
  return out;
}

/** the content lines of a block scalar, after its header line, with the block's indentation skipped */
function blockSegments(raw: string, start: number): Segment[] {
  const lines = raw.split('\n');
  const header = lines.shift() ?? '';
  const indents = lines.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length);
  const indent = indents.reduce((a, b) => Math.min(a, b), indents[0] ?? 0);
  const out: Segment[] = [];
  let pos = start + header.length + 1;
  for (const line of lines) {
    out.push({ start: pos + Math.min(indent, line.length), length: Math.max(0, line.length - indent) });
    pos += line.length + 1;
  }
  return out;
}

/** what a YAML value is, for messages: "a list", "the number 3", "nothing" */
export function describe(node: Node | null | undefined): string {
  if (!node) return 'nothing';
  if (isMap(node)) return 'a map';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const v = node.value;
    if (v === null || v === undefined) return 'nothing';
    if (typeof v === 'string') return `the text '${v.length > 40 ? v.slice(0, 40) + '...' : v}'`;
    return `the ${typeof v === 'boolean' ? 'boolean' : typeof v === 'number' || typeof v === 'bigint' ? 'number' : 'value'} ${String(v)}`;
  }
  return 'an unexpected value';
}

/** a key as text a reader can see: invisible and control characters written as \uXXXX (a stray byte order mark) */
function visible(key: string): string {
  return key.replace(
    /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu,
    (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}
