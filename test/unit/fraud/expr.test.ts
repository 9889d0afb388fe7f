// The rule language: precedence, types, and untrusted input that must fail safely.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCondition, evaluate, ExprError, parse, MAX_DEPTH, MAX_SOURCE, type ValueType } from '../../../electron/core/fraud/expr.ts';

const types = new Map<string, ValueType>([['a', 'number'], ['b', 'number'], ['type', 'string'], ['flag', 'boolean']]);
const env = { a: 3, b: 4, type: 'refund', flag: true };
const ev = (src: string) => evaluate(parse(src), env);

describe('expression language', () => {
  it('arithmetic and comparison precedence', () => {
    expect(ev('1 + 2 * 3')).toBe(7);
    expect(ev('(1 + 2) * 3')).toBe(9);
    expect(ev('-a + b')).toBe(1);
    expect(ev('10 % 4 - 1')).toBe(1);
    expect(ev('a * 2 >= b + 2')).toBe(true);
    expect(ev('max(a, b, 1) == 4 and min(a, b) == 3 and abs(-2) == 2')).toBe(true);
    expect(ev('1.5e1 == 15')).toBe(true);
  });

  it('boolean logic: not binds tighter than and, and tighter than or', () => {
    expect(ev('not a > 5 and b == 4')).toBe(true);
    expect(ev('a > 5 and b == 4 or type == "refund"')).toBe(true);
    expect(ev('a > 5 and (b == 4 or type == "refund")')).toBe(false);
    expect(ev("type != 'sale' && !(a == 3) || flag")).toBe(true);
  });

  it('division and modulo by zero are 0, never Infinity or NaN', () => {
    expect(ev('a / 0')).toBe(0);
    expect(ev('a % 0')).toBe(0);
    expect(ev('1e308 * 1e308')).toBe(0);
  });

  it('refuses type errors when compiled, not mid-sale', () => {
    expect(() => compileCondition('type > 3', types)).toThrow(/Cannot compare/);
    expect(() => compileCondition('a + 1', types)).toThrow(/true or false/);
    expect(() => compileCondition('a and b', types)).toThrow(/true\/false/);
    expect(() => compileCondition("type == 'refund' and nope > 1", types)).toThrow(/Unknown feature "nope"/);
    expect(compileCondition("type == 'refund' and a < b", types)(env)).toBe(true);
  });

  it('malicious input is a parse error, never code', () => {
    const bad = [
      'constructor.constructor("return process")()',
      '__proto__ > 1',
      'a.constructor',
      'eval("1")',
      'process.exit(1)',
      'require("fs")',
      '`${a}`',
      'a; b',
      'a = 1',
      '[1,2]',
      '{}',
      "'\\x41' == 'A'",
      'a ==',
      '1 < 2 < 3',
      ')(',
      'min()',
      'abs(1, 2)',
    ];
    for (const src of bad) {
      expect(() => compileCondition(src, types), src).toThrow(ExprError);
    }
    // Names that exist on Object.prototype are not features.
    expect(() => compileCondition('toString == 1', types)).toThrow(/Unknown feature/);
    expect(() => evaluate(parse('hasOwnProperty > 1'), env)).toThrow(/Unknown name/);
  });

  it('caps length, tokens and depth', () => {
    expect(() => parse('1+'.repeat(MAX_SOURCE) + '1')).toThrow(/longer than/);
    expect(() => parse('1' + '+1'.repeat(300))).toThrow(/tokens/);
    expect(() => parse('('.repeat(MAX_DEPTH + 5) + '1' + ')'.repeat(MAX_DEPTH + 5))).toThrow(/nests deeper/);
    expect(() => parse('not '.repeat(MAX_DEPTH + 5) + 'flag')).toThrow(/nests deeper/);
    expect(() => parse('-'.repeat(MAX_DEPTH + 5) + '1')).toThrow(/nests deeper/);
  });

  it('any string either compiles or fails with an ExprError (fuzz)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        try {
          compileCondition(s, types)(env);
        } catch (e) {
          expect(e).toBeInstanceOf(ExprError);
        }
      }),
      { numRuns: 2000 },
    );
    const alphabet = fc.constantFrom('a', 'b', 'type', 'flag', '1', '2.5', "'refund'", '(', ')', '+', '-', '*', '/', '%', '==', '!=', '<', '>=', 'and', 'or', 'not', 'min(', ',', ' ');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), (parts) => {
        try {
          compileCondition(parts.join(' '), types)(env);
        } catch (e) {
          expect(e).toBeInstanceOf(ExprError);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
