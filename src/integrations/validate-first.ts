/**
 * The build's one validation. The data is read, validated and modelled once per build
 * (siteData()); this makes that happen before anything is rendered and, when the data has
 * errors, stops the build with every error in the validator's own format
 * (`path:line:col: error CODE message`) instead of a stack trace from the first page.
 * At national scale this saves the second full validation `npm run build` used to run.
 *
 * It runs at config setup, the first hook of a build: Astro syncs the content collections
 * (reading content/) before `astro:build:start`, and nothing may read contributed files before
 * the validator has checked what they are (a link to /dev/zero, a pipe, a folder named x.md).
 */
import type { AstroIntegration } from 'astro';
import { DataErrors, siteData } from '../site/registry.ts';

export const validateFirst = (): AstroIntegration => ({
  name: 'validate-first',
  hooks: {
    'astro:config:setup': ({ command, logger }) => {
      if (command !== 'build') return;
      const started = performance.now();
      try {
        const { registry, today } = siteData();
        logger.info(`data valid: ${registry.channels.length} channels, judged on ${today} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
      } catch (error) {
        if (!(error instanceof DataErrors)) throw error;
        process.stderr.write(`${error.lines.join('\n')}\n${error.message.split('\n')[0]}\n`);
        process.exit(1);
      }
    },
  },
});
