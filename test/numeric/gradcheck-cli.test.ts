/**
 * `verify gradcheck FILE --units N`: the command on a copy of the full-joint
 * derivation (inline below), on a wrong closed form, and on files and
 * arguments it must refuse with exit status 2.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { gradcheckCommand } from '../../src/cli/gradcheck.js';

const FULL_JOINT = `
title: Log-joint gradient of a sigmoid belief net, all units at once
symbols:
  i: index
  j: index
  k: index
  m: index
  s: {indices: 1, domain: binary}
  w: {indices: 2}
define:
  a(u): sum(k, w[u,k] * s[k])
claim:
  lhs: "diff(sum(m, s[m]*log(sigma(a(m))) + (1 - s[m])*log(1 - sigma(a(m)))), w[i,j])"
  rhs: "s[j]*(s[i] - sigma(a(i)))"
steps:
  - expr: "diff(sum(m, s[m]*log(sigma(a(m))) + (1 - s[m])*log(1 - sigma(a(m)))), w[i,j])"
  - expr: "s[j]*(s[i] - sigma(a(i)))"
`;

const dir = mkdtempSync(join(tmpdir(), 'gradcheck-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await gradcheckCommand(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe('verify gradcheck', () => {
  const good = file('full-joint.yaml', FULL_JOINT);

  test('the full joint passes: every partial of 200-unit networks of every family from one backward pass each, the ok line says what was tried', async () => {
    const r = await run(good, '--units', '200', '--seed', '3');
    // nothing on stderr but progress lines (a loaded machine may take more than 2 s)
    expect(r.err.replace(/^gradcheck: network \d+ of \d+ .*\n/gm, '')).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /d OBJ \/ d w\[i, j\] by reverse-mode autodiff of the claim's objective, against the claim's rhs/,
    );
    expect(r.out).toMatch(
      /200 units, 5 networks \(one of each family, seed 3\): w the weights of a DAG \(0 unless b precedes a in a random order\), dense \(every weight nonzero, the diagonal too\) or symmetric pairs/,
    );
    for (const [k, family] of [
      'dag, \\+-2/sqrt\\(n\\)',
      'dense, \\+-2/sqrt\\(n\\)',
      'symmetric, \\+-2/sqrt\\(n\\)',
      'dense, \\+-0.1',
      'dense, \\+-5',
    ].entries()) {
      expect(r.out).toMatch(
        new RegExp(
          `network ${k + 1} \\(${family}\\): 40000 partials in one backward pass \\(forward \\+ backward [\\d.]+ ms(, error bounds of the disagreements [\\d.]+ ms)?\\); closed form at 40000 elements in [\\d.]+ ms`,
        ),
      );
    }
    expect(r.out).toMatch(/^ {4}40000 agree, 0 differ$/m);
    expect(r.out).toMatch(
      /worst: i = \d+, j = \d+: autodiff -?[\d.e-]+, closed form -?[\d.e-]+, error [\d.e-]+ absolute, [\d.e-]+ relative/,
    );
    expect(r.out).toMatch(
      /^ok: 5 networks \(dag, dense, symmetric at \+-2\/sqrt\(n\); dense at \+-0.1; dense at \+-5\), 200000 partials: \d+ agree within 1e-8 .*the worst error /m,
    );
  });

  test('the same seed reproduces the run; --instances tries several networks', async () => {
    const worst = (s: string) => /worst: .*/.exec(s)![0];
    const a = await run(good, '--units', '50', '--seed', '7');
    const b = await run(good, '--units', '50', '--seed', '7');
    expect(worst(b.out)).toBe(worst(a.out));
    const several = await run(good, '--units', '50', '--instances', '3');
    expect(several.out.match(/^ {2}network \d/gm)).toHaveLength(15);
    expect(several.out).toMatch(/15 networks \(3 of each family/);
  });

  test('a wrong closed form exits 1, naming the element and both values', async () => {
    const wrong = file('wrong.yaml', FULL_JOINT.replaceAll('s[j]*(s[i] - sigma(a(i)))', 's[i]*(s[j] - sigma(a(j)))'));
    const r = await run(wrong, '--units', '100');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      /^FAILED: at network \d \([a-z]+, \+-[\d./a-z()]+\), i = \d+, j = \d+: autodiff .*, closed form .*, error .* absolute.*; \d+ of 5 networks .* differ/m,
    );
  });

  test('a claim whose lhs is not diff(OBJ, array element) exits 2 with the reason', async () => {
    const scalar = file(
      'scalar.yaml',
      'title: t\nclaim: {lhs: "diff(x^2, x)", rhs: "2*x"}\nsteps:\n  - expr: diff(x^2, x)\n  - expr: 2*x\n',
    );
    const r = await run(scalar, '--units', '10');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/needs the claim's lhs to be diff\(OBJ, w\[i,j\]\).*here it is diff\(x\^2, x\)/);
  });

  test('an objective with opaque quantities (the seed derivation) exits 2', async () => {
    const r = await run(
      new URL('../../derivations/sigmoid-belief-net.yaml', import.meta.url).pathname,
      '--units',
      '10',
    );
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/opaque symbol `pPa`/);
  });

  test('--units beyond MAX_GRADCHECK_UNITS, a missing --units, an unreadable file: exit 2', async () => {
    const big = await run(good, '--units', '5001');
    expect(big.code).toBe(2);
    expect(big.err).toMatch(/MAX_GRADCHECK_UNITS = 5000/);
    expect((await run(good)).code).toBe(2);
    const missing = await run(join(dir, 'nope.yaml'), '--units', '10');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/:1:1: cannot read \S+: no such file \(ENOENT\)/);
  });
});
