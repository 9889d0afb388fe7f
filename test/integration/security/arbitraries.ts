// Runs: node (tests). fast-check arbitraries derived from the API contract's zod schemas, so the
// fuzzers cover every operation, including ones added after these tests were written:
// validInput(schema) makes inputs the schema accepts (they reach the handlers), malformedInput
// makes inputs that are wrong in many ways (types, extra keys, missing keys, hostile strings).
import fc from 'fast-check';
import type { z } from 'zod';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  checks?: Array<{ _zod: { def: Record<string, unknown> } }>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  entries?: Record<string, string | number>;
  values?: unknown[];
  options?: z.ZodType[];
  in?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  format?: string;
  pattern?: RegExp;
  getter?: () => z.ZodType;
}

const def = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (d: Def) => (d.checks ?? []).map((c) => c._zod.def);

/** Strings that have broken parsers, queries and renderers before. */
export const hostileStrings = [
  '',
  ' ',
  "'",
  '"',
  "'; DROP TABLE interactions; --",
  '" OR 1=1 --',
  'NEAR(a b)',
  '*',
  '\\',
  '%_',
  '\u0000',
  '\uFFFF',
  '\uD800',
  '../../etc/passwd',
  '__proto__',
  'constructor',
  '<script>alert(1)</script>',
  '=HYPERLINK("http://x")',
  '😀'.repeat(50),
  'a'.repeat(10_000),
];

function stringArb(d: Def): fc.Arbitrary<string> {
  const cs = checksOf(d);
  let min = 0;
  let max = 60;
  let exact: number | undefined;
  let pattern: RegExp | undefined;
  let format = d.format;
  for (const c of cs) {
    if (c.check === 'min_length') min = c.minimum as number;
    if (c.check === 'max_length') max = Math.min(max, c.maximum as number);
    if (c.check === 'length_equals') exact = c.length as number;
    if (c.check === 'string_format') {
      format = c.format as string;
      if (c.format === 'regex') pattern = c.pattern as RegExp;
    }
  }
  if (format === 'datetime') return fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((x) => x.toISOString());
  if (format === 'date') return fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((x) => x.toISOString().slice(0, 10));
  if (pattern) return fc.stringMatching(pattern).filter((s) => s.length >= min && s.length <= Math.max(max, min));
  if (exact !== undefined) return fc.string({ minLength: exact, maxLength: exact });
  max = Math.max(max, min);
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ minLength: min, maxLength: max, unit: 'grapheme' }) },
    { weight: 1, arbitrary: fc.constantFrom(...hostileStrings).filter((s) => s.length >= min && s.length <= max) },
  );
}

