/**
 * Fuzz inputs and oracles shared by the fuzz tests (test/fuzz/, 2000 cases
 * each, on src/) and `npm run fuzz` (scripts/fuzz.mjs, 100000 each, on
 * dist/): random strings, and mutations (characters and tokens inserted,
 * deleted, replaced, repeated) of the expressions and files shipped in
 * derivations/. The functions under test are passed in, so the same cases
 * run against either build. Plain JavaScript so the script needs no compiler.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';

/** characters that mean something to mathjs, YAML or JavaScript, and some that mean nothing */
const CHARS = [...'()[]{},;:.+-*/^!\'"#=<>&|~?@$%\\`_ \t\n\r0123456789eEx', 'é', '∑', '\u0000', '\u2028', '\uD83D'];

/** tokens of the expression syntax and of hostile inputs */
const EXPR_TOKENS = [
  'diff(',
  'sum(',
  'delta(',
  'sigma(',
  'exp(',
  'log(',
  'sqrt(',
  'x',
  'w[i,j]',
  'i',
  'k',
  'pi',
  'e',
  '^',
  '*',
  '/',
  '+',
  '-',
  ',',
  '(',
  ')',
  '[',
  ']',
  '1e999',
  '0x1F',
  '0b101',
  '1.5.5',
  '10000000000000000000000',
  '__proto__',
  'constructor',
  'import(',
  'this',
  'globalThis',
  '=',
  ':',
  '?',
  '!',
  "'",
  '"',
  'true',
  'NaN',
  'Infinity',
  'x y',
  '2x',
  'f(x)',
  'a.b',
  'x[1:2]',
  '{a: 1}',
  '[1, 2]',
  'end',
  'in',
  'to',
  'mod',
  'and',
  'not',
];

/** tokens of YAML and of the derivation schema */
const YAML_TOKENS = [
  '\n',
  '  ',
  '- ',
  ': ',
  ':',
  '- expr: ',
  'expr: ',
  'steps:',
  'cases:',
  'when:',
  'define:',
  'symbols:',
  'claim:',
  'title: ',
  '&a ',
  '*a',
  '!!str ',
  '!!js/function ',
  '|',
  '>',
  '"',
  "'",
  '#',
  '---',
  '...',
  '[',
  ']',
  '{',
  '}',
  ',',
  '? ',
  '%YAML 1.2',
  '<<: *a',
  '~',
  'null',
  '{domain: positive}',
  'index',
  '{indices: 2}',
  '__proto__: ',
  'constructor: ',
];

/** the shipped derivation files (valid, wrong and erroneous), as seeds for mutation */
export function seedFiles(root = 'derivations') {
  const out = [];
  for (const dir of [root, join(root, 'wrong'), join(root, 'errors')]) {
    let names = [];
    try {
      names = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    } catch {
      continue;
    }
    for (const f of names) out.push({ name: join(dir, f), text: readFileSync(join(dir, f), 'utf8') });
  }
  if (out.length === 0) throw new Error(`no derivations under ${root}`);
  return out;
}

/**
 * Every expression written in the seed files (steps, claims, definitions)
 * with the names its file declares, so mutations meet a realistic scope;
 * `loadDerivation` supplies the declarations.
 */
export function seedExpressions(files, loadDerivation) {
  const out = [];
  for (const { name, text } of files) {
    const loaded = loadDerivation(name, text);
    const env = loaded.ok
      ? {
          symbols: loaded.derivation.symbols,
          functions: new Map(loaded.derivation.definitions.map((d) => [d.name, d.params.length])),
        }
      : { symbols: new Map(), functions: new Map() };
    let tree;
    try {
      tree = parseYaml(text);
    } catch {
      continue;
    }
    const walk = (v, key) => {
      if (typeof v === 'string' && ['expr', 'lhs', 'rhs', 'define'].includes(key)) out.push({ text: v, env });
      else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
      else if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) walk(x, key === 'define' ? 'define' : k);
    };
    walk(tree, '');
  }
  return out;
}

