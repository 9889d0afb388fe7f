// Runs: node (lint config). Enforces the layering: core and renderer never import electron;
// renderer never imports node built-ins or core internals (only the shared contract in common/).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import runsLine from './.eslint/runs-line.js';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'worker_threads', 'zlib', 'url', 'stream'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'renderer/dist/**', 'test-results/**', 'playwright-report/**', 'native-models/.work/**', '.gpu-data/**', '.tmp/**', 'bench/results/**', '.whl/**', '.gl/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Every source file names where it runs, and imports only what runs there (.eslint/runs-line.js).
    files: ['electron/**/*.{ts,tsx}', 'common/**/*.ts', 'renderer/src/**/*.{ts,tsx}', 'central/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.mjs', 'bin/**/*.mjs'],
    plugins: { storemind: { rules: { 'runs-line': runsLine } } },
    rules: { 'storemind/runs-line': 'error' },
  },
  {
    files: ['electron/core/**', 'common/**', 'central/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'electron/core runs in plain Node: never import electron here.' }] }],
    },
  },
  {
    files: ['common/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'common/ runs anywhere.' }, ...nodeBuiltins.flatMap((n) => [{ name: n, message: 'common/ runs anywhere: no node built-ins.' }, { name: `node:${n}`, message: 'common/ runs anywhere: no node built-ins.' }])],
        patterns: [{ group: ['**/electron/**'], message: 'common/ imports nothing from electron/.' }],
      }],
    },
  },
  {
    files: ['electron/browser-host/storemind-bridge.js', 'central/dashboard/*.js'],
    languageOptions: { globals: { ...globals.browser }, sourceType: 'script' },
  },
  {
    files: ['test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['electron/browser-host/**', 'electron/cli/**', 'electron/utility/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Hosts other than electron/main and electron/preload run in plain Node.' }] }],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'The renderer is sandboxed: use the API contract (window.storemind).' }, ...nodeBuiltins.flatMap((n) => [{ name: n, message: 'The renderer runs in a browser: no node built-ins.' }, { name: `node:${n}`, message: 'The renderer runs in a browser: no node built-ins.' }])],
        patterns: [{ group: ['**/electron/**', 'better-sqlite3', 'onnxruntime-node'], message: 'The renderer talks to the core only through common/api-contract.' }],
      }],
    },
  },
);
