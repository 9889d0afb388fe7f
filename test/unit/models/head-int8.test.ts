// Intent heads are written with block-wise int8 weights (4x smaller than float32): the round trip
// must stay within half a quantisation step of every weight, and a damaged payload is refused.
import { describe, expect, it } from 'vitest';
import { f32ToInt8Block64Base64, int8Block64Base64ToF32 } from '../../../electron/core/models/head-file.ts';

describe('int8 block-64 head weights', () => {
  it('round-trips within half a step per block, keeps zeros exact, and handles a ragged last block', () => {
    const n = 64 * 5 + 17;
    const a = new Float32Array(n).map((_, i) => Math.sin(i * 0.37) * (i % 64 === 0 ? 3 : 0.5));
    a.fill(0, 64, 128); // an all-zero block
    const back = int8Block64Base64ToF32(f32ToInt8Block64Base64(a), n, 'test');
    for (let b = 0; b < Math.ceil(n / 64); b++) {
      const block = a.subarray(b * 64, Math.min(n, (b + 1) * 64));
      const step = Math.max(...block.map(Math.abs)) / 127;
      block.forEach((w, k) => expect(Math.abs(back[b * 64 + k]! - w)).toBeLessThanOrEqual(step / 2 + 1e-7));
    }
    expect([...back.subarray(64, 128)].every((x) => x === 0)).toBe(true);
  });

  it('refuses a payload of the wrong length', () => {
    const s = f32ToInt8Block64Base64(new Float32Array(100).fill(0.25));
    expect(() => int8Block64Base64ToF32(s, 101, 'sparse')).toThrow(/head weights sparse/);
  });
});
