/**
 * `verify gradcheck FILE --units N [--seed S] [--instances K]`: the large-scale
 * cross-check of a derived gradient. The claim's lhs must be
 * `diff(OBJ, w[i,j])` (an element of a declared array); its rhs (or, without
 * a claim, the main chain's last step) is the closed form. On K random
 * networks of N units, every partial d OBJ / d w[a,b] comes from one
 * reverse-mode backward pass over OBJ's tape and is compared with the closed
 * form at that (a, b); the worst element, its errors and the times are
 * printed. Exit 0 when within tolerance, 1 when not, 2 on bad usage.
 */
import { readFileSync } from 'node:fs';
import { rawOption } from './options.js';
import { decodeUtf8, notUtf8Message } from '../derivation/utf8.js';
import yargs from 'yargs';
import type { Elem, Expr } from '../ir/expr.js';
import { toAscii } from '../ir/print.js';
import type { Definition, Scope } from '../ir/symbols.js';
import { loadDerivation } from '../derivation/load.js';
import type { LoadedDerivation } from '../derivation/model.js';
import { MAX_GRADCHECK_INSTANCES, MAX_GRADCHECK_UNITS } from '../numeric/bounds.js';
import { gradcheck, type GradcheckResult, type GradcheckWorst } from '../numeric/gradcheck.js';
import type { Io } from './explain.js';

interface GradcheckArgs {
  readonly file: string;
  readonly units: number;
  readonly seed: number;
  readonly instances: number;
}

async function parseArgs(
  argv: readonly string[],
): Promise<{ args?: GradcheckArgs; exit?: { code: number; text: string } }> {
  return new Promise((resolve) => {
    yargs()
      .scriptName('verify gradcheck')
      .usage(
        '$0 FILE --units N [--seed S] [--instances K]\n\n' +
          "Checks the claim's closed form for d OBJ / d w[i,j] (claim lhs diff(OBJ, w[i,j]), rhs the closed form) against reverse-mode autodiff of OBJ at every (i, j) of random networks of N units.",
      )
      .option('units', {
        type: 'number',
        demandOption: true,
        requiresArg: true,
        describe: `units of each random network (at most MAX_GRADCHECK_UNITS = ${MAX_GRADCHECK_UNITS})`,
      })
      .option('seed', { type: 'number', default: 1, requiresArg: true, describe: 'seed of the random networks' })
      .option('instances', {
        type: 'number',
        default: 1,
        requiresArg: true,
        describe: `random networks to try (at most ${MAX_GRADCHECK_INSTANCES})`,
      })
      .example(
        '$0 derivations/sigmoid-belief-net-full-joint.yaml --units 1000',
        'the log-joint gradient on a 1000-unit network',
      )
      .demandCommand(1, 'give the derivation file')
      .strict()
      .help()
      .wrap(null)
      .parse([...argv], {}, (err, a, output) => {
        const positional = a._ as unknown[];
        if (err)
          resolve({
            exit: { code: 2, text: `verify gradcheck: ${err.message}\nRun 'verify gradcheck --help' for usage.\n` },
          });
        else if (a.help) resolve({ exit: { code: 0, text: output + '\n' } });
        else if (positional.length !== 1)
          resolve({ exit: { code: 2, text: 'verify gradcheck: give exactly one derivation file\n' } });
        else
          resolve({
            args: {
              file: String(positional[0]),
              units: Number(a.units),
              seed: Number(a.seed),
              instances: Number(a.instances),
            },
          });
      });
  });
}

/** the objective, the element and the closed form of a derivation, or why it does not have that shape */
function shape(
  d: LoadedDerivation,
): { objective: Expr; wrt: Elem; closedForm: Expr; from: string } | { problem: string } {
  let lhs: Expr, rhs: Expr, from: string;
  if (d.claim) {
    [lhs, rhs, from] = [d.claim.lhs, d.claim.rhs, "the claim's rhs"];
  } else if (!d.cases && d.steps.length >= 2) {
    [lhs, rhs, from] = [d.steps[0]!.expr, d.steps[d.steps.length - 1]!.expr, 'the last step'];
  } else {
    return {
      problem:
        'gradcheck needs a claim `{lhs: diff(OBJ, w[i,j]), rhs: CLOSED_FORM}` (or, without cases, a chain from diff(OBJ, w[i,j]) to the closed form)',
    };
  }
  if (lhs.kind !== 'diff' || lhs.wrt.kind !== 'elem') {
    return {
      problem: `gradcheck needs the claim's lhs to be diff(OBJ, w[i,j]), a derivative with respect to an element of an array; here it is ${toAscii(lhs)}`,
    };
  }
  return { objective: lhs.body, wrt: lhs.wrt, closedForm: rhs, from };
}

