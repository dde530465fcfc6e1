/**
 * Hand-built results for the browser test: a passing derivation and one with
 * a failed step, with the LaTeX the checker attaches (fractions, sums,
 * partial derivatives: the constructs whose rendering would show if KaTeX
 * or its fonts were missing). Independent of the real checker's verdicts.
 */
import type { FileResult } from '../../src/verdict/result.js';

export const passing: FileResult = {
  file: 'derivations/softplus.yaml',
  title: 'Derivative of softplus',
  ok: true,
  seed: 1,
  premises: [{ kind: 'definition', text: 'softplus(x) = log(1 + exp(x))', line: 5 }],
  steps: [
    {
      location: 'steps[0]',
      line: 9,
      column: 11,
      status: 'proved',
      expr: 'diff(log(1 + exp(x)), x)',
      latex: '\\frac{d}{dx} \\log\\left(1 + e^{x}\\right)',
      message: "equals the claim's left side",
      rules: ['diff-log', 'diff-exp'],
    },
    {
      location: 'steps[1]',
      line: 10,
      column: 11,
      status: 'proved',
      by: 'chain rule',
      expr: 'exp(x) / (1 + exp(x))',
      latex: '\\frac{e^{x}}{1 + e^{x}}',
      message: 'equals the previous step',
      rules: ['chain'],
    },
    {
      location: 'steps[2]',
      line: 11,
      column: 11,
      status: 'numeric',
      by: 'divide by exp(x)',
      expr: 'sigma(x)',
      latex: '\\sigma(x)',
      message: 'equal at every sampled point',
      evidence: { points: 200, skipped: 0, seed: 1 },
    },
    {
      location: 'claim.rhs',
      line: 4,
      column: 8,
      status: 'proved',
      expr: 'sigma(x)',
      latex: '\\sigma(x)',
      message: 'equals the last step',
    },
  ],
};

export const failing: FileResult = {
  file: 'derivations/wrong/sign-slip.yaml',
  title: 'Sigmoid belief net gradient with a sign slip',
  ok: false,
  seed: 7,
  premises: [
    { kind: 'definition', text: 'a(u) = sum(k, w[u,k] * s[k])', line: 12 },
    { kind: 'case-definition', text: 'ps = 1 - sigma(a(i)) when s[i] = 0', line: 40 },
  ],
  steps: [
    {
      location: 'cases[1].steps[0]',
      line: 41,
      column: 15,
      status: 'proved',
      expr: 'diff(log(1 - sigma(a(i))), w[i, j])',
      latex: '\\frac{\\partial}{\\partial w_{ij}} \\log\\left(1 - \\sigma\\left(\\sum_{k} w_{ik} s_{k}\\right)\\right)',
      message: "equals the main chain's last step",
      rules: ['diff-log', 'diff-sigma'],
    },
    {
      location: 'cases[1].steps[1]',
      line: 43,
      column: 15,
      status: 'failed',
      by: 'chain rule',
      expr: 's[j] * sigma(a(i))',
      latex: 's_{j} \\, \\sigma\\left(\\sum_{k} w_{ik} s_{k}\\right)',
      message: 'not equal to the previous step: the sign is wrong',
      counterexample: {
        values: { i: '1', j: '2', 's[1]': '0', 's[2]': '1', 'w[1,2]': '0.75' },
        lhs: '-0.679178699175393',
        rhs: '0.679178699175393',
        units: 2,
        seed: 7,
        how: 'random point',
      },
    },
  ],
};
