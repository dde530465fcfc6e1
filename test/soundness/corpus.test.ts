/**
 * The soundness corpus: adversarial derivations under test/soundness/cases/,
 * each with its expected verdicts decided from the mathematics (header.ts),
 * checked in process (or through bin/verify.js for `# run: cli`), with an
 * independent oracle (oracle.ts: mathjs BigNumber) confirming every witness
 * of a false step, every stated agreement of a true one, and every
 * counterexample the checker reports for a plain expression.
 *
 * Cases whose wrong verdict comes from the numeric comparison (src/numeric/,
 * being rewritten) are listed in known-numeric.json and run as `it.fails`: the
 * suite stays green, and a case that starts to pass turns red until its entry
 * is removed.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { verifyText } from '../../src/derivation/verify.js';
import type { FileResult, StepResult } from '../../src/verdict/result.js';
import { type Header, parseHeader } from './header.js';
import { oracleCanRead, oracleValue, relate } from './oracle.js';

const root = new URL('./cases/', import.meta.url).pathname;
const repo = new URL('../../', import.meta.url).pathname;

interface KnownNumeric {
  readonly file: string;
  readonly location: string;
  readonly expected: string;
  readonly observed: string;
  readonly why: string;
}
const known: readonly KnownNumeric[] = JSON.parse(readFileSync(new URL('./known-numeric.json', import.meta.url), 'utf8'));

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? yamlFiles(p) : p.endsWith('.yaml') ? [p] : [];
    })
    .sort();
}

const files = yamlFiles(root);
const isTrue = (s: StepResult) => s.status === 'proved' || s.status === 'numeric';

/** why: a `run: cli` case must end by itself; twice vitest's test limit would be too late to be a guard */
const CLI_GUARD_MS = 50_000;

