/**
 * `verify explain EXPR --wrt VAR [--context FILE]`: the derivative of EXPR
 * step by step, each step named by its rule. The context file supplies the
 * symbols and definitions (any derivation file).
 */
import { readFileSync } from 'node:fs';
import { decodeUtf8, notUtf8Message } from '../derivation/utf8.js';
import yargs from 'yargs';
import type { Variable } from '../ir/expr.js';
import type { Definition, Scope, SymbolDecl } from '../ir/symbols.js';
import { parseExpression } from '../parse/expression.js';
import { loadDerivation } from '../derivation/load.js';
import { explainDerivative } from '../engine/explain.js';
import { formatExplanation, type ExplainFormat } from '../report/explanation.js';

export interface Io {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
}

interface ExplainArgs {
  readonly expr: string;
  readonly wrt: string;
  readonly context?: string;
  readonly format: ExplainFormat;
}

async function parseArgs(
  argv: readonly string[],
): Promise<{ args?: ExplainArgs; exit?: { code: number; text: string } }> {
  return new Promise((resolve) => {
    yargs()
      .scriptName('verify explain')
      .usage(
        '$0 EXPR --wrt VAR [--context FILE]\n\nThe derivative of EXPR with respect to VAR, one named rule per step.',
      )
      .option('wrt', {
        type: 'string',
        demandOption: true,
        requiresArg: true,
        describe: 'the variable: a scalar name or an array element such as "w[i,j]"',
      })
      .option('context', {
        type: 'string',
        requiresArg: true,
        describe: 'a derivation file whose symbols and definitions apply',
      })
      .option('format', {
        choices: ['text', 'latex', 'json'] as const,
        default: 'text' as const,
        describe: 'output format',
      })
      .example(
        '$0 "log(sigma(sum(k, w[i,k]*s[k])))" --wrt "w[i,j]" --context derivations/sigmoid-belief-net.yaml',
        "the seed's chain rule, step by step",
      )
      .demandCommand(1, 'give the expression to differentiate')
      .strict()
      .help()
      .wrap(null)
      .parse([...argv], {}, (err, a, output) => {
        if (err)
          resolve({
            exit: { code: 2, text: `verify explain: ${err.message}\nRun 'verify explain --help' for usage.\n` },
          });
        else if (a.help) resolve({ exit: { code: 0, text: output + '\n' } });
        else if ((a._ as unknown[]).length !== 1)
          resolve({ exit: { code: 2, text: 'verify explain: give exactly one expression (quote it)\n' } });
        else
          resolve({
            args: {
              expr: String((a._ as unknown[])[0]),
              wrt: String(a.wrt),
              ...(a.context ? { context: String(a.context) } : {}),
              format: a.format as ExplainFormat,
            },
          });
      });
  });
}

/** the symbols and definitions of a derivation file, or the errors that stop us reading it */
function readContext(path: string): { scope?: Scope; errors?: string[] } {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    return { errors: [`${path}: cannot read the context file (${(e as NodeJS.ErrnoException).code ?? String(e)})`] };
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return { errors: [`${path}:${decoded.line}:${decoded.column}: ${notUtf8Message(path, decoded)}`] };
  const text = decoded.text;
  const r = loadDerivation(path, text);
  if (!r.ok) return { errors: r.errors.map((e) => `${e.place.file}:${e.place.line}:${e.place.column}: ${e.message}`) };
  const definitions = new Map<string, Definition>(r.derivation.definitions.map((d) => [d.name, d]));
  return { scope: { symbols: r.derivation.symbols, definitions, assumptions: [] } };
}

/** runs `verify explain` with the arguments after `explain`; resolves to the exit status */
export async function explainCommand(argv: readonly string[], io: Io): Promise<number> {
  const { args, exit } = await parseArgs(argv);
  if (exit) {
    (exit.code === 0 ? io.out : io.err)(exit.text);
    return exit.code;
  }
  const a = args!;
  let scope: Scope = { symbols: new Map<string, SymbolDecl>(), definitions: new Map(), assumptions: [] };
  if (a.context) {
    const c = readContext(a.context);
    if (c.errors) {
      io.err(c.errors.join('\n') + '\n');
      return 2;
    }
    scope = c.scope!;
  }
  const functions = new Map(
    [...scope.definitions.values()].filter((d) => d.params.length > 0).map((d) => [d.name, d.params.length]),
  );
  const env = { symbols: scope.symbols, functions };
  const e = parseExpression(a.expr, env);
  if (!e.ok) {
    io.err(`<expression>:1:${e.error.offset + 1}: ${e.error.message}\n`);
    return 2;
  }
  const v = parseExpression(a.wrt, env);
  if (!v.ok || (v.expr.kind !== 'sym' && v.expr.kind !== 'elem')) {
    io.err(`--wrt: ${v.ok ? 'must be a scalar name or an array element such as w[i,j]' : v.error.message}\n`);
    return 2;
  }
  const explanation = explainDerivative(e.expr, v.expr as Variable, scope);
  io.out(formatExplanation(explanation, a.format));
  return explanation.confirmed ? 0 : 1;
}
