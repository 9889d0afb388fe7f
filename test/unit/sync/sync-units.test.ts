// Runs: node (vitest). Small pieces of sync: canonical JSON for signing, version order, backoff
// bounds, batch caps by rows and bytes, acknowledgement, and the acked-row purge.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/tmp.ts';
import { canonicalJson, compareVersions } from '../../../common/api/sync.ts';
import { openDatabase } from '../../../electron/core/db/database.ts';
import { recordInteractions } from '../../../electron/core/assistant/interactions.ts';
import { backoffDelay, withRetry } from '../../../electron/core/sync/retry.ts';
import { applyAck, purgeAcked, readBatch, outboxCounts } from '../../../electron/core/sync/upload.ts';
import { interaction } from '../../integration/sync/helpers/terminal.ts';

describe('sync pieces', () => {
  it('canonicalJson sorts keys at every level and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[1,{"y":2,"z":1}]},"b":1}');
  });

  it('compareVersions orders MAJOR.MINOR.PATCH numerically', () => {
    expect(['1.10.0', '1.2.0', '1.2.10', '0.9.9'].sort(compareVersions)).toEqual(['0.9.9', '1.2.0', '1.2.10', '1.10.0']);
  });

  it('backoff uses full jitter under an exponential cap', () => {
    expect(backoffDelay(0, 100, 1000, () => 0.999)).toBe(99);
    expect(backoffDelay(3, 100, 1000, () => 0.999)).toBe(799);
    expect(backoffDelay(10, 100, 1000, () => 0.5)).toBe(500);
    expect(backoffDelay(5, 100, 1000, () => 0)).toBe(0);
  });

  it('withRetry retries only retryable errors', async () => {
    let n = 0;
    const out = await withRetry(async () => (++n < 3 ? Promise.reject(new Error('flaky')) : 'ok'), { attempts: 5, baseMs: 1, capMs: 1, retryable: () => true, sleep: async () => {} });
    expect([out, n]).toEqual(['ok', 3]);
    await expect(withRetry(async () => Promise.reject(new Error('fatal')), { attempts: 5, baseMs: 1, capMs: 1, retryable: () => false })).rejects.toThrow('fatal');
  });

  it('batches are capped by rows and bytes, in seq order; acks and purges keep what is needed', () => {
    const db = openDatabase(path.join(tempDir(), 'u.db'));
    recordInteractions(db, Array.from({ length: 50 }, (_, i) => interaction(i)));
    const byRows = readBatch(db, { maxRows: 10, maxBytes: 1 << 20 });
    expect(byRows.records.map((r) => r.seq)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    const byBytes = readBatch(db, { maxRows: 1000, maxBytes: 2000 });
    expect(byBytes.records.length).toBeGreaterThan(0);
    expect(byBytes.bytes).toBeLessThanOrEqual(2000);
    expect(JSON.parse(byBytes.json)).toHaveLength(byBytes.records.length);
    expect(applyAck(db, { ackedThrough: 20, accepted: 19, duplicates: 0, rejected: [{ seq: 7, reason: 'nope' }], serverTime: 0 })).toEqual({ acked: 19, quarantined: 1 });
    expect(outboxCounts(db)).toEqual({ pending: 30, quarantined: 1, acked: 19 });
    // Interactions still present keep their acked rows (the admin retention purge needs them).
    expect(purgeAcked(db, 0, new Date(Date.now() + 1000))).toBe(0);
    db.prepare("DELETE FROM interactions WHERE id IN (SELECT record_id FROM outbox WHERE status = 'acked' AND seq <= 5)").run();
    expect(purgeAcked(db, 0, new Date(Date.now() + 1000))).toBe(5);
    expect(purgeAcked(db, 24)).toBe(0);
    db.close();
  });
});
