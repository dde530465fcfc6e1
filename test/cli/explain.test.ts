import { describe, expect, it } from 'vitest';
import { explainCommand } from '../../src/cli/explain.js';

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await explainCommand(args, {
    out: (s) => {
      out += s;
    },
    err: (s) => {
      err += s;
    },
  });
  return { code, out, err };
}

describe('verify explain', () => {
  it('prints the chain rule, the sigmoid derivative, the sum rule, the delta and the cancellation, ending in s[j]*(1 - sigma(...))', async () => {
    const r = await run([
      'log(sigma(sum(k, w[i,k]*s[k])))',
      '--wrt',
      'w[i,j]',
      '--context',
      'derivations/sigmoid-belief-net.yaml',
    ]);
    expect(r.code).toBe(0);
    const order = ['[d.log]', '[d.sigma]', '[d.sum-index]', '[d.indexed]', '[nf.delta-collapse]', '[nf.cancel]'].map(
      (id) => r.out.indexOf(id),
    );
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(r.out).toContain('chain rule');
    expect(r.out).toContain('result: s[j] * (1 - sigma(sum(k, w[i, k] * s[k])))');
    expect(r.out).toContain('confirmed: the core proves');
  });
  it('gives LaTeX and JSON', async () => {
    const latex = await run(['sigma(x)', '--wrt', 'x', '--format', 'latex']);
    expect(latex.out).toContain('\\begin{aligned}');
    expect(latex.out).toContain('\\sigma');
    const json = JSON.parse((await run(['x^3', '--wrt', 'x', '--format', 'json'])).out);
    expect(json.result).toBe('3 * x^2');
    expect(json.confirmed).toBe(true);
  });
  it('reports a bad expression with its column and exit 2', async () => {
    const r = await run(['log(x', '--wrt', 'x']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^<expression>:1:\d+: /);
  });
  it('reports a broken context file with file:line:column and exit 2', async () => {
    const r = await run(['x', '--wrt', 'x', '--context', 'derivations/errors/unknown-function.yaml']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown-function\.yaml:\d+:\d+: /);
  });
});

describe('verify explain log(x) (issue 12)', () => {
  it('ends confirmed for x > 0, the condition stated, not "NOT confirmed"', async () => {
    const r = await run(['log(x)', '--wrt', 'x']);
    expect(r.out).not.toContain('NOT confirmed');
    expect(r.out).toMatch(/confirmed for x > 0: /);
  });
});
