/**
 * `verify gradcheck FILE --units N [--seed S] [--instances K]`: the large-scale
 * cross-check of a derived gradient. The claim's lhs must be
 * `diff(OBJ, w[i,j])` (an element of a declared array); its rhs (or, without
 * a claim, the main chain's last step) is the closed form. On K rounds of
 * random networks of N units, one network of every weight family each (a
 * DAG, dense, symmetric pairs; several scales), every partial
 * d OBJ / d w[a,b] comes from one reverse-mode backward pass over OBJ's tape
 * and is compared with the closed form at that (a, b), both with float64
 * error bounds; each network's counts, the worst element, its errors and
 * the times are printed, and a progress line on stderr every second once a
 * check has run 2 s. Exit 0 when every settled element agrees (and some
 * did), 1 when one differs or none could be settled, 2 on bad usage.
 */
import { rawOption } from './options.js';
import { readDerivationFileSync } from '../derivation/read-file.js';
import yargs from 'yargs';
import type { Elem } from '../ir/expr.js';
import { toAscii } from '../ir/print.js';
import { loadDerivation } from '../derivation/load.js';
import type { LoadedDerivation } from '../derivation/model.js';
import { gradcheckDerivation } from '../derivation/gradcheck.js';
import {
  type GradcheckNetwork,
  type GradcheckReport,
  type GradcheckWorst,
  MAX_GRADCHECK_INSTANCES,
  MAX_GRADCHECK_UNITS,
  familyText,
} from '../verdict/gradcheck.js';
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
        describe: `rounds of random networks, each one network of every family (at most ${MAX_GRADCHECK_INSTANCES})`,
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

/** the families tried, grouped by scale: `dag, dense, symmetric at +-2/sqrt(n); dense at +-0.1, +-5` */
function familiesText(r: GradcheckReport): string {
  const byScale = new Map<string, string[]>();
  for (const f of r.families) byScale.set(f.scaleText, [...(byScale.get(f.scaleText) ?? []), f.shape]);
  return [...byScale].map(([scale, shapes]) => `${shapes.join(', ')} at +-${scale}`).join('; ');
}

/** one network's lines */
function networkLines(net: GradcheckNetwork, k: number, partials: number): string[] {
  const c = net.comparison;
  const unsettled =
    c.unsettled === 0
      ? ''
      : `, ${c.unsettled} unsettled (float64 cannot resolve them; first at ${[...c.unsettledExample!.units].map(([x, u]) => `${x} = ${u}`).join(', ')}: ${c.unsettledExample!.reason})`;
  const lines = [
    `  network ${k + 1} (${familyText(net.family)}): ${partials} partials in one backward pass (forward + backward ${ms(net.sweepMs)} ms${net.boundsMs === undefined ? '' : `, error bounds of the disagreements ${ms(net.boundsMs)} ms`}); closed form at ${partials} elements in ${ms(net.closedFormMs)} ms; objective ${num(net.value)}`,
    `    ${c.agreeing} agree, ${c.differing} differ${unsettled}`,
  ];
  if (c.worst) lines.push(`    worst: ${worstText(c.worst)}`);
  return lines;
}

/** the report's text */
function render(file: string, wrt: Elem, from: string, r: GradcheckReport, seed: number): string {
  const rounds = r.networks.length / r.families.length;
  const lines = [
    `verify gradcheck ${file}: d OBJ / d ${toAscii(wrt)} by reverse-mode autodiff of the claim's objective, against ${from}`,
    `  networks: ${r.n} units, ${r.networks.length} networks (${rounds === 1 ? 'one' : rounds} of each family, seed ${seed}): ${r.weightArrays.join(', ')} the weights of a DAG (0 unless b precedes a in a random order), dense (every weight nonzero, the diagonal too) or symmetric pairs (w[a,b] = w[b,a]), uniform in +-scale: ${familiesText(r)}; binary arrays random 0/1, other symbols random in their domains`,
    `  tape: ${r.tapeNodes} nodes, compiled once in ${ms(r.compileMs)} ms`,
    ...r.networks.flatMap((net, k) => networkLines(net, k, r.partials)),
  ];
  const tol = `${r.tolerance} (GRADCHECK_TOLERANCE, relative to max(1, |autodiff|))`;
  const tried = `${r.networks.length} networks (${familiesText(r)}), ${r.agreeing + r.differing + r.unsettled} partials`;
  const unsettled = r.unsettled === 0 ? '' : `; ${r.unsettled} unsettled (float64 cannot resolve them)`;
  const w = r.worst;
  if (r.verdict === 'failed' && w) {
    lines.push(
      `FAILED: at network ${w.network + 1} (${familyText(r.networks[w.network]!.family)}), ${worstText(w)} (beyond ${tol}, float64 error bounds included); ${r.differing} of ${tried} differ${unsettled}`,
    );
  } else if (r.verdict === 'ok' && w) {
    lines.push(`ok: ${tried}: ${r.agreeing} agree within ${tol}, the worst error ${num(w.mixed)}${unsettled}`);
  } else {
    lines.push(`UNDECIDED: float64 settled none of the ${tried}${unsettled}`);
  }
  return lines.join('\n') + '\n';
}

/** what was typed for `--name` (yargs makes `abc` NaN), quoted, or the parsed value */
const typed = (argv: readonly string[], name: string, value: number): string => {
  const raw = rawOption(argv, name);
  return raw !== undefined ? `'${raw}'` : String(value);
};

/** the derivation in `file`, or undefined after writing why it cannot be read or loaded */
function loadFile(file: string, io: Io): LoadedDerivation | undefined {
  const read = readDerivationFileSync(file);
  if (!read.ok) {
    io.err(`${file}:${read.line}:${read.column}: ${read.message}\n`);
    return undefined;
  }
  const loaded = loadDerivation(file, read.text);
  if (!loaded.ok) {
    io.err(
      loaded.errors.map((e) => `${e.place.file}:${e.place.line}:${e.place.column}: ${e.message}`).join('\n') + '\n',
    );
    return undefined;
  }
  return loaded.derivation;
}

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
  const d = loadFile(a.file, io);
  if (d === undefined) return 2;
  const r = gradcheckDerivation(d, {
    units: a.units,
    seed: a.seed,
    instances: a.instances,
    progress: (line) => io.err(`${line}\n`),
  });
  if (r.kind === 'problem') {
    io.err(`verify gradcheck: ${a.file}: ${r.message}\n`);
    return 2;
  }
  io.out(render(a.file, r.wrt, r.from, r, a.seed));
  return r.verdict === 'ok' ? 0 : 1;
}
