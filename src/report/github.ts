/**
 * GitHub Actions workflow commands: an annotation on the exact line of each
 * step that needs attention (`::error` for failed and unreadable steps,
 * `::notice` for steps only checked numerically), a notice listing each
 * file's premises (what its verdicts assume), then a summary line.
 * Escaping follows @actions/core: data escapes `%`, CR and LF; properties
 * also escape `:` and `,`.
 */
import { diagnosisLines } from './diagnosis.js';
import type { FileResult, StepResult } from '../verdict/result.js';
import { counterexampleTable } from './counterexample-rows.js';
import { evidenceSentence } from './evidence.js';
import { summaryLine, tally } from './tally.js';
import type { ReportOptions } from './options.js';

/** a command's message: `%`, `\r`, `\n` percent-encoded (`%` first, so the others are not encoded twice) */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** a command property's value: as data, and also `:` and `,`, which delimit properties */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

type Level = 'error' | 'warning' | 'notice';

function command(level: Level, properties: readonly (readonly [string, string | number])[], message: string): string {
  const props = properties.map(([name, value]) => `${name}=${escapeProperty(String(value))}`).join(',');
  return `::${level} ${props}::${escapeData(message)}`;
}

function body(s: StepResult): string {
  const lines: string[] = [];
  if (s.message !== '') lines.push(s.message);
  if (s.expr !== undefined) lines.push(`step: ${s.expr}`);
  if (s.by !== undefined) lines.push(`by: ${s.by}`);
  if (s.counterexample !== undefined) lines.push('counterexample:', ...counterexampleTable(s.counterexample, '  '));
  if (s.diagnosis !== undefined) lines.push(...diagnosisLines(s.diagnosis));
  for (const w of s.warnings ?? []) lines.push(`warning: ${w}`);
  if (s.evidence !== undefined) lines.push(`evidence: ${evidenceSentence(s.evidence)}`);
  return lines.length === 0 ? s.status : lines.join('\n');
}

/** the annotation of step `s`: none when proved, a notice when numeric (an error under strict), else an error */
function annotation(r: FileResult, s: StepResult, strict: boolean): string | undefined {
  const where: [string, string | number][] = [
    ['file', r.file],
    ['line', s.line],
    ['col', s.column],
  ];
  switch (s.status) {
    case 'proved':
      // a proved step is silent, unless its `by` earned a warning
      return s.warnings !== undefined && s.warnings.length > 0
        ? command('warning', [...where, ['title', `derivcheck: warning on ${s.location}`]], s.warnings.join('\n'))
        : undefined;
    case 'failed':
      return command('error', [...where, ['title', `derivcheck: failed step ${s.location}`]], body(s));
    case 'error': {
      const code = s.code !== undefined ? ` [${s.code}]` : '';
      return command('error', [...where, ['title', `derivcheck: error in ${s.location}${code}`]], body(s));
    }
    case 'numeric':
      return strict
        ? command('error', [...where, ['title', `derivcheck: numeric only (--strict) ${s.location}`]], body(s))
        : command(
            'notice',
            [...where, ['title', `derivcheck: numeric step ${s.location} (not proved symbolically)`]],
            body(s),
          );
  }
}

/** one notice with the file's premises, at the first one's line (none when the file has none) */
function premisesNotice(r: FileResult): string[] {
  if (r.premises.length === 0) return [];
  const text = r.premises.map((q) => `line ${q.line}, ${q.kind}: ${q.text}`).join('\n');
  const title = `derivcheck: premises of ${r.file} (assumed, not proved)`;
  return [
    command(
      'notice',
      [
        ['file', r.file],
        ['line', r.premises[0]!.line],
        ['title', title],
      ],
      text,
    ),
  ];
}

/** The workflow commands for `results`, one per line, ending with the summary line; a pure function of its arguments. */
export function formatGithub(results: readonly FileResult[], opts: ReportOptions): string {
  const lines = results.flatMap((r) => [
    ...r.steps.map((s) => annotation(r, s, opts.strict)).filter((l): l is string => l !== undefined),
    ...premisesNotice(r),
  ]);
  lines.push(`derivcheck: ${summaryLine(tally(results))}${opts.strict ? ' (--strict: only proved counts)' : ''}`);
  return lines.join('\n') + '\n';
}
