/**
 * The Greek letters that are names in LaTeX (`\alpha` is the name alpha):
 * the LaTeX reader reads them (src/parse/latex-reader.ts) and the printer
 * writes them (src/ir/print.ts). \sigma is the logistic function, so it is
 * not here; \pi (the constant) and \delta (the Kronecker delta) are, for the
 * reader to recognise, but no name is printed with them.
 */
export const GREEK: ReadonlySet<string> = new Set([
  'alpha',
  'beta',
  'gamma',
  'delta',
  'epsilon',
  'varepsilon',
  'zeta',
  'eta',
  'theta',
  'vartheta',
  'iota',
  'kappa',
  'lambda',
  'mu',
  'nu',
  'xi',
  'pi',
  'rho',
  'varrho',
  'varsigma',
  'tau',
  'upsilon',
  'phi',
  'varphi',
  'chi',
  'psi',
  'omega',
  'Gamma',
  'Delta',
  'Theta',
  'Lambda',
  'Xi',
  'Pi',
  'Sigma',
  'Upsilon',
  'Phi',
  'Psi',
  'Omega',
]);
