/**
 * A small JSON Schema validator for the subset docs/*.schema.json use, so
 * the schema tests need no new dependency. It fails closed: a keyword it does
 * not know throws, so a schema cannot silently use an unchecked keyword.
 * Local `$ref`s only (`#/$defs/x`, `#/definitions/x`).
 */

/** a JSON Schema object (the subset below) */
export type Schema = { readonly [keyword: string]: unknown } | boolean;

/** keywords that only describe, never constrain */
const ANNOTATIONS = new Set([
  '$schema',
  '$id',
  '$comment',
  'title',
  'description',
  '$defs',
  'definitions',
  'default',
  'examples',
]);

const CHECKED = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'enum',
  'const',
  '$ref',
  'minimum',
  'maximum',
  'minLength',
  'minItems',
  'minProperties',
  'oneOf',
  'anyOf',
  'pattern',
]);

/** the JSON type names of a value (an integer is also a number) */
function typesOf(v: unknown): string[] {
  if (v === null) return ['null'];
  if (Array.isArray(v)) return ['array'];
  if (typeof v === 'number') return Number.isInteger(v) ? ['integer', 'number'] : ['number'];
  if (typeof v === 'string' || typeof v === 'boolean' || typeof v === 'object') return [typeof v];
  return ['undefined'];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** JSON equality of two parsed JSON values */
function jsonEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The problems of `value` against `schema` (empty when valid), each as `path: what`. */
export function validate(schema: Schema, value: unknown, root: Schema = schema, path = '$'): string[] {
  if (schema === true) return [];
  if (schema === false) return [`${path}: no value is allowed here`];
  const errors: string[] = [];
  for (const key of Object.keys(schema)) {
    if (!ANNOTATIONS.has(key) && !CHECKED.has(key))
      throw new Error(`json-schema test validator: unsupported keyword '${key}' at ${path}`);
  }
  const s = schema as Record<string, unknown>;
  if (typeof s.$ref === 'string') errors.push(...validate(resolve(root, s.$ref), value, root, path));
  if (s.type !== undefined) {
    const wanted = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
    if (!typesOf(value).some((t) => wanted.includes(t)))
      return [...errors, `${path}: expected ${wanted.join(' or ')}, got ${JSON.stringify(value)}`];
  }
  if (s.enum !== undefined && !(s.enum as unknown[]).some((e) => jsonEqual(e, value)))
    errors.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(s.enum)}`);
  if ('const' in s && !jsonEqual(s.const, value)) errors.push(`${path}: expected ${JSON.stringify(s.const)}`);
  if (typeof value === 'number') {
    if (typeof s.minimum === 'number' && value < s.minimum)
      errors.push(`${path}: ${value} is below the minimum ${s.minimum}`);
    if (typeof s.maximum === 'number' && value > s.maximum)
      errors.push(`${path}: ${value} is above the maximum ${s.maximum}`);
  }
  if (typeof value === 'string') {
    if (typeof s.minLength === 'number' && [...value].length < s.minLength)
      errors.push(`${path}: shorter than ${s.minLength}`);
    if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(value))
      errors.push(`${path}: ${JSON.stringify(value)} does not match ${s.pattern}`);
  }
  if (Array.isArray(value)) {
    if (typeof s.minItems === 'number' && value.length < s.minItems)
      errors.push(`${path}: fewer than ${s.minItems} items`);
    if (s.items !== undefined)
      value.forEach((item, k) => errors.push(...validate(s.items as Schema, item, root, `${path}[${k}]`)));
  }
  if (isObject(value)) {
    if (typeof s.minProperties === 'number' && Object.keys(value).length < s.minProperties)
      errors.push(`${path}: fewer than ${s.minProperties} keys`);
    const props = (s.properties ?? {}) as Record<string, Schema>;
    for (const key of (s.required ?? []) as string[])
      if (!(key in value)) errors.push(`${path}: missing required key '${key}'`);
    for (const [key, v] of Object.entries(value)) {
      if (Object.hasOwn(props, key)) errors.push(...validate(props[key]!, v, root, `${path}.${key}`));
      else if (s.additionalProperties !== undefined)
        errors.push(
          ...validate(s.additionalProperties as Schema, v, root, `${path}.${key}`).map((e) =>
            s.additionalProperties === false ? `${path}: unknown key '${key}'` : e,
          ),
        );
    }
  }
  if (s.anyOf !== undefined) {
    const branches = (s.anyOf as Schema[]).map((b) => validate(b, value, root, path));
    if (!branches.some((b) => b.length === 0))
      errors.push(`${path}: matches none of anyOf (${branches.map((b) => b[0]).join('; ')})`);
  }
  if (s.oneOf !== undefined) {
    const matching = (s.oneOf as Schema[]).filter((b) => validate(b, value, root, path).length === 0).length;
    if (matching !== 1) errors.push(`${path}: matches ${matching} of oneOf's branches, not exactly 1`);
  }
  return errors;
}

/** the schema a local `$ref` points to */
function resolve(root: Schema, ref: string): Schema {
  if (!ref.startsWith('#/')) throw new Error(`json-schema test validator: only local $refs, got ${ref}`);
  let node: unknown = root;
  for (const part of ref.slice(2).split('/')) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(node) || !Object.hasOwn(node, key))
      throw new Error(`json-schema test validator: $ref ${ref} does not resolve`);
    node = node[key];
  }
  return node as Schema;
}
