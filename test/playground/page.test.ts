/**
 * The playground's parts that run without a browser: the URL fragment, the
 * menu's titles, the page's script embedding, and the worker's answer (the
 * checker and the rendering, called directly). The page in a browser is
 * test/browser/playground.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { titleOf } from '../../src/playground/examples.js';
import { readFragment, textFragment } from '../../src/playground/fragment.js';
import { BOOT_JS, jsonForScript, PLAYGROUND_CSP, playgroundPage, scriptSafe } from '../../src/playground/page.js';
import { check } from '../../src/playground/worker.js';

const WRONG = `title: Chain rule
steps:
  - expr: diff(sin(x^2), x)
  - expr: cos(x^2)
`;

describe('the URL fragment', () => {
  it('carries any text there and back, line breaks, quotes, # and % included', () => {
    for (const text of [WRONG, 'a # b % c & d = e\n\t"\'`', 'latex: \\frac{d}{dx} x^2 · α', ''])
      expect(readFragment(textFragment(text))).toEqual({ kind: 'text', text });
  });

  it('names an example, and asks for nothing when empty or malformed', () => {
    expect(readFragment('#example=teaching%2Fsign-slip')).toEqual({ kind: 'example', name: 'teaching/sign-slip' });
    expect(readFragment('')).toEqual({ kind: 'none' });
    expect(readFragment('#yaml=%E0%A4%A')).toEqual({ kind: 'none' });
    expect(readFragment('#other')).toEqual({ kind: 'none' });
  });
});

describe('the menu', () => {
  it('titles an example by its title: line, quotes removed', () => {
    expect(titleOf(WRONG)).toBe('Chain rule');
    expect(titleOf("# c\ntitle: 'Sign: slip'\nsteps: []")).toBe('Sign: slip');
    expect(titleOf('steps: []')).toBeUndefined();
  });
});

describe('the page', () => {
  it('embeds scripts so that no </script ends them early, keeping their meaning', () => {
    const code = 'var s = "</script><b>"; var r = /<\\/script>/;';
    const safe = scriptSafe(code);
    expect(safe).not.toMatch(/<\/script/i);
    expect(new Function(`${safe}; return s;`)()).toBe('</script><b>');
    expect(() => scriptSafe('a <!-- b')).toThrow(/<!--/);
    const json = jsonForScript([{ text: '</script><!--' }]);
    expect(json).not.toContain('<');
    expect(JSON.parse(json)).toEqual([{ text: '</script><!--' }]);
  });

  it('is one page with its scripts, the examples and a policy that allows no request', () => {
    const page = playgroundPage({
      katexCss: '.katex{}',
      appJs: 'void 0;',
      workerJs: 'void 1;',
      examples: [{ name: 'teaching/x', group: 'exercises', title: 'X <y>', text: WRONG }],
    });
    expect(page).toContain(`content="${PLAYGROUND_CSP.replace(/'/g, '&apos;')}"`);
    expect(PLAYGROUND_CSP).toMatch(/^default-src 'none';/);
    expect(PLAYGROUND_CSP).not.toMatch(/connect-src|https?:/);
    expect(page).toContain('<script type="text/plain" id="worker-source">void 1;</script>');
    // the worker starts from the head, before the style sheets and the body are read
    expect(page.indexOf('id="worker-source"')).toBeLessThan(page.indexOf('<style>'));
    expect(page.indexOf(`<script>${BOOT_JS}</script>`)).toBeGreaterThan(page.indexOf('id="worker-source"'));
    expect(page.indexOf(`<script>${BOOT_JS}</script>`)).toBeLessThan(page.indexOf('</head>'));
    expect(page).toContain('<script>void 0;</script>');
    expect(page).not.toMatch(/\ssrc=|<link|@import/);
    const json = /<script type="application\/json" id="examples">(.*?)<\/script>/s.exec(page)![1]!;
    expect(JSON.parse(json)[0].title).toBe('X <y>');
  });
});

describe('the worker', () => {
  it('answers with the failed step, its counterexample and the diagnosis, each step with its line', () => {
    const reply = check({ id: 7, text: WRONG });
    expect(reply.id).toBe(7);
    expect(reply.ok).toBe(false);
    expect(reply.counts).toEqual({ proved: 1, numeric: 0, failed: 1, error: 0 });
    expect(reply.summary).toBe('1 proved, 1 failed');
    expect(reply.html.match(/<li data-line="(\d+)" class="step status-(\w+)">/g)).toEqual([
      '<li data-line="3" class="step status-proved">',
      '<li data-line="4" class="step status-failed">',
    ]);
    expect(reply.html).toContain('<table class="counterexample">');
    expect(reply.html).toContain('chain rule without the inner derivative');
    expect(reply.html).not.toContain('normal form');
  });

  it('answers a fixed derivation as accepted, and bad YAML with an error at its line', () => {
    const fixed = check({ id: 8, text: WRONG.replace('- expr: cos(x^2)', '- expr: 2 * x * cos(x^2)') });
    expect(fixed.ok).toBe(true);
    expect(fixed.summary).toBe('2 proved');
    const bad = check({ id: 9, text: 'title: x\nsteps:\n  - expr: diff(x^2, x\n' });
    expect(bad.ok).toBe(false);
    expect(bad.counts.error).toBeGreaterThan(0);
    expect(bad.html).toMatch(/data-line="3"/);
  });
});
