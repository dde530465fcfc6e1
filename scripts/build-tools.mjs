// Builds the development tools (tools/mutants, tools/conformance) into
// build/, outside dist/: the product package ships only src/. Each tool is
// bundled from its TypeScript sources with the checker it uses (packages stay
// imports). build/<tool>/ sits as deep as tools/<tool>/, so the tools' paths
// relative to their own file (../../derivations/, ../../../shared/corpora/)
// hold from both. The type check of tools/ is tsconfig.json's (npm run typecheck).
import { build } from 'esbuild';

await build({
  entryPoints: ['tools/mutants/main.ts', 'tools/mutants/worker.ts', 'tools/conformance/main.ts'],
  outbase: 'tools',
  outdir: 'build',
  bundle: true,
  packages: 'external',
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  logLevel: 'warning',
});
