// Runs: node (vitest). Device probe defaults, the micro-batcher's merging policy, the LRU.
import { describe, expect, it } from 'vitest';
import { Lru } from '../../../electron/core/models/lru.ts';
import { MicroBatcher } from '../../../electron/core/models/micro-batcher.ts';
import { chooseRuntime, probeDevice, type DeviceProbe } from '../../../electron/core/models/probe.ts';

describe('probe', () => {
  it('reports cores, memory and the CPU backend', () => {
    const p = probeDevice();
    expect(p.cores).toBeGreaterThanOrEqual(1);
    expect(p.totalMemoryBytes).toBeGreaterThan(0);
    expect(p.backends.map((b) => b.name)).toContain('cpu');
  });

  const probe = (cores: number): DeviceProbe => ({ cores, totalMemoryBytes: 8 * 2 ** 30, backends: [{ name: 'cpu', bundled: true }], gpuProviders: [] });

  it('defaults to int8 on CPU with threads from the core count', () => {
    expect(chooseRuntime(probe(2))).toEqual({ variant: 'int8', threads: 1, executionProvider: 'cpu' });
    expect(chooseRuntime(probe(4)).threads).toBe(3);
    expect(chooseRuntime(probe(32)).threads).toBe(4);
    expect(chooseRuntime(probe(1)).threads).toBe(1);
  });

  it('applies user overrides and validates them', () => {
    expect(chooseRuntime(probe(8), { variant: 'fp32', threads: 6 })).toEqual({ variant: 'fp32', threads: 6, executionProvider: 'cpu' });
    expect(chooseRuntime(probe(8), { executionProvider: 'cuda' }).variant).toBe('fp32');
    expect(() => chooseRuntime(probe(8), { threads: 0 })).toThrow();
    expect(() => chooseRuntime(probe(8), { variant: 'int4' } as never)).toThrow();
  });
});

describe('MicroBatcher', () => {
  const doubler = () => {
    const runs: number[][] = [];
    const b = new MicroBatcher<number, number>(
      async (xs) => {
        runs.push(xs);
        await new Promise((r) => setTimeout(r, 5));
        return xs.map((x) => x * 2);
      },
      { maxBatch: 4 },
    );
    return { b, runs };
  };

  it('merges same-tick calls, caps runs at maxBatch, and answers each caller in order', async () => {
    const { b, runs } = doubler();
    const out = await Promise.all([1, 2, 3, 4, 5, 6].map((x) => b.submit(x)));
    expect(out).toEqual([2, 4, 6, 8, 10, 12]);
    expect(runs).toEqual([
      [1, 2, 3, 4],
      [5, 6],
    ]);
  });

  it('gathers requests that arrive while a run is in flight', async () => {
    const { b, runs } = doubler();
    const first = b.submit(1);
    while (runs.length === 0) await new Promise((r) => setImmediate(r)); // run 1 is now in flight
    const later = Promise.all([b.submit(2), b.submit(3)]);
    expect(await first).toBe(2);
    expect(await later).toEqual([4, 6]);
    expect(runs).toEqual([[1], [2, 3]]);
  });

  it('rejects every caller of a failed run and keeps serving', async () => {
    let fail = true;
    const b = new MicroBatcher<number, number>(async (xs) => {
      if (fail) throw new Error('boom');
      return xs;
    });
    const r = await Promise.allSettled([b.submit(1), b.submit(2)]);
    expect(r.map((x) => x.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await b.submit(3)).toBe(3);
  });
});

describe('Lru', () => {
  it('evicts the least recently used entry', () => {
    const c = new Lru<string, number>(2);
    c.set('a', 1);
    c.set('b', 2);
    c.get('a');
    c.set('c', 3);
    expect(c.get('b')).toBeUndefined();
    expect(c.get('a')).toBe(1);
    expect(c.size).toBe(2);
  });
});
