// Runs: node (vitest). The pieces under the intent head: lexical hashing, softmax regression,
// temperature fitting, oos threshold choice, metrics.
import { describe, expect, it } from 'vitest';
import { chooseThreshold, fitTemperature } from '../../../electron/core/models/calibration.ts';
import { bucketIdf, DEFAULT_LEXICAL, lexicalConfigSchema, lexicalFeatures } from '../../../electron/core/models/features.ts';
import { accuracy, logits, trainLinearHead, type Example } from '../../../electron/core/models/heads.ts';
import { intentMetrics, percentile } from '../../../electron/core/models/metrics.ts';
import { mulberry32 } from '../../../electron/core/models/rng.ts';

describe('lexicalFeatures', () => {
  it('is deterministic, sparse, sorted and unit-norm', () => {
    const a = lexicalFeatures('Where are the AA batteries?');
    const b = lexicalFeatures('where are the aa batteries?');
    expect(Array.from(a.idx)).toEqual(Array.from(b.idx));
    expect(a.idx.length).toBeGreaterThan(50);
    expect(a.idx.length).toBeLessThan(200);
    expect(Array.from(a.idx)).toEqual([...a.idx].sort((x, y) => x - y));
    expect(Math.hypot(...a.val)).toBeCloseTo(1, 5);
  });

  it('handles empty and very long text', () => {
    expect(lexicalFeatures('').idx.length).toBeGreaterThanOrEqual(0);
    expect(Math.hypot(...lexicalFeatures('x'.repeat(10_000)).val)).toBeCloseTo(1, 5);
  });
});

describe('idf-weighted lexical features', () => {
  const cfg = lexicalConfigSchema.parse({ ...DEFAULT_LEXICAL, idf: true });
  const texts = ['where is the milk', 'where is the bread', 'where is the refund desk', 'where is the lift'];
  const idf = bucketIdf(texts, cfg);

  it('weighs a gram every line has least and an unseen gram most', () => {
    const bucketOf = (word: string) => lexicalFeatures(word, { ...cfg, charNgramMin: 99, charNgramMax: 99, wordNgramMax: 1 }).idx[0] as number;
    const common = idf[bucketOf('where')] as number;
    const rare = idf[bucketOf('lift')] as number;
    const unseen = idf[bucketOf('kombucha')] as number;
    expect(common).toBeCloseTo(1, 5); // ln(5/5) + 1
    expect(rare).toBeCloseTo(Math.log(5 / 2) + 1, 5);
    expect(unseen).toBeCloseTo(Math.log(5) + 1, 5);
  });

  it('shifts the weight of a line towards its rare grams and stays unit-norm', () => {
    const plain = lexicalFeatures('where is the lift', cfg);
    const weighted = lexicalFeatures('where is the lift', cfg, idf);
    expect(Array.from(weighted.idx)).toEqual(Array.from(plain.idx));
    expect(Math.hypot(...weighted.val)).toBeCloseTo(1, 5);
    const liftBucket = lexicalFeatures('lift', { ...cfg, charNgramMin: 99, charNgramMax: 99, wordNgramMax: 1 }).idx[0] as number;
    const at = (v: { idx: Int32Array; val: Float32Array }) => Math.abs(v.val[Array.from(v.idx).indexOf(liftBucket)] as number);
    expect(at(weighted)).toBeGreaterThan(at(plain));
  });
});

describe('trainLinearHead', () => {
  /** A separable 3-class problem: class y is dense dimension y plus noise, and sparse bucket y·7+1 (plus, optionally, a bucket every class shares). */
  function separable(seed: number, noise: number, sharedBucket: boolean): (n: number) => Example[] {
    const rand = mulberry32(seed);
    return (n) =>
      Array.from({ length: n }, (_, i) => {
        const y = i % 3;
        const dense = new Float32Array(4).map((_, d) => (d === y ? 1 : 0) + (rand() - 0.5) * noise);
        const sparse = sharedBucket ? { idx: Int32Array.of(y * 7 + 1, 60), val: Float32Array.of(0.6, 0.8) } : { idx: Int32Array.of(y * 7 + 1), val: Float32Array.of(1) };
        return { dense, sparse, y };
      });
  }

  it('learns a separable 3-class problem from dense and sparse features', () => {
    const make = separable(1, 0.8, true);
    const r = trainLinearHead(make(300), make(60), { classes: 3, dim: 4, buckets: 64 }, { epochs: 30, seed: 3 });
    expect(accuracy(r.head, make(90))).toBeGreaterThan(0.95);
    expect(r.valAccuracy).toBeGreaterThan(0.95);
  });

  it('with the hinge loss learns the same problem, with margins past ±1 on training lines', () => {
    const make = separable(5, 0.4, false);
    const train = make(300);
    // No validation set: training runs on while the loss falls, not just until val accuracy first peaks.
    const r = trainLinearHead(train, [], { classes: 3, dim: 4, buckets: 64 }, { loss: 'hinge', epochs: 40, seed: 3 });
    expect(accuracy(r.head, make(90))).toBe(1);
    // A squared-hinge fit pushes the gold score up to about +1 and the others down to about -1.
    const z = logits(r.head, train[0] as Example);
    const gold = (train[0] as Example).y;
    expect(z[gold] as number).toBeGreaterThan(0.5);
    for (let c = 0; c < 3; c++) if (c !== gold) expect(z[c] as number).toBeLessThan(-0.5);
  });
});

describe('calibration', () => {
  it('fits a temperature above 1 for over-confident logits', () => {
    const rand = mulberry32(2);
    const logits: Float32Array[] = [];
    const y: number[] = [];
    for (let i = 0; i < 400; i++) {
      const right = rand() < 0.7; // 70% accurate but logits say ~100%
      const gold = i % 3;
      const top = right ? gold : (gold + 1) % 3;
      logits.push(Float32Array.from([0, 1, 2].map((c) => (c === top ? 20 : 0))));
      y.push(gold);
    }
    expect(fitTemperature(logits, y)).toBeGreaterThan(5);
  });

  it('picks a threshold that rejects low-confidence oos within the accuracy budget', () => {
    const xs = [
      ...Array.from({ length: 100 }, (_, i) => ({ pred: 0, gold: 0, confidence: 0.6 + i * 0.004, oos: false })),
      ...Array.from({ length: 20 }, (_, i) => ({ pred: 1, gold: 2, confidence: 0.2 + i * 0.01, oos: true })),
    ];
    const t = chooseThreshold(xs, 2, 0.02);
    expect(t.threshold).toBeGreaterThan(0.39);
    expect(t.threshold).toBeLessThanOrEqual(0.6);
    expect(t.oos_recall).toBe(1);
    expect(t.in_scope_accuracy).toBe(1);
  });

  it('spends the accuracy budget when there are no oos examples', () => {
    const xs = Array.from({ length: 100 }, (_, i) => ({ pred: 0, gold: 0, confidence: 0.5 + i * 0.005, oos: false }));
    const t = chooseThreshold(xs, null, 0.02);
    expect(t.in_scope_accuracy).toBeCloseTo(0.98, 5);
    expect(t.threshold).toBeGreaterThan(0.5);
  });
});

describe('intentMetrics', () => {
  it('counts oos as a class and as rejections', () => {
    const m = intentMetrics(['a', 'b', 'out_of_scope', 'out_of_scope'], ['a', 'out_of_scope', 'out_of_scope', 'b']);
    expect(m).toMatchObject({ n: 4, accuracy: 0.5, in_scope_accuracy: 0.5, oos_recall: 0.5, oos_precision: 0.5 });
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4, 100], 95)).toBe(100);
  });
});
