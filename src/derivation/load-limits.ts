/**
 * Bounds checked on a derivation file's raw text before the YAML parser sees
 * it. The yaml library recurses once or more per level of nesting: near 1000
 * levels it overflows the stack, and at 20000 its error message exhausts
 * memory and kills the process. A derivation nests a handful of levels
 * (cases > steps > when), so deep text is refused first, with its place.
 */

/**
 * why: a derivation is about ten levels deep; the yaml parser fails near 1000
 * (stack overflow) and crashes the process near 20000, so 200 leaves a wide
 * margin on both sides. A level is an unclosed `[` or `{`, or one column of
 * a line's indentation (spaces and compact `- ` / `? ` indicators), so
 * indentation counts generously.
 */
export const MAX_YAML_NESTING = 200;

/** where the text first nests past MAX_YAML_NESTING, and how (`flow` brackets or block `indentation`), if it does */
export function yamlNestingExcess(
  text: string,
): { readonly offset: number; readonly how: 'flow' | 'indentation' } | undefined {
  // flow collections: every bracket counts, also in quoted or plain scalars (an overestimate;
  // expressions never nest [ or {, and closing ones only lower the count)
  let depth = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_YAML_NESTING) return { offset: k, how: 'flow' };
    } else if (c === 0x5d || c === 0x7d) depth = Math.max(0, depth - 1);
  }
  // block collections: the width of each line's leading run of blanks and `- `, `? ` indicators
  const lead = /^(?:[ \t]|[-?](?=[ \t]))*/gm;
  for (let m = lead.exec(text); m !== null; m = lead.exec(text)) {
    if (m[0].length > MAX_YAML_NESTING) return { offset: m.index + MAX_YAML_NESTING, how: 'indentation' };
    if (m[0].length === 0) lead.lastIndex++;
  }
  return undefined;
}
