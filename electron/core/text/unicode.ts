// Runs: anywhere (core, central platform). Text that is not well-formed Unicode (a lone UTF-16
// surrogate, as a broken keyboard driver or a pasted half-emoji produces) cannot be stored in
// PostgreSQL's jsonb, so one such shopper question would stop a terminal's sync. The core replaces
// lone surrogates with U+FFFD where text enters; the platform refuses any record that still has one.
// Also: how deeply a JSON value nests, measured without recursion (a 1e5-level record must not
// overflow the stack that measures it).

/** A copy of `value` with every string (keys included) well-formed; other values unchanged. */
export function wellFormed<T>(value: T): T {
  if (typeof value === 'string') return value.toWellFormed() as T;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v: unknown) => wellFormed(v)) as T;
  if (Object.getPrototypeOf(value) !== Object.prototype) return value; // Dates, Buffers: not text
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k.toWellFormed()] = wellFormed(v);
  return out as T;
}

// In JSON.stringify's output every lone surrogate is a \uD800-\uDFFF escape (pairs are written as
// the characters themselves), unless its backslash is itself escaped (an even run of backslashes).
const LONE_SURROGATE_ESCAPE = /(?<!\\)((?:\\\\)*)\\u[dD][89a-fA-F][0-9a-fA-F]{2}/g;

/** JSON text from JSON.stringify with each lone surrogate escape replaced by U+FFFD's. */
export function wellFormedJson(json: string): string {
  return json.replace(LONE_SURROGATE_ESCAPE, '$1\\ufffd');
}

export function hasLoneSurrogateEscape(json: string): boolean {
  LONE_SURROGATE_ESCAPE.lastIndex = 0;
  return LONE_SURROGATE_ESCAPE.test(json);
}

/** Nesting depth of a parsed JSON value (a scalar is 0), counted iteratively; stops past `limit`. */
export function jsonDepth(value: unknown, limit = Infinity): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d + 1 > max) max = d + 1;
    if (max > limit) return max;
    for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}
