import { describe, expect, it } from 'vitest';
import type { FileResult } from '../../src/verdict/result.js';
import { formatJunit, junitClassname } from '../../src/report/junit.js';
import { allProved, mixed, withError } from './fixtures.js';

/** an element of the minimal XML tree below */
interface Element {
  readonly name: string;
  readonly attrs: Record<string, string>;
  readonly children: Element[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** character data with its references decoded; throws on a bare `&` or an unknown entity */
function decode(raw: string): string {
  return raw.replace(/&([^;]*);|&/g, (_whole, name: string | undefined) => {
    if (name === undefined) throw new Error(`bare & in ${JSON.stringify(raw)}`);
    if (name in ENTITIES) return ENTITIES[name]!;
    const num = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(name);
    if (num === null) throw new Error(`unknown entity &${name};`);
    return String.fromCodePoint(num[1] !== undefined ? parseInt(num[1], 16) : parseInt(num[2]!, 10));
  });
}

const NAME = '[A-Za-z_:][-A-Za-z0-9_:.]*';
const XML_CHARS = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

/**
 * A minimal well-formedness check and parser: one optional XML declaration,
 * one root element, balanced tags, quoted attributes without `<`, unique
 * attribute names, only legal XML 1.0 characters and known references.
 * Throws on anything else; returns the root.
 */
function parseXml(xml: string): Element {
  if (!XML_CHARS.test(xml)) throw new Error('a character XML 1.0 forbids');
  let rest = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const root: Element = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: Element[] = [root];
  const tag = new RegExp(`^<(/?)(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>`);
  while (rest.length > 0) {
    const top = stack[stack.length - 1]!;
    if (rest.startsWith('<')) {
      const m = tag.exec(rest);
      if (m === null) throw new Error(`malformed tag at ${JSON.stringify(rest.slice(0, 60))}`);
      const [whole, closing, name, attrText, selfClosing] = m;
      rest = rest.slice(whole.length);
      if (closing === '/') {
        if (attrText !== '' || selfClosing === '/') throw new Error(`malformed end tag ${whole}`);
        if (top.name !== name) throw new Error(`</${name}> closes <${top.name}>`);
        stack.pop();
        continue;
      }
      const attrs: Record<string, string> = {};
      for (const a of attrText!.matchAll(new RegExp(`(${NAME})\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'g'))) {
        if (a[1]! in attrs) throw new Error(`duplicate attribute ${a[1]} on <${name}>`);
        attrs[a[1]!] = decode(a[2] ?? a[3]!);
      }
      const el: Element = { name: name!, attrs, children: [], text: '' };
      if (top === root && root.children.length > 0) throw new Error('more than one root element');
      top.children.push(el);
      if (selfClosing !== '/') stack.push(el);
    } else {
      const end = rest.indexOf('<');
      const raw = end === -1 ? rest : rest.slice(0, end);
      rest = end === -1 ? '' : rest.slice(end);
      if (top === root) {
        if (raw.trim() !== '') throw new Error(`text outside the root: ${JSON.stringify(raw)}`);
      } else {
        if (raw.includes(']]>')) throw new Error(']]> in text');
        top.text += decode(raw);
      }
    }
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1]!.name}>`);
  if (root.children.length !== 1) throw new Error('no root element');
  return root.children[0]!;
}

const all = (el: Element, name: string): Element[] =>
  el.children.flatMap((c) => (c.name === name ? [c, ...all(c, name)] : all(c, name)));

const when = new Date('2025-03-04T05:06:07.890Z');
const junit = (results: FileResult[], strict = false, seconds?: number[]) =>
  parseXml(formatJunit(results, { started: when, strict, seconds }));

describe('the minimal XML checker used here', () => {
  it('rejects what is not well-formed', () => {
    expect(() => parseXml('<a><b></a></b>')).toThrow(/closes/);
    expect(() => parseXml('<a x="1" x="2"/>')).toThrow(/duplicate/);
    expect(() => parseXml('<a>x & y</a>')).toThrow(/bare &/);
    expect(() => parseXml('<a x="<"/>')).toThrow(/malformed/);
    expect(() => parseXml('<a>\u0001</a>')).toThrow(/forbids/);
    expect(() => parseXml('<a/><b/>')).toThrow(/root/);
    expect(() => parseXml('<a>')).toThrow(/unclosed/);
    expect(parseXml('<a x="&lt;&#10;">t&amp;</a>')).toMatchObject({ name: 'a', attrs: { x: '<\n' }, text: 't&' });
  });
});

describe('formatJunit', () => {
  it('is well-formed XML with a declaration and a <testsuites> root', () => {
    const xml = formatJunit([mixed, allProved, withError], { started: when, strict: false });
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites')).toBe(true);
    expect(xml.endsWith('</testsuites>\n')).toBe(true);
    expect(parseXml(xml).name).toBe('testsuites');
  });

  it('counts tests, failures and errors over all files and per file', () => {
    const root = junit([mixed, allProved, withError], false, [1.5, 0.25, 0]);
    expect(root.attrs).toEqual({ name: 'derivcheck', tests: '6', failures: '1', errors: '1', time: '1.750' });
    const suites = root.children.filter((c) => c.name === 'testsuite');
    expect(
      suites.map((s) => [s.attrs.name, s.attrs.tests, s.attrs.failures, s.attrs.errors, s.attrs.skipped, s.attrs.time]),
    ).toEqual([
      [mixed.file, '3', '1', '0', '0', '1.500'],
      [allProved.file, '2', '0', '0', '0', '0.250'],
      [withError.file, '1', '0', '1', '0', '0.000'],
    ]);
    for (const s of suites) expect(s.attrs.timestamp).toBe('2025-03-04T05:06:07');
  });

  it('has one testcase per step, named by location and line, with file and line', () => {
    const cases = all(junit([mixed]), 'testcase');
    expect(cases.map((c) => c.attrs.name)).toEqual([
      'steps[0] (line 20)',
      'cases[1].steps[0] (line 41)',
      'cases[1].steps[1] (line 43)',
    ]);
    for (const c of cases) {
      expect(c.attrs.classname).toBe('derivations.wrong.sign-slip');
      expect(c.attrs.file).toBe(mixed.file);
    }
    expect(cases.map((c) => c.attrs.line)).toEqual(['20', '41', '43']);
  });

  it('puts the failure, with message and counterexample, on the failed step only', () => {
    const cases = all(junit([mixed]), 'testcase');
    expect(cases.map((c) => c.children.map((e) => e.name))).toEqual([[], ['system-out'], ['failure']]);
    const failure = cases[2]!.children[0]!;
    expect(failure.attrs).toEqual({ message: 'not equal to the previous step', type: 'failed' });
    expect(failure.text).toContain('derivations/wrong/sign-slip.yaml:43:15  cases[1].steps[1]');
    expect(failure.text).toContain('by: chain rule');
    expect(failure.text).toMatch(/w\[1,2\] += 0\.75/);
    expect(failure.text).toMatch(/previous step += -0\.6791786991753930/);
    expect(failure.text).toMatch(/this step += 0\.6791786991753930/);
    expect(failure.text).toMatch(/seed += 7/);
  });

  it('gives a numeric step its evidence in system-out and lets it pass', () => {
    const out = all(junit([mixed]), 'testcase')[1]!.children[0]!;
    expect(out.name).toBe('system-out');
    expect(out.text).toContain('not proved symbolically: 200 points agree, 3 skipped, seed 7, 20 random networks');
  });

  it('makes a numeric step a failure of type numeric under strict', () => {
    const root = junit([mixed], true);
    expect(root.attrs.failures).toBe('2');
    const numeric = all(root, 'testcase')[1]!;
    expect(numeric.children.map((e) => [e.name, e.attrs.type])).toEqual([
      ['failure', 'numeric'],
      ['system-out', undefined],
    ]);
  });

  it('reports an input problem as an error typed by its code', () => {
    const error = all(junit([withError]), 'error');
    expect(error).toHaveLength(1);
    expect(error[0]!.attrs).toEqual({
      message: 'unknown function sigmoid; did you mean sigma?',
      type: 'unknown-function',
    });
    expect(all(junit([withError]), 'failure')).toHaveLength(0);
  });

  it('escapes markup and drops characters XML forbids, keeping the rest of the text', () => {
    const nasty = `a <b> & "c" 'd' ]]> \u0000\u001b[31m\u0008 \uD800 ok\nnext line`;
    const evil: FileResult = {
      ...mixed,
      file: 'dir/<evil>&"name".yaml',
      title: '</testsuite><x>',
      steps: [{ ...mixed.steps[2]!, message: nasty, by: '<!-- -->' }],
    };
    const root = junit([evil]);
    const failure = all(root, 'failure')[0]!;
    expect(failure.attrs.message).toBe(`a <b> & "c" 'd' ]]> [31m  ok\nnext line`);
    expect(failure.text).toContain('by: <!-- -->');
    expect(all(root, 'testsuite')[0]!.attrs.name).toBe('dir/<evil>&"name".yaml');
    expect(all(root, 'property').find((p) => p.attrs.name === 'title')!.attrs.value).toBe('</testsuite><x>');
    expect(all(root, 'testcase')).toHaveLength(1);
  });

  it('lists the title, seed and premises as properties', () => {
    const props = all(junit([mixed]), 'property').map((p) => [p.attrs.name, p.attrs.value]);
    expect(props).toEqual([
      ['title', mixed.title],
      ['seed', '7'],
      ['premise.line14.definition', 'pN = pPa * pR * ps'],
      ['premise.line40.case-definition', 'ps = 1 - sigma(a(i)) when s[i] = 0'],
    ]);
  });

  it('is an empty but valid document for no files', () => {
    const root = junit([]);
    expect(root.attrs).toMatchObject({ tests: '0', failures: '0', errors: '0' });
    expect(root.children).toEqual([]);
  });

  it('derives a dotted class name from the file path', () => {
    expect(junitClassname('derivations/wrong/sign-slip.yaml')).toBe('derivations.wrong.sign-slip');
    expect(junitClassname('./a/b.yml')).toBe('a.b');
    expect(junitClassname('x.yaml')).toBe('x');
    // an absolute path gives no leading dot (an empty first package name)
    expect(junitClassname('/home/ci/repo/derivations/a.yaml')).toBe('home.ci.repo.derivations.a');
    expect(junitClassname('C:\\work\\d\\a.yaml')).toBe('C:.work.d.a');
  });
});
