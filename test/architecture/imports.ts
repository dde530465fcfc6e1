/**
 * Every import of the product's modules, read with the TypeScript parser (not
 * a regex, so comments and strings cannot fake or hide one): `import ... from`,
 * `export ... from`, `import type`, dynamic `import('...')` and type-level
 * `import('...').T`. Relative specifiers are resolved to repository paths
 * (`src/ir/expr.ts`); anything else is a package.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import ts from 'typescript';
import { modulesUnder, repoRoot } from './repo-files.js';

export interface ImportEdge {
  /** the importing module, relative to the repository: `src/cli/main.ts` */
  readonly from: string;
  /** the specifier as written */
  readonly spec: string;
  /** the imported module for a relative specifier, else undefined (a package or a builtin) */
  readonly to: string | undefined;
  readonly line: number;
  /** `import('...')` in code: the only form whose specifier may be computed */
  readonly dynamic: boolean;
}

function resolveSpec(from: string, spec: string): string {
  const target = posix.normalize(posix.join(posix.dirname(from), spec));
  // why: NodeNext ESM spells a TypeScript module by its emitted name
  return target.replace(/\.js$/, '.ts');
}

/** the imports of one module of the repository */
export function importsOf(file: string): ImportEdge[] {
  return importsInText(file, readFileSync(join(repoRoot, file), 'utf8'));
}

/** the imports in a module's text; a computed `import(expr)` is reported with spec `<computed>` */
export function importsInText(file: string, text: string): ImportEdge[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edges: ImportEdge[] = [];
  const add = (node: ts.Node, spec: string, dynamic: boolean): void => {
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    const to = spec.startsWith('.') ? resolveSpec(file, spec) : undefined;
    edges.push({ from: file, spec, to, line, dynamic });
  };
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier !== undefined &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      add(node, node.moduleSpecifier.text, false);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const e = node.moduleReference.expression;
      add(node, ts.isStringLiteralLike(e) ? e.text : '<computed>', false);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const arg = node.arguments[0];
      add(node, arg !== undefined && ts.isStringLiteralLike(arg) ? arg.text : '<computed>', true);
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      add(node, node.argument.literal.text, false);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return edges;
}

/** the imports of every module under the folders */
export function importGraph(folders: readonly string[]): { modules: string[]; edges: ImportEdge[] } {
  const modules = modulesUnder(folders);
  return { modules, edges: modules.flatMap(importsOf) };
}

/** whether a resolved import names a file that exists */
export function exists(path: string): boolean {
  return existsSync(join(repoRoot, path));
}

/**
 * Tarjan's strongly connected components: every component of more than one
 * module, or of one module that imports itself, is an import cycle. Returned
 * with each component's modules sorted, components sorted by their first module.
 */
export function importCycles(modules: readonly string[], edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, Set<string>>(modules.map((m) => [m, new Set<string>()]));
  for (const e of edges) if (e.to !== undefined && next.has(e.to)) next.get(e.from)?.add(e.to);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let counter = 0;
  const connect = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v)!) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || next.get(v)!.has(v)) cycles.push(component.sort());
  };
  for (const m of modules) if (!index.has(m)) connect(m);
  return cycles.sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}
