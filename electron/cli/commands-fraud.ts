// Runs: node (CLI). `storemind fraud score|eval|simulate|rules`: batch scoring into a terminal's
// own database, the held-out evaluation, the training-table export for the model factory, and the
// active rule set.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { createCore } from '../core/core.ts';
import { CoreError } from '../core/db/errors.ts';
import { createFraudEngine } from '../core/fraud/engine.ts';
import { scoreLine } from '../core/fraud/batch.ts';
import { evaluateHeldout, exportTrainingCsv, TRAIN, type EvalReport } from '../core/fraud/evaluate.ts';
import { activeRuleSetJson, installRuleSet } from '../core/fraud/rules.ts';
import { PATTERNS, type Pattern } from '../core/fraud/simulator.ts';
import { intOption, parse } from './args.ts';
import type { Command } from './registry.ts';

function parseRates(s: string | undefined): Partial<Record<Pattern, number>> | undefined {
  if (!s) return undefined;
  const out: Partial<Record<Pattern, number>> = {};
  for (const part of s.split(',')) {
    const [k, v] = part.split('=');
    if (!k || !(PATTERNS as readonly string[]).includes(k) || v === undefined || !Number.isFinite(Number(v)) || Number(v) < 0 || Number(v) > 50) {
      throw new CoreError('BAD_INPUT', `--rates takes pattern=episodes-per-day pairs (${PATTERNS.join(', ')}), each 0 to 50; got "${part}".`);
    }
    out[k as Pattern] = Number(v);
  }
  return out;
}

function printTable(r: EvalReport): void {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
  const head = `${'slice'.padEnd(16)} ${'n'.padStart(5)}  ${'method'.padEnd(11)} ${'prec'.padStart(7)} ${'recall'.padStart(7)} ${'PR-AUC'.padStart(7)} ${'R@1%FPR'.padStart(8)}`;
  console.log(`Held-out: ${r.heldout.days} days from ${r.heldout.start} (seed ${r.heldout.seed}), ${r.heldout.transactions} transactions, ${r.heldout.fraud} fraud`);
  console.log(`Model ${r.model_version}, rules ${r.rules_version}\n`);
  console.log(head);
  const rows: Array<[string, number, EvalReport['overall']]> = [['overall', r.heldout.fraud, r.overall], ...PATTERNS.map((p) => [p, r.patterns[p].count, r.patterns[p]] as [string, number, EvalReport['overall']])];
  for (const [name, n, m] of rows) {
    for (const k of ['engine', 'rules_only', 'model_only'] as const) {
      console.log(`${(k === 'engine' ? name : '').padEnd(16)} ${(k === 'engine' ? String(n) : '').padStart(5)}  ${k.padEnd(11)} ${pct(m[k].precision)} ${pct(m[k].recall)} ${m[k].pr_auc.toFixed(3).padStart(7)} ${pct(m[k].recall_at_1pct_fpr).padStart(8)}`);
    }
  }
  console.log(`\nTargets: PR-AUC >= 0.85 ${r.targets.pr_auc_overall ? 'met' : 'MISSED'}; card testing recall >= 90% at 1% FPR ${r.targets.card_testing_recall_at_1pct ? 'met' : 'MISSED'}; beats both baselines ${r.targets.beats_baselines ? 'yes' : 'NO'}`);
}

