// Runs: node (lint rule). Every source file says where it runs on its first line
// (`// Runs: node|dom|anywhere|main|preload (…)`), and this rule holds it to that: what it imports
// at run time must be able to run there too. Type-only imports are free (they vanish when built).
import fs from 'node:fs';
import path from 'node:path';
import { builtinModules } from 'node:module';

const PLACES = ['node', 'dom', 'anywhere', 'main', 'preload'];
/** Which places' files each place may import at run time. */
const MAY_IMPORT = {
  anywhere: ['anywhere'],
  dom: ['dom', 'anywhere'],
  node: ['node', 'anywhere'],
  main: ['main', 'node', 'anywhere'],
  preload: ['preload', 'anywhere'],
};
const NODE_ONLY_PACKAGES = ['better-sqlite3', 'better-sqlite3-multiple-ciphers', 'onnxruntime-node', 'fastify', 'pg', 'pg-boss', '@electric-sql/pglite'];
const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

const cache = new Map();
function placeOf(file) {
  if (cache.has(file)) return cache.get(file);
  let place = null;
  try {
    const head = fs.readFileSync(file, 'utf8').slice(0, 400).replace(/^#!.*\n/, '');
    place = /^\/\/ Runs: (\w+)/.exec(head)?.[1] ?? null;
  } catch {
    place = null;
  }
  cache.set(file, place);
  return place;
}

function resolve(from, spec) {
  const base = path.resolve(path.dirname(from), spec);
  for (const f of [base, `${base}.ts`, `${base}.tsx`, `${base}.js`, `${base}.mjs`, path.join(base, 'index.ts')]) {
    if (fs.existsSync(f) && fs.statSync(f).isFile()) return f;
  }
  return null;
}

export default {
  meta: { type: 'problem', docs: { description: "a file's // Runs: line matches what it imports" }, schema: [] },
  create(context) {
    const file = context.filename;
    const source = context.sourceCode;
    const first = source.getAllComments().find((c) => c.type !== 'Shebang');
    const m = first && first.type === 'Line' && first.loc.start.line <= 2 ? /^ Runs: (\w+)/.exec(first.value) : null;
    const place = m?.[1];
    const check = (node, spec, typeOnly) => {
      if (!place || !PLACES.includes(place) || typeOnly || typeof spec !== 'string') return;
      const report = (why) => context.report({ node, message: `This file runs in "${place}" (its // Runs: line), but imports ${why}.` });
      if (spec === 'electron' && place !== 'main' && place !== 'preload') return report('electron, which only the main process and preload have');
      if (builtins.has(spec) && (place === 'dom' || place === 'anywhere')) return report(`the Node built-in "${spec}"`);
      if (NODE_ONLY_PACKAGES.some((p) => spec === p || spec.startsWith(`${p}/`)) && (place === 'dom' || place === 'anywhere' || place === 'preload')) return report(`"${spec}", which needs Node`);
      if (spec.startsWith('.')) {
        const target = resolve(file, spec);
        const theirs = target ? placeOf(target) : null;
        if (theirs && PLACES.includes(theirs) && !MAY_IMPORT[place].includes(theirs)) return report(`${spec}, which runs in "${theirs}"`);
      }
    };
    return {
      Program(node) {
        if (!place) context.report({ node, loc: { line: 1, column: 0 }, message: 'Say where this file runs on its first line: // Runs: node|dom|anywhere|main|preload (…).' });
        else if (!PLACES.includes(place)) context.report({ node, loc: { line: 1, column: 0 }, message: `"${place}" is not a place a file runs: node, dom, anywhere, main or preload.` });
      },
      ImportDeclaration(node) {
        const typeOnly = node.importKind === 'type' || (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === 'type'));
        check(node, node.source.value, typeOnly);
      },
      ExportNamedDeclaration(node) {
        if (node.source) check(node, node.source.value, node.exportKind === 'type');
      },
      ExportAllDeclaration(node) {
        check(node, node.source.value, node.exportKind === 'type');
      },
      ImportExpression(node) {
        if (node.source.type === 'Literal') check(node, node.source.value, false);
      },
    };
  },
};
