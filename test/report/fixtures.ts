/**
 * Hand-built results for the formatter tests: they describe what a checker
 * could report, independent of the real checker's verdicts.
 */
import type { FileResult } from '../../src/verdict/result.js';

/** one proved, one numeric and one failed step, with premises */
export const mixed: FileResult = {
  file: 'derivations/wrong/sign-slip.yaml',
  title: 'Sigmoid belief net gradient with a sign slip',
  ok: false,
  seed: 7,
  premises: [
    { kind: 'definition', text: 'pN = pPa * pR * ps', line: 14 },
    { kind: 'case-definition', text: 'ps = 1 - sigma(a(i)) when s[i] = 0', line: 40 },
  ],
  steps: [
    {
      location: 'steps[0]',
      line: 20,
      column: 11,
      status: 'proved',
      expr: 'diff(log(pN), w[i, j])',
      message: 'first step',
      rules: ['log-product'],
    },
    {
      location: 'cases[1].steps[0]',
      line: 41,
      column: 15,
      status: 'numeric',
      expr: 'diff(log(1 - sigma(sum(k, w[i, k] * s[k]))), w[i, j])',
      by: 'p(s_i) = p(s_i = 0)',
      message: 'equal at every sampled point',
      evidence: { points: 200, skipped: 3, seed: 7, instances: '20 random networks' },
    },
    {
      location: 'cases[1].steps[1]',
      line: 43,
      column: 15,
      status: 'failed',
      expr: 's[j] * sigma(sum(k, w[i, k] * s[k]))',
      by: 'chain rule',
      message: 'not equal to the previous step',
      counterexample: {
        values: { i: '1', j: '2', 's[1]': '0', 's[2]': '1', 'w[1,2]': '0.75' },
        lhs: '-0.6791786991753930',
        rhs: '0.6791786991753930',
        units: 2,
        seed: 7,
        how: 'random point',
      },
    },
  ],
};

/** a file whose every step is proved */
export const allProved: FileResult = {
  file: 'derivations/softplus.yaml',
  title: 'Derivative of softplus',
  ok: true,
  seed: 7,
  premises: [],
  steps: [
    { location: 'steps[0]', line: 9, column: 11, status: 'proved', expr: 'diff(log(1 + exp(x)), x)', message: '' },
    {
      location: 'steps[1]',
      line: 10,
      column: 11,
      status: 'proved',
      expr: 'sigma(x)',
      message: 'equal to the previous step',
    },
  ],
};

/** a file with an input error */
export const withError: FileResult = {
  file: 'derivations/errors/unknown-function.yaml',
  title: 'Unknown function',
  ok: false,
  seed: 7,
  premises: [],
  steps: [
    {
      location: 'steps[1]',
      line: 8,
      column: 11,
      status: 'error',
      code: 'unknown-function',
      message: 'unknown function sigmoid; did you mean sigma?',
    },
  ],
};
