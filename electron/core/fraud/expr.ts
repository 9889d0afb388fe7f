// Runs: node (core). The rule language: a tiny, safe expression language over a transaction's
// features. Rule sets arrive from the central platform, so a rule is untrusted text: it is
// tokenized and parsed by hand into a small tree and walked by an evaluator that knows only
// numbers, strings and booleans. No eval, no Function, no property access, no loops; source
// length, token count and nesting depth are capped, and every name must be a known feature.
//
//   expr    := or
//   or      := and ('or' and)*
//   and     := not ('and' not)*
//   not     := 'not' not | cmp
//   cmp     := sum (('=='|'!='|'<'|'<='|'>'|'>=') sum)?
//   sum     := prod (('+'|'-') prod)*
//   prod    := unary (('*'|'/'|'%') unary)*
//   unary   := '-' unary | atom
//   atom    := number | 'string' | true | false | name | name '(' args ')' | '(' expr ')'
//
// Semantics: `and`/`or`/`not` need booleans; arithmetic needs numbers; x / 0 and x % 0 are 0
// (a rule must never crash a sale); strings only compare with == and !=.

export const MAX_SOURCE = 2000;
export const MAX_TOKENS = 400;
export const MAX_DEPTH = 40;

export type Value = number | string | boolean;
export type Env = Readonly<Record<string, Value>>;

export class ExprError extends Error {
  readonly pos: number;
  constructor(message: string, pos: number) {
    super(`${message} (at ${pos})`);
    this.name = 'ExprError';
    this.pos = pos;
  }
}

type TokKind = 'num' | 'str' | 'name' | 'op' | 'lp' | 'rp' | 'comma' | 'end';
interface Token {
  kind: TokKind;
  text: string;
  pos: number;
  num?: number;
}

const OPS = ['==', '!=', '<=', '>=', '&&', '||', '<', '>', '+', '-', '*', '/', '%', '!'];

export function tokenize(src: string): Token[] {
  if (typeof src !== 'string') throw new ExprError('Expression must be text', 0);
  if (src.length > MAX_SOURCE) throw new ExprError(`Expression is longer than ${MAX_SOURCE} characters`, 0);
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (out.length >= MAX_TOKENS) throw new ExprError(`Expression has more than ${MAX_TOKENS} tokens`, i);
    const start = i;
    if (/[0-9.]/.test(c)) {
      const m = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(src.slice(i, i + 40));
      if (!m) throw new ExprError(`Bad number`, i);
      const n = Number(m[0]);
      if (!Number.isFinite(n)) throw new ExprError(`Number out of range`, i);
      out.push({ kind: 'num', text: m[0], pos: start, num: n });
      i += m[0].length;
      continue;
    }
    if (c === "'" || c === '"') {
      let j = i + 1;
      let s = '';
      while (j < src.length && src[j] !== c) {
        if (src[j] === '\\') throw new ExprError('Escapes are not allowed in strings', j);
        s += src[j];
        j++;
      }
      if (j >= src.length) throw new ExprError('Unterminated string', i);
      if (s.length > 100) throw new ExprError('String longer than 100 characters', i);
      out.push({ kind: 'str', text: s, pos: start });
      i = j + 1;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]{0,63}/.exec(src.slice(i, i + 64))!;
      out.push({ kind: 'name', text: m[0], pos: start });
      i += m[0].length;
      continue;
    }
    if (c === '(') out.push({ kind: 'lp', text: c, pos: i++ });
    else if (c === ')') out.push({ kind: 'rp', text: c, pos: i++ });
    else if (c === ',') out.push({ kind: 'comma', text: c, pos: i++ });
    else {
      const op = OPS.find((o) => src.startsWith(o, i));
      if (!op) throw new ExprError(`Unexpected character ${JSON.stringify(c)}`, i);
      out.push({ kind: 'op', text: op, pos: i });
      i += op.length;
    }
  }
  out.push({ kind: 'end', text: '', pos: src.length });
  return out;
}

export type Node =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 'bool'; v: boolean }
  | { k: 'var'; name: string; pos: number }
  | { k: 'not'; a: Node }
  | { k: 'neg'; a: Node }
  | { k: 'and' | 'or'; a: Node; b: Node }
  | { k: 'cmp'; op: '==' | '!=' | '<' | '<=' | '>' | '>='; a: Node; b: Node }
  | { k: 'arith'; op: '+' | '-' | '*' | '/' | '%'; a: Node; b: Node }
  | { k: 'call'; fn: FnName; args: Node[] };

