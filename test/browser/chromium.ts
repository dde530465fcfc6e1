/**
 * The headless Chromium the browser tests use: Debian's /usr/bin/chromium
 * (scripts/install-browser.sh installs it). Without it a browser test is
 * skipped locally, and fails under CI (CI set), where the browser is part of
 * the environment.
 */
import { existsSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';

/** no sandbox (root in a container), no GPU, and nothing that reaches the network on its own */
export const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const hasChromium = existsSync(CHROMIUM);
const inCi = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false';

/** skip the file's tests (said on stderr and in the suite's name), or run them */
export function browserSkip(file: string): { readonly skip: boolean; readonly why: string } {
  const skip = !hasChromium && !inCi;
  if (skip) console.warn(`${file}: skipped, ${CHROMIUM} not found and CI is not set; run scripts/install-browser.sh`);
  return {
    skip,
    why: skip ? ` (SKIPPED: ${CHROMIUM} not found; run scripts/install-browser.sh as root to install it)` : '',
  };
}
