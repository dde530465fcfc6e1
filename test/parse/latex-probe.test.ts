import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseLatex } from '../../src/parse/latex.js';
import { parseExpression, type ParseEnv } from '../../src/parse/expression.js';
import { REAL, type SymbolDecl } from '../../src/ir/symbols.js';
import { toLatex } from '../../src/ir/print.js';
const symbols = new Map<string, SymbolDecl>([
  ['i', { kind: 'index', name: 'i' }], ['j', { kind: 'index', name: 'j' }], ['k', { kind: 'index', name: 'k' }],
  ['s', { kind: 'array', name: 's', arity: 1, domain: { kind: 'binary' } }],
  ['w', { kind: 'array', name: 'w', arity: 2, domain: REAL }],
  ['pR', { kind: 'scalar', name: 'pR', domain: REAL, opaque: true, independentOf: [] }],
]);
const env: ParseEnv = { symbols, functions: new Map([['a', 1], ['p', 1], ['pN', 0], ['f', 2]]) };
it('probe', () => {
  const lines = readFileSync('/tmp/lx/in.txt', 'utf8').split('\n').filter((l) => l.trim() !== '');
  const out: string[] = [];
  for (const t of lines) {
    if (t.startsWith('A:')) { const r = parseExpression(t.slice(2), env); out.push(`${t} => ${r.ok ? r.expr.key + '   LATEX: ' + toLatex(r.expr) : JSON.stringify(r.error)}`); continue; }
    const r = parseLatex(t, env);
    out.push(`${t} => ${r.ok ? r.expr.key : `${r.error.code}@${r.error.offset}: ${r.error.message}`}`);
  }
  console.log(out.join('\n'));
});
