import { describe, expect, it } from 'vitest';
import type { FileResult } from '../../src/verdict/result.js';
import { formatHtml } from '../../src/report/html.js';
import { renderReport } from '../../src/report/render.js';
import { inlineKatexFonts, katexStyleSheet } from '../../src/report/katex-css.js';
import { allProved, mixed, withError } from './fixtures.js';

const LATEX = [
  '\\frac{\\partial}{\\partial w_{ij}} \\log p_N',
  '\\frac{\\partial}{\\partial w_{ij}} \\log\\left(1 - \\sigma\\left(\\sum_k w_{ik} s_k\\right)\\right)',
  's_j \\, \\sigma\\left(\\sum_k w_{ik} s_k\\right)',
];
const mixedTex: FileResult = { ...mixed, steps: mixed.steps.map((s, i) => ({ ...s, latex: LATEX[i]! })) };

const html = (results: FileResult[], strict = false) => formatHtml(results, { strict });

/** the `<li class="step ...">` elements, in order */
const stepItems = (page: string) => page.match(/<li class="step status-\w+">[\s\S]*?<\/li>/g) ?? [];

describe('formatHtml', () => {
  it('is one HTML page with a title, a summary and a section per file', () => {
    const page = html([mixedTex, allProved]);
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(page.trimEnd().endsWith('</html>')).toBe(true);
    expect(page).toContain('<title>derivcheck report</title>');
    expect(page).toContain('2 files: 3 proved, 1 numeric, 1 failed, 0 errors');
    expect(page).toContain('<h2>Sigmoid belief net gradient with a sign slip</h2>');
    expect(page).toContain('<h2>Derivative of softplus</h2>');
    expect(page.match(/<section class="file file-rejected"/g)).toHaveLength(1);
    expect(page.match(/<section class="file file-accepted"/g)).toHaveLength(1);
  });

  it('marks each step with its status class and visible mark', () => {
    const items = stepItems(html([mixedTex, withError]));
    expect(items.map((li) => /status-(\w+)/.exec(li)![1])).toEqual(['proved', 'numeric', 'failed', 'error']);
    expect(items.map((li) => /<span class="mark"[^>]*>([^<]*)<\/span>/.exec(li)![1])).toEqual(['✓', '≈', '✗', '!']);
  });

  it('renders each latex field with KaTeX, as HTML and MathML', () => {
    const items = stepItems(html([mixedTex]));
    for (const li of items) {
      expect(li).toContain('<div class="math"><span class="katex-display"><span class="katex">');
      expect(li).toContain('<math xmlns="http://www.w3.org/1998/Math/MathML" display="block">');
      expect(li).toContain('class="katex-html"');
      expect(li).not.toContain('katex-error');
    }
    // the TeX source survives only as the MathML annotation
    expect(items[0]).toContain(
      '<annotation encoding="application/x-tex">\\frac{\\partial}{\\partial w_{ij}} \\log p_N</annotation>',
    );
  });

  it('shows bad LaTeX as a KaTeX error in place instead of throwing', () => {
    const bad: FileResult = { ...allProved, steps: [{ ...allProved.steps[0]!, latex: '\\frac{1}{' }] };
    expect(html([bad])).toContain('katex-error');
  });

  it('falls back to the ASCII expression when a step has no latex', () => {
    expect(stepItems(html([mixed]))[0]).toContain('<div class="math"><code>diff(log(pN), w[i, j])</code></div>');
  });

  it('gives the failed step, and only it, a counterexample table', () => {
    const items = stepItems(html([mixedTex]));
    expect(items.map((li) => li.includes('<table class="counterexample">'))).toEqual([false, false, true]);
    expect(items[2]).toContain('<tr><th scope="row"><code>w[1,2]</code></th><td><code>0.75</code></td></tr>');
    expect(items[2]).toContain(
      '<tr><th scope="row"><code>previous step</code></th><td><code>-0.6791786991753930</code></td></tr>',
    );
    expect(items[2]).toContain('<p class="by">by chain rule</p>');
    expect(items[2]).toContain('<p class="message">not equal to the previous step</p>');
  });

  it('shows numeric evidence and the error code, and the rules only with --explain', () => {
    const items = stepItems(html([mixedTex, withError]));
    expect(items[0]).not.toContain('log-product');
    const explained = stepItems(formatHtml([mixedTex, withError], { strict: false, explain: true }));
    expect(explained[0]).toContain('<p class="rules">rules: <code>log-product</code></p>');
    expect(items[1]).toContain('numeric evidence: 200 points agree, 3 skipped, seed 7, 20 random networks');
    expect(items[3]).toContain('[unknown-function]');
  });

  it('lists the premises', () => {
    const page = html([mixedTex]);
    expect(page).toContain('<strong>Premises</strong> (assumed, not proved)');
    expect(page).toContain('<li>line 14, definition: <code>pN = pPa * pR * ps</code></li>');
  });

  it('shows the claim when the results carry it', () => {
    const withClaim: FileResult = {
      ...allProved,
      steps: [
        ...allProved.steps,
        {
          location: 'claim.rhs',
          line: 4,
          column: 8,
          status: 'proved',
          expr: 'sigma(x)',
          latex: '\\sigma(x)',
          message: '',
        },
      ],
    };
    const page = html([withClaim]);
    expect(page).toMatch(
      /<div class="claim"><strong>Claimed result:<\/strong> <span class="katex">.*\\sigma\(x\)<\/annotation>/,
    );
    const both: FileResult = {
      ...withClaim,
      steps: [{ ...withClaim.steps[2]!, location: 'claim.lhs', latex: 'f(x)' }, ...withClaim.steps],
    };
    expect(html([both])).toMatch(
      /<strong>Claim:<\/strong> <span class="katex">.*f\(x\)<\/annotation>.*<span class="equals">=<\/span> <span class="katex">/,
    );
    expect(html([allProved])).not.toContain('class="claim"');
  });

  it('flags numeric steps under --strict', () => {
    const page = html([mixedTex], true);
    expect(page).toContain('numeric (not enough under --strict)');
    expect(page).toContain('(--strict: only proved counts)');
  });

  it('escapes all text from the results', () => {
    const evil: FileResult = {
      ...withError,
      file: 'a"<b>.yaml',
      title: '<script>alert(1)</script>',
      premises: [{ kind: 'definition', text: "x = '<i>' & y", line: 3 }],
      steps: [{ ...withError.steps[0]!, message: '<img src=x onerror=alert(1)>', by: '</li></ol>', expr: 'a < b' }],
    };
    const page = html([evil]);
    expect(page).not.toMatch(/<script|<img|<i>|by <\/li><\/ol>/);
    expect(page).toContain('<p class="by">by &lt;/li&gt;&lt;/ol&gt;</p>');
    expect(page).toContain('<h2>&lt;script&gt;alert(1)&lt;/script&gt;</h2>');
    expect(page).toContain('<code>a&quot;&lt;b&gt;.yaml</code>');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page).toContain('<code>x = &apos;&lt;i&gt;&apos; &amp; y</code>');
    expect(stepItems(page)).toHaveLength(1);
  });

  it('needs nothing from the network: inline styles, data: fonts, a CSP that forbids requests', () => {
    const page = html([mixedTex]);
    expect(page).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src &apos;none&apos;; style-src &apos;unsafe-inline&apos;; font-src data:; img-src data:">`,
    );
    expect(page).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|\shref="(?!#)|@import/i);
    const urls = page.match(/url\([^)]{0,40}/g) ?? [];
    expect(urls.length).toBeGreaterThan(0);
    for (const u of urls) expect(u.startsWith('url(data:font/woff2;base64,')).toBe(true);
    expect(page).not.toMatch(/\.woff\b|\.ttf\b|fonts\//);
  });
});

