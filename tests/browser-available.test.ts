/**
 * The browser tests run wherever the tests run: in CI (CI set) a missing browser is one plain
 * failing test here, naming the path tried and CHROMIUM_PATH (the browser suites fail too,
 * in launchBrowser). Outside CI this is skipped with the other browser tests, with a message.
 */
import { describe, expect, it } from 'vitest';
import { browserTestsEnabled, CHROMIUM_PATH, missingBrowser } from './helpers/browser.ts';

describe('the browser the browser tests drive', () => {
  it.runIf(browserTestsEnabled())(`is an executable at ${CHROMIUM_PATH}`, () => {
    const missing = missingBrowser();
    // the message is the whole story: the path tried and how to set CHROMIUM_PATH
    expect(missing === undefined, `The browser tests need a browser: ${missing}`).toBe(true);
  });
});
