// Runs: node (vitest). The verdict correction on top of the fraud network: it stays "no change"
// when verdicts agree with the network, learns a direction the verdicts consistently contradict,
// leaves features that never vary among the verdicts alone, and moves far less on a handful of
// verdicts than on many (the pull towards no change).
import { describe, expect, it } from 'vitest';
import { applyCorrection, correctionFor, correctionSchema, fitCorrection, logit, logLoss, type Recalibration, type VerdictRow } from '../../../electron/core/fraud/recalibration.ts';
import { mulberry32 } from '../../../electron/core/models/rng.ts';

const FEATURES = ['amount', 'is_keyed', 'term_cards_10m', 'constant'];
const MEANS = [2, 0.1, 0.5, 1];

function rows(n: number, seed: number, label: (x: number[], p: number) => 0 | 1): VerdictRow[] {
  const r = mulberry32(seed);
  return Array.from({ length: n }, () => {
    const x = [1 + 3 * r(), r() < 0.5 ? 1 : 0, Math.floor(8 * r()), 1];
    // The network: keyed sales look risky, bursts of cards even more.
    const p = 1 / (1 + Math.exp(-(-2 + 3 * x[1]! + 0.6 * x[2]!)));
    return { x: Float32Array.from(x), p, y: label(x, p) };
  });
}

describe('fraud verdict recalibration', () => {
  it('is the identity when staff agree with the network', () => {
    const agree = rows(400, 1, (_x, p) => (p >= 0.5 ? 1 : 0));
    const r = fitCorrection(agree, FEATURES, MEANS);
    expect(correctionSchema.parse(r)).toEqual(r);
    const q = agree.map((row) => applyCorrection(r, MEANS, row.x, row.p));
    const flips = agree.filter((row, i) => q[i]! >= 0.5 !== row.p >= 0.5).length;
    expect(flips / agree.length).toBeLessThan(0.03);
    expect(logLoss(q, agree.map((row) => row.y))).toBeLessThanOrEqual(logLoss(agree.map((row) => row.p), agree.map((row) => row.y)));
    expect(r.weights[3]).toBe(0); // never varies among the verdicts: no say
  });

  it('learns that keyed sales without a burst are honest in this store, and keeps bursts risky', () => {
    const label = (x: number[]) => (x[2]! >= 4 ? 1 : 0); // only bursts are fraud here
    const fit = rows(300, 2, label);
    const held = rows(200, 3, label);
    const r = fitCorrection(fit, FEATURES, MEANS);
    const before = held.map((h) => h.p);
    const after = held.map((h) => applyCorrection(r, MEANS, h.x, h.p));
    const y = held.map((h) => h.y);
    expect(logLoss(after, y)).toBeLessThan(logLoss(before, y) * 0.8);
    const keyedQuiet = Float32Array.from([2, 1, 1, 1]);
    const keyedBurst = Float32Array.from([2, 1, 7, 1]);
    const pQuiet = 1 / (1 + Math.exp(-(-2 + 3 + 0.6)));
    const pBurst = 1 / (1 + Math.exp(-(-2 + 3 + 4.2)));
    expect(applyCorrection(r, MEANS, keyedQuiet, pQuiet)).toBeLessThan(pQuiet - 0.2);
    expect(applyCorrection(r, MEANS, keyedBurst, pBurst)).toBeGreaterThan(0.8);
  });

  it('moves much less on a handful of verdicts than on many saying the same', () => {
    const x = Float32Array.from([2, 1, 5, 1]);
    const p = 0.9;
    const shift = (n: number) => {
      const r = fitCorrection(rows(n, 4, () => 0), FEATURES, MEANS);
      return logit(p) - logit(applyCorrection(r, MEANS, x, p));
    };
    const few = shift(6);
    const many = shift(300);
    expect(few).toBeGreaterThan(0); // it does listen: every verdict said "legitimate"
    expect(few).toBeLessThan(many / 2);
    const few6 = rows(6, 4, () => 0);
    expect(() => fitCorrection([], FEATURES, MEANS)).toThrow(/no verdicts/);
    expect(() => fitCorrection(few6, FEATURES.slice(1), MEANS.slice(1))).toThrow(/disagree/);
  });

  it("a terminal applies its store's correction, else the fleet's", () => {
    const fleet = fitCorrection(rows(100, 5, () => 0), FEATURES, MEANS);
    const mine = fitCorrection(rows(100, 6, () => 1), FEATURES, MEANS);
    const file: Recalibration = { format: 'storemind-fraud-recalibration', format_version: 1, features: FEATURES, fleet, stores: { 'store-a': mine } };
    expect(correctionFor(file, 'store-a')).toEqual({ scope: 'store', correction: mine });
    expect(correctionFor(file, 'store-b')).toEqual({ scope: 'fleet', correction: fleet });
    expect(correctionFor(file, null)).toEqual({ scope: 'fleet', correction: fleet });
    expect(correctionFor({ ...file, fleet: null }, 'store-b')).toBeNull();
  });
});
