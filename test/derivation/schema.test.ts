/**
 * docs/derivation.schema.json, the editor's view of a derivation file, and
 * the loader, the checker's view, agree: the same keys at every level, the
 * same domain names and index limit; every shipped derivation starts with the
 * yaml-language-server line pointing at the schema and validates against it
 * (except the files in derivations/errors/ that are wrong on purpose).
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { expandInputs } from '../../src/cli/inputs.js';
import { CLAIM_KEYS, TOP_KEYS } from '../../src/derivation/load.js';
import { CASE_KEYS } from '../../src/derivation/load-cases.js';
import { STEP_KEYS } from '../../src/derivation/load-steps.js';
import { DECLARATION_KEYS, MAX_ARRAY_INDICES } from '../../src/derivation/load-symbols.js';
import { DOMAIN_NAMES } from '../../src/parse/domain.js';
import { validate } from '../helpers/json-schema.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const schemaPath = join(root, 'docs/derivation.schema.json');
// biome-ignore lint/suspicious/noExplicitAny: a JSON Schema document is walked by hand here
type Json = any;
const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, Json>;
const defs = schema.definitions as Record<string, Json>;
const objectBranch = defs.declaration.oneOf.find((b: { type?: string }) => b.type === 'object');

const shipped = expandInputs([join(root, 'derivations')], true).flatMap((i) => (i.kind === 'file' ? [i.path] : []));
const SCHEMA_LINE = /^# yaml-language-server: \$schema=(\S+)\n/;

describe('the derivation schema and the loader', () => {
  it('allow the same keys at every level', () => {
    const keys = (o: { properties: object }) => Object.keys(o.properties).sort();
    expect(keys(schema as { properties: object })).toEqual([...TOP_KEYS].sort());
    expect(keys(schema.properties.claim)).toEqual([...CLAIM_KEYS].sort());
    expect(keys(objectBranch)).toEqual([...DECLARATION_KEYS].sort());
    expect(keys(defs.step)).toEqual([...STEP_KEYS].sort());
    expect(keys(defs.case)).toEqual([...CASE_KEYS].sort());
  });

  it('allow the same domain names and number of indices', () => {
    expect([...defs.domain.anyOf[0].enum].sort()).toEqual([...DOMAIN_NAMES].sort());
    expect(objectBranch.properties.indices.maximum).toBe(MAX_ARRAY_INDICES);
  });
});

describe('shipped derivations', () => {
  it('there are some', () => expect(shipped.length).toBeGreaterThanOrEqual(20));

  for (const file of shipped) {
    const name = relative(root, file);
    const text = readFileSync(file, 'utf8');
    it(`${name} starts with the yaml-language-server line pointing at the schema`, () => {
      const m = SCHEMA_LINE.exec(text);
      expect(m, 'first line').not.toBeNull();
      expect(join(dirname(file), m![1]!)).toBe(schemaPath);
      expect(existsSync(join(dirname(file), m![1]!))).toBe(true);
    });

    const expected = /^# expect-error: \S+ (\S+)/m.exec(text)?.[1];
    if (expected === 'yaml-syntax') continue; // not YAML at all: nothing for a schema to see
    // a step-level when is refused by the schema's step shape too
    if (expected === 'schema' || expected === 'step-when') {
      it(`${name} (a schema error on purpose) is rejected by the schema too`, () => {
        expect(validate(schema, parse(text))).not.toEqual([]);
      });
    } else {
      it(`${name} validates against the schema`, () => {
        expect(validate(schema, parse(text))).toEqual([]);
      });
    }
  }
});

describe('the schema rejects what the loader rejects for its shape', () => {
  const base = 'title: t\nsteps:\n  - expr: x\n';
  const cases: [string, string][] = [
    ['no steps', 'title: t\n'],
    ['no title', 'steps:\n  - expr: x\n'],
    ['an unknown top-level key', base + 'note: x\n'],
    ['an unknown step key', 'title: t\nsteps:\n  - expr: x\n    because: y\n'],
    ['a step with both expr and latex', 'title: t\nsteps:\n  - expr: x\n    latex: x\n'],
    ['a step with neither', 'title: t\nsteps:\n  - by: y\n'],
    ['empty steps', 'title: t\nsteps: []\n'],
    ['a claim without rhs', base + 'claim: {lhs: x}\n'],
    ['zero indices', base + 'symbols:\n  w: {indices: 0}\n'],
    ['an unknown domain', base + 'symbols:\n  x: {domain: big}\n'],
    ['a declaration that is neither index nor a map', base + 'symbols:\n  i: idx\n'],
    ['a case without when', base + 'cases:\n  - steps:\n      - expr: x\n'],
    ['a case with an empty when', base + 'cases:\n  - when: {}\n    steps:\n      - expr: x\n'],
    ['a step-level when (version 1)', 'title: t\nsteps:\n  - expr: x\n    when: {x: 0}\n'],
  ];
  it.each(cases)('%s', (_name, text) => {
    expect(validate(schema, parse(text))).not.toEqual([]);
  });

  it('and accepts the forms the loader accepts', () => {
    const ok = [
      base + 'symbols:\ndefine:\n',
      base +
        'symbols:\n  i: index\n  x: {domain: "(0, 1]", opaque: false}\n  pR: {domain: positive, independent_of: ["w[i,j]"]}\n  w: {indices: 2}\n',
      base + 'define:\n  a(u): sum(k, w[u,k] * s[k])\n  c: 2\nclaim: {lhs: x, rhs: 1}\n',
      base +
        'symbols:\n  ps: {domain: probability, opaque: true}\ncases:\n  - when: {"s[i]": 1}\n    define: {ps: sigma(a)}\n    steps:\n      - expr: x\n',
    ];
    for (const text of ok) expect(validate(schema, parse(text)), text).toEqual([]);
  });
});
