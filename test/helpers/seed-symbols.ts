/** The seed's declarations, shared by the parser tests: indices i, j, k; s[k] binary; w[i,k]; pR opaque. */
import { REAL, type SymbolDecl } from '../../src/ir/symbols.js';

export const SEED_SYMBOLS: ReadonlyMap<string, SymbolDecl> = new Map<string, SymbolDecl>([
  ['i', { kind: 'index', name: 'i' }],
  ['j', { kind: 'index', name: 'j' }],
  ['k', { kind: 'index', name: 'k' }],
  ['s', { kind: 'array', name: 's', arity: 1, domain: { kind: 'binary' } }],
  ['w', { kind: 'array', name: 'w', arity: 2, domain: REAL }],
  ['pR', { kind: 'scalar', name: 'pR', domain: REAL, opaque: true, independentOf: [] }],
]);
