/**
 * The external conformance corpora (`../shared/corpora/*.jsonl`): facts from
 * other projects' test suites, read as data. They are never copied into the
 * repository; this module only finds and reads them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** environment variable that overrides where the corpora are read from */
export const CORPORA_ENV = 'DERIVCHECK_CORPORA';

/** the fields every corpus line has */
interface CaseBase {
  readonly source: string;
  readonly line?: number;
  /** constraints such as `x>0`, `-1<x<1`, `a>0, x>0` */
  readonly domain?: string;
  /** the two sides are real only on part of the domain: the checker may refute it */
  readonly domain_note?: string;
  readonly note?: string;
}

/** d/d`var` of `expr` equals `expected` */
export interface DerivativeCase extends CaseBase {
  readonly expr: string;
  readonly var: string;
  readonly expected: string;
}

/** `lhs` equals `rhs` (inside `domain`) */
export interface IdentityCase extends CaseBase {
  readonly lhs: string;
  readonly rhs: string;
}

/** `lhs` and `rhs` differ (in value, or in where they are defined) */
interface NonIdentityCase extends IdentityCase {
  readonly kind: 'value' | 'domain';
  readonly why: string;
  readonly witness?: Readonly<Record<string, number>>;
}

/** the three corpora, in file order */
export interface Corpora {
  readonly folder: string;
  readonly derivatives: readonly DerivativeCase[];
  readonly identities: readonly IdentityCase[];
  readonly nonidentities: readonly NonIdentityCase[];
}

/**
 * The corpora folder: $DERIVCHECK_CORPORA, else `../shared/corpora/` beside
 * the repository (CI checks shared/ out beside the clone). The same relative
 * path works from tools/conformance/ and from build/conformance/
 * (scripts/build-tools.mjs).
 */
export function corporaFolder(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const override = env[CORPORA_ENV];
  if (override !== undefined && override !== '') return override;
  return fileURLToPath(new URL('../../../shared/corpora/', import.meta.url));
}

/** true when the folder holds all three corpus files */
export function corporaPresent(folder: string): boolean {
  return ['derivatives', 'identities', 'nonidentities'].every((f) => existsSync(`${folder}/${f}.jsonl`));
}

/** the three corpora read from `folder`; throws when a file is missing or a line is not JSON (a broken corpus is not a result) */
export function readCorpora(folder: string): Corpora {
  return {
    folder,
    derivatives: readJsonl<DerivativeCase>(`${folder}/derivatives.jsonl`),
    identities: readJsonl<IdentityCase>(`${folder}/identities.jsonl`),
    nonidentities: readJsonl<NonIdentityCase>(`${folder}/nonidentities.jsonl`),
  };
}

function readJsonl<T>(path: string): T[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  const out: T[] = [];
  lines.forEach((text, k) => {
    if (text.trim() === '') return;
    try {
      out.push(JSON.parse(text) as T);
    } catch (err) {
      throw new Error(`${path}:${k + 1}: not a JSON line (${err instanceof Error ? err.message : String(err)})`);
    }
  });
  return out;
}

/** the project a case comes from: the first word of `source` (`sympy`, `mathjs`, ...) */
export function projectOf(source: string): string {
  return source.split(/\s+/, 1)[0] ?? source;
}
