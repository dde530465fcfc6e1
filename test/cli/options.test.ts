import { describe, expect, it } from 'vitest';
import { parseArguments, plainFiles, type Environment } from '../../src/cli/options.js';
import { DEFAULT_SEED } from '../../src/verdict/settings.js';

const tty: Environment = { stdoutIsTTY: true, env: {}, version: '1.2.3' };

async function options(args: string[], env: Environment = tty) {
  const parsed = await parseArguments(args, env);
  if (parsed.kind !== 'run') throw new Error(`expected a run, got exit ${parsed.code}: ${parsed.stderr ?? ''}`);
  return parsed.options;
}

describe('parseArguments', () => {
  it('defaults to text, not strict, the fixed seed, no sample count', async () => {
    expect(await options(['a.yaml', 'b.yaml'])).toEqual({
      files: ['a.yaml', 'b.yaml'],
      check: { strict: false, seed: DEFAULT_SEED, explain: false },
      format: 'text',
      color: true,
      quiet: false,
      recursive: false,
    });
  });

  it('reads every option', async () => {
    const o = await options([
      '--format',
      'json',
      '--strict',
      '--seed',
      '42',
      '--samples',
      '500',
      '--no-color',
      'a.yaml',
    ]);
    expect(o).toEqual({
      files: ['a.yaml'],
      check: { strict: true, seed: 42, samples: 500, explain: false },
      format: 'json',
      color: false,
      quiet: false,
      recursive: false,
    });
  });

  it('colours only on a terminal without NO_COLOR, unless told', async () => {
    expect((await options(['a.yaml'], { ...tty, stdoutIsTTY: false })).color).toBe(false);
    expect((await options(['a.yaml'], { ...tty, env: { NO_COLOR: '1' } })).color).toBe(false);
    expect((await options(['a.yaml'], { ...tty, env: { NO_COLOR: '' } })).color).toBe(true);
    expect((await options(['--color', 'a.yaml'], { ...tty, stdoutIsTTY: false })).color).toBe(true);
  });

  it('answers --version with the given version', async () => {
    expect(await parseArguments(['--version'], tty)).toEqual({ kind: 'exit', code: 0, stdout: '1.2.3\n' });
  });
});

describe('a numeric option that is not a number', () => {
  it.each([
    [['--seed', 'abc', 'a.yaml'], "--seed must be a nonnegative integer, got 'abc'"],
    [['--seed=abc', 'a.yaml'], "--seed must be a nonnegative integer, got 'abc'"],
    [['--samples', 'many', 'a.yaml'], "--samples must be a positive integer, got 'many'"],
    [['--jobs', 'x2', 'a.yaml'], "--jobs must be a positive integer, got 'x2'"],
    [['--step-timeout', '1s', 'a.yaml'], "--step-timeout must be a positive integer (milliseconds), got '1s'"],
    [['--seed', '1.5', 'a.yaml'], "--seed must be a nonnegative integer, got '1.5'"],
    // an empty value once became seed 0, and a hexadecimal or exponent one another number than typed
    [['--seed', '', 'a.yaml'], "--seed must be a nonnegative integer, got ''"],
    [['--seed=', 'a.yaml'], "--seed must be a nonnegative integer, got ''"],
    [['--seed', '0x10', 'a.yaml'], "--seed must be a nonnegative integer, got '0x10'"],
    [['--samples', '1e3', 'a.yaml'], "--samples must be a positive integer, got '1e3'"],
    [['--jobs', ' ', 'a.yaml'], "--jobs must be a positive integer, got ' '"],
  ])('%j: the message quotes what was typed (not "got null")', async (args, message) => {
    const r = await parseArguments(args, tty);
    expect(r).toMatchObject({ kind: 'exit', code: 2 });
    if (r.kind === 'exit') {
      expect(r.stderr).toContain(message);
      expect(r.stderr).not.toContain('null');
    }
  });
});

describe('plain file names are parsed without yargs, to what yargs gives', () => {
  const configs = [
    {},
    { format: 'json' as const, strict: true, seed: 7, samples: 20, jobs: 3, stepTimeout: 500, quiet: true },
    { quiet: false, format: 'html' as const },
  ];
  const lists = [
    ['a.yaml'],
    ['derivations/sigmoid-belief-net.yaml', 'docs/', 'x/**/*.yml', 'with space.yaml', 'é.yaml'],
    ['help', 'version', 'a=b.yaml', '_x.yaml'],
  ];
  for (const config of configs)
    for (const files of lists)
      it(`${JSON.stringify(files)} with config ${JSON.stringify(config)}`, async () => {
        for (const e of [tty, { ...tty, stdoutIsTTY: false }, { ...tty, env: { NO_COLOR: '1' } }]) {
          const env = { ...e, config };
          expect(plainFiles(files)).toBe(true);
          expect(await parseArguments(files, env)).toEqual(await parseArguments(files, env, 'yargs'));
        }
      });

  it('anything else goes to yargs: options, a dash, what yargs reads as a number, no file at all', async () => {
    for (const args of [['--strict', 'a.yaml'], ['a.yaml', '-r'], ['-'], ['12'], ['1e3'], ['.5'], ['0x1f'], ['+1'], []])
      expect(plainFiles(args), JSON.stringify(args)).toBe(false);
    // and yargs answers them as before: no file is a usage error
    const none = await parseArguments([], tty);
    expect(none.kind === 'exit' && none.code).toBe(2);
  });
});
