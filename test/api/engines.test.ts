/**
 * A clean install on Node 20 prints no engine warning: every package the lock
 * file installs accepts the Node version running the tests (CI's Node 20).
 * npm warns (EBADENGINE) exactly when a package's `engines.node` range
 * excludes the running Node, so checking the ranges checks the warning.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

type Version = readonly [number, number, number];

/** "20.19.0", "20", "10.*", "13.7" as a version, missing parts 0 */
function parse(text: string): Version {
  const parts = text.replace(/\.\*$/, '').split('.').map(Number);
  if (parts.some((p) => !Number.isInteger(p))) throw new Error(`unrecognised version '${text}'`);
  return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0];
}

const cmp = (a: Version, b: Version): number => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** does v satisfy one comparator (`>=12`, `^20.19.0`, `6.*`, `*`)? */
function comparator(v: Version, c: string): boolean {
  if (c === '*' || c === '') return true;
  const m = /^(>=|<=|>|<|\^|~|=)?\s*(\d[\d.*]*)$/.exec(c);
  if (!m) throw new Error(`unrecognised range part '${c}'`);
  const op = m[1] ?? '';
  const w = parse(m[2]!);
  const bare = op === '' || op === '=';
  if (bare && m[2]!.split('.').length < 3) return v[0] === w[0] && (m[2]!.split('.').length < 2 || v[1] === w[1]);
  if (bare) return cmp(v, w) === 0;
  if (op === '>=') return cmp(v, w) >= 0;
  if (op === '>') return cmp(v, w) > 0;
  if (op === '<=') return cmp(v, w) <= 0;
  if (op === '<') return cmp(v, w) < 0;
  if (op === '~') return v[0] === w[0] && v[1] === w[1] && cmp(v, w) >= 0;
  return v[0] === w[0] && cmp(v, w) >= 0; // ^ with a nonzero major
}

/** does v satisfy a range: alternatives joined by `||`, each a space-separated conjunction */
function satisfies(v: Version, range: string): boolean {
  return range.split('||').some((alt) =>
    alt
      .trim()
      .replace(/(>=|<=|>|<|\^|~|=)\s+/g, '$1')
      .split(/\s+/)
      .every((c) => comparator(v, c)),
  );
}

describe('engines', () => {
  it('reads the range forms the lock file uses', () => {
    expect(satisfies([20, 20, 2], '^20.19.0 || >=22.12.0')).toBe(true);
    expect(satisfies([20, 18, 0], '^20.19.0 || >=22.12.0')).toBe(false);
    expect(satisfies([20, 20, 2], '>=22.12.0')).toBe(false);
    expect(satisfies([20, 20, 2], '6.* || 8.* || >= 10.*')).toBe(true);
    expect(satisfies([9, 0, 0], '6.* || 8.* || >= 10.*')).toBe(false);
    expect(satisfies([20, 0, 0], '^10 || ^12 || ^13.7 || ^14 || >=15.0.1')).toBe(true);
    expect(satisfies([13, 6, 0], '^10 || ^12 || ^13.7 || ^14 || >=15.0.1')).toBe(false);
  });

  it('every package in the lock file accepts the running Node 20 (no EBADENGINE warning on a clean install)', () => {
    const node = parse(process.versions.node);
    expect(node[0]).toBe(20);
    const lock = JSON.parse(
      readFileSync(fileURLToPath(new URL('../../package-lock.json', import.meta.url)), 'utf8'),
    ) as {
      packages: Record<string, { engines?: { node?: string } | string[] }>;
    };
    const refusing = Object.entries(lock.packages).flatMap(([path, pkg]) => {
      const range = !Array.isArray(pkg.engines) ? pkg.engines?.node : undefined;
      return range !== undefined && !satisfies(node, range) ? [`${path || '(root)'}: node ${range}`] : [];
    });
    expect(refusing).toEqual([]);
  });
});
