/**
 * Names that clash with built-ins (sigma, e, pi, sum, ...) and with
 * JavaScript's object machinery (__proto__, constructor, prototype): each is
 * refused where it is declared, defined or used, with its place and the
 * reason, within 2 s; none pollutes a prototype or crashes. Ordinary
 * property names such as toString work as variables.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { ANSWER_WITHIN_MS, checkInProcess, expectOrderly, runCli, scratch } from './harness.js';

const files = scratch('names');
afterAll(files.cleanup);

/** every way a name can enter a derivation */
const uses = (name: string) => ({
  declared: `title: clash\nsymbols:\n  ${name}: {domain: positive, opaque: false}\nsteps:\n  - expr: x\n`,
  defined: `title: clash\ndefine:\n  ${name}: x + 1\nsteps:\n  - expr: x\n`,
  'defined as a function': `title: clash\ndefine:\n  ${name}(u): u + 1\nsteps:\n  - expr: x\n`,
  used: `title: clash\nsteps:\n  - expr: ${name} * 2\n  - expr: 2 * ${name}\n`,
});

/** an error with code reserved-name and a place, in process; with `cli`, also exit 2, file:line:column, the name and no crash from the command */
function expectReserved(name: string, how: string, text: string, cli: boolean): void {
  const file = files.path(`${name}-${how.replace(/ /g, '-')}.yaml`, text);
  if (cli) {
    const run = runCli(file);
    expectOrderly(run);
    expect(run.code, run.output).toBe(2);
    expect(run.output).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+`));
    expect(run.output).toContain('reserved');
    expect(run.output).toContain(`'${name}'`);
  }
  const { result, ms } = checkInProcess(file, text);
  expect(ms).toBeLessThan(ANSWER_WITHIN_MS);
  const reserved = result.steps.filter((s) => s.status === 'error' && s.code === 'reserved-name');
  expect(reserved.length).toBeGreaterThan(0);
  for (const s of reserved) {
    expect(s.message).toContain(`'${name}'`);
    expect(s.line).toBeGreaterThan(1);
    expect(s.column).toBeGreaterThan(0);
  }
}

describe('names of built-ins cannot be declared or defined', () => {
  for (const name of ['sigma', 'e', 'pi', 'sum', 'diff', 'delta', 'exp', 'log']) {
    for (const [how, text] of Object.entries(uses(name))) {
      if (how === 'used') continue; // using a built-in is the point of it
      // the command once per name (process start-up is the cost); every form in process
      it(`${name} ${how}`, () => expectReserved(name, how, text, how === 'declared'));
    }
  }
});

describe('__proto__, constructor and prototype are refused wherever they appear', () => {
  for (const name of ['__proto__', 'constructor', 'prototype']) {
    for (const [how, text] of Object.entries(uses(name))) {
      it(`${name} ${how}`, () => {
        expectReserved(name, how, text, true);
        // nothing leaked onto Object.prototype from the in-process run
        expect(({} as Record<string, unknown>).domain).toBeUndefined();
        expect(({} as Record<string, unknown>).opaque).toBeUndefined();
      });
    }
  }
});

describe('other Object.prototype names are ordinary variables', () => {
  for (const name of ['toString', 'hasOwnProperty', 'valueOf']) {
    it(`${name} declared positive: log(${name}^2) = 2 log(${name}) is proved`, () => {
      const text = `title: fine\nsymbols:\n  ${name}: {domain: positive, opaque: false}\nsteps:\n  - expr: log(${name}^2)\n  - expr: 2*log(${name})\n`;
      const file = files.path(`${name}.yaml`, text);
      const run = runCli(file);
      expectOrderly(run);
      expect(run.code, run.output).toBe(0);
      const { result } = checkInProcess(file, text);
      expect(result.steps.map((s) => s.status)).toEqual(['proved', 'proved']);
    });
  }
});
