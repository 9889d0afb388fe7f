// Runs: node (test helper). Generates tiny random BERT bundles with /usr/bin/python3 (torch +
// onnx; CI installs python3-torch and python3-onnx) so tests run real ONNX graphs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/make_tiny_bert.py');
export const PYTHON = process.env.STOREMIND_PYTHON ?? '/usr/bin/python3';

export interface TinyBundleOptions {
  style: 'hf' | 'storemind';
  inputNames?: [string, string, string];
  inputs?: string[];
  seed?: number;
}

/** Writes a bundle into a fresh temp folder and returns its path. */
export function makeTinyBundle(opts: TinyBundleOptions): string {
  const out = mkdtempSync(path.join(os.tmpdir(), `storemind-tiny-${opts.style}-`));
  const args: Record<string, unknown> = { out, style: opts.style };
  if (opts.inputNames) args.input_names = opts.inputNames;
  if (opts.inputs) args.inputs = opts.inputs;
  if (opts.seed !== undefined) args.seed = opts.seed;
  execFileSync(PYTHON, [SCRIPT, JSON.stringify(args)], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
  return out;
}

export function removeBundle(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
