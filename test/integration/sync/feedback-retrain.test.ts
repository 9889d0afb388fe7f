// Runs: node (vitest). The feedback loop end to end on PGlite with a real (tiny, generated) ONNX
// encoder: a terminal's staff correct kiosk intents; the corrections sync up; the platform's retrain
// job trains a kiosk head on the shipped training lines plus the corrections, evaluates it and the
// running head on the held-out kiosk test set, publishes a signed intent-head bundle only when it is
// not worse, and records each decision; the terminal downloads, verifies and activates the head,
// and its assistant switches to it on models.changed. Poisoned corrections are rejected.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../helpers/tmp.ts';
import { startPlatform, type Platform } from '../../../central/platform.ts';
import { AdminClient } from '../../../central/admin-client.ts';
import { loadRootKey } from '../../../central/keys.ts';
import { KIOSK_HEAD_MODEL, runFeedbackRetrain, type RetrainConfig } from '../../../central/feedback.ts';
import type { ModelsConfig } from '../../../central/models.ts';
import { createCore, type Core } from '../../../electron/core/core.ts';
import { ENCODER_NAME } from '../../../electron/core/model-service.ts';
import { recordInteractions } from '../../../electron/core/assistant/interactions.ts';
import { correctIntent } from '../../../electron/core/admin/labels.ts';
import { enroll } from '../../../electron/core/sync/enroll.ts';
import { getAssistant } from '../../../electron/core/assistant/service.ts';
import { DEFAULT_LEXICAL, headRecipe, loadEncoder, readHead, readJsonl, stratifiedSplit, trainIntentHead, writeHead, type IntentExample } from '../../../electron/core/models/index.ts';
import { verifyHeadBundle, writeHeadBundle } from '../../../electron/core/models/head-bundle.ts';
import { appRoot } from '../../../electron/core/paths.ts';
import { makeTinyBundle, removeBundle } from '../models/helpers/tiny-bundle.ts';

const DATA = path.join(appRoot(), 'native-models', 'data', 'kiosk_intents');
const ENV = ['STOREMIND_SYNC_ROOT_PUB', 'STOREMIND_SYNC_INTERVAL_MS', 'STOREMIND_KIOSK_HEAD'] as const;

