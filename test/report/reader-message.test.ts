/**
 * No normal forms unless --explain (issue 12, item 4), in every report a
 * person reads: text, Markdown and HTML drop the `(normal form ...)` of a
 * proved step's message; --explain keeps it; JSON, for programs, keeps the
 * message whole.
 */
import { describe, expect, it } from 'vitest';
import { readerMessage } from '../../src/report/reader-message.js';
import { type ReportFormat, renderReport } from '../../src/report/render.js';
import type { FileResult, StepResult } from '../../src/verdict/result.js';
import { allProved } from './fixtures.js';

const NF = 'exp(x) / (exp(x) + 1)';
const proved: FileResult = {
  ...allProved,
  steps: allProved.steps.map((s) => ({ ...s, message: `equals the previous step (normal form ${NF})` })),
};
const run = { color: false, strict: false, started: new Date(0) };

describe('readerMessage', () => {
  const step = (status: StepResult['status'], message: string): StepResult => ({
    location: 'steps[1]',
    line: 1,
    column: 1,
    status,
    message,
  });

  it('drops the normal form of a proved step, whatever the brackets inside it', () => {
    expect(readerMessage(step('proved', `equals the previous step (normal form ${NF})`), false)).toBe(
      'equals the previous step',
    );
    const first = 'equals itself (the starting point; there is no claim to compare it with)';
    expect(readerMessage(step('proved', `${first} (normal form -(24 * x) + 6)`), false)).toBe(first);
  });

  it('keeps every other message, and everything with --explain', () => {
    const m = `equals the previous step (normal form ${NF})`;
    expect(readerMessage(step('proved', m), true)).toBe(m);
    expect(readerMessage(step('failed', m), false)).toBe(m);
    expect(readerMessage(step('proved', 'equals itself (the starting point)'), false)).toBe(
      'equals itself (the starting point)',
    );
    const disagreement = 'internal disagreement: the core proved this (normal form x), but the numeric layer';
    expect(readerMessage(step('proved', disagreement), false)).toBe(disagreement);
  });
});

describe('the reports people read', () => {
  it.each(['text', 'markdown', 'html'] as ReportFormat[])('%s: the normal form only with --explain', async (format) => {
    expect(await renderReport(format, [proved], run)).not.toContain('normal form');
    expect(await renderReport(format, [proved], run)).toContain('equals the previous step');
    expect(await renderReport(format, [proved], { ...run, explain: true })).toContain(`(normal form ${NF})`);
  });

  it('json (for programs): the message whole', async () => {
    expect(await renderReport('json', [proved], run)).toContain(`(normal form ${NF})`);
  });
});
