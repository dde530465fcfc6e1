import { describe, expect, it } from 'vitest';
import type { FileResult } from '../../src/verdict/result.js';
import { escapeData, escapeProperty, formatGithub } from '../../src/report/github.js';
import { allProved, mixed, withError } from './fixtures.js';

const lines = (results: FileResult[], strict = false) => formatGithub(results, { strict }).trimEnd().split('\n');

/** a workflow command split as the runner splits it: level, properties (unescapeValued), message (unescapeValued) */
function parseCommand(line: string) {
  const m = /^::(\w+) ([^:]*)::(.*)$/.exec(line);
  if (m === null) throw new Error(`not a workflow command: ${line}`);
  const unescapeValue = (s: string) =>
    s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const props = Object.fromEntries(
    m[2]!.split(',').map((p) => {
      const [name, ...value] = p.split('=');
      return [name!, unescapeValue(value.join('='))];
    }),
  );
  return { level: m[1]!, props, message: unescapeValue(m[3]!) };
}

describe('formatGithub', () => {
  it('annotates the failed step as an error at its file, line and column', () => {
    const failed = lines([mixed]).filter((l) => l.startsWith('::error'));
    expect(failed).toHaveLength(1);
    const c = parseCommand(failed[0]!);
    expect(c.props).toEqual({
      file: mixed.file,
      line: '43',
      col: '15',
      title: 'derivcheck: failed step cases[1].steps[1]',
    });
    expect(c.message.split('\n')[0]).toBe('not equal to the previous step');
    expect(c.message).toMatch(/w\[1,2\] += 0\.75/);
    expect(c.message).toContain('by: chain rule');
  });

  it('writes each annotation on one line, the title and message escaped', () => {
    const failed = lines([mixed]).find((l) => l.startsWith('::error'))!;
    expect(
      failed.startsWith(
        '::error file=derivations/wrong/sign-slip.yaml,line=43,col=15,title=derivcheck%3A failed step cases[1].steps[1]::not equal to the previous step%0A',
      ),
    ).toBe(true);
    expect(failed).not.toMatch(/[\r\n]/);
  });

  it('adds a notice for a numeric step and nothing for proved ones', () => {
    const out = lines([mixed]);
    const notices = out.filter((l) => l.startsWith('::notice') && !l.includes('premises of'));
    expect(notices).toHaveLength(1);
    expect(parseCommand(notices[0]!).props).toMatchObject({ line: '41', col: '15' });
    expect(parseCommand(notices[0]!).message).toContain('200 points agree, 3 skipped, seed 7');
    expect(lines([allProved])).toEqual(['derivcheck: 1 file: 2 proved, 0 numeric, 0 failed, 0 errors']);
  });

  it('makes a numeric step an error under --strict', () => {
    const out = lines([mixed], true);
    expect(out.filter((l) => l.startsWith('::notice') && !l.includes('premises of'))).toEqual([]);
    expect(out.filter((l) => l.startsWith('::error')).map((l) => parseCommand(l).props.line)).toEqual(['41', '43']);
  });

  it('lists every premise of a file in one notice', () => {
    const premises = lines([mixed]).filter((l) => l.includes('premises of'));
    expect(premises).toHaveLength(1);
    const c = parseCommand(premises[0]!);
    expect(c.props).toMatchObject({ file: mixed.file, line: '14' });
    expect(c.message.split('\n')).toEqual(mixed.premises.map((q) => `line ${q.line}, ${q.kind}: ${q.text}`));
  });

  it('reports an input error with its code', () => {
    const c = parseCommand(lines([withError])[0]!);
    expect(c.level).toBe('error');
    expect(c.props).toEqual({
      file: withError.file,
      line: '8',
      col: '11',
      title: 'derivcheck: error in steps[1] [unknown-function]',
    });
    expect(c.message).toBe('unknown function sigmoid; did you mean sigma?');
  });

  it('ends with the summary line', () => {
    expect(lines([mixed, allProved, withError]).at(-1)).toBe(
      'derivcheck: 3 files: 3 proved, 1 numeric, 1 failed, 1 error',
    );
  });

  it('cannot be made to run another command by text in a message or a file name', () => {
    const evil: FileResult = {
      ...withError,
      file: 'a,b:c%d.yaml',
      steps: [{ ...withError.steps[0]!, message: '100% wrong\r\n::error::injected\n' }],
    };
    const out = lines([evil]);
    expect(out).toHaveLength(2);
    const c = parseCommand(out[0]!);
    expect(out[0]).toContain('file=a%2Cb%3Ac%25d.yaml,');
    expect(c.props.file).toBe('a,b:c%d.yaml');
    expect(c.message).toBe('100% wrong\r\n::error::injected\n');
  });

  it('escapes data and properties as @actions/core does', () => {
    expect(escapeData('50%\r\n:,')).toBe('50%25%0D%0A:,');
    expect(escapeProperty('50%\r\n:,')).toBe('50%25%0D%0A%3A%2C');
    expect(escapeData('%0A')).toBe('%250A');
  });
});
