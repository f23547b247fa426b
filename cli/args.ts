/**
 * Command-line arguments: flags with values, boolean flags and positionals, checked against
 * what each command accepts (an unknown flag is a usage error, exit 2).
 */

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface ParsedArgs {
  positionals: string[];
  values: Record<string, string>;
  flags: Set<string>;
}

/** Parses `args` given the flags that take a value and the boolean ones. */
export function parseArgs(args: readonly string[], valued: readonly string[], booleans: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const values: Record<string, string> = {};
  const flags = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
      positionals.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (valued.includes(name)) {
      const value = inline ?? args[++i];
      if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
      values[name] = value;
    } else if (booleans.includes(name)) {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      flags.add(name);
    } else {
      const known = [...valued, ...booleans].map((f) => `--${f}`).join(', ');
      throw new UsageError(`unknown option --${name}${known ? ` (this command takes ${known})` : ''}`);
    }
  }
  return { positionals, values, flags };
}

/** A whole number within bounds, or a usage error naming the flag. */
export function integerOption(values: Record<string, string>, name: string, min: number, max: number): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw.replace(/_/g, ''))) throw new UsageError(`--${name} must be a whole number, got "${raw}"`);
  const value = Number(raw.replace(/_/g, ''));
  if (value < min || value > max) throw new UsageError(`--${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}