/** tokens of the LaTeX subset and of what it refuses */
const LATEX_TOKENS = [
  '\\frac{',
  '\\frac{d}{dx}',
  '\\frac{\\partial}{\\partial w_{ij}}',
  '\\sum_k',
  '\\sum',
  '\\sigma(',
  '\\log',
  '\\sqrt',
  '\\sin^2',
  '\\left(',
  '\\right)',
  '\\cdot',
  '\\mathrm{pR}',
  '\\text{',
  '\\delta_{ij}',
  'w_{ik}',
  's_j',
  '^{-1/2}',
  '^2',
  '_{',
  '{',
  '}',
  '/',
  '$',
  '\\',
  '−',
  '²',
  '×',
  'λ',
  '\f',
];

/** the LaTeX written in the seed files (`latex:` steps and claim sides) with the names its file declares */
export function seedLatexExpressions(files, loadDerivation) {
  const out = [];
  for (const { name, text } of files) {
    const loaded = loadDerivation(name, text);
    if (!loaded.ok) continue;
    const env = {
      symbols: loaded.derivation.symbols,
      functions: new Map(loaded.derivation.definitions.map((d) => [d.name, d.params.length])),
    };
    let tree;
    try {
      tree = parseYaml(text);
    } catch {
      continue;
    }
    const walk = (v, key) => {
      if (typeof v === 'string' && key === 'latex') out.push({ text: v, env });
      else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
    };
    walk(tree, '');
  }
  return out;
}

/** LaTeX formulas to read: random text or mutated shipped LaTeX steps */
export function latexCases(seeds) {
  const empty = { symbols: new Map(), functions: new Map() };
  const tokens = [...LATEX_TOKENS, ...EXPR_TOKENS];
  return fc.oneof(
    { weight: 1, arbitrary: randomText(tokens).map((text) => ({ text, env: empty })) },
    { weight: 3, arbitrary: mutated(seeds, tokens) },
  );
}

/** one mutation: what to do, where (a fraction of the length) and with what */
const mutation = (tokens) =>
  fc.record({
    kind: fc.constantFrom(
      'insert-char',
      'delete',
      'replace-char',
      'insert-token',
      'replace-token',
      'delete-token',
      'repeat',
    ),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    length: fc.integer({ min: 1, max: 8 }),
    char: fc.constantFrom(...CHARS),
    token: fc.constantFrom(...tokens),
    times: fc.integer({ min: 2, max: 50 }),
  });

/** text with one mutation applied */
function mutate(text, m) {
  const at = Math.min(text.length, Math.floor(m.at * (text.length + 1)));
  switch (m.kind) {
    case 'insert-char':
      return text.slice(0, at) + m.char + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.length);
    case 'replace-char':
      return text.slice(0, at) + m.char + text.slice(at + 1);
    case 'insert-token':
      return text.slice(0, at) + m.token + text.slice(at);
    case 'repeat':
      return text.slice(0, at) + text.slice(at, at + m.length).repeat(m.times) + text.slice(at + m.length);
    default: {
      // token-level edits: the word, number or single symbol that starts at or after `at`
      const tokens = [...text.matchAll(/[A-Za-z_][A-Za-z_0-9]*|\d+(?:\.\d+)?|\S/g)];
      if (tokens.length === 0) return text + m.token;
      const t = tokens[Math.min(tokens.length - 1, Math.floor(m.at * tokens.length))];
      const end = t.index + t[0].length;
      return text.slice(0, t.index) + (m.kind === 'replace-token' ? m.token : '') + text.slice(end);
    }
  }
}

/** a seed mutated 1 to 6 times */
const mutated = (seeds, tokens) =>
  fc.tuple(fc.constantFrom(...seeds), fc.array(mutation(tokens), { minLength: 1, maxLength: 6 })).map(([seed, ms]) => ({
    ...seed,
    text: ms.reduce(mutate, seed.text),
  }));

