/**
 * The header every corpus file starts with: comment lines that say, from the
 * mathematics, what the checker must conclude and why.
 *
 *   # class: fixed-width
 *   # expect steps[1]: failed          (or `true`: proved or numeric; or `error <code>`)
 *   # why steps[1]: at x = -1 the left side is exp(-2^32), the right side 1
 *   # witness steps[1]: x = -1         (the oracle must find this step and its predecessor apart there)
 *   # agree steps[2]: x = 3/10         (the oracle must find them equal there)
 *   # run: cli                         (checked through bin/verify.js with a hang guard)
 *   # seeds: 1, 2, 99, 12345           (the verdicts must be the same with each of these seeds)
 *
 * A step that no `expect` line names must be true (proved or numeric).
 */
export type Expected =
  | { readonly kind: 'true' }
  | { readonly kind: 'failed' }
  | { readonly kind: 'error'; readonly code: string };

export interface Header {
  readonly klass: string;
  readonly expect: ReadonlyMap<string, Expected>;
  readonly why: ReadonlyMap<string, string>;
  readonly witness: ReadonlyMap<string, Readonly<Record<string, string>>>;
  readonly agree: ReadonlyMap<string, readonly Readonly<Record<string, string>>[]>;
  readonly cli: boolean;
  readonly seeds: readonly number[];
  readonly problems: readonly string[];
}

/** `x = -1, y = 1/2` as a map; the empty text is the empty point */
export function parsePoint(text: string): Record<string, string> {
  const point: Record<string, string> = {};
  for (const part of text.split(',').map((p) => p.trim())) {
    const eq = part.indexOf('=');
    if (eq < 0) continue; // `-`: a point with no variables
    point[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return point;
}

/** the header of a corpus file's text */
export function parseHeader(text: string): Header {
  const expect = new Map<string, Expected>();
  const why = new Map<string, string>();
  const witness = new Map<string, Record<string, string>>();
  const agree = new Map<string, Record<string, string>[]>();
  const problems: string[] = [];
  let klass = '';
  let cli = false;
  let seeds: number[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('#')) continue;
    const m = /^# (class|expect|why|witness|agree|run|seeds)(?: (\S+))?: (.*)$/.exec(line);
    if (!m) continue;
    const [, key, loc = '', rest = ''] = m;
    if (key === 'class') klass = rest.trim();
    else if (key === 'run') cli = rest.trim() === 'cli';
    else if (key === 'seeds') {
      seeds = rest.split(',').map((w) => Number(w.trim()));
      if (seeds.length < 2 || seeds.some((n) => !Number.isSafeInteger(n) || n < 0))
        problems.push(`cannot read: ${line}`);
    } else if (key === 'why') why.set(loc, `${why.get(loc) ?? ''} ${rest.trim()}`.trim());
    else if (key === 'witness') witness.set(loc, parsePoint(rest));
    else if (key === 'agree') agree.set(loc, [...(agree.get(loc) ?? []), parsePoint(rest)]);
    else {
      const words = rest.trim().split(/\s+/);
      if (words[0] === 'true' || words[0] === 'failed') expect.set(loc, { kind: words[0] });
      else if (words[0] === 'error' && words[1]) expect.set(loc, { kind: 'error', code: words[1] });
      else problems.push(`cannot read: ${line}`);
    }
  }
  if (klass === '') problems.push('no `# class:` line');
  if (expect.size === 0) problems.push('no `# expect` line');
  for (const loc of expect.keys()) if (!why.has(loc)) problems.push(`no \`# why ${loc}:\` line`);
  for (const loc of witness.keys())
    if (expect.get(loc)?.kind !== 'failed') problems.push(`a witness for ${loc}, which is not expected to fail`);
  return { klass, expect, why, witness, agree, cli, seeds, problems };
}
