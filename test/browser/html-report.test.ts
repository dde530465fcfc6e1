/**
 * The HTML report in a real browser: headless Chromium opens the page from
 * disk, and the test checks what a reader would see: KaTeX typeset every
 * expression with its own fonts (no TeX source on screen), the failed step is
 * marked, and the page asked the network for nothing. Screenshots go to
 * test-output/browser/ for a person to look at.
 *
 * Needs /usr/bin/chromium (scripts/install-browser.sh installs it). Without it
 * the test is skipped locally, and fails under CI (CI set), where the browser
 * is part of the environment.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARGS, CHROMIUM, browserSkip, hasChromium } from './chromium.js';
import type { FileResult } from '../../src/verdict/result.js';
import { formatHtml } from '../../src/report/html.js';
import { failing, passing } from './results.js';

const OUT = resolve('test-output/browser');

const { skip, why } = browserSkip('test/browser/html-report.test.ts');

interface Seen {
  readonly katex: number;
  readonly katexErrors: number;
  readonly innerText: string;
  readonly loadedFonts: string[];
  readonly requests: string[];
  readonly stepClasses: string[];
}

/** opens `results`' HTML report from disk in `browser`, screenshots it as `name`.png, and reports what the page shows */
async function open(
  browser: Browser,
  results: FileResult[],
  name: string,
): Promise<Seen & { failedVisible: boolean; failedMark: string | null; jumpReaches: boolean }> {
  const file = join(OUT, `${name}.html`);
  writeFileSync(file, formatHtml(results, { strict: false }));
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  try {
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const seen = await page.evaluate(() => ({
      katex: document.querySelectorAll('.katex').length,
      katexErrors: document.querySelectorAll('.katex-error').length,
      innerText: document.body.innerText,
      loadedFonts: [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/"/g, '')),
      stepClasses: [...document.querySelectorAll('li.step')].map((li) => li.className),
    }));
    const failed = page.locator('.status-failed');
    const failedVisible = (await failed.count()) > 0 && (await failed.first().isVisible());
    const failedMark = failedVisible ? await failed.first().locator('.mark').textContent() : null;
    // the jump list at the top leads to the first step not accepted
    const jump = page.locator('nav.jump a').first();
    let jumpReaches = false;
    if ((await jump.count()) > 0) {
      await page.setViewportSize({ width: 1000, height: 300 });
      await jump.click();
      jumpReaches = await failed.first().evaluate((li) => {
        const box = li.getBoundingClientRect();
        return box.top < window.innerHeight && box.bottom > 0 && window.scrollY > 0;
      });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.setViewportSize({ width: 1000, height: 800 });
    }
    await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
    return { ...seen, requests, failedVisible, failedMark, jumpReaches };
  } finally {
    await page.close();
  }
}

/** the checks every report page must pass: typeset maths, KaTeX fonts in use, no TeX on screen, no network */
function expectTypeset(seen: Seen, expressions: number): void {
  expect(seen.katex).toBe(expressions);
  expect(seen.katexErrors).toBe(0);
  for (const command of ['\\frac', '\\sum', '\\partial', '\\sigma', '\\left', '\\log'])
    expect(seen.innerText).not.toContain(command);
  expect(seen.loadedFonts).toEqual(expect.arrayContaining(['KaTeX_Main', 'KaTeX_Math']));
  expect(seen.requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:'))).toEqual([]);
}

describe(`the HTML report in headless Chromium${why}`, () => {
  let browser: Browser | undefined;

  beforeAll(async () => {
    if (skip) return;
    if (!hasChromium)
      throw new Error(`CI is set but ${CHROMIUM} is missing: run scripts/install-browser.sh before the tests`);
    mkdirSync(OUT, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it.skipIf(skip)(
    'typesets a passing derivation, with no failed step',
    async () => {
      const seen = await open(browser!, [passing], 'html-report-passing');
      expectTypeset(seen, passing.steps.length + 1); // every step, and the claim's right side once more
      expect(seen.stepClasses).toEqual([
        'step status-proved',
        'step status-proved',
        'step status-numeric',
        'step status-proved',
      ]);
      expect(seen.failedVisible).toBe(false);
      expect(seen.innerText).toContain('Derivative of softplus');
      expect(seen.innerText).toContain('✓ accepted');
    },
    60_000,
  );

  it.skipIf(skip)(
    'typesets a derivation with a failed step and marks that step',
    async () => {
      const seen = await open(browser!, [failing, passing], 'html-report-failed');
      expectTypeset(seen, failing.steps.length + passing.steps.length + 1);
      expect(seen.stepClasses.filter((c) => c === 'step status-failed')).toHaveLength(1);
      expect(seen.failedVisible).toBe(true);
      expect(seen.failedMark).toBe('✗');
      expect(seen.jumpReaches).toBe(true);
      expect(seen.innerText).toMatch(/1 step not accepted, in 1 file/);
      expect(seen.innerText).toContain('not equal to the previous step: the sign is wrong');
      expect(seen.innerText).toMatch(/w\[1,2\]\s+0\.75/);
      expect(seen.innerText).toContain('✗ not accepted');
    },
    60_000,
  );
});
