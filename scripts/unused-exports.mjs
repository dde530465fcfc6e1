/**
 * Unused exports of the product (`npm run lint` runs it): a name a module of
 * src/ or tools/ exports that no other module imports (src, tools, test,
 * bench, scripts), nor re-exports to one that does. The library's entry
 * points (ENTRY_POINTS) count as used in full: their exports are the public
 * API. Read with the TypeScript parser, syntax only, so it takes a second:
 * `import { a, b as c }`, `import * as ns` (every export used), `export
 * { a } from`, `export * from`, dynamic `import()` and `vi.mock()` of a
 * path (every export used). An export only its own module uses is reported
 * too: drop the `export`. Plain JavaScript so the script needs no compiler.
 *
 * The exports unused when the check came (issue 14) are listed in
 * scripts/unused-exports-known.json; that list may only shrink: an export not
 * listed fails, and so does a listed one that is used now or gone.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import ts from 'typescript';

const root = new URL('../', import.meta.url).pathname;

/** the modules whose exports are the public API (package.json `exports`, the CLI's entry) */
export const ENTRY_POINTS = ['src/index.ts', 'src/testing/matchers.ts', 'src/cli/main.ts'];
/** the folders whose exports are checked */
const CHECKED = ['src', 'tools'];
/** the folders whose imports count */
const READERS = ['src', 'tools', 'test', 'bench', 'scripts'];

function files(folder) {
  const dir = join(root, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map((f) => `${folder}/${String(f).split('\\').join('/')}`)
    .filter((f) => /\.(ts|mts|mjs|js)$/.test(f) && !f.endsWith('.d.ts') && !f.includes('node_modules'))
    .sort();
}

/** the module of `known` a relative specifier names from `from`, `.js` read as the `.ts` beside it */
function resolve(known, from, spec) {
  if (!spec.startsWith('.')) return undefined;
  const p = normalize(join(dirname(from), spec))
    .split('\\')
    .join('/');
  for (const candidate of [p.replace(/\.js$/, '.ts'), p.replace(/\.mjs$/, '.mts'), p, `${p}.ts`, `${p}/index.ts`])
    if (known.has(candidate)) return candidate;
  return undefined;
}

const hasExport = (node) =>
  ts.canHaveModifiers(node) && ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** the names a module exports itself (not re-exports), with their lines */
function ownExports(source) {
  const out = new Map();
  const add = (name, node) => out.set(name, source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1);
  for (const st of source.statements) {
    if (
      ts.isExportDeclaration(st) &&
      st.moduleSpecifier === undefined &&
      st.exportClause &&
      ts.isNamedExports(st.exportClause)
    )
      for (const el of st.exportClause.elements) add(el.name.text, el);
    if (!hasExport(st)) continue;
    if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name)) add(d.name.text, d);
    } else if (st.name && ts.isIdentifier(st.name)) add(st.name.text, st);
  }
  return out;
}

/** what one file takes from other modules: module -> names, or '*' for all of them */
function imports(known, file, source) {
  const uses = [];
  const use = (spec, names) => {
    const target = resolve(known, file, spec);
    if (target !== undefined) uses.push({ target, names });
  };
  const visit = (node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const c = node.importClause;
      const names = [];
      if (c?.name) names.push('default');
      if (c?.namedBindings && ts.isNamespaceImport(c.namedBindings)) names.push('*');
      if (c?.namedBindings && ts.isNamedImports(c.namedBindings))
        for (const el of c.namedBindings.elements) names.push((el.propertyName ?? el.name).text);
      use(node.moduleSpecifier.text, names);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const names =
        node.exportClause && ts.isNamedExports(node.exportClause)
          ? node.exportClause.elements.map((el) => ({ name: (el.propertyName ?? el.name).text, as: el.name.text }))
          : '*';
      uses.push({ target: resolve(known, file, node.moduleSpecifier.text), reexport: names });
    } else if (
      ts.isCallExpression(node) &&
      node.arguments.length > 0 &&
      ts.isStringLiteral(node.arguments[0]) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isPropertyAccessExpression(node.expression) &&
          /^(mock|doMock|importActual)$/.test(node.expression.name.text)))
    ) {
      use(node.arguments[0].text, ['*']);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return uses;
}

/** every export of src/ and tools/ that nothing imports: `{file, name, line}` sorted */
export function unusedExports() {
  const sources = new Map(READERS.flatMap(files).map((f) => [f, readFileSync(join(root, f), 'utf8')]));
  return unusedExportsIn(sources);
}

/** the unused exports among `sources` (repository path -> text), the entry points' exports counted as used */
export function unusedExportsIn(sources, entryPoints = ENTRY_POINTS) {
  const exported = new Map();
  const taken = new Map();
  const reexports = [];
  const take = (target, name) => {
    if (!taken.has(target)) taken.set(target, new Set());
    taken.get(target).add(name);
  };
  for (const [file, text] of sources) {
    const kind = file.endsWith('.ts') || file.endsWith('.mts') ? ts.ScriptKind.TS : ts.ScriptKind.JS;
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
    if (CHECKED.some((f) => file.startsWith(`${f}/`)) && file.endsWith('.ts')) exported.set(file, ownExports(source));
    for (const u of imports(sources, file, source)) {
      if (u.target === undefined) continue;
      if (u.reexport !== undefined) reexports.push({ from: file, target: u.target, names: u.reexport });
      else for (const n of u.names) take(u.target, n);
    }
  }
  for (const entry of entryPoints) take(entry, '*');
  // a re-export passes on what its own module's importers take, until nothing changes
  for (let changed = true; changed; ) {
    changed = false;
    for (const r of reexports) {
      const wanted = taken.get(r.from) ?? new Set();
      const names =
        r.names === '*' ? [...wanted] : r.names.filter((n) => wanted.has('*') || wanted.has(n.as)).map((n) => n.name);
      for (const n of names) {
        if (!(taken.get(r.target)?.has(n) ?? false)) {
          take(r.target, n);
          changed = true;
        }
      }
    }
  }
  const out = [];
  for (const [file, names] of exported) {
    const used = taken.get(file) ?? new Set();
    if (used.has('*')) continue;
    for (const [name, line] of names) if (!used.has(name)) out.push({ file, name, line });
  }
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}

/** the key of an unused export in the known list */
export const exportKey = (u) => `${u.file}: ${u.name}`;

/** the known unused exports (scripts/unused-exports-known.json) */
export const KNOWN = JSON.parse(readFileSync(join(root, 'scripts/unused-exports-known.json'), 'utf8'));

/** new unused exports, and known ones that are used now or gone (stale: remove them from the list) */
export function check(unused = unusedExports(), known = KNOWN) {
  const keys = new Set(unused.map(exportKey));
  const listed = new Set(known);
  return {
    fresh: unused.filter((u) => !listed.has(exportKey(u))),
    stale: known.filter((k) => !keys.has(k)),
  };
}

if (process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  if (process.argv[2] === '--list') {
    console.log(JSON.stringify(unusedExports().map(exportKey), null, 2));
  } else {
    const { fresh, stale } = check();
    for (const u of fresh) console.log(`${u.file}:${u.line}: '${u.name}' is exported but no other module imports it`);
    for (const k of stale)
      console.log(`${k}: listed in scripts/unused-exports-known.json but used now or gone: remove it`);
    if (fresh.length > 0) console.log('remove the unused exports, or drop the `export`');
    process.exitCode = fresh.length === 0 && stale.length === 0 ? 0 : 1;
  }
}
