// Builds the playground (issue 12): ONE self-contained HTML page that checks a
// derivation in the browser as it is typed. esbuild bundles the page's script
// (src/playground/app.ts) and its Web Worker (src/playground/worker.ts: the
// checker through the browser entry, src/browser.ts, plus KaTeX) for the
// browser; src/playground/page.ts puts them, KaTeX's CSS with its fonts
// inlined, and the menu's examples (derivations/*.yaml, derivations/teaching/)
// into one page that needs no server and no network.
//
//   node scripts/playground.mjs [OUTFILE]     (default dist/playground.html)
//
// `npm run playground` runs it; `npm run build` too.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** one entry bundled for the browser, as text */
async function browserBundle(entry) {
  const out = await build({
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: true,
    write: false,
    legalComments: 'none',
    logLevel: 'warning',
  });
  return out.outputFiles[0].text;
}

/** a TypeScript module of this repository bundled for Node and imported (only Node builtins stay outside) */
async function nodeModule(entry) {
  const out = await build({
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    logLevel: 'warning',
  });
  return import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
}

/** the menu: every shipped derivation and every exercise with a planted mistake */
function examples(titleOf) {
  const read = (folder, group, prefix) =>
    readdirSync(join(ROOT, folder))
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .map((f) => {
        const text = readFileSync(join(ROOT, folder, f), 'utf8');
        const name = prefix + f.replace(/\.yaml$/, '');
        return { name, group, title: titleOf(text) ?? name, text };
      });
  return [...read('derivations/teaching', 'exercises', 'teaching/'), ...read('derivations', 'derivations', '')];
}

/** writes the playground page to `outfile`; resolves to its path and size in bytes */
export async function buildPlayground(outfile = join(ROOT, 'dist/playground.html')) {
  const [appJs, workerJs, page, css, ex] = await Promise.all([
    browserBundle('src/playground/app.ts'),
    browserBundle('src/playground/worker.ts'),
    nodeModule('src/playground/page.ts'),
    nodeModule('src/report/katex-css.ts'),
    nodeModule('src/playground/examples.ts'),
  ]);
  const cssPath = createRequire(join(ROOT, 'package.json')).resolve('katex/dist/katex.min.css');
  const katexCss = css.inlineKatexFonts(readFileSync(cssPath, 'utf8'), dirname(cssPath));
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const html = page.playgroundPage({
    katexCss,
    appJs,
    workerJs,
    examples: examples(ex.titleOf),
    version: `v${version}`,
  });
  mkdirSync(dirname(outfile), { recursive: true });
  writeFileSync(outfile, html);
  return { path: outfile, bytes: Buffer.byteLength(html) };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { path, bytes } = await buildPlayground(process.argv[2] !== undefined ? resolve(process.argv[2]) : undefined);
  console.log(`playground: ${path} (${(bytes / 1024).toFixed(0)} KiB), open it in a browser; it works offline`);
}