describe('feedback loop: intent corrections → retrained head → signed update → assistant', () => {
  let encoderDir: string;
  let platform: Platform;
  let models: ModelsConfig;
  let core: Core;
  let cfg: RetrainConfig;
  let base: IntentExample[];
  let spare: IntentExample[];
  let weakHeadFile: string;
  const saved: Record<string, string | undefined> = {};

  const sync = () => core.services.extensions.sync!.syncNow();
  /** Shoppers asked these; the model answered out_of_scope; a manager set the right intent. */
  function correct(lines: IntentExample[]): void {
    const rows = recordInteractions(core.db, lines.map((l, i) => ({
      terminalId: 'kiosk-1', sessionId: `fb-${i}`, text: l.text, intent: 'out_of_scope', confidence: 0.3,
      answerId: 'a', answerText: 'Sorry?', handoff: false, modelVersion: 'test', latencyMs: 4,
    })));
    rows.forEach((r, i) => correctIntent(core.db, r.id, lines[i]!.intent, 'u-manager'));
  }

  beforeAll(async () => {
    for (const k of ENV) saved[k] = process.env[k];
    encoderDir = makeTinyBundle({ style: 'storemind', seed: 5 });
    const all = await readJsonl(path.join(DATA, 'train.jsonl'));
    const split = stratifiedSplit(all, 0.1, 7);
    base = split.val; // ~560 lines stand in for the shipped training set
    spare = stratifiedSplit(split.train, 0.02, 8).val; // lines no head has seen: the shoppers' questions
    const heldOut = stratifiedSplit(await readJsonl(path.join(DATA, 'test.jsonl')), 0.5, 9).val;

    // The head terminals run today: trained on a quarter of those lines, so retraining can help.
    const enc = await loadEncoder(encoderDir);
    const small = stratifiedSplit(base, 0.25, 3).val;
    const s = stratifiedSplit(small, 0.1, 4);
    // Trained with the shipped head's kind of recipe, which a retrain must repeat.
    const { head } = await trainIntentHead({ train: s.train, val: s.val, encoder: enc, name: KIOSK_HEAD_MODEL, lexical: { ...DEFAULT_LEXICAL, charNgramMin: 2, idf: true }, embeddingScale: 0.25, maxThresholdLoss: 0, train_options: { loss: 'hinge' } });
    await enc.close();
    weakHeadFile = path.join(tempDir('storemind-head-'), 'head.json');
    await writeHead(weakHeadFile, head);

    const dataDir = tempDir('storemind-central-');
    process.env.STOREMIND_CENTRAL_ADMIN_TOKEN = 'feedback-test-admin-token';
    platform = await startPlatform({ dataDir, port: 0, jobs: false, logLevel: 'silent' });
    models = { dataDir, rootKey: loadRootKey(dataDir), metadataTtlMs: 7 * 24 * 3600_000 };
    cfg = { encoderDir, baseTrain: () => base, heldOut: () => heldOut, shippedHeadFile: weakHeadFile, seed: 13 };

    // The terminal: the tiny encoder is its active encoder, the weak head its shipped head.
    process.env.STOREMIND_SYNC_ROOT_PUB = path.join(dataDir, 'keys', 'root.pub');
    process.env.STOREMIND_SYNC_INTERVAL_MS = '0';
    process.env.STOREMIND_KIOSK_HEAD = weakHeadFile;
    const termDir = tempDir('storemind-term-');
    const first = createCore({ dataDir: termDir, loadModels: false, encrypt: false });
    first.db.prepare("INSERT INTO models (name, version, kind, path, manifest_sha256, status, installed_at, activated_at) VALUES (?, '0.0.1', 'encoder', ?, '', 'active', ?, ?)")
      .run(ENCODER_NAME, encoderDir, new Date().toISOString(), new Date().toISOString());
    first.close();
    core = createCore({ dataDir: termDir, encrypt: false });
    await core.ready;
    const { code } = await new AdminClient(platform.url, platform.admin.token).enrollCode('fb-store');
    await enroll(core.db, termDir, { server: platform.url, code });
  });
  afterAll(async () => {
    core?.close();
    await platform?.close();
    if (encoderDir) removeBundle(encoderDir);
    for (const k of ENV) if (saved[k] === undefined) delete process.env[k]; else process.env[k] = saved[k];
  });

  it('publishes a retrained head that is not worse, and the terminal switches its assistant to it', async () => {
    const assistant = await getAssistant(core.services);
    expect(assistant.modelStatus.ready).toBe(true);
    const before = assistant.modelVersion;
    const weakSha = crypto.createHash('sha256').update(fs.readFileSync(weakHeadFile)).digest('hex').slice(0, 12);
    expect(before).toContain(weakSha);

    expect((await runFeedbackRetrain(platform.db, models, cfg)).decision).toBe('skipped'); // nothing to learn from yet
    correct(spare);
    expect((await sync()).uploaded).toBeGreaterThanOrEqual(spare.length * 2);

    const d = await runFeedbackRetrain(platform.db, models, cfg);
    expect(d).toMatchObject({ decision: 'published', version: '1.0.1', corrections: spare.length });
    // No calibration lines configured: a stratified tenth of the training lines calibrates the candidate.
    const lines = d.metrics.candidateLines!;
    // (a correction replaces a shipped line with the same text, so at most this many)
    expect(lines.train + lines.calibration).toBeGreaterThan(base.length);
    expect(lines.train + lines.calibration).toBeLessThanOrEqual(base.length + 3 * spare.length);
    expect(lines.calibration / (lines.train + lines.calibration)).toBeCloseTo(0.1, 1);
    expect(d.metrics.candidate!.accuracy).toBeGreaterThanOrEqual(d.metrics.baseline!.accuracy);
    const runs = await platform.db.pool.query<{ decision: string; candidate_version: string | null }>('SELECT decision, candidate_version FROM retrain_runs ORDER BY id');
    expect(runs.rows).toEqual([{ decision: 'skipped', candidate_version: null }, { decision: 'published', candidate_version: '1.0.1' }]);

    const r = await sync();
    expect(r.models).toEqual([{ name: KIOSK_HEAD_MODEL, version: '1.0.1', status: 'active' }]);
    const installed = core.db.prepare("SELECT kind, path FROM models WHERE name = ? AND status = 'active'").get(KIOSK_HEAD_MODEL) as { kind: string; path: string };
    expect(installed.kind).toBe('intent-head');
    expect(verifyHeadBundle(installed.path).ok).toBe(true);
    const newSha = crypto.createHash('sha256').update(fs.readFileSync(path.join(installed.path, 'head.json'))).digest('hex').slice(0, 12);
    expect(headRecipe(await readHead(path.join(installed.path, 'head.json')))).toEqual(headRecipe(await readHead(weakHeadFile)));
    // models.changed → the assistant loads the new head beside the old one and switches.
    await vi.waitFor(() => expect(assistant.modelVersion).toContain(newSha), { timeout: 20_000, interval: 50 });
    const ask = await assistant.classify('where are the aa batteries');
    expect(ask).not.toBeNull();

    expect((await runFeedbackRetrain(platform.db, models, cfg)).decision).toBe('skipped'); // no new corrections
  });

  it('rejects a candidate trained on poisoned corrections and records why', async () => {
    const poison = base.filter((l) => l.intent === 'find_product').slice(0, 120).map((l) => ({ text: `${l.text} please`, intent: 'store_hours' }));
    correct(poison);
    await sync();
    const d = await runFeedbackRetrain(platform.db, models, cfg);
    expect(d.decision).toBe('rejected');
    expect(d.reason).toMatch(/worse than kiosk-intent 1\.0\.1/);
    const versions = await platform.db.pool.query<{ version: string }>('SELECT version FROM model_versions WHERE name = $1', [KIOSK_HEAD_MODEL]);
    expect(versions.rows.map((v) => v.version)).toEqual(['1.0.1']);
    const last = await platform.db.pool.query<{ decision: string; reason: string; metrics: { candidate: unknown; baseline: unknown } }>('SELECT decision, reason, metrics FROM retrain_runs ORDER BY id DESC LIMIT 1');
    expect(last.rows[0]).toMatchObject({ decision: 'rejected' });
    expect(last.rows[0]!.metrics.candidate).toBeTruthy();
    expect(last.rows[0]!.metrics.baseline).toBeTruthy();
  });

  it('calibrates the candidate on the given validation lines and trains on every line', async () => {
    const calibration = stratifiedSplit(spare, 0.5, 11).val.map((l) => ({ ...l, text: `could you tell me ${l.text}` }));
    const d = await runFeedbackRetrain(platform.db, models, { ...cfg, calibration: () => calibration, force: true });
    expect(['published', 'rejected']).toContain(d.decision);
    const corrected = d.corrections; // spare + poison, each counted three times in training
    expect(d.metrics.candidateLines).toEqual({ train: expect.any(Number), calibration: calibration.length });
    expect(d.metrics.candidateLines!.train).toBeGreaterThan(base.length);
    expect(d.metrics.candidateLines!.train).toBeLessThanOrEqual(base.length + 3 * corrected);
  });

  it('a terminal refuses an intent-head bundle whose files do not match its manifest', () => {
    const dir = path.join(tempDir('storemind-headbundle-'), 'b');
    const head = JSON.parse(fs.readFileSync(weakHeadFile, 'utf8'));
    writeHeadBundle(dir, head, { name: KIOSK_HEAD_MODEL, version: '9.9.9' });
    expect(verifyHeadBundle(dir).ok).toBe(true);
    const f = path.join(dir, 'head.json');
    fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace('"temperature":', '"temperature": 0.5, "x":'));
    expect(verifyHeadBundle(dir)).toMatchObject({ ok: false, problems: ['head.json does not match its manifest entry'] });
  });
});
