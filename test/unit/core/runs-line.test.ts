// Runs: node (tests). The lint rule that holds every file to its `// Runs:` line: a renderer file
// cannot import core code or Node built-ins, shared code cannot import Node-only packages, a file
// with no Runs line is flagged, and type-only imports stay free.
import path from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';
import rule from '../../../.eslint/runs-line.js';

const root = path.resolve(import.meta.dirname, '../../..');
const at = (rel: string) => path.join(root, rel);

RuleTester.describe = describe;
RuleTester.it = it;
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' } });

tester.run('storemind/runs-line', rule, {
  valid: [
    { filename: at('renderer/src/x.tsx'), code: "// Runs: dom (renderer).\nimport { op } from '../../common/api/define.ts';" },
    { filename: at('renderer/src/x.tsx'), code: "// Runs: dom (renderer).\nimport type { Db } from '../../electron/core/db/database.ts';" },
    { filename: at('electron/core/x.ts'), code: "// Runs: node (core).\nimport fs from 'node:fs';\nimport { openDatabase } from './db/database.ts';" },
    { filename: at('electron/main/x.ts'), code: "// Runs: main (Electron).\nimport { app } from 'electron';\nimport { openDatabase } from '../core/db/database.ts';" },
    { filename: at('bin/x.mjs'), code: "#!/usr/bin/env node\n// Runs: node.\nimport fs from 'node:fs';" },
  ],
  invalid: [
    { filename: at('renderer/src/x.tsx'), code: "// Runs: dom (renderer).\nimport { openDatabase } from '../../electron/core/db/database.ts';", errors: [{ message: /runs in "node"/ }] },
    { filename: at('renderer/src/x.tsx'), code: "// Runs: dom (renderer).\nimport fs from 'node:fs';", errors: [{ message: /Node built-in/ }] },
    { filename: at('common/x.ts'), code: "// Runs: anywhere.\nimport Database from 'better-sqlite3-multiple-ciphers';", errors: [{ message: /needs Node/ }] },
    { filename: at('electron/core/x.ts'), code: "// Runs: node (core).\nimport { app } from 'electron';", errors: [{ message: /only the main process and preload/ }] },
    { filename: at('electron/core/x.ts'), code: "import fs from 'node:fs';", errors: [{ message: /Say where this file runs/ }] },
    { filename: at('electron/core/x.ts'), code: "// Runs: server (core).\nexport const x = 1;", errors: [{ message: /not a place/ }] },
    { filename: at('common/x.ts'), code: "// Runs: anywhere.\nconst m = await import('../electron/core/db/database.ts');", errors: [{ message: /runs in "node"/ }] },
  ],
});
