/**
 * The JUnit XML report, in the Jenkins/Ant `junit.xsd` shape that CI systems
 * (Jenkins, GitLab, Azure, the GitHub test-report actions) read: one
 * `<testsuite>` per derivation file, one `<testcase>` per checked step.
 * A failed step is a `<failure>` carrying its counterexample, an input
 * problem an `<error>` typed by its code, and a numeric step passes with its
 * evidence in `<system-out>` (under --strict it is a failure: evidence is not
 * a proof there).
 */
import { diagnosisLines } from './diagnosis.js';
import type { FileResult, StepResult } from '../verdict/result.js';
import { counterexampleTable } from './counterexample-rows.js';
import { evidenceSentence } from './evidence.js';
import { escapeAttribute, escapeText } from './markup-escape.js';
import { tally } from './tally.js';
import type { ReportOptions } from './options.js';

/** `name="value"` pairs, each value escaped */
function attributes(pairs: readonly (readonly [string, string | number])[]): string {
  return pairs.map(([name, value]) => ` ${name}="${escapeAttribute(String(value))}"`).join('');
}

/** `derivations/wrong/sign-slip.yaml` -> `derivations.wrong.sign-slip`: a Java-like class name CI tools group by */
export function junitClassname(file: string): string {
  const withoutExtension = file.replace(/\.ya?ml$/i, '');
  // leading ./ and ../ and the root of an absolute path name no package
  const dotted = withoutExtension.replace(/^((\.{1,2})?[\\/])+/, '').replace(/[\\/]+/g, '.');
  return dotted === '' ? file : dotted;
}

/** the text a failure or error element carries: message, justification, counterexample */
function detail(s: StepResult, fileName: string): string {
  const lines = [`${fileName}:${s.line}:${s.column}  ${s.location}`];
  if (s.expr !== undefined) lines.push(`step: ${s.expr}`);
  if (s.by !== undefined) lines.push(`by: ${s.by}`);
  if (s.message !== '') lines.push(s.message);
  if (s.counterexample !== undefined) lines.push('counterexample:', ...counterexampleTable(s.counterexample, '  '));
  if (s.diagnosis !== undefined) lines.push(...diagnosisLines(s.diagnosis));
  for (const w of s.warnings ?? []) lines.push(`warning: ${w}`);
  if (s.evidence !== undefined) lines.push(`evidence: ${evidenceSentence(s.evidence)}`);
  return lines.join('\n');
}

function fails(s: StepResult, strict: boolean): boolean {
  return s.status === 'failed' || (strict && s.status === 'numeric');
}

function testcase(r: FileResult, s: StepResult, strict: boolean): string {
  const open = `    <testcase${attributes([
    ['classname', junitClassname(r.file)],
    ['name', `${s.location} (line ${s.line})`],
    ['file', r.file],
    ['line', s.line],
    ['time', 0],
  ])}`;
  const body: string[] = [];
  if (s.status === 'failed') {
    body.push(
      `      <failure${attributes([
        ['message', s.message],
        ['type', 'failed'],
      ])}>${escapeText(detail(s, r.file))}</failure>`,
    );
  } else if (s.status === 'error') {
    body.push(
      `      <error${attributes([
        ['message', s.message],
        ['type', s.code ?? 'error'],
      ])}>${escapeText(detail(s, r.file))}</error>`,
    );
  } else if (s.status === 'numeric') {
    if (strict) {
      const message = 'numeric evidence only; --strict requires a symbolic proof';
      body.push(
        `      <failure${attributes([
          ['message', message],
          ['type', 'numeric'],
        ])}>${escapeText(detail(s, r.file))}</failure>`,
      );
    }
    const evidence =
      s.evidence !== undefined
        ? `numeric, not proved symbolically: ${evidenceSentence(s.evidence)}`
        : 'numeric, not proved symbolically';
    const warned = (s.warnings ?? []).map((w) => `warning: ${w}`);
    body.push(
      `      <system-out>${escapeText([evidence, s.message, ...warned].filter((t) => t !== '').join('\n'))}</system-out>`,
    );
  } else if (s.warnings !== undefined && s.warnings.length > 0) {
    // a proved step whose `by` earned a warning
    body.push(`      <system-out>${escapeText(s.warnings.map((w) => `warning: ${w}`).join('\n'))}</system-out>`);
  }
  return body.length === 0 ? `${open}/>` : [`${open}>`, ...body, '    </testcase>'].join('\n');
}

function seconds(value: number | undefined): string {
  return (value ?? 0).toFixed(3);
}

function testsuite(r: FileResult, index: number, opts: ReportOptions, timestamp: string): string {
  const failures = r.steps.filter((s) => fails(s, opts.strict)).length;
  const errors = r.steps.filter((s) => s.status === 'error').length;
  const open = `  <testsuite${attributes([
    ['name', r.file],
    ['tests', r.steps.length],
    ['failures', failures],
    ['errors', errors],
    ['skipped', 0],
    ['time', seconds(opts.seconds?.[index])],
    ['timestamp', timestamp],
  ])}>`;
  const properties = [
    '    <properties>',
    `      <property${attributes([
      ['name', 'title'],
      ['value', r.title],
    ])}/>`,
    `      <property${attributes([
      ['name', 'seed'],
      ['value', r.seed],
    ])}/>`,
    ...r.premises.map(
      (p) =>
        `      <property${attributes([
          ['name', `premise.line${p.line}.${p.kind}`],
          ['value', p.text],
        ])}/>`,
    ),
    '    </properties>',
  ];
  return [open, ...properties, ...r.steps.map((s) => testcase(r, s, opts.strict)), '  </testsuite>'].join('\n');
}

/** The JUnit XML document (UTF-8, ending in a newline) for `results`; a pure function of its arguments. */
export function formatJunit(results: readonly FileResult[], opts: ReportOptions & { readonly started: Date }): string {
  const t = tally(results);
  const timestamp = opts.started.toISOString().slice(0, 19);
  const total = results.reduce((sum, _r, i) => sum + (opts.seconds?.[i] ?? 0), 0);
  const failures = t.failed + (opts.strict ? t.numeric : 0);
  const open = `<testsuites${attributes([
    ['name', 'derivcheck'],
    ['tests', t.proved + t.numeric + t.failed + t.errors],
    ['failures', failures],
    ['errors', t.errors],
    ['time', seconds(total)],
  ])}>`;
  return (
    [
      '<?xml version="1.0" encoding="UTF-8"?>',
      open,
      ...results.map((r, i) => testsuite(r, i, opts, timestamp)),
      '</testsuites>',
    ].join('\n') + '\n'
  );
}
