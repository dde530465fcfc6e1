/**
 * `verify explain EXPR --wrt VAR [--context FILE]`: the derivative of EXPR
 * step by step, each step named by its rule. The context file supplies the
 * symbols and definitions (any derivation file).
 */
import yargs from 'yargs';
import { loadContext } from '../api/context.js';
import { describeError } from '../api/errors.js';
import { readIn } from '../api/expression.js';
import type { Variable } from '../ir/expr.js';
import { explainDerivative } from '../explain/derivative-steps.js';
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

/** runs `verify explain` with the arguments after `explain`; resolves to the exit status */
export async function explainCommand(argv: readonly string[], io: Io): Promise<number> {
  const { args, exit } = await parseArgs(argv);
  if (exit) {
    (exit.code === 0 ? io.out : io.err)(exit.text);
    return exit.code;
  }
  const a = args!;
  // the context and the expressions are read as the library API reads them (src/api/)
  const c = loadContext(a.context ? { file: a.context } : undefined);
  if (!c.ok) {
    io.err(c.errors.map(describeError).join('\n') + '\n');
    return 2;
  }
  const e = readIn(a.expr, c.context, 'expression');
  if (!e.ok) {
    io.err(`<expression>:1:${e.errors[0]!.column ?? 1}: ${e.errors[0]!.message}\n`);
    return 2;
  }
  const v = readIn(a.wrt, c.context, 'wrt');
  if (!v.ok || (v.expr.kind !== 'sym' && v.expr.kind !== 'elem')) {
    io.err(`--wrt: ${v.ok ? 'must be a scalar name or an array element such as w[i,j]' : v.errors[0]!.message}\n`);
    return 2;
  }
  const scope = c.context.scope;
  const explanation = explainDerivative(e.expr, v.expr as Variable, scope);
  io.out(formatExplanation(explanation, a.format));
  return explanation.confirmed ? 0 : 1;
}