export const fraud: Command = {
  name: 'fraud',
  summary: 'Fraud engine: fraud score --batch FILE | fraud eval | fraud simulate --out CSV | fraud rules [--install FILE]',
  usage: 'fraud score --batch txns.jsonl [--json] | fraud eval [--json] [--days N] [--seed N] [--rates p=r,...] | fraud simulate --out FILE.csv [--days N] [--seed N] [--rates p=r,...] | fraud rules [--install FILE]',
  async run(argv, g) {
    const { values, positionals } = parse(argv, {
      batch: { type: 'string' },
      days: { type: 'string' },
      seed: { type: 'string' },
      rates: { type: 'string' },
      out: { type: 'string' },
      install: { type: 'string' },
    });
    const sub = positionals[0];
    if (positionals.length > 1) throw new CoreError('BAD_INPUT', `Unexpected argument "${positionals[1]}".`);
    if (sub === 'score') {
      if (!values.batch) throw new CoreError('BAD_INPUT', 'fraud score needs --batch FILE (JSON lines, one transaction each; - for stdin).');
      if (values.batch !== '-' && !fs.existsSync(values.batch)) throw new CoreError('BAD_INPUT', `No such file: ${values.batch}`);
      const core = createCore({ dataDir: g.dataDir });
      try {
        const engine = await createFraudEngine(core.db);
        const input = values.batch === '-' ? process.stdin : fs.createReadStream(values.batch, 'utf8');
        const lines = readline.createInterface({ input, crlfDelay: Infinity });
        let n = 0;
        const counts = { scored: 0, duplicate: 0, rejected: 0 };
        for await (const text of lines) {
          n++;
          if (!text.trim()) continue;
          const a = await scoreLine(core.db, engine, text.length > 1_000_000 ? '{}' : text, n);
          if ('error' in a) counts.rejected++;
          else if (a.duplicate) counts.duplicate++;
          else counts.scored++;
          if (g.json) console.log(JSON.stringify(a));
          else if ('error' in a) console.log(`line ${a.line}${a.id ? ` (${a.id})` : ''}: rejected: ${a.error}`);
          else console.log(`${a.id}: ${a.decision} ${a.score.toFixed(3)}${a.reasons.length ? ` — ${a.reasons.join('; ')}` : ''}`);
        }
        if (!g.json || counts.rejected) console.error(`${counts.scored} scored, ${counts.duplicate} duplicates, ${counts.rejected} rejected.`);
        // A batch with refused lines is not a success: scripts and CI must see it.
        return counts.rejected ? 1 : 0;
      } finally {
        core.close();
      }
    }
    if (sub === 'eval') {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storemind-fraud-eval-'));
      try {
        const report = await evaluateHeldout(dir, {
          days: values.days ? intOption(values.days, 'days', 1, 60) : undefined,
          seed: values.seed ? intOption(values.seed, 'seed', 1, 2 ** 31) : undefined,
          rates: parseRates(values.rates),
        });
        if (g.json) console.log(JSON.stringify(report));
        else printTable(report);
        return 0;
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
    if (sub === 'simulate') {
      if (!values.out) throw new CoreError('BAD_INPUT', 'fraud simulate needs --out FILE.csv (keep it out of the repository, e.g. under /tmp).');
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storemind-fraud-sim-'));
      try {
        const r = await exportTrainingCsv(dir, path.resolve(values.out), {
          days: values.days ? intOption(values.days, 'days', 1, 365) : TRAIN.days,
          seed: values.seed ? intOption(values.seed, 'seed', 1, 2 ** 31) : TRAIN.seed,
          rates: parseRates(values.rates),
        });
        console.log(g.json ? JSON.stringify({ out: path.resolve(values.out), ...r }) : `Wrote ${r.rows} transactions (${r.fraud} fraud) to ${path.resolve(values.out)}`);
        return 0;
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
    if (sub === 'rules') {
      const core = createCore({ dataDir: g.dataDir });
      try {
        if (values.install) {
          let raw: unknown;
          try {
            raw = JSON.parse(fs.readFileSync(values.install, 'utf8'));
          } catch (e) {
            throw new CoreError('BAD_INPUT', `Cannot read rule set ${values.install}: ${(e as Error).message}`);
          }
          const r = installRuleSet(core.db, raw, 'admin', 'cli');
          console.log(g.json ? JSON.stringify(r) : `Installed rule set ${r.version} (${r.rules} rules).`);
        } else {
          const set = activeRuleSetJson(core.db);
          console.log(g.json ? JSON.stringify(set) : `Rule set ${set.version}: ${set.rules.length} rules\n${set.rules.map((x) => `  [${x.action}] ${x.id}: ${x.when}`).join('\n')}`);
        }
        return 0;
      } finally {
        core.close();
      }
    }
    throw new CoreError('BAD_INPUT', `Usage: storemind ${this.usage}`);
  },
};
