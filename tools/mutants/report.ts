/**
 * The text report of a mutation run: per file the counts and the kill rate,
 * per operator the kills, then every survivor in full (the edit, the
 * oracle's reason, the checker's status for each compared location), and the
 * mutants the oracle could not judge, so none is silently dropped.
 */
import { toAscii } from '../../src/ir/print.js';
import type { FileMutationReport, MutantOutcome } from './model.js';
import { countOutcomes, killRateText, perOperator, survivors, type MutationCounts } from './summary.js';

/** one line of counts */
export function countsLine(c: MutationCounts): string {
  return `${c.generated} mutants, ${c.equivalent} equivalent, ${c.inconclusive} inconclusive, ${c.changed} meaning-changing, ${c.killed} killed, ${c.survivors} survivors, kill rate ${killRateText(c)}${c.equivalentUnconfirmed ? `, ${c.equivalentUnconfirmed} equivalent only numerically` : ''}${c.equivalentRejected ? `, ${c.equivalentRejected} equivalent but rejected` : ''}${c.crashes ? `, ${c.crashes} CRASHES` : ''}`;
}

/** the edit of a mutant in one line: location, operator, what changed */
function editLine(x: MutantOutcome): string {
  return `${x.mutant.location} [${x.mutant.operator}] ${x.mutant.detail}`;
}

/** a survivor in full */
export function survivorText(file: string, x: MutantOutcome): string {
  const m = x.mutant;
  const lines = [`SURVIVOR ${file} ${editLine(x)}`];
  if (m.original && m.mutated) lines.push(`  original: ${toAscii(m.original)}`, `  mutated:  ${toAscii(m.mutated)}`);
  if (x.meaning.kind === 'changed') lines.push(`  oracle:   ${x.meaning.why}`);
  lines.push('  checker:');
  for (const v of x.verdicts)
    lines.push(`    ${v.location}: ${v.status}${v.status === 'proved' ? '' : ` (${v.message})`}`);
  return lines.join('\n');
}

/** the report of one file */
export function fileReportText(r: FileMutationReport): string {
  const c = countOutcomes(r.outcomes);
  const lines = [`${r.file}: ${countsLine(c)} (of ${r.candidates} candidates; ${(r.millis / 1000).toFixed(1)} s)`];
  const ops = [...perOperator(r.outcomes)]
    .filter(([, v]) => v.changed > 0)
    .map(([op, v]) => `${op} ${v.killed}/${v.changed}`);
  lines.push(`  killed per operator: ${ops.join(', ')}`);
  for (const x of survivors(r.outcomes)) lines.push(survivorText(r.file, x));
  for (const x of r.outcomes) {
    if (x.meaning.kind === 'inconclusive')
      lines.push(
        `  inconclusive: ${editLine(x)}: ${x.meaning.why}; checker ${x.rejected ? 'rejected' : 'accepted'} it`,
      );
  }
  for (const x of r.outcomes) {
    if (x.meaning.kind === 'equivalent' && x.rejected) {
      const where = x.verdicts
        .filter((v) => v.status === 'failed' || v.status === 'error')
        .map((v) => `${v.location} ${v.status}`)
        .join(', ');
      lines.push(`  equivalent but rejected: ${editLine(x)}: ${where || 'crash'}`);
    }
  }
  for (const x of r.outcomes) {
    if (x.meaning.kind === 'equivalent' && x.numericOnly) {
      const where = x.verdicts
        .filter((v) => v.status === 'numeric')
        .map((v) => v.location)
        .join(', ');
      lines.push(
        `  equivalent only numerically (the core did not confirm; check by hand): ${editLine(x)}${x.mutant.mutated ? ` => ${toAscii(x.mutant.mutated)}` : ''}: numeric at ${where}`,
      );
    }
  }
  for (const x of r.outcomes)
    if (x.crash) lines.push(`  CRASH: ${editLine(x)}: ${x.crash.split('\n').slice(0, 4).join(' | ')}`);
  return lines.join('\n');
}
