/**
 * A failed step's diagnosis (correct result and likely mistake) and a proved
 * step's `by` warning reach every report format (issue 12).
 */
import { describe, expect, it } from 'vitest';
import type { FileResult } from '../../src/verdict/result.js';
import { formatGithub } from '../../src/report/github.js';
import { formatHtml } from '../../src/report/html.js';
import { formatJson } from '../../src/report/json.js';
import { formatJunit } from '../../src/report/junit.js';
import { formatMarkdown } from '../../src/report/markdown.js';
import { renderReport } from '../../src/report/render.js';
import { readFileSync } from 'node:fs';
import { type Schema, validate } from '../helpers/json-schema.js';

const WARNING = 'by names the product rule, but this step does not use it';

const result: FileResult = {
  file: 'derivations/teaching/chain-rule-inner-missing.yaml',
  title: 'Chain rule, inner derivative forgotten',
  ok: false,
  seed: 1,
  premises: [],
  steps: [
    { location: 'steps[0]', line: 8, column: 11, status: 'proved', expr: 'diff(sin(x), x)', message: '' },
    {
      location: 'steps[1]',
      line: 9,
      column: 11,
      status: 'proved',
      expr: 'cos(x)',
      by: 'product rule',
      message: 'proved',
      warnings: [WARNING],
    },
    {
      location: 'steps[2]',
      line: 11,
      column: 11,
      status: 'failed',
      expr: 'cos(3 * x^2)',
      latex: '\\cos\\left(3 x^{2}\\right)',
      message: 'not equal to the previous step',
      diagnosis: {
        correct: '6 * x * cos(3 * x^2)',
        correctLatex: '6 x \\cos\\left(3 x^{2}\\right)',
        mistake: {
          kind: 'missing-inner-derivative',
          message: "the chain rule's inner derivative d/dx 3 * x^2 is missing (at sin(3 * x^2))",
          checkedBy: 'core',
        },
      },
    },
  ],
};

const formats: Record<string, string> = {
  github: formatGithub([result], { strict: false }),
  html: formatHtml([result], { strict: false }),
  junit: formatJunit([result], { strict: false, started: new Date(0) }),
  markdown: formatMarkdown([result], { strict: false }),
};

describe('diagnosis and warnings in every report', () => {
  for (const [name, out] of Object.entries(formats))
    it(`${name}: the correct result, the mistake's name and how it was checked, and the by warning`, () => {
      expect(out).toContain('chain rule without the inner derivative');
      expect(out).toContain('checked by the core');
      expect(out).toMatch(/6 \* x \* cos\(3 \* x\^2\)|6 x \\cos\\left\(3 x\^\{2\}\\right\)/);
      expect(out).toContain('product rule, but this step does not use it');
    });
  it('text: the correct result and the mistake', async () => {
    const out = await renderReport('text', [result], { color: false, strict: false, started: new Date(0) });
    expect(out).toContain('correct result: 6 * x * cos(3 * x^2)');
    expect(out).toContain('likely mistake (chain rule without the inner derivative, checked by the core)');
  });
  it('json: the diagnosis as data', () => {
    const json = JSON.parse(formatJson([result])) as { files: { steps: Record<string, unknown>[] }[] };
    expect(json.files[0]!.steps[2]!.diagnosis).toEqual(result.steps[2]!.diagnosis);
    const schema = JSON.parse(
      readFileSync(new URL('../../docs/report.schema.json', import.meta.url), 'utf8'),
    ) as Schema;
    expect(validate(schema, json)).toEqual([]);
    // the schema describes the diagnosis: an unknown mistake kind breaks it
    const broken = JSON.parse(JSON.stringify(json)) as typeof json;
    (broken.files[0]!.steps[2]!.diagnosis as { mistake: { kind: string } }).mistake.kind = 'guessing';
    expect(validate(schema, broken)).not.toEqual([]);
  });
  it('no mistake named: only the correct result', () => {
    const plain: FileResult = {
      ...result,
      steps: [{ ...result.steps[2]!, diagnosis: { correct: '6 * x * cos(3 * x^2)', correctLatex: '6 x' } }],
    };
    for (const out of [formatMarkdown([plain], { strict: false }), formatGithub([plain], { strict: false })]) {
      expect(out).toContain('correct result');
      expect(out).not.toContain('likely mistake');
    }
  });
  it('github: a proved step with a warning is a warning annotation', () => {
    expect(formats.github).toMatch(/^::warning file=.*line=9.*product rule/m);
  });
});