function numberArb(d: Def): fc.Arbitrary<number> {
  let min = -1e6;
  let max = 1e6;
  let int = false;
  for (const c of checksOf(d)) {
    if (c.check === 'greater_than') min = (c.value as number) + (c.inclusive ? 0 : 1);
    if (c.check === 'less_than') max = (c.value as number) - (c.inclusive ? 0 : 1);
    if (c.check === 'number_format') int = /int/.test(String(c.format));
  }
  return int ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/** Inputs shaped like the schema; callers filter with safeParse for refinements it cannot see. */
export function shapeArb(schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  const d = def(schema);
  switch (d.type) {
    case 'object': {
      const rec: Record<string, fc.Arbitrary<unknown>> = {};
      const required: string[] = [];
      for (const [k, v] of Object.entries(d.shape ?? {})) {
        const vd = def(v);
        if (vd.type === 'optional') rec[k] = shapeArb(vd.innerType!, depth + 1);
        else {
          rec[k] = shapeArb(v, depth + 1);
          required.push(k);
        }
      }
      return fc.record(rec, { requiredKeys: required });
    }
    case 'string':
      return stringArb(d);
    case 'number':
      return numberArb(d);
    case 'int':
      return fc.integer();
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(d.entries ?? {}));
    case 'literal':
      return fc.constantFrom(...(d.values ?? []));
    case 'optional':
      return fc.option(shapeArb(d.innerType!, depth + 1), { nil: undefined });
    case 'nullable':
      return fc.option(shapeArb(d.innerType!, depth + 1), { nil: null });
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
      return shapeArb(d.innerType!, depth + 1);
    case 'pipe':
      return shapeArb(d.in!, depth + 1);
    case 'lazy':
      return depth > 3 ? fc.constant(undefined) : shapeArb(d.getter!(), depth + 1);
    case 'array': {
      let minLength = 0;
      let maxLength = 8;
      for (const c of checksOf(d)) {
        if (c.check === 'min_length') minLength = c.minimum as number;
        if (c.check === 'max_length') maxLength = Math.min(maxLength, c.maximum as number);
        if (c.check === 'length_equals') minLength = maxLength = c.length as number;
      }
      return fc.array(shapeArb(d.element!, depth + 1), { minLength, maxLength: Math.max(minLength, maxLength) });
    }
    case 'union':
      return fc.oneof(...(d.options ?? []).map((o) => shapeArb(o, depth + 1)));
    case 'record':
      return fc.dictionary(shapeArb(d.keyType!, depth + 1) as fc.Arbitrary<string>, shapeArb(d.valueType!, depth + 1), { maxKeys: 4 });
    case 'null':
      return fc.constant(null);
    default:
      return fc.anything({ maxDepth: 2 });
  }
}

/** Inputs the schema accepts (the handler runs). */
export function validInput(schema: z.ZodType): fc.Arbitrary<unknown> {
  return shapeArb(schema).filter((v) => schema.safeParse(v).success);
}

const nasty = fc.oneof(
  fc.anything({ maxDepth: 3, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true, withObjectString: true, withSparseArray: true }),
  fc.constantFrom<unknown>(null, undefined, NaN, Infinity, -Infinity, -0, 1e308, Number.MAX_SAFE_INTEGER + 2, [], {}, '', true),
  fc.constantFrom(...hostileStrings),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}}') as unknown),
  fc.constant({ constructor: { prototype: { polluted: true } } }),
);

/** Inputs that are wrong: not objects, extra keys, missing keys, wrong-typed values. */
export function malformedInput(schema: z.ZodType): fc.Arbitrary<unknown> {
  const shaped = shapeArb(schema);
  const mutated = fc.tuple(shaped, fc.string({ maxLength: 12 }), nasty, fc.nat()).map(([v, key, bad, pick]) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return bad;
    const o: Record<string, unknown> = { ...(v as Record<string, unknown>) };
    const keys = Object.keys(o);
    const mode = pick % 3;
    if (mode === 0 && keys.length) o[keys[pick % keys.length]!] = bad; // wrong-typed value
    else if (mode === 1 && keys.length) delete o[keys[pick % keys.length]!]; // missing key
    else o[key || 'extra'] = bad; // unknown key
    return o;
  });
  return fc.oneof(nasty, mutated);
}

const hhmm = (h: number, m: number) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
const dayHours = (weekday: number) =>
  fc.oneof(
    fc.constant({ weekday, opens: null, closes: null }),
    fc.tuple(fc.integer({ min: 0, max: 22 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 1, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m, d, m2]) => ({
      weekday,
      opens: hhmm(h, m),
      closes: hhmm(Math.min(23, h + Math.max(1, d - h)), m2),
    })),
  );

/** Generators for operations whose cross-field refinements a filter would almost never meet. */
export const validOverrides: Record<string, fc.Arbitrary<unknown>> = {
  'admin.hours.save': fc.tuple(...[0, 1, 2, 3, 4, 5, 6].map(dayHours)).map((hours) => ({ hours })),
};

export function validFor(op: string, schema: z.ZodType): fc.Arbitrary<unknown> {
  const o = validOverrides[op];
  return o ? o.filter((v) => schema.safeParse(v).success) : validInput(schema);
}
