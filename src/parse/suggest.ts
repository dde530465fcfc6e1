/**
 * "Did you mean ...?" for misspelt function names: the candidate with the
 * smallest edit distance, when it is close enough to be a plausible typo.
 */

/** the Levenshtein distance between a and b, counting a swap of two neighbours as one edit */
function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      row.push(d);
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

/** the candidate nearest to name, if at most 2 edits away and shorter than name itself (so `x` does not suggest `exp`) */
export function nearestName(name: string, candidates: Iterable<string>): string | undefined {
  if (name.length > 64) return undefined; // why: the distance table is quadratic; nobody misspells a 64-letter name
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(name, c);
    if (d < bestDistance && d <= 2 && d < name.length) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}
