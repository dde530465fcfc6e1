/**
 * Size limits of the product (`npm run sizes`, test/sizes.test.ts): no file of
 * src/ over MAX_FILE_LINES lines, no function over MAX_FUNCTION_LINES, but
 * those listed in ALLOWED_FILES / ALLOWED_FUNCTIONS with their size when they
 * were listed. A listed entry may shrink, not grow; an entry back within the
 * limit (or gone) is stale and must be removed, so the lists only shrink.
 * Functions are read with the TypeScript parser: declarations, methods,
 * constructors, accessors, function expressions and arrows, each measured from
 * its first line to its last (its doc comment excluded); a nested function
 * counts inside its parent too. Plain JavaScript so the script needs no compiler.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/** why: a file longer than this is read in more than one sitting; split it by what it does */
export const MAX_FILE_LINES = 400;
/** why: a function longer than this no longer fits on a screen with its callers' context */
export const MAX_FUNCTION_LINES = 60;

/** files over the limit when the limit came (issue 14), with their length then */
export const ALLOWED_FILES = {};

/** functions over the limit when the limit came (issue 14), `file: name` with their length then */
export const ALLOWED_FUNCTIONS = {};

const root = new URL('../', import.meta.url).pathname;

/** every .ts file under `folder` (a repository path), sorted */
function modules(folder) {
  return readdirSync(join(root, folder), { recursive: true })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => `${folder}/${f.split('\\').join('/')}`)
    .sort();
}

function lineCount(text) {
  return text.endsWith('\n') ? text.split('\n').length - 1 : text.split('\n').length;
}

/** the name a function-like node is known by: `f`, `Class.method`, `Class.constructor`, `<anonymous>` */
function functionName(node) {
  const named = (n) =>
    n !== undefined && (ts.isIdentifier(n) || ts.isStringLiteral(n) || ts.isPrivateIdentifier(n)) ? n.text : undefined;
  const owner = (n) => {
    const cls = n.parent;
    return cls !== undefined && (ts.isClassLike(cls) || ts.isObjectLiteralExpression(cls))
      ? named(cls.name)
      : undefined;
  };
  let own;
  if (ts.isConstructorDeclaration(node)) own = 'constructor';
  else if (
    ts.isFunctionDeclaration(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isAccessor(node) ||
    ts.isFunctionExpression(node)
  )
    own = named(node.name);
  if (own === undefined) {
    const p = node.parent;
    if (p !== undefined && (ts.isVariableDeclaration(p) || ts.isPropertyDeclaration(p) || ts.isPropertyAssignment(p)))
      own = named(p.name);
  }
  if (own === undefined) return '<anonymous>';
  const cls =
    ts.isMethodDeclaration(node) || ts.isConstructorDeclaration(node) || ts.isAccessor(node) ? owner(node) : undefined;
  return cls === undefined ? own : `${cls}.${own}`;
}

/** every function of one module's text, with its name, first line and length in lines */
export function functionsIn(file, text) {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out = [];
  const seen = new Map();
  const visit = (node, outer) => {
    let inner = outer;
    if (ts.isFunctionLike(node) && 'body' in node && node.body !== undefined) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line + 1;
      // a nested function is named inside its parent: `rangeOf > go`
      let name = outer === undefined ? functionName(node) : `${outer} > ${functionName(node)}`;
      const n = (seen.get(name) ?? 0) + 1;
      seen.set(name, n);
      inner = name;
      if (n > 1) name = `${name} #${n}`;
      out.push({ file, name, line: first, lines: last - first + 1 });
    }
    ts.forEachChild(node, (child) => visit(child, inner));
  };
  visit(source, undefined);
  return out;
}

/** the sizes of every file and function of the folder (default src), longest first */
export function measure(folder = 'src') {
  const files = [];
  const functions = [];
  for (const file of modules(folder)) {
    const text = readFileSync(join(root, file), 'utf8');
    files.push({ file, lines: lineCount(text) });
    functions.push(...functionsIn(file, text));
  }
  const longestFirst = (a, b) => b.lines - a.lines || (a.file < b.file ? -1 : 1);
  return { files: files.sort(longestFirst), functions: functions.sort(longestFirst) };
}

/** the key of a function in ALLOWED_FUNCTIONS */
export const functionKey = (f) => `${f.file}: ${f.name}`;

/**
 * What breaks the limits against the allowlists: sizes over the limit not
 * listed, listed sizes that grew, listed entries within the limit or gone
 * (stale), and listed entries that shrank (fine, but the number can come down).
 */
export function check(sizes, allowedFiles = ALLOWED_FILES, allowedFunctions = ALLOWED_FUNCTIONS) {
  const problems = [];
  const shrank = [];
  const judge = (kind, key, lines, limit, allowed) => {
    const was = allowed[key];
    if (was === undefined) {
      if (lines > limit) problems.push(`${kind} ${key}: ${lines} lines, over the limit of ${limit}`);
    } else if (lines <= limit)
      problems.push(`${kind} ${key}: ${lines} lines, within the limit now: remove it from the allowlist`);
    else if (lines > was)
      problems.push(`${kind} ${key}: grew from ${was} to ${lines} lines (listed entries may only shrink)`);
    else if (lines < was) shrank.push(`${kind} ${key}: ${was} -> ${lines} lines`);
  };
  for (const f of sizes.files) judge('file', f.file, f.lines, MAX_FILE_LINES, allowedFiles);
  for (const f of sizes.functions) judge('function', functionKey(f), f.lines, MAX_FUNCTION_LINES, allowedFunctions);
  const fileKeys = new Set(sizes.files.map((f) => f.file));
  const functionKeys = new Set(sizes.functions.map(functionKey));
  for (const key of Object.keys(allowedFiles))
    if (!fileKeys.has(key)) problems.push(`file ${key}: listed but gone: remove it from the allowlist`);
  for (const key of Object.keys(allowedFunctions))
    if (!functionKeys.has(key)) problems.push(`function ${key}: listed but gone: remove it from the allowlist`);
  return { problems, shrank };
}

function report(top = 10) {
  const sizes = measure();
  const { problems, shrank } = check(sizes);
  const lines = [];
  lines.push(`${sizes.files.length} files, ${sizes.functions.length} functions in src/`);
  lines.push(`longest files (limit ${MAX_FILE_LINES} lines):`);
  for (const f of sizes.files.slice(0, top)) lines.push(`  ${String(f.lines).padStart(5)}  ${f.file}`);
  lines.push(`longest functions (limit ${MAX_FUNCTION_LINES} lines):`);
  for (const f of sizes.functions.slice(0, top))
    lines.push(`  ${String(f.lines).padStart(5)}  ${f.file}:${f.line} ${f.name}`);
  const over = (xs, limit) => xs.filter((x) => x.lines > limit).length;
  lines.push(
    `over the limit: ${over(sizes.files, MAX_FILE_LINES)} files (${Object.keys(ALLOWED_FILES).length} allowed), ` +
      `${over(sizes.functions, MAX_FUNCTION_LINES)} functions (${Object.keys(ALLOWED_FUNCTIONS).length} allowed)`,
  );
  if (shrank.length > 0) lines.push('shrank (lower the number in scripts/sizes.mjs):', ...shrank.map((s) => `  ${s}`));
  if (problems.length > 0) lines.push('problems:', ...problems.map((s) => `  ${s}`));
  return { text: lines.join('\n'), ok: problems.length === 0 };
}

if (process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const top = Number(process.argv[2] ?? 10);
  const { text, ok } = report(Number.isInteger(top) && top > 0 ? top : 10);
  console.log(text);
  process.exitCode = ok ? 0 : 1;
}
