// Runs: node (CLI). Sync commands: enroll with the central platform, run a sync pass (or keep
// syncing in the foreground), and write simulated kiosk interactions through the real write path
// (for tests and benchmarks).
import { createCore } from '../core/core.ts';
import { CoreError } from '../core/db/errors.ts';
import { recordInteractions, type NewInteraction } from '../core/assistant/interactions.ts';
import { getSetting } from '../core/settings/settings.ts';
import { enroll as enrollTerminal } from '../core/sync/enroll.ts';
import { PlatformError } from '../core/sync/http.ts';
import { startLiveSync, syncOptions } from '../core/sync/index.ts';
import { syncOnce } from '../core/sync/service.ts';
import { intOption, parse } from './args.ts';
import type { Command } from './registry.ts';

function openCore(dataDir: string) {
  const core = createCore({ dataDir, loadModels: false });
  // The CLI runs its own pass: the background loop the core may have started stays out of the way.
  core.services.extensions.sync?.stop();
  return core;
}

export const enroll: Command = {
  name: 'enroll',
  summary: 'Enroll this terminal with the central platform using a one-time code.',
  usage: 'enroll --server URL --code CODE [--name NAME] [--json]',
  async run(argv, g) {
    const { values } = parse(argv, { server: { type: 'string' }, code: { type: 'string' }, name: { type: 'string' } }, false);
    if (!values.server) throw new CoreError('BAD_INPUT', '--server is required.');
    if (!values.code) throw new CoreError('BAD_INPUT', '--code is required.');
    const core = openCore(g.dataDir);
    try {
      const e = await enrollTerminal(core.db, g.dataDir, { server: values.server, code: values.code, name: values.name, appVersion: core.services.appVersion });
      console.log(g.json ? JSON.stringify(e) : `Enrolled as terminal ${e.terminalId} of store ${e.storeId} at ${e.server}.`);
      return 0;
    } finally {
      core.close();
    }
  },
};

export const sync: Command = {
  name: 'sync',
  summary: 'Sync with the central platform: --once for one pass, else keep syncing until stopped.',
  usage: 'sync [--once] [--interval-seconds N] [--json]',
  async run(argv, g) {
    const { values } = parse(argv, { once: { type: 'boolean' }, 'interval-seconds': { type: 'string' } }, false);
    const core = openCore(g.dataDir);
    const opts = { ...syncOptions(core.services), log: g.json ? () => {} : (m: string) => console.error(`[sync] ${m}`) };
    if (!values.once) {
      const interval = values['interval-seconds'] === undefined ? 30 : intOption(values['interval-seconds'], 'interval-seconds', 1, 86_400);
      const loop = startLiveSync({ ...opts, intervalMs: interval * 1000, firstDelayMs: 0 });
      core.onEvent((event, payload) => console.log(g.json ? JSON.stringify({ event, ...(payload as object) }) : `${event}: ${JSON.stringify(payload)}`));
      const stop = () => {
        loop.stop();
        core.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return new Promise<number>(() => {});
    }
    try {
      const r = await syncOnce(opts);
      if (g.json) console.log(JSON.stringify(r));
      else console.log(`Uploaded ${r.uploaded} (${r.pending} pending, ${r.quarantined} quarantined); downloaded ${JSON.stringify(r.downloaded)}; state ${r.state}.`);
      return 0;
    } catch (e) {
      if (!(e instanceof PlatformError)) throw e;
      const pending = core.db.prepare("SELECT count(*) FROM outbox WHERE status = 'pending'").pluck().get() as number;
      if (g.json) console.log(JSON.stringify({ error: { code: e.code, message: e.message }, pending, state: e.code === 'REVOKED' ? 'revoked' : 'offline' }));
      else console.error(`storemind: sync failed: ${e.message} (${e.code}); ${pending} rows wait for the next sync.`);
      return 1;
    } finally {
      core.close();
    }
  },
};

const SAMPLE_TEXTS = ['where are the aa batteries', 'do you have oat milk', 'what time do you close on sunday', 'is there a pharmacy', 'gluten free bread', 'can I return this without a receipt'];

export const simulate: Command = {
  name: 'simulate',
  summary: 'Write simulated data through the real write paths: simulate interactions --count N',
  usage: 'simulate interactions --count N',
  async run(argv, g) {
    const { values, positionals } = parse(argv, { count: { type: 'string' } });
    if (positionals[0] !== 'interactions') throw new CoreError('BAD_INPUT', 'Usage: storemind simulate interactions --count N');
    const count = intOption(values.count, 'count', 1, 10_000_000);
    const core = openCore(g.dataDir);
    try {
      const terminalId = getSetting(core.db, 'terminalId');
      for (let i = 0; i < count; i += 1000) {
        const items: NewInteraction[] = Array.from({ length: Math.min(1000, count - i) }, (_, k) => ({
          terminalId, sessionId: `sim-${Math.floor((i + k) / 5)}`, text: `${SAMPLE_TEXTS[(i + k) % SAMPLE_TEXTS.length]} ${i + k}`,
          intent: 'find_product', confidence: 0.9, answerId: 'simulated', answerText: 'Simulated answer.', handoff: false, modelVersion: 'simulated', latencyMs: 5,
        }));
        recordInteractions(core.db, items);
      }
      const pending = core.db.prepare("SELECT count(*) FROM outbox WHERE status = 'pending'").pluck().get() as number;
      console.log(g.json ? JSON.stringify({ written: count, pending }) : `Wrote ${count} interactions (${pending} rows waiting to sync).`);
      return 0;
    } finally {
      core.close();
    }
  },
};