function check(file: string, text: string, header: Header): FileResult {
  if (!header.cli) return verifyText(relative(repo, file), text, { seed: 1, strict: false });
  const r = spawnSync(process.execPath, ['--max-old-space-size=1024', 'bin/verify.js', '--format', 'json', file], {
    cwd: repo,
    encoding: 'utf8',
    timeout: CLI_GUARD_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(r.signal, `${r.stderr}`.slice(0, 500)).toBeNull();
  expect(`${r.stdout}${r.stderr}`).not.toMatch(/internal error|FATAL ERROR|heap out of memory|\n\s+at .*:\d+:\d+/i);
  const result = JSON.parse(r.stdout).files[0] as FileResult;
  const failed = result.steps.some((s) => s.status === 'failed');
  const errored = result.steps.some((s) => s.status === 'error');
  expect(r.status).toBe(errored ? 2 : failed ? 1 : 0);
  return result;
}

/** the two texts a location compares: its predecessor's and its own, when both are plain `expr` text */
function sides(doc: Record<string, unknown>, loc: string): [string, string] | undefined {
  const steps = (doc.steps as { expr?: unknown }[] | undefined) ?? [];
  const text = (e: unknown) => (typeof e === 'string' || typeof e === 'number' ? String(e) : undefined);
  const claim = doc.claim as { lhs?: unknown; rhs?: unknown } | undefined;
  let pair: [string | undefined, string | undefined] | undefined;
  const m = /^steps\[(\d+)\]$/.exec(loc);
  if (m && Number(m[1]) >= 1) pair = [text(steps[Number(m[1]) - 1]?.expr), text(steps[Number(m[1])]?.expr)];
  if (loc === 'claim.lhs') pair = [text(claim?.lhs), text(steps[0]?.expr)];
  if (loc === 'claim.rhs' && !doc.cases) pair = [text(steps[steps.length - 1]?.expr), text(claim?.rhs)];
  if (!pair || pair[0] === undefined || pair[1] === undefined) return undefined;
  if (doc.define || !oracleCanRead(pair[0]) || !oracleCanRead(pair[1])) return undefined;
  return [pair[0], pair[1]];
}

function expectVerdicts(result: FileResult, header: Header): void {
  const got = result.steps.map((s) => `${s.location}: ${s.status}${s.code ? ` ${s.code}` : ''}`);
  const byLoc = new Map(result.steps.map((s) => [s.location, s]));
  for (const [loc, exp] of header.expect) {
    const s = byLoc.get(loc);
    expect(s, `no result at ${loc}; got ${got.join('; ')}`).toBeDefined();
    const detail = `${loc}: ${s!.status} ${s!.message.slice(0, 300)}`;
    if (exp.kind === 'true') expect(isTrue(s!), detail).toBe(true);
    else expect(`${s!.status}${s!.status === 'error' ? ` ${s!.code}` : ''}`, detail).toBe(exp.kind === 'error' ? `error ${exp.code}` : 'failed');
  }
  const unexpected = result.steps.filter((s) => !header.expect.has(s.location) && !isTrue(s));
  expect(unexpected.map((s) => `${s.location}: ${s.status} ${s.message.slice(0, 300)}`)).toEqual([]);
  expect(result.ok).toBe(result.steps.every(isTrue));
}

function expectWitnesses(header: Header, doc: Record<string, unknown>): void {
  for (const [loc, point] of header.witness) {
    const pair = sides(doc, loc);
    expect(pair, `${loc}: the oracle cannot read this step`).toBeDefined();
    const [a, b] = pair!.map((t) => oracleValue(t, point));
    expect(relate(a!, b!), `${loc} at ${JSON.stringify(point)}: ${JSON.stringify([a, b])}`).toBe('differ');
  }
  for (const [loc, points] of header.agree) {
    const pair = sides(doc, loc);
    expect(pair, `${loc}: the oracle cannot read this step`).toBeDefined();
    for (const point of points) {
      const [a, b] = pair!.map((t) => oracleValue(t, point));
      expect(relate(a!, b!), `${loc} at ${JSON.stringify(point)}: ${JSON.stringify([a, b])}`).toBe('agree');
    }
  }
}

function expectCertificates(result: FileResult, doc: Record<string, unknown>): void {
  for (const s of result.steps) {
    const pair = s.status === 'failed' && s.counterexample ? sides(doc, s.location) : undefined;
    if (!pair || /\b(sum|n)\b/.test(Object.keys(s.counterexample!.values).join(' '))) continue;
    const [a, b] = pair.map((t) => oracleValue(t, s.counterexample!.values));
    expect(relate(a!, b!), `the checker's counterexample at ${s.location}: ${JSON.stringify([s.counterexample, a, b])}`).toBe(
      'differ',
    );
  }
}

function readDoc(text: string): Record<string, unknown> {
  try {
    const doc = parseYaml(text) as unknown;
    return doc !== null && typeof doc === 'object' ? (doc as Record<string, unknown>) : {};
  } catch {
    return {}; // a case that is bad YAML on purpose has no sides for the oracle
  }
}

describe('the soundness corpus', () => {
  it('has at least 100 cases, each with a readable header', () => {
    expect(files.length).toBeGreaterThanOrEqual(100);
    const problems = files.flatMap((f) => parseHeader(readFileSync(f, 'utf8')).problems.map((p) => `${relative(root, f)}: ${p}`));
    expect(problems).toEqual([]);
  });
  it('every known-numeric entry names a corpus file and one of its expected locations', () => {
    for (const k of known) {
      const file = join(root, k.file);
      expect(files, k.file).toContain(file);
      expect([...parseHeader(readFileSync(file, 'utf8')).expect.keys()], k.file).toContain(k.location);
    }
  });
  for (const file of files) {
    const name = relative(root, file);
    const text = readFileSync(file, 'utf8');
    const header = parseHeader(text);
    const test = known.some((k) => k.file === name) ? it.fails : it;
    const doc = readDoc(text);
    if (header.witness.size + header.agree.size > 0)
      it(`${name}: the oracle confirms the stated points`, () => expectWitnesses(header, doc));
    test(name, () => {
      const result = check(file, text, header);
      expectVerdicts(result, header);
      expectCertificates(result, doc);
    });
  }
});
