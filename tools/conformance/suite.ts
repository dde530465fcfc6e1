/**
 * Every case of the corpora through the checker, judged against what the
 * corpus says of it (judge.ts): derivatives and identities should be
 * accepted, non-identities refuted. Cases with a `domain_note` have sides
 * defined on different parts of the domain; they are listed, not required.
 */
import { checkDerivative, checkIdentity, type Outcome } from './run.js';
import { judgePositive, type Judgement } from './judge.js';
import { projectOf, type Corpora } from './corpus.js';

export type CaseKind = 'derivative' | 'identity' | 'nonidentity';

/** one case, its verdicts, and their judgement */
export interface CaseResult {
  readonly kind: CaseKind;
  /** first word of the source: `sympy`, `mathjs`, ... */
  readonly project: string;
  readonly source: string;
  readonly line?: number;
  /** the claim as one line: `d/dx expr = expected` or `lhs = rhs` */
  readonly claim: string;
  readonly domain?: string;
  readonly domainNote?: string;
  /** the verdict under the derivation contract */
  readonly outcome: Outcome;
  /** the verdict on the common domain, when the contract refuted it by definedness */
  readonly common?: Outcome;
  readonly judgement: Judgement;
  /** derivatives and identities: proved by the core, under the contract or on the common domain of both sides */
  readonly proved?: boolean;
}

/** proved under the contract, or else on the common domain (asked only when not already known) */
function provedSomewhere(outcome: Outcome, common: Outcome | undefined, ask: () => Outcome): boolean {
  if (outcome.status === 'proved') return true;
  return (common ?? ask()).status === 'proved';
}

/** the results of every case, derivatives first, each corpus in file order; `progress` is told after each case */
export function runCorpora(corpora: Corpora, progress?: (done: number, total: number) => void): CaseResult[] {
  const total = corpora.derivatives.length + corpora.identities.length + corpora.nonidentities.length;
  const out: CaseResult[] = [];
  const push = (r: CaseResult) => {
    out.push(r);
    progress?.(out.length, total);
  };
  for (const c of corpora.derivatives) {
    const outcome = checkDerivative(c);
    const j = judgePositive(outcome, () => checkDerivative(c, 'common-domain'));
    const proved = provedSomewhere(outcome, j.common, () => checkDerivative(c, 'common-domain'));
    push({ kind: 'derivative', ...common(c), claim: `d/d${c.var} ${c.expr} = ${c.expected}`, outcome, ...j, proved });
  }
  for (const c of corpora.identities) {
    const outcome = checkIdentity(c);
    const j = judgePositive(outcome, () => checkIdentity(c, 'common-domain'));
    const proved = provedSomewhere(outcome, j.common, () => checkIdentity(c, 'common-domain'));
    push({ kind: 'identity', ...common(c), claim: `${c.lhs} = ${c.rhs}`, outcome, ...j, proved });
  }
  for (const c of corpora.nonidentities) {
    const outcome = checkIdentity(c);
    const judgement: Judgement = outcome.status === 'failed' ? 'refuted' : 'missed';
    push({ kind: 'nonidentity', ...common(c), claim: `${c.lhs} != ${c.rhs} (${c.kind})`, outcome, judgement });
  }
  return out;
}

function common(c: { source: string; line?: number; domain?: string; domain_note?: string }) {
  return {
    project: projectOf(c.source),
    source: c.source,
    ...(c.line !== undefined ? { line: c.line } : {}),
    ...(c.domain !== undefined ? { domain: c.domain } : {}),
    ...(c.domain_note !== undefined ? { domainNote: c.domain_note } : {}),
  };
}

/** the cases the acceptance requires: every non-identity, and every derivative and identity without domain_note */
export function required(results: readonly CaseResult[]): CaseResult[] {
  return results.filter((r) => r.kind === 'nonidentity' || r.domainNote === undefined);
}

/** true when no required case was missed */
export function acceptanceMet(results: readonly CaseResult[]): boolean {
  return required(results).every((r) => r.judgement !== 'missed');
}
