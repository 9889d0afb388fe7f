// Runs: node (vitest). `storemind ask` and `storemind intent` as real processes, as scripts and
// operators run them.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/tmp.ts';
import { makeKioskHead, type KioskHead } from './helpers/kiosk-head.ts';

const BIN = path.resolve(import.meta.dirname, '../../../bin/storemind.mjs');
const run = promisify(execFile);
let head: KioskHead;
const dir = tempDir();

beforeAll(async () => {
  head = await makeKioskHead();
});
afterAll(() => head.cleanup());

async function storemind(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args, '--data-dir', path.join(dir, 'data')], {
      env: { ...process.env, STOREMIND_KIOSK_HEAD: head.headFile },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

describe('storemind ask', () => {
  it('answers one question as JSON', async () => {
    const r = await storemind(['ask', '--json', 'where is the peanut butter']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout.trim());
    expect(out).toMatchObject({ text: 'where is the peanut butter', intent: 'find_product', handoff: false });
    expect(out.confidence).toBeGreaterThan(0);
    expect(out.answer).toContain('aisle A5');
  });

  it('a Chinese question lists the products it names, Chinese name first', async () => {
    const r = await storemind(['ask', '电池在哪里']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/只能读懂英文/);
    expect(r.stdout).toMatch(/• \S*电池 \(Voltline [^)]*Batter[^)]*\) — aisle A13/);
  });

  it('answers a batch: one JSON line per input line, bad lines reported in place', async () => {
    const file = path.join(dir, 'in.jsonl');
    fs.writeFileSync(file, ['{"text":"what is your return policy"}', 'not json', '{"text":"<b>hi</b>"}', '{"text":""}', '{"text":"i want to talk to a person"}'].join('\n'));
    const r = await storemind(['ask', '--batch', file, '--json']);
    // One refused line makes the batch fail (exit 1) and says how many; the others are answered.
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/1 of 5 lines rejected/);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatchObject({ text: 'what is your return policy', intent: 'return_policy', answer_id: 'kb:policy.returns', handoff: false });
    expect(lines[1]).toEqual({ text: null, error: 'line 2: not valid JSON' });
    expect(lines[3]).toMatchObject({ text: '', kind: 'prompt', handoff: false });
    expect(lines[4]).toMatchObject({ intent: 'human_agent', handoff: true });
    for (const l of [lines[0], lines[2], lines[3], lines[4]]) for (const k of ['text', 'intent', 'confidence', 'answer', 'handoff']) expect(l).toHaveProperty(k);
  });

  it('refuses bad usage with one line and exit 2', async () => {
    const r = await storemind(['ask']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect((await storemind(['ask', '--nope', 'x'])).code).toBe(2);
    expect((await storemind(['ask', '--batch', path.join(dir, 'missing.jsonl')])).code).toBe(2);
  });
});

describe('storemind intent', () => {
  it('prints the kiosk training set as deterministic JSONL', async () => {
    const a = await storemind(['intent', 'trainset', 'kiosk', '--project-only']);
    const b = await storemind(['intent', 'trainset', 'kiosk', '--project-only']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const lines = a.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.length).toBeGreaterThan(5000);
    expect(new Set(lines.map((l) => l.intent)).size).toBe(20);
    expect(lines[0]).toHaveProperty('source', 'kiosk');
  });

  it('trains and evaluates a head through the runtime', async () => {
    const data = path.join(dir, 'small.jsonl');
    const all = fs.readFileSync(path.resolve(import.meta.dirname, '../../../native-models/heads/kiosk-intent/dev.jsonl'), 'utf8');
    fs.writeFileSync(data, all);
    const out = path.join(dir, 'model');
    const t = await storemind(['intent', 'train', '--data', data, '--out', out, '--encoder', head.bundle, '--json']);
    expect(t.code).toBe(0);
    expect(JSON.parse(t.stdout.trim())).toMatchObject({ n_train: expect.any(Number), labels: expect.arrayContaining(['out_of_scope']) });
    const e = await storemind(['intent', 'eval', '--model', out, '--data', data, '--json']);
    expect(e.code).toBe(0);
    expect(JSON.parse(e.stdout.trim())).toMatchObject({ n: 215 });
    expect((await storemind(['intent', 'eval', '--model', path.join(dir, 'nope'), '--data', data])).code).toBe(2);
    expect((await storemind(['intent', 'frobnicate'])).code).toBe(2);
  });

  it('trains with several validation files and the head options the shipped head uses', async () => {
    const lines = fs.readFileSync(path.resolve(import.meta.dirname, '../../../native-models/heads/kiosk-intent/dev.jsonl'), 'utf8').split('\n').filter(Boolean);
    const [data, valA, valB] = ['train.jsonl', 'val-a.jsonl', 'val-b.jsonl'].map((f) => path.join(dir, f)) as [string, string, string];
    fs.writeFileSync(data, lines.join('\n'));
    fs.writeFileSync(valA, lines.filter((_, i) => i % 2 === 0).join('\n'));
    fs.writeFileSync(valB, lines.filter((_, i) => i % 2 === 1).join('\n'));
    const out = path.join(dir, 'model-opts');
    const args = ['intent', 'train', '--data', data, '--val', `${valA},${valB}`, '--out', out, '--encoder', head.bundle];
    const shipped = ['--embedding-scale', '0.25', '--max-threshold-loss', '0', '--loss', 'hinge', '--idf', '--char-min', '2', '--buckets', '16384'];
    const t = await storemind([...args, ...shipped, '--json']);
    expect(t.code).toBe(0);
    expect(JSON.parse(t.stdout.trim())).toMatchObject({ n_val: lines.length, val_source: 'file' });
    const written = JSON.parse(fs.readFileSync(path.join(out, 'head.json'), 'utf8')) as { features: { embedding: { scale: number }; lexical: object }; training: { recipe: object } };
    expect(written.features.embedding.scale).toBe(0.25);
    expect(written.features.lexical).toMatchObject({ buckets: 16384, charNgramMin: 2, idf: true });
    expect(written.training.recipe).toMatchObject({ loss: 'hinge', embeddingScale: 0.25, maxThresholdLoss: 0 });
    // The shipped head was trained with exactly these options (see native-models/heads/README.md).
    const shippedHead = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../../native-models/heads/kiosk-intent/head.json'), 'utf8')) as typeof written;
    expect(shippedHead.training.recipe).toEqual(written.training.recipe);
    expect((await storemind([...args, '--embedding-scale', 'lots'])).code).toBe(2);
    expect((await storemind([...args, '--max-threshold-loss', '2'])).code).toBe(2);
    expect((await storemind([...args, '--loss', 'cubic'])).code).toBe(2);
    expect((await storemind([...args, '--char-min', '9'])).code).toBe(2);
    expect((await storemind(['intent', 'train', '--data', data, '--val', `${valA},${path.join(dir, 'missing.jsonl')}`, '--out', out])).code).toBe(2);
  });
});
