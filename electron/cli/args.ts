// Runs: node (CLI). Argument parsing shared by every command: node's parseArgs in strict mode, so
// an unknown flag is one clear message, plus zod for values.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { z } from 'zod';
import { CoreError } from '../core/db/errors.ts';

export type Options = NonNullable<ParseArgsConfig['options']>;

export function parse<T extends Options>(argv: string[], options: T, allowPositionals = true) {
  // `--qty -3` means minus three: parseArgs would read "-3" as a flag, so it is glued on as `--qty=-3`.
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = argv[i + 1];
    if (a.startsWith('--') && options[a.slice(2)]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      args.push(`${a}=${next}`);
      i++;
    } else args.push(a);
  }
  try {
    return parseArgs({ args, options, strict: true as const, allowPositionals });
  } catch (e) {
    throw new CoreError('BAD_INPUT', (e as Error).message.replace(/\. To specify a positional.*$/s, '.'));
  }
}

export function intOption(value: unknown, name: string, min: number, max: number): number {
  const r = z.coerce.number().int().min(min).max(max).safeParse(value);
  if (!r.success) throw new CoreError('BAD_INPUT', `--${name} must be a whole number from ${min} to ${max}.`);
  return r.data;
}
