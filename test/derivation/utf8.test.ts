/**
 * The byte count of a derivation's text (the MAX_FILE_BYTES limit) without
 * Node's Buffer, so the checker runs in a browser: it must count as
 * Buffer.byteLength does, lone surrogates included; and strict decoding
 * gives the text Node would.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, utf8ByteLength } from '../../src/derivation/utf8.js';

describe('utf8ByteLength', () => {
  it('counts as Buffer.byteLength on any string, lone surrogates and astral characters included', () => {
    for (const s of ['', 'x', 'é', '−', '𝑥', '\uD800', '\uDC00', 'a\uD800b', '\uD800\uDC00', '\uDBFF\uDFFF\uD800'])
      expect(utf8ByteLength(s), JSON.stringify(s)).toBe(Buffer.byteLength(s, 'utf8'));
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        expect(utf8ByteLength(s)).toBe(Buffer.byteLength(s, 'utf8'));
      }),
      { numRuns: 2000, seed: 12 },
    );
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 30 }), (units) => {
        const s = String.fromCharCode(...units);
        expect(utf8ByteLength(s)).toBe(Buffer.byteLength(s, 'utf8'));
      }),
      { numRuns: 2000, seed: 12 },
    );
  });

  it('decodes valid UTF-8 to the text Node reads', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        const r = decodeUtf8(new Uint8Array(Buffer.from(s, 'utf8')));
        expect(r).toEqual({ ok: true, text: s });
      }),
      { numRuns: 500, seed: 12 },
    );
    // a byte order mark stays in the text, as Node's Buffer keeps it
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, 0x61]);
    expect(decodeUtf8(bom)).toEqual({ ok: true, text: Buffer.from(bom).toString('utf8') });
    expect(decodeUtf8(bom)).toEqual({ ok: true, text: '\uFEFFa' });
  });
});

describe('a byte order mark is not a column of an invalid byte either', () => {
  it('on line 1, the invalid byte after a mark and one character is at column 2', () => {
    const r = decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xff]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect([r.line, r.column]).toEqual([1, 2]);
  });
});