const FUNCS = {
  min: { arity: [1, 8] },
  max: { arity: [1, 8] },
  abs: { arity: [1, 1] },
} as const;
type FnName = keyof typeof FUNCS;
const RESERVED = new Set(['and', 'or', 'not', 'true', 'false', ...Object.keys(FUNCS)]);

export function parse(src: string): Node {
  const toks = tokenize(src);
  let p = 0;
  let depth = 0;
  const peek = () => toks[p]!;
  const next = () => toks[p++]!;
  const isWord = (w: string) => peek().kind === 'name' && peek().text === w;
  const isOp = (...ops: string[]) => peek().kind === 'op' && ops.includes(peek().text);
  const enter = () => {
    if (++depth > MAX_DEPTH) throw new ExprError(`Expression nests deeper than ${MAX_DEPTH}`, peek().pos);
  };

  function or(): Node {
    enter();
    let a = and();
    while (isWord('or') || isOp('||')) {
      next();
      a = { k: 'or', a, b: and() };
    }
    depth--;
    return a;
  }
  function and(): Node {
    let a = not();
    while (isWord('and') || isOp('&&')) {
      next();
      a = { k: 'and', a, b: not() };
    }
    return a;
  }
  function not(): Node {
    if (isWord('not') || isOp('!')) {
      next();
      enter();
      const a = not();
      depth--;
      return { k: 'not', a };
    }
    return cmp();
  }
  function cmp(): Node {
    const a = sum();
    if (isOp('==', '!=', '<', '<=', '>', '>=')) {
      const op = next().text as '==';
      const b = sum();
      if (isOp('==', '!=', '<', '<=', '>', '>=')) throw new ExprError('Chained comparisons are not allowed; use "and"', peek().pos);
      return { k: 'cmp', op, a, b };
    }
    return a;
  }
  function sum(): Node {
    let a = prod();
    while (isOp('+', '-')) {
      const op = next().text as '+';
      a = { k: 'arith', op, a, b: prod() };
    }
    return a;
  }
  function prod(): Node {
    let a = unary();
    while (isOp('*', '/', '%')) {
      const op = next().text as '*';
      a = { k: 'arith', op, a, b: unary() };
    }
    return a;
  }
  function unary(): Node {
    if (isOp('-')) {
      next();
      enter();
      const a = unary();
      depth--;
      return { k: 'neg', a };
    }
    return atom();
  }
  function atom(): Node {
    const t = next();
    switch (t.kind) {
      case 'num':
        return { k: 'num', v: t.num! };
      case 'str':
        return { k: 'str', v: t.text };
      case 'lp': {
        const e = or();
        if (next().kind !== 'rp') throw new ExprError('Expected ")"', toks[p - 1]!.pos);
        return e;
      }
      case 'name': {
        if (t.text === 'true' || t.text === 'false') return { k: 'bool', v: t.text === 'true' };
        if (Object.prototype.hasOwnProperty.call(FUNCS, t.text)) {
          const fn = t.text as FnName;
          if (next().kind !== 'lp') throw new ExprError(`Expected "(" after ${fn}`, t.pos);
          const args: Node[] = [];
          if (peek().kind !== 'rp') {
            do {
              args.push(or());
            } while (peek().kind === 'comma' && next());
          }
          if (next().kind !== 'rp') throw new ExprError('Expected ")" to close the call', t.pos);
          const [lo, hi] = FUNCS[fn].arity;
          if (args.length < lo || args.length > hi) throw new ExprError(`${fn}() takes ${lo === hi ? lo : `${lo} to ${hi}`} arguments`, t.pos);
          return { k: 'call', fn, args };
        }
        if (RESERVED.has(t.text)) throw new ExprError(`Unexpected "${t.text}"`, t.pos);
        return { k: 'var', name: t.text, pos: t.pos };
      }
      default:
        throw new ExprError(t.kind === 'end' ? 'Expression ends too early' : `Unexpected "${t.text}"`, t.pos);
    }
  }

  const tree = or();
  if (peek().kind !== 'end') throw new ExprError(`Unexpected "${peek().text}"`, peek().pos);
  return tree;
}

/** Every variable name an expression reads (to check against the known features at install time). */
export function variables(node: Node, out = new Set<string>()): Set<string> {
  switch (node.k) {
    case 'var':
      out.add(node.name);
      break;
    case 'not':
    case 'neg':
      variables(node.a, out);
      break;
    case 'and':
    case 'or':
    case 'cmp':
    case 'arith':
      variables(node.a, out);
      variables(node.b, out);
      break;
    case 'call':
      node.args.forEach((a) => variables(a, out));
      break;
    default:
      break;
  }
  return out;
}

