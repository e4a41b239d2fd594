/**
 * The browser the browser tests drive with playwright-core (browsers cannot be downloaded
 * here): Debian's Chromium by default, or whatever CHROMIUM_PATH names (on GitHub's runners,
 * their preinstalled Google Chrome). The flags keep it from calling home, which this
 * machine's closed network would refuse anyway.
 *
 * In CI (the CI variable set, as GitHub Actions and most CI systems set it) the browser tests
 * always run, so a missing browser fails them with the path that was tried, rather than
 * skipping them and letting a green run hide that they never ran. Elsewhere they are skipped,
 * with a message saying why.
 */
import { accessSync, constants } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const inCi = (): boolean => !!process.env.CI && !/^(0|false)$/i.test(process.env.CI);

function browserFound(): boolean {
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Why there is no browser to run the browser tests in, or undefined when there is one. */
export function missingBrowser(): string | undefined {
  if (browserFound()) return undefined;
  const tried = process.env.CHROMIUM_PATH ? `CHROMIUM_PATH=${CHROMIUM_PATH}` : `the default ${CHROMIUM_PATH} (CHROMIUM_PATH is not set)`;
  return `no browser executable at ${tried}. Install Chromium (apt-get install chromium fonts-noto-cjk) or point CHROMIUM_PATH at a Chromium or Chrome executable, e.g. CHROMIUM_PATH=/usr/bin/google-chrome npm test`;
}

let warned = false;

/**
 * Whether this run runs the browser tests: when the browser is there, and in CI always (where
 * launchBrowser() then fails them, saying what is missing).
 */
export function browserTestsEnabled(): boolean {
  const missing = missingBrowser();
  if (missing === undefined || inCi()) return true;
  if (!warned) {
    warned = true;
    console.warn(`Skipping the browser tests: ${missing}. (In CI, with CI set, they fail instead.)`);
  }
  return false;
}

export function launchBrowser(): Promise<Browser> {
  const missing = missingBrowser();
  if (missing !== undefined) return Promise.reject(new Error(`The browser tests need a browser: ${missing}.`));
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
}
