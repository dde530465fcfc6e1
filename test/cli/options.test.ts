import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED, parseArguments, type Environment } from '../../src/cli/options.js';

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
      format: 'text',
      strict: false,
      seed: DEFAULT_SEED,
      color: true,
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
    expect(o).toEqual({ files: ['a.yaml'], format: 'json', strict: true, seed: 42, samples: 500, color: false });
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
