/**
 * Which function a `replace-function` mutant puts in place of another. Each
 * built-in gets one or two stand-ins that a tired hand could plausibly write
 * (sigma for exp, sin for cos) and whose values differ almost everywhere, so
 * a survivor is a real miss rather than an accident of the table.
 */
export const FUNCTION_STAND_INS: ReadonlyMap<string, readonly string[]> = new Map([
  ['sigma', ['exp', 'tanh']],
  ['log', ['exp', 'sqrt']],
  ['exp', ['log', 'sigma']],
  ['sqrt', ['log']],
  ['sin', ['cos']],
  ['cos', ['sin']],
  ['tan', ['sin']],
  ['sinh', ['cosh']],
  ['cosh', ['sinh']],
  ['tanh', ['sigma']],
  ['asin', ['acos']],
  ['acos', ['asin']],
  ['atan', ['tanh']],
  ['max', ['min']],
  ['min', ['max']],
]);
