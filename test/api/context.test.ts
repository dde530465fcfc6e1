/**
 * A context given as an object is read by the loader's declaration reader
 * directly (src/derivation/load-declarations.ts), not written out as YAML
 * and parsed back: it declares what the same keys declare in a file, and
 * its problems name their location.
 */
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { type ContextObject, loadContext } from '../../src/api/context.js';
import { equivalent } from '../../src/api/equivalent.js';

/** the context the same declarations give when written in a derivation file */
function viaFile(object: ContextObject) {
  const text = stringify({ title: 't', ...object, steps: [{ expr: '0' }] });
  const r = loadContext({ file: 'context.yaml', text });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.context;
}

describe('a context object', () => {
  it.each<[string, ContextObject]>([
    ['a positive scalar', { symbols: { x: { domain: 'positive', opaque: false } } }],
    [
      'an array and a definition with an index parameter',
      {
        symbols: { w: { indices: 2 }, s: { indices: 1, domain: 'binary' } },
        define: { 'a(u)': 'sum(k, w[u,k] * s[k])', p: 'sigma(a(i))' },
      },
    ],
    ['a number as a definition body', { define: { c: 0.1 } }],
  ])('declares what the same keys declare in a file: %s', (_, object) => {
    const r = loadContext(object);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const file = viaFile(object);
    expect([...r.context.scope.symbols]).toEqual([...file.scope.symbols]);
    const bodies = (c: typeof file) => [...c.scope.definitions.values()].map((d) => [d.name, d.params, d.body.key]);
    expect(bodies(r.context)).toEqual(bodies(file));
    expect([...r.context.env.functions]).toEqual([...file.env.functions]);
  });

  it('a number is read exactly: c = 0.1 is 1/10', () => {
    expect(equivalent('10*c', '1', { define: { c: 0.1 } }).status).toBe('proved');
  });

  it('problems come back with their location and no line of an invented text', () => {
    const r = loadContext({ symbols: { x: { domain: 'sometimes' } } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toMatchObject({ code: 'schema', location: 'symbols.x' });
    expect(r.errors[0]!.line).toBeUndefined();
    const bad = loadContext({ define: { f: 'x +' } });
    expect(!bad.ok && bad.errors[0]).toMatchObject({ code: 'syntax', location: 'define.f' });
  });

  it('values no file could hold are problems at their location, not exceptions; an undefined key is absent', () => {
    for (const symbols of [{ x: () => 1 }, { x: Symbol('s') }, { x: 10n }, { x: [1, [2]] }]) {
      const r = loadContext({ symbols } as ContextObject);
      expect(!r.ok && r.errors[0], String(Object.values(symbols)[0])).toMatchObject({
        code: 'schema',
        location: 'symbols.x',
      });
    }
    const r = loadContext({ symbols: { x: undefined } } as ContextObject);
    expect(r.ok && [...r.context.scope.symbols.keys()]).toEqual([]);
  });

  it('an object that only looks like a loaded context (kind: context) is refused, not used', () => {
    for (const forged of [{ kind: 'context' }, { kind: 'context', scope: null, env: null }]) {
      const r = loadContext(forged as never);
      expect(!r.ok && r.errors[0], JSON.stringify(forged)).toMatchObject({ code: 'context' });
      expect(equivalent('log(x^2)', '2*log(x)', forged as never)).toMatchObject({ status: 'error', code: 'context' });
    }
    const loaded = loadContext({ symbols: { x: { domain: 'positive' } } });
    if (!loaded.ok) throw new Error('expected a context');
    expect(loadContext(loaded.context)).toEqual(loaded);
    expect(equivalent('log(x^2)', '2*log(x)', loaded.context).status).toBe('proved');
  });

  it('a file context needs its file name as text', () => {
    for (const input of [{ file: undefined }, { file: 3 }, { symbols: {}, file: undefined }]) {
      const r = loadContext(input as never);
      expect(!r.ok && r.errors[0], JSON.stringify(input)).toMatchObject({ code: 'context' });
      expect(!r.ok && r.errors[0]!.message).toMatch(/file must be the path of a derivation file/);
    }
  });
});