/** random text: arbitrary UTF-16 units, or strings over the meaningful characters and tokens */
const randomText = (tokens) =>
  fc.oneof(
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.string({ unit: fc.constantFrom(...CHARS), maxLength: 300 }),
    fc.array(fc.constantFrom(...tokens), { maxLength: 60 }).map((ts) => ts.join('')),
  );

/** expressions to parse: random text (in an empty scope) or mutated shipped expressions (in their file's scope) */
export function expressionCases(seeds) {
  const empty = { symbols: new Map(), functions: new Map() };
  return fc.oneof(
    { weight: 1, arbitrary: randomText(EXPR_TOKENS).map((text) => ({ text, env: empty })) },
    { weight: 3, arbitrary: mutated(seeds, EXPR_TOKENS) },
  );
}

/** derivation files to load: random text or mutated shipped files */
export function fileCases(files) {
  return fc.oneof(
    {
      weight: 1,
      arbitrary: randomText([...YAML_TOKENS, ...EXPR_TOKENS]).map((text) => ({ name: 'random.yaml', text })),
    },
    { weight: 3, arbitrary: mutated(files, [...YAML_TOKENS, ...EXPR_TOKENS]) },
  );
}

/** text that looks like a stack trace or an internal exception, which no message to a user may contain */
const STACK =
  /\n\s*at \S|\bat (?:Object\.|new |async )?\S+ \(.*:\d+:\d+\)|node_modules|\.[cm]?[jt]s:\d+|TypeError|ReferenceError|RangeError|SyntaxError: |Maximum call stack|undefined is not|Cannot read prop/;

/** why a message is unfit for a user, if it is */
function badMessage(message) {
  if (typeof message !== 'string' || message.trim() === '') return 'an empty message';
  if (STACK.test(message))
    return `stack-trace or internal text in the message: ${JSON.stringify(message.slice(0, 300))}`;
  return undefined;
}

/**
 * The parser's contract on one input: returns (never throws); an error has a
 * code, a clean message and an offset within the text. Returns a failure
 * description, or undefined; `tally` counts outcomes.
 */
export function checkParse(parseExpression, c, tally) {
  let r;
  try {
    r = parseExpression(c.text, c.env);
  } catch (err) {
    return `threw ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`;
  }
  if (r.ok) {
    tally.ok = (tally.ok ?? 0) + 1;
    return undefined;
  }
  const e = r.error;
  tally[e.code] = (tally[e.code] ?? 0) + 1;
  if (typeof e.code !== 'string' || e.code === '') return 'an error without a code';
  if (!Number.isInteger(e.offset) || e.offset < 0 || e.offset > c.text.length)
    return `offset ${e.offset} outside the text of length ${c.text.length}`;
  return badMessage(e.message);
}

/**
 * The loader's contract on one file: returns (never throws); every error has
 * a code, a clean message and a place inside the file (a line that exists,
 * a column at most one past its end).
 */
export function checkLoad(loadDerivation, c, tally) {
  let r;
  try {
    r = loadDerivation(c.name, c.text);
  } catch (err) {
    return `threw ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`;
  }
  if (r.ok) {
    tally.ok = (tally.ok ?? 0) + 1;
    return undefined;
  }
  if (r.errors.length === 0) return 'failed without an error';
  const lines = c.text.split(/\r\n|\r|\n/);
  for (const e of r.errors) {
    tally[e.code] = (tally[e.code] ?? 0) + 1;
    if (typeof e.code !== 'string' || e.code === '') return 'an error without a code';
    const { file, line, column } = e.place ?? {};
    if (file !== c.name) return `an error placed in ${file}, not ${c.name}`;
    if (!Number.isInteger(line) || line < 1 || line > lines.length)
      return `line ${line} outside the file's ${lines.length} lines (${e.code}: ${e.message})`;
    if (!Number.isInteger(column) || column < 1 || column > lines[line - 1].length + 1)
      return `column ${column} outside line ${line} of length ${lines[line - 1].length} (${e.code}: ${e.message})`;
    const bad = badMessage(e.message);
    if (bad) return bad;
  }
  return undefined;
}
