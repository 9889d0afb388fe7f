#!/usr/bin/env node
// Runs: node. The `storemind` CLI entry: loads the TypeScript sources through tsx, so the CLI works
// right after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../electron/cli/main.ts');
const code = await main(process.argv.slice(2));
if (code !== undefined) process.exitCode = code;
