// Runs: node (core). A decision's reasons as data: the English text everyone can read, and a code
// (`rule.<id>`, `model.<feature>`, `flag.<what>`) with the value behind it, so the till and the back
// office say them in the reader's language. Stored as JSON in fraud_decisions.reasons; rows written
// before codes existed hold plain strings and read back as reasons with only a text.
import { z } from 'zod';
import type { FeatureSpec } from './feature-catalog.ts';
import type { Reason } from './types.ts';

/** A feature's value as a person reads it; a yes/no feature has none (its label says it). */
export function featureValue(spec: FeatureSpec, x: number): string | undefined {
  switch (spec.unit) {
    case 'flag': return undefined;
    case 'money': return `$${x.toFixed(2)}`;
    case 'share': return `${Math.round(x * 100)}%`;
    case 'hours': return x < 10 ? x.toFixed(1) : String(Math.round(x));
    case 'hour': return `${String(Math.floor(x)).padStart(2, '0')}:00`;
    default: return Number.isInteger(x) ? String(x) : x.toFixed(2);
  }
}

/** A model driver in plain words: what was unusual and how much, never the arithmetic behind it. */
export function modelReason(spec: FeatureSpec, x: number): Reason {
  const value = featureValue(spec, x);
  const shown = value === undefined ? '' : `: ${value}${spec.unit === 'hours' ? ' h' : ''}`;
  return { code: `model.${spec.name}`, text: `Model: ${spec.label}${shown}`, ...(value === undefined ? {} : { value }) };
}

/** The English texts of a decision's reasons: what the platform, logs and the CLI read. */
export function reasonTexts(reasons: readonly Reason[]): string[] {
  return reasons.map((r) => r.text);
}

const StoredReason = z.union([
  z.string().transform((text): Reason => ({ code: 'text', text })),
  z.object({ code: z.string(), text: z.string(), value: z.string().optional() }),
]);
const StoredReasons = z.array(StoredReason);

/** What a view shows of a stored decision's reasons: the texts, and the reasons as data for translation. */
export function decisionReasons(json: string | null): { reasons: string[]; explain: Reason[] } {
  const explain = storedReasons(json);
  return { reasons: reasonTexts(explain), explain };
}

/** Reads fraud_decisions.reasons; a column this code cannot read is a reason saying so, not a crash. */
export function storedReasons(json: string | null): Reason[] {
  if (json === null) return [];
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return [{ code: 'text', text: 'Stored reasons could not be read' }];
  }
  const p = StoredReasons.safeParse(raw);
  return p.success ? p.data : [{ code: 'text', text: 'Stored reasons could not be read' }];
}
