/** An explanation (src/explain/derivative-steps.ts) as text, LaTeX or JSON. */
import { toAscii, toLatex } from '../ir/print.js';
import type { Explanation } from '../verdict/explanation.js';

export type ExplainFormat = 'text' | 'latex' | 'json';

/** the explanation in the given format */
export function formatExplanation(ex: Explanation, format: ExplainFormat): string {
  if (format === 'json') {
    return (
      JSON.stringify(
        {
          start: toAscii(ex.start),
          steps: ex.steps.map((s) => ({
            rule: s.rule,
            name: s.name,
            statement: s.statement,
            expr: toAscii(s.expr),
            latex: toLatex(s.expr),
            ...(s.condition ? { condition: s.condition } : {}),
          })),
          result: toAscii(ex.result),
          confirmed: ex.confirmed,
          confirmation: ex.confirmation,
          ...(ex.condition ? { condition: ex.condition } : {}),
        },
        null,
        2,
      ) + '\n'
    );
  }
  if (format === 'latex') {
    const lines = [`\\begin{aligned}`, `& ${toLatex(ex.start)} \\\\`];
    for (const s of ex.steps) lines.push(`&= ${toLatex(s.expr)} && \\text{${s.name.replace(/[{}\\]/g, '')}} \\\\`);
    lines.push('\\end{aligned}');
    return lines.join('\n') + '\n';
  }
  const out = [`  ${toAscii(ex.start)}`];
  ex.steps.forEach((s, n) => {
    out.push(`${String(n + 1).padStart(2)}. ${s.name} [${s.rule}]${s.statement ? `: ${s.statement}` : ''}`);
    if (s.condition) out.push(`    (${s.condition})`);
    out.push(`    = ${toAscii(s.expr)}`);
  });
  out.push(`result: ${toAscii(ex.result)}`);
  const status = ex.confirmed ? `confirmed${ex.condition ? ` for ${ex.condition}` : ''}` : 'NOT confirmed';
  out.push(`${status}: ${ex.confirmation}`);
  return out.join('\n') + '\n';
}
