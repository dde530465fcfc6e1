/**
 * Plain ANSI SGR colouring, applied only when asked: reports stay pure
 * functions of their inputs, and piped or NO_COLOR output has no escapes.
 */

export type Paint = (text: string) => string;

export interface Palette {
  readonly green: Paint;
  readonly cyan: Paint;
  readonly red: Paint;
  readonly magenta: Paint;
  readonly bold: Paint;
  readonly dim: Paint;
  readonly yellow: Paint;
}

const sgr =
  (code: number): Paint =>
  (text) =>
    `\u001b[${code}m${text}\u001b[0m`;
const plain: Paint = (text) => text;

/** The palette that wraps text in ANSI codes when `color`, and the identity palette otherwise. */
export function palette(color: boolean): Palette {
  if (!color) return { green: plain, cyan: plain, red: plain, magenta: plain, bold: plain, dim: plain, yellow: plain };
  return { green: sgr(32), cyan: sgr(36), red: sgr(31), magenta: sgr(35), bold: sgr(1), dim: sgr(2), yellow: sgr(33) };
}
