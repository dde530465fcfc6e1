/** the offset of the first whole-word occurrence of name in text (0 when absent): how the mathjs-based reader placed errors */
export function locateName(text: string, name: string): number {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`(?<![\\p{L}\\p{N}_$])${escaped}(?![\\p{L}\\p{N}_$])`, 'u').exec(text);
  return m ? m.index : 0;
}
