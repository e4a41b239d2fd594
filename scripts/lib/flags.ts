/** `--name value` flags for the command-line scripts. */

/**
 * The value after `--name`; the fallback when the flag is absent; undefined when the flag is
 * given without a value (so a forgotten value is an error, not a silent default).
 */
export function flagValue(name: string, fallback?: string, args: readonly string[] = process.argv.slice(2)): string | undefined {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = args[i + 1];
  return value === undefined || value.startsWith('--') ? undefined : value;
}

/** Like flagValue, but a missing value ends the script with the usage line (exit 2). */
export function requiredFlag(name: string, fallback: string | undefined, usage: string): string {
  const value = flagValue(name, fallback);
  if (value === undefined) {
    console.error(`missing --${name}\nusage: ${usage}`);
    process.exit(2);
  }
  return value;
}
