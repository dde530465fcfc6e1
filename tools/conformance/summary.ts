/**
 * The conformance report as text: counts per project and kind, the core's
 * coverage (proved vs numeric), the acceptance, then every case that the
 * contract did not judge as the corpus expects, with the checker's reason.
 */
import type { StepStatus } from '../../src/verdict/result.js';
import { acceptanceMet, required, type CaseKind, type CaseResult } from './suite.js';
import { CORPUS_TOLERANCE, type Judgement } from './judge.js';

const STATUSES: readonly StepStatus[] = ['proved', 'numeric', 'failed', 'error'];
const KINDS: readonly CaseKind[] = ['derivative', 'identity', 'nonidentity'];
const PLURAL: Record<CaseKind, string> = {
  derivative: 'derivatives',
  identity: 'identities',
  nonidentity: 'non-identities',
};

/** the number of results per status */
function countStatuses(results: readonly CaseResult[]): Record<StepStatus, number> {
  const counts: Record<StepStatus, number> = { proved: 0, numeric: 0, failed: 0, error: 0 };
  for (const r of results) counts[r.outcome.status]++;
  return counts;
}

/** the number of results with judgement j */
const countJudged = (results: readonly CaseResult[], j: Judgement): number =>
  results.filter((r) => r.judgement === j).length;

/** the whole report, ready to print */
export function formatReport(folder: string, results: readonly CaseResult[]): string {
  const lines: string[] = [`conformance corpora: ${folder}`, ''];
  lines.push(
    'per source: derivatives and identities proved / numeric / failed / error; non-identities refuted / not refuted',
  );
  for (const p of [...new Set(results.map((r) => r.project))].sort()) {
    const cells = KINDS.map((k) => ({ k, rs: results.filter((r) => r.project === p && r.kind === k) }))
      .filter((x) => x.rs.length > 0)
      .map(({ k, rs }) => {
        if (k === 'nonidentity')
          return `${PLURAL[k]} ${countJudged(rs, 'refuted')} / ${rs.length - countJudged(rs, 'refuted')}`;
        const c = countStatuses(rs);
        return `${PLURAL[k]} ${STATUSES.map((s) => c[s]).join(' / ')}`;
      });
    lines.push(`  ${p.padEnd(16)} ${cells.join('; ')}`);
  }
  lines.push('');
  for (const k of KINDS) {
    const rs = results.filter((r) => r.kind === k);
    const c = countStatuses(rs);
    lines.push(`${PLURAL[k]}: ${rs.length}; ${STATUSES.map((s) => `${s} ${c[s]}`).join(', ')}`);
  }
  const positive = results.filter((r) => r.kind !== 'nonidentity');
  const c = countStatuses(positive);
  lines.push(
    `core coverage: ${c.proved} of ${positive.length} derivatives and identities proved by the core, ${c.numeric} numeric only`,
  );
  lines.push(...provedShareLines(results));
  lines.push('', ...acceptanceLines(results));
  const section = (title: string, rs: readonly CaseResult[]) => {
    lines.push('', `${title}: ${rs.length}`);
    for (const r of rs) {
      lines.push(`  ${caseLine(r)}`, `      ${r.outcome.status}: ${r.outcome.message}`);
      if (r.common) lines.push(`      on the common domain, ${r.common.status}: ${r.common.message}`);
    }
  };
  const plain = (j: Judgement) => results.filter((r) => r.kind !== 'nonidentity' && !r.domainNote && r.judgement === j);
  section(
    'non-identities NOT refuted (a soundness bug)',
    results.filter((r) => r.kind === 'nonidentity' && r.judgement === 'missed'),
  );
  section('derivatives and identities (no domain_note) NOT accepted, even on the common domain', plain('missed'));
  section(
    `derivatives and identities (no domain_note) refuted by a difference within ${CORPUS_TOLERANCE} (the corpus fact is a float64 approximation)`,
    plain('inexact'),
  );
  section(
    'derivatives and identities (no domain_note) refuted by the definedness rule only (one side undefined there), accepted on the common domain',
    plain('common-domain'),
  );
  section(
    'domain_note cases not accepted under the contract (allowed: the sides are defined on different parts of the domain)',
    results.filter((r) => r.kind !== 'nonidentity' && r.domainNote && r.judgement !== 'accepted'),
  );
  return lines.join('\n') + '\n';
}

function acceptanceLines(results: readonly CaseResult[]): string[] {
  const req = required(results);
  const non = req.filter((r) => r.kind === 'nonidentity');
  const pos = req.filter((r) => r.kind !== 'nonidentity');
  const pct = (n: number, of: number) => `${n} of ${of} (${of ? ((100 * n) / of).toFixed(1) : '100.0'}%)`;
  const accepted = countJudged(pos, 'accepted');
  return [
    `non-identities refuted: ${pct(countJudged(non, 'refuted'), non.length)}`,
    `derivatives and identities without domain_note (${pos.length}):`,
    `  accepted under the contract (proved or numeric): ${pct(accepted, pos.length)}`,
    `  refuted only by the definedness rule, accepted on the common domain: ${countJudged(pos, 'common-domain')}`,
    `  refuted by a difference within the corpus tolerance ${CORPUS_TOLERANCE} (inexact corpus facts): ${countJudged(pos, 'inexact')}`,
    `  missed (not accepted even on the common domain): ${countJudged(pos, 'missed')}`,
    acceptanceMet(results)
      ? 'acceptance met: no required case missed'
      : 'ACCEPTANCE NOT MET: a required case was missed (listed below)',
  ];
}

function caseLine(r: CaseResult): string {
  const where = `${r.source}${r.line !== undefined ? `:${r.line}` : ''}`;
  const dom = r.domain ? ` [domain ${r.domain}]` : '';
  const note = r.domainNote ? ` [domain_note: ${r.domainNote}]` : '';
  return `${where}: ${r.claim}${dom}${note}`;
}

/** why: issue 11's acceptance asks at least this share of true facts proved, overall and per source */
export const PROVED_SHARE_TARGET = 0.93;

/** the proved share of true facts (derivatives and identities, proved under the contract or on the common domain), overall and per source */
export function provedShareLines(results: readonly CaseResult[]): string[] {
  const positive = results.filter((r) => r.kind !== 'nonidentity');
  const share = (rs: readonly CaseResult[]) => {
    const n = rs.filter((r) => r.proved).length;
    const pct = rs.length ? (100 * n) / rs.length : 100;
    return { text: `${n} of ${rs.length} (${pct.toFixed(1)}%)`, met: pct >= 100 * PROVED_SHARE_TARGET };
  };
  const all = share(positive);
  const lines = [
    `proved share of true facts (the core, under the contract or on the common domain of both sides; target ${100 * PROVED_SHARE_TARGET}%): ${all.text}${all.met ? '' : ' BELOW TARGET'}`,
  ];
  for (const p of [...new Set(positive.map((r) => r.project))].sort()) {
    const s = share(positive.filter((r) => r.project === p));
    lines.push(`  ${p.padEnd(16)} ${s.text}${s.met ? '' : ' BELOW TARGET'}`);
  }
  return lines;
}
