/**
 * The schema tests are only as good as their validator: each keyword it
 * supports must reject what it should, and an unsupported keyword must throw.
 */
import { describe, expect, it } from 'vitest';
import { type Schema, validate } from './json-schema.js';

const schema: Schema = {
  type: 'object',
  required: ['name', 'steps'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1, pattern: '^[a-z]+$' },
    count: { type: 'integer', minimum: 1, maximum: 8 },
    kind: { enum: ['a', 'b'] },
    fixed: { const: 'index' },
    steps: { type: 'array', minItems: 1, items: { $ref: '#/$defs/step' } },
    map: { type: ['object', 'null'], additionalProperties: { type: ['string', 'number'] } },
    either: { anyOf: [{ type: 'boolean' }, { type: 'string', pattern: '^x' }] },
    when: { type: 'object', minProperties: 1 },
  },
  $defs: {
    step: { type: 'object', oneOf: [{ required: ['expr'] }, { required: ['latex'] }] },
  },
};

const valid = {
  name: 'abc',
  count: 3,
  kind: 'a',
  fixed: 'index',
  steps: [{ expr: 'x' }],
  map: { k: 1, j: 'y' },
  either: 'xy',
  when: { x: 0 },
};

describe('the test JSON Schema validator', () => {
  it('accepts a valid value, and null where the type allows it', () => {
    expect(validate(schema, valid)).toEqual([]);
    expect(validate(schema, { ...valid, map: null })).toEqual([]);
  });

  const bad: [string, unknown, RegExp][] = [
    ['a missing required key', { name: 'abc' }, /missing required key 'steps'/],
    ['an unknown key', { ...valid, extra: 1 }, /unknown key 'extra'/],
    ['a wrong type', { ...valid, name: 3 }, /\$\.name: expected string/],
    ['a non-integer', { ...valid, count: 1.5 }, /\$\.count: expected integer/],
    ['a number below the minimum', { ...valid, count: 0 }, /below the minimum/],
    ['a number above the maximum', { ...valid, count: 9 }, /above the maximum/],
    ['an empty string', { ...valid, name: '' }, /shorter than 1/],
    ['a pattern mismatch', { ...valid, name: 'ABC' }, /does not match/],
    ['a value outside the enum', { ...valid, kind: 'c' }, /is not one of/],
    ['a const mismatch', { ...valid, fixed: 'other' }, /expected "index"/],
    ['too few items', { ...valid, steps: [] }, /fewer than 1 items/],
    ['too few keys', { ...valid, when: {} }, /fewer than 1 keys/],
    [
      'a $ref target violated (oneOf: neither)',
      { ...valid, steps: [{ by: 'x' }] },
      /\$\.steps\[0\]: matches 0 of oneOf/,
    ],
    ['oneOf: both', { ...valid, steps: [{ expr: 'x', latex: 'x' }] }, /matches 2 of oneOf/],
    ['additionalProperties as a schema', { ...valid, map: { k: true } }, /\$\.map\.k: expected string or number/],
    ['anyOf: none', { ...valid, either: 'y' }, /matches none of anyOf/],
  ];
  it.each(bad)('rejects %s', (_name, value, message) => {
    const errors = validate(schema, value);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(message);
  });

  it('throws on a keyword it does not check, and on a $ref it cannot resolve', () => {
    expect(() => validate({ type: 'string', format: 'email' }, 'a')).toThrow(/unsupported keyword 'format'/);
    expect(() => validate({ $ref: '#/$defs/nothing' }, 'a')).toThrow(/does not resolve/);
  });
});