function num(v: Value, what: string): number {
  if (typeof v !== 'number') throw new ExprError(`${what} needs a number, got ${typeof v}`, 0);
  return v;
}
function bool(v: Value, what: string): boolean {
  if (typeof v !== 'boolean') throw new ExprError(`${what} needs true/false, got ${typeof v}`, 0);
  return v;
}

export function evaluate(node: Node, env: Env): Value {
  switch (node.k) {
    case 'num':
    case 'str':
    case 'bool':
      return node.v;
    case 'var': {
      if (!Object.prototype.hasOwnProperty.call(env, node.name)) throw new ExprError(`Unknown name "${node.name}"`, node.pos);
      return env[node.name]!;
    }
    case 'not':
      return !bool(evaluate(node.a, env), '"not"');
    case 'neg':
      return -num(evaluate(node.a, env), '"-"');
    case 'and':
      return bool(evaluate(node.a, env), '"and"') && bool(evaluate(node.b, env), '"and"');
    case 'or':
      return bool(evaluate(node.a, env), '"or"') || bool(evaluate(node.b, env), '"or"');
    case 'cmp': {
      const a = evaluate(node.a, env);
      const b = evaluate(node.b, env);
      if (node.op === '==' || node.op === '!=') {
        if (typeof a !== typeof b) throw new ExprError(`Cannot compare ${typeof a} with ${typeof b}`, 0);
        return node.op === '==' ? a === b : a !== b;
      }
      const x = num(a, `"${node.op}"`);
      const y = num(b, `"${node.op}"`);
      return node.op === '<' ? x < y : node.op === '<=' ? x <= y : node.op === '>' ? x > y : x >= y;
    }
    case 'arith': {
      const x = num(evaluate(node.a, env), `"${node.op}"`);
      const y = num(evaluate(node.b, env), `"${node.op}"`);
      let r: number;
      if (node.op === '+') r = x + y;
      else if (node.op === '-') r = x - y;
      else if (node.op === '*') r = x * y;
      else if (node.op === '/') r = y === 0 ? 0 : x / y;
      else r = y === 0 ? 0 : x % y;
      return Number.isFinite(r) ? r : 0;
    }
    case 'call': {
      const xs = node.args.map((a) => num(evaluate(a, env), `${node.fn}()`));
      if (node.fn === 'abs') return Math.abs(xs[0]!);
      return node.fn === 'min' ? Math.min(...xs) : Math.max(...xs);
    }
  }
}

export type ValueType = 'number' | 'string' | 'boolean';

/** Static type of an expression, so a rule set with a type error is refused when installed, not mid-sale. */
export function typeOf(node: Node, types: ReadonlyMap<string, ValueType>): ValueType {
  const expect = (n: Node, t: ValueType, what: string) => {
    const got = typeOf(n, types);
    if (got !== t) throw new ExprError(`${what} needs ${t === 'boolean' ? 'true/false' : `a ${t}`}, got a ${got}`, 0);
  };
  switch (node.k) {
    case 'num':
      return 'number';
    case 'str':
      return 'string';
    case 'bool':
      return 'boolean';
    case 'var': {
      const t = types.get(node.name);
      if (!t) throw new ExprError(`Unknown feature "${node.name}"`, node.pos);
      return t;
    }
    case 'not':
      expect(node.a, 'boolean', '"not"');
      return 'boolean';
    case 'neg':
      expect(node.a, 'number', '"-"');
      return 'number';
    case 'and':
    case 'or':
      expect(node.a, 'boolean', `"${node.k}"`);
      expect(node.b, 'boolean', `"${node.k}"`);
      return 'boolean';
    case 'cmp': {
      const a = typeOf(node.a, types);
      const b = typeOf(node.b, types);
      if (a !== b) throw new ExprError(`Cannot compare a ${a} with a ${b}`, 0);
      if (node.op !== '==' && node.op !== '!=' && a !== 'number') throw new ExprError(`"${node.op}" needs numbers`, 0);
      return 'boolean';
    }
    case 'arith':
      expect(node.a, 'number', `"${node.op}"`);
      expect(node.b, 'number', `"${node.op}"`);
      return 'number';
    case 'call':
      node.args.forEach((a) => expect(a, 'number', `${node.fn}()`));
      return 'number';
  }
}

/** Parses once; checks names and types; returns a predicate over a feature environment. */
export function compileCondition(src: string, types: ReadonlyMap<string, ValueType>): (env: Env) => boolean {
  const tree = parse(src);
  if (typeOf(tree, types) !== 'boolean') throw new ExprError('A rule condition must be true or false', 0);
  return (env) => evaluate(tree, env) === true;
}
