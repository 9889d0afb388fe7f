#!/usr/bin/env node
// Runs: node. The `storemind-central` CLI entry (the central platform): loads the TypeScript
// sources through tsx, so it works right after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../central/cli.ts');
const code = await main(process.argv.slice(2));
if (code !== undefined) process.exitCode = code;