describe('katexStyleSheet', () => {
  it('inlines one woff2 font per @font-face and keeps the rest of KaTeX\u2019s CSS', () => {
    const css = katexStyleSheet();
    const faces = css.match(/@font-face\{[^}]*\}/g) ?? [];
    expect(faces.length).toBeGreaterThanOrEqual(19);
    for (const face of faces) {
      expect(face.match(/url\(/g)).toHaveLength(1);
      expect(face).toMatch(/src:url\(data:font\/woff2;base64,[A-Za-z0-9+/]+=*\) format\("woff2"\)/);
    }
    expect(css).toContain('.katex{');
  });

  it('refuses a style sheet whose fonts it cannot inline', () => {
    expect(() => inlineKatexFonts('@font-face{src:url(fonts/X.ttf) format("truetype")}', '/nowhere')).toThrow(
      /without woff2/,
    );
    expect(() => inlineKatexFonts('.a{background:url(http://example.com/x.png)}', '/nowhere')).toThrow(/not inlined/);
  });
});

/** a proved step whose message carries the normal form the checker compared, as the checker writes it */
const provedWithNormalForm: FileResult = {
  ...allProved,
  steps: allProved.steps.map((s) => ({
    ...s,
    message: 'equals the previous step (normal form exp(x) / (exp(x) + 1))',
    rules: ['nf.exp-sum'],
    explanation: { normalForms: { lhs: 'exp(x) / (exp(x) + 1)', rhs: 'exp(x) / (exp(x) + 1)' } },
  })),
};