const num = (x: number): string =>
  Number.isFinite(x)
    ? x === 0
      ? '0'
      : Math.abs(x) >= 1e-3 && Math.abs(x) < 1e6
        ? String(Number(x.toPrecision(12)))
        : x.toExponential(3)
    : String(x);
const ms = (x: number): string => (x < 10 ? x.toFixed(2) : x.toFixed(0));

function worstText(w: GradcheckWorst): string {
  const at = [...w.units].map(([k, u]) => `${k} = ${u}`).join(', ');
  return `${at}: autodiff ${num(w.autodiff)}, closed form ${num(w.closedForm)}, error ${num(w.absolute)} absolute, ${num(w.relative)} relative`;
}

/** the report's text */
function render(
  file: string,
  wrt: Elem,
  from: string,
  r: Extract<GradcheckResult, { kind: 'report' }>,
  seed: number,
): string {
  const lines = [
    `verify gradcheck ${file}: d OBJ / d ${toAscii(wrt)} by reverse-mode autodiff of the claim's objective, against ${from}`,
    `  networks: ${r.n} units; ${wrt.name} the weights of a random DAG (${wrt.name}[a,b] = 0 unless b precedes a in a random order, the others uniform in +-2/sqrt(n)); binary arrays random 0/1, other symbols random in their domains; seed ${seed}`,
    `  tape: ${r.tapeNodes} nodes, compiled once in ${ms(r.compileMs)} ms`,
  ];
  r.instances.forEach((inst, k) => {
    lines.push(
      `  network ${k + 1}: ${r.partials} partials in one backward pass (forward + backward ${ms(inst.sweepMs)} ms); closed form at ${r.partials} elements in ${ms(inst.closedFormMs)} ms; objective ${num(inst.value)}`,
      `    worst: ${worstText(inst.worst)}`,
    );
  });
  const verdict = r.ok
    ? `ok: the worst error ${num(r.worst.mixed)} is within ${r.tolerance} (GRADCHECK_TOLERANCE, relative to max(1, |autodiff|))`
    : `FAILED: at network ${r.worst.instance + 1}, ${worstText(r.worst)} (beyond ${r.tolerance}, relative to max(1, |autodiff|))`;
  lines.push(verdict);
  return lines.join('\n') + '\n';
}

/** what was typed for `--name` (yargs makes `abc` NaN), quoted, or the parsed value */
const typed = (argv: readonly string[], name: string, value: number): string => {
  const raw = rawOption(argv, name);
  return raw !== undefined ? `'${raw}'` : String(value);
};

/** runs `verify gradcheck` with the arguments after `gradcheck`; resolves to the exit status */
export async function gradcheckCommand(argv: readonly string[], io: Io): Promise<number> {
  const { args, exit } = await parseArgs(argv);
  if (exit) {
    (exit.code === 0 ? io.out : io.err)(exit.text);
    return exit.code;
  }
  const a = args!;
  if (!Number.isInteger(a.units) || a.units < 1 || a.units > MAX_GRADCHECK_UNITS) {
    io.err(
      `verify gradcheck: --units must be an integer from 1 to MAX_GRADCHECK_UNITS = ${MAX_GRADCHECK_UNITS}, not ${typed(argv, 'units', a.units)}\n`,
    );
    return 2;
  }
  if (!Number.isInteger(a.seed)) {
    io.err(`verify gradcheck: --seed must be an integer, not ${typed(argv, 'seed', a.seed)}\n`);
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(a.file);
  } catch (e) {
    io.err(`${a.file}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)})\n`);
    return 2;
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    io.err(`${a.file}:${decoded.line}:${decoded.column}: ${notUtf8Message(a.file, decoded)}\n`);
    return 2;
  }
  const text = decoded.text;
  const loaded = loadDerivation(a.file, text);
  if (!loaded.ok) {
    io.err(
      loaded.errors.map((e) => `${e.place.file}:${e.place.line}:${e.place.column}: ${e.message}`).join('\n') + '\n',
    );
    return 2;
  }
  const d = loaded.derivation;
  const s = shape(d);
  if ('problem' in s) {
    io.err(`verify gradcheck: ${a.file}: ${s.problem}\n`);
    return 2;
  }
  const scope: Scope = {
    symbols: d.symbols,
    definitions: new Map<string, Definition>(d.definitions.map((x) => [x.name, x])),
    assumptions: [],
  };
  const r = gradcheck({
    objective: s.objective,
    wrt: s.wrt,
    closedForm: s.closedForm,
    scope,
    units: a.units,
    seed: a.seed,
    instances: a.instances,
  });
  if (r.kind === 'problem') {
    io.err(`verify gradcheck: ${a.file}: ${r.message}\n`);
    return 2;
  }
  io.out(render(a.file, s.wrt, s.from, r, a.seed));
  return r.ok ? 0 : 1;
}
