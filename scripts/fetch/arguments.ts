import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

/** Bad command-line arguments: the CLIs print the message and exit 2. */
export class UsageError extends Error {}

/**
 * The values of `argv` for `options` (strict: unknown options and stray arguments are errors). A parse error becomes
 * a UsageError of its first line, then `usage` when given; Node's further lines only repeat how to pass a value.
 */
export function parseOptionValues<const T extends ParseArgsOptionsConfig>(argv: string[], options: T, usage?: string) {
  try {
    return parseArgs({ args: argv, options }).values;
  } catch (error) {
    const line = (error as Error).message.split('\n')[0];
    throw new UsageError(usage === undefined ? line : `${line}\n${usage}`);
  }
}