describe('the HTML report a student reads (issue 12)', () => {
  it('shows no normal form or rule id unless --explain, and both normal forms with it', () => {
    const plain = html([provedWithNormalForm]);
    expect(plain).not.toContain('normal form');
    expect(plain).not.toContain('nf.exp-sum');
    expect(plain).toContain('<p class="message">equals the previous step</p>');
    const explained = formatHtml([provedWithNormalForm], { strict: false, explain: true });
    expect(explained).toContain('equals the previous step (normal form exp(x) / (exp(x) + 1))');
    expect(explained).toContain('normal form of this side: <code>exp(x) / (exp(x) + 1)</code>');
    expect(explained).toContain('<code>nf.exp-sum</code>');
  });

  it('keeps every other message whole, the normal form of an internal disagreement included', () => {
    const disagreement: FileResult = {
      ...mixed,
      steps: [{ ...mixed.steps[2]!, message: 'internal disagreement: the core proved this (normal form x), but …' }],
    };
    expect(html([disagreement])).toContain('internal disagreement: the core proved this (normal form x), but …');
  });

  it('honours --quiet: only the files not accepted, with only their steps that are not', () => {
    const page = formatHtml([mixedTex, allProved, withError], { strict: false, quiet: true });
    expect(page).not.toContain('<h2>Derivative of softplus</h2>');
    expect(stepItems(page).map((li) => /status-(\w+)/.exec(li)![1])).toEqual(['failed', 'error']);
    expect(page).not.toContain('<strong>Premises</strong>');
    // the summary still counts everything
    expect(page).toContain('3 files: 3 proved, 1 numeric, 1 failed, 1 error; 1 of 3 files accepted');
    expect(html([mixedTex, allProved, withError])).toContain('<h2>Derivative of softplus</h2>');
  });

  it('puts a summary and a jump list of the steps not accepted at the top of a page of 13 files', () => {
    const files: FileResult[] = Array.from({ length: 13 }, (_, k) => {
      const base = k === 4 ? mixedTex : k === 9 ? withError : allProved;
      return { ...base, file: `derivations/f${k + 1}.yaml`, title: `File ${k + 1}` };
    });
    const page = html(files);
    const top = page.slice(0, page.indexOf('<main>'));
    expect(top).toContain('13 files: 23 proved, 1 numeric, 1 failed, 1 error; 11 of 13 files accepted');
    const nav = /<nav class="jump"[^>]*>([\s\S]*?)<\/nav>/.exec(top)![1]!;
    expect(nav).toContain('2 steps not accepted, in 2 files');
    const links = [...nav.matchAll(/<a href="#([^"]+)">([^<]*)<\/a>/g)].map((m) => [m[1], m[2]]);
    expect(links).toEqual([
      ['file-5-step-3', 'File 5: cases[1].steps[1]'],
      ['file-10-step-1', 'File 10: steps[1]'],
    ]);
    // each link's target exists, on the step it names
    for (const [id] of links)
      expect(page).toMatch(new RegExp(`<li class="step status-(failed|error)"><a class="anchor" id="${id}">`));
    expect(nav).toContain('derivations/f5.yaml:43:15 · failed');
    expect(html([allProved])).not.toContain('class="jump"');
  });

  it('lists numeric steps among those not accepted under --strict', () => {
    const nav = /<nav class="jump"[\s\S]*?<\/nav>/.exec(html([mixedTex], true))![0];
    expect(nav).toContain('cases[1].steps[0]');
    expect(html([mixedTex])).not.toMatch(/<nav class="jump"[\s\S]*cases\[1\]\.steps\[0\][\s\S]*<\/nav>/);
  });

  it('gets --quiet and --explain from the command line through renderReport', async () => {
    const run = { color: false, strict: false, started: new Date(0) };
    const quiet = await renderReport('html', [mixedTex, allProved], { ...run, quiet: true });
    expect(quiet).not.toContain('<h2>Derivative of softplus</h2>');
    expect(await renderReport('html', [mixedTex, allProved], run)).toContain('<h2>Derivative of softplus</h2>');
    expect(await renderReport('html', [provedWithNormalForm], run)).not.toContain('normal form');
    expect(await renderReport('html', [provedWithNormalForm], { ...run, explain: true })).toContain('normal form');
  });
});
