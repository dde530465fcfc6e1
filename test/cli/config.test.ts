/**
 * Defaults from derivcheck.config.json or package.json's "derivcheck" key:
 * read strictly (an unknown key or a wrong type is a usage error naming the
 * key), and overridden by command-line flags.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CONFIG_FILE, CONFIG_KEYS, readConfig } from '../../src/cli/config.js';
import { parseArguments, type Environment } from '../../src/cli/options.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'derivcheck-config-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, value: unknown) =>
  writeFileSync(join(dir, name), typeof value === 'string' ? value : JSON.stringify(value));

describe('readConfig', () => {
  it('no config anywhere: no defaults', () => {
    expect(readConfig(dir)).toEqual({ ok: true, defaults: {} });
    write('package.json', { name: 'x' });
    expect(readConfig(dir)).toEqual({ ok: true, defaults: {} });
  });

  it('reads every key from derivcheck.config.json', () => {
    const all = { format: 'junit', strict: true, seed: 7, samples: 30, jobs: 3, stepTimeout: 2000, quiet: true };
    expect(Object.keys(all).sort()).toEqual([...CONFIG_KEYS].sort());
    write(CONFIG_FILE, all);
    expect(readConfig(dir)).toEqual({ ok: true, defaults: all, from: CONFIG_FILE });
  });

  it('reads the derivcheck key of package.json; the config file wins over it', () => {
    write('package.json', { name: 'x', derivcheck: { seed: 5 } });
    expect(readConfig(dir)).toMatchObject({ ok: true, defaults: { seed: 5 } });
    write(CONFIG_FILE, { seed: 6 });
    expect(readConfig(dir)).toMatchObject({ ok: true, defaults: { seed: 6 } });
  });

  const bad: [string, string, unknown, RegExp][] = [
    [
      'an unknown key',
      CONFIG_FILE,
      { strict: true, strcit: false },
      /unknown key 'strcit'; the allowed keys are format, strict, seed/,
    ],
    ['a string for a boolean', CONFIG_FILE, { strict: 'yes' }, /the key 'strict' must be true or false, got "yes"/],
    ['an unknown format', CONFIG_FILE, { format: 'xml' }, /the key 'format' must be one of text, json/],
    ['a negative seed', CONFIG_FILE, { seed: -1 }, /the key 'seed' must be a nonnegative integer/],
    ['zero jobs', CONFIG_FILE, { jobs: 0 }, /the key 'jobs' must be a positive integer/],
    [
      'a fractional step timeout',
      CONFIG_FILE,
      { stepTimeout: 2.5 },
      /the key 'stepTimeout' must be a positive integer \(milliseconds\)/,
    ],
    // the limit is named for the key the file has, not for the flag it was not given as
    [
      'samples past MAX_SAMPLES',
      CONFIG_FILE,
      { samples: 1e9 },
      /the key 'samples' must be a positive integer at most 100000 \(limit MAX_SAMPLES\), got 1000000000/,
    ],
    ['an array', CONFIG_FILE, [1], /must be a JSON object/],
    ['invalid JSON', CONFIG_FILE, '{"strict": tru', /derivcheck\.config\.json is not valid JSON/],
    [
      'a bad key in package.json',
      'package.json',
      { derivcheck: { colour: true } },
      /the "derivcheck" key of package\.json: unknown key 'colour'/,
    ],
  ];
  it.each(bad)('refuses %s, naming it', (_name, file, value, message) => {
    write(file, value);
    const r = readConfig(dir);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.message).toMatch(message);
  });
});

describe('parseArguments with config defaults', () => {
  const env = (config: Environment['config']): Environment => ({ stdoutIsTTY: false, env: {}, version: '1', config });
  const run = async (args: string[], config: Environment['config']) => {
    const p = await parseArguments(args, env(config));
    if (p.kind !== 'run') throw new Error(p.stderr);
    return p.options;
  };

  it('uses the configured values when no flag is given', async () => {
    const o = await run(['a.yaml'], {
      format: 'json',
      strict: true,
      seed: 7,
      samples: 30,
      jobs: 3,
      stepTimeout: 2000,
      quiet: true,
    });
    expect(o).toEqual({
      files: ['a.yaml'],
      check: { strict: true, seed: 7, samples: 30, stepTimeoutMs: 2000, explain: false },
      format: 'json',
      jobs: 3,
      quiet: true,
      recursive: false,
      color: false,
    });
  });

  it('lets every flag override the config', async () => {
    const config = {
      format: 'json',
      strict: true,
      seed: 7,
      samples: 30,
      jobs: 3,
      stepTimeout: 2000,
      quiet: true,
    } as const;
    const o = await run(
      [
        '--format',
        'text',
        '--no-strict',
        '--seed',
        '8',
        '--samples',
        '40',
        '--jobs',
        '1',
        '--step-timeout',
        '50',
        '--no-quiet',
        'a.yaml',
      ],
      config,
    );
    expect(o).toEqual({
      files: ['a.yaml'],
      check: { strict: false, seed: 8, samples: 40, stepTimeoutMs: 50, explain: false },
      format: 'text',
      jobs: 1,
      quiet: false,
      recursive: false,
      color: false,
    });
  });
});

describe('verify in a directory with a config (the built command)', { timeout: 60_000 }, () => {
  const bin = resolve('bin/verify.js');
  const derivation = resolve('derivations/softplus.yaml');
  const verify = (...args: string[]) =>
    spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  it('takes the format from the config unless --format is given', () => {
    write(CONFIG_FILE, { format: 'json' });
    const configured = verify(derivation);
    expect(configured.status).toBe(0);
    expect(JSON.parse(configured.stdout).files[0].file).toBe(derivation);
    const flagged = verify('--format', 'text', derivation);
    expect(flagged.stdout).toMatch(/^1 file: \d+ proved/m);
  });

  it('exits 2 naming the key when the config is wrong', () => {
    write(CONFIG_FILE, { strict: true, seeed: 3 });
    const r = verify(derivation);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^verify: derivcheck\.config\.json: unknown key 'seeed'/);
    expect(r.stdout).toBe('');
  });
});
