/**
 * Line and column of a character offset in a file's text, computed from the
 * text itself. The yaml library's LineCounter only learns the line breaks its
 * lexer passes through, so inside a broken flow collection its columns run
 * past the end of the line (found by fuzzing the loader); places reported to
 * users come from here instead.
 */

/** 1-based line and column (in UTF-16 units) */
interface LineColumn {
  readonly line: number;
  readonly column: number;
}

/** the offsets where each line starts, for place lookups in O(log lines) */
export class LineTable {
  private readonly starts: number[];

  constructor(private readonly text: string) {
    // a byte order mark is no column: editors do not show it (the yaml library skips it)
    this.starts = [text.startsWith('\uFEFF') ? 1 : 0];
    // YAML's line breaks: \r\n, \n, and a lone \r
    for (const m of text.matchAll(/\r\n?|\n/g)) this.starts.push(m.index + m[0].length);
  }

  /** the line and column of `offset`, clamped to the text */
  at(offset: number): LineColumn {
    const o = Math.max(0, Math.min(Number.isFinite(offset) ? offset : 0, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: Math.max(1, o - this.starts[lo]! + 1) };
  }
}
