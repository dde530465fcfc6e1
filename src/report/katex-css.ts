/**
 * KaTeX's style sheet made self-contained: every `@font-face` keeps only its
 * woff2 source, inlined as a base64 `data:` URL, so an HTML report renders
 * its mathematics offline and makes no request at all.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** an `@font-face` rule's `src` descriptor, up to the end of the declaration */
const FONT_SRC = /src:([^;}]*)/g;
const WOFF2_URL = /url\(\s*(['"]?)(fonts\/[^'")]+\.woff2)\1\s*\)/;

let cached: string | undefined;

/** woff2 data of `fontPath` (relative to KaTeX's dist/ folder) as a `data:` URL */
function fontDataUrl(distDir: string, fontPath: string): string {
  return `data:font/woff2;base64,${readFileSync(join(distDir, fontPath)).toString('base64')}`;
}

/**
 * `css` (KaTeX's style sheet) with each `src:` list replaced by its woff2 font
 * inlined from `distDir`; throws when a font source has no woff2 entry or a
 * relative `url(` survives, since either would make the page fetch something.
 */
export function inlineKatexFonts(css: string, distDir: string): string {
  const out = css.replace(FONT_SRC, (whole: string, sources: string) => {
    const woff2 = WOFF2_URL.exec(sources);
    if (woff2 === null) throw new Error(`KaTeX CSS: a font source without woff2: ${whole.slice(0, 120)}`);
    return `src:url(${fontDataUrl(distDir, woff2[2]!)}) format("woff2")`;
  });
  const external = /url\(\s*['"]?(?!data:)/.exec(out);
  if (external !== null)
    throw new Error(
      `KaTeX CSS: a url() that is not inlined remains near ${out.slice(external.index, external.index + 80)}`,
    );
  return out;
}

/** KaTeX's minified CSS with its fonts inlined; read once per process (the installed KaTeX is fixed). */
export function katexStyleSheet(): string {
  if (cached === undefined) {
    const cssPath = createRequire(import.meta.url).resolve('katex/dist/katex.min.css');
    cached = inlineKatexFonts(readFileSync(cssPath, 'utf8'), dirname(cssPath));
  }
  return cached;
}
