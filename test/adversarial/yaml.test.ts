/**
 * Hostile YAML: alias bombs ("billion laughs") and nesting 100000 deep in
 * every form the YAML syntax allows (flow sequences and maps, compact block
 * sequences, indentation). The yaml library overflows its stack near 1000
 * levels and exhausts memory near 20000, so the loader refuses deep text
 * before parsing it (MAX_YAML_NESTING).
 */
import { afterAll, describe, it } from 'vitest';
import { expectRefused, scratch } from './harness.js';

const files = scratch('yaml');
afterAll(files.cleanup);

const DEPTH = 100_000;
const head = 'title: hostile\nsteps:\n  - expr: x\n';

describe('YAML alias bombs end within 2 s, exit 2, naming MAX_ALIASES', () => {
  it('billion laughs: ten levels of ten aliases each', () => {
    const lines = ['title: bomb', 'a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]'];
    for (let k = 1; k < 10; k++)
      lines.push(
        `a${k}: &a${k} [${Array(10)
          .fill(`*a${k - 1}`)
          .join(', ')}]`,
      );
    const text = `${lines.join('\n')}\nsteps:\n  - expr: x\n`;
    expectRefused(files.path('laughs.yaml', text), text, 'MAX_ALIASES');
  });
  it('one step aliased thousands of times', () => {
    const text = `title: bomb\nsteps:\n  - &s {expr: x}\n${'  - *s\n'.repeat(5000)}`;
    expectRefused(files.path('aliased-steps.yaml', text), text, 'MAX_ALIASES');
  });
});

describe(`YAML nested ${DEPTH} deep ends within 2 s, exit 2, naming MAX_YAML_NESTING`, () => {
  it.each([
    ['flow sequences', `${head}source: ${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}\n`],
    ['flow maps', `${head}source: ${'{a: '.repeat(DEPTH)}1${'}'.repeat(DEPTH)}\n`],
    ['compact block sequences', `${head}source:\n  ${'- '.repeat(DEPTH)}x\n`],
    [
      'indentation (as deep as the file-size limit allows)',
      `${head}source:\n${Array.from({ length: 1500 }, (_, k) => `${' '.repeat(k + 1)}a:`).join('\n')} 1\n`,
    ],
  ])('%s', (what, text) => {
    expectRefused(files.path(`deep-${what.split(' ')[0]}-${what.split(' ')[1]}.yaml`, text), text, 'MAX_YAML_NESTING');
  });
});
