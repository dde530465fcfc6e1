/**
 * Derivation files are UTF-8. Node's `readFile(path, 'utf8')` replaces every
 * invalid byte by U+FFFD without a word, so a file saved as Latin-1 or
 * UTF-16 would load as a different text (its `²` or `−` a replacement
 * character, its error columns wrong). Files are read as bytes and decoded
 * strictly; the first invalid byte is reported with its line and column.
 */

/** the text of `bytes` when they are valid UTF-8, or where the first invalid sequence starts */
export function decodeUtf8(
  bytes: Uint8Array,
): { ok: true; text: string } | { ok: false; offset: number; line: number; column: number; byte: number } {
  const offset = firstInvalidUtf8(bytes);
  if (offset === undefined) return { ok: true, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
  let line = 1;
  // a byte order mark is no column (line-table.ts)
  let lineStart = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf && offset >= 3 ? 3 : 0;
  for (let k = 0; k < offset; k++) {
    if (bytes[k] === 0x0a) {
      line++;
      lineStart = k + 1;
    }
  }
  // the column counts characters, as editors do: continuation bytes of earlier characters on the line do not count
  let column = 1;
  for (let k = lineStart; k < offset; k++) if ((bytes[k]! & 0xc0) !== 0x80) column++;
  return { ok: false, offset, line, column, byte: bytes[offset]! };
}

/**
 * The number of bytes of `text` in UTF-8, as Node's `Buffer.byteLength` counts
 * them (a lone surrogate as the 3 bytes of U+FFFD), without Node: the checker
 * also runs in a browser (the playground).
 */
export function utf8ByteLength(text: string): number {
  let n = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && k + 1 < text.length && (text.charCodeAt(k + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      k++;
    } else n += 3;
  }
  return n;
}

/** the message for a file that is not UTF-8 */
export function notUtf8Message(path: string, bad: { offset: number; byte: number }): string {
  const hint = bad.offset < 2 && (bad.byte === 0xff || bad.byte === 0xfe) ? ' (it looks like UTF-16)' : '';
  return `${path} is not UTF-8 text${hint}: byte ${bad.offset} (0x${bad.byte.toString(16).toUpperCase().padStart(2, '0')}) does not start a valid UTF-8 character; save the file as UTF-8`;
}

/** the offset of the first byte that does not begin a valid UTF-8 sequence (RFC 3629: no overlongs, no surrogates, at most U+10FFFF) */
function firstInvalidUtf8(b: Uint8Array): number | undefined {
  let k = 0;
  while (k < b.length) {
    const c = b[k]!;
    let n: number;
    let min: number;
    if (c < 0x80) {
      k++;
      continue;
    } else if (c >= 0xc2 && c <= 0xdf) [n, min] = [1, 0x80];
    else if (c >= 0xe0 && c <= 0xef) [n, min] = [2, 0x800];
    else if (c >= 0xf0 && c <= 0xf4) [n, min] = [3, 0x10000];
    else return k;
    let cp = c & (0x3f >> n);
    for (let m = 1; m <= n; m++) {
      const d = b[k + m];
      if (d === undefined || (d & 0xc0) !== 0x80) return k;
      cp = (cp << 6) | (d & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return k;
    k += n + 1;
  }
  return undefined;
}
