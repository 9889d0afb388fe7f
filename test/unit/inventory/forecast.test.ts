// The demand forecaster on hand-made series and on the simulator: each test fails if the family,
// the choice per product, the calendar or the intervals stop doing their job.
import { describe, expect, it } from 'vitest';
import { rng } from '../../../electron/core/fraud/simulator.ts';
import { simulateDemand } from '../../../electron/core/inventory/demand-sim.ts';
import { evaluate } from '../../../electron/core/inventory/forecast-eval.ts';
import { forecastAll, forecastSeries, INTERMITTENT, type Calendar } from '../../../electron/core/inventory/forecast.ts';

const START = '2024-01-01'; // a Monday
const isoPlus = (d: number) => new Date(Date.parse(`${START}T00:00:00Z`) + d * 86_400_000).toISOString().slice(0, 10);

describe('forecastSeries', () => {
  it('reproduces a clean weekly shape, aligned to the right weekdays', () => {
    const shape = [10, 12, 11, 13, 20, 30, 25];
    const y = Array.from({ length: 140 }, (_, t) => shape[t % 7]!);
    const f = forecastSeries('W', y, START, { horizon: 14 });
    for (let i = 0; i < 14; i++) expect(f.forecast[i]).toBeCloseTo(shape[(140 + i) % 7]!, 0);
    expect(f.method).not.toMatch(/short-history|croston|sba|tsb|mean-28/);
  });

  it('an intermittent product gets a Croston-family method and its mean rate, not zeros', () => {
    let sum = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const r = rng(seed);
      const y = Array.from({ length: 365 }, () => (r() < 0.1 ? 3 : 0)); // rate 0.3 a day
      const f = forecastSeries('I', y, START, { horizon: 14 });
      expect(INTERMITTENT).toContain(f.method);
      expect(new Set(f.forecast).size).toBe(1); // a flat rate
      expect(f.forecast[0]).toBeGreaterThan(0);
      sum += f.forecast[0]!;
    }
    expect(sum / 40).toBeGreaterThan(0.22); // unbiased enough to stock for: not the zeros of the median
    expect(sum / 40).toBeLessThan(0.36);
  });

  it('intervals contain the point, are never negative, and widen for a noisier product', () => {
    const s = simulateDemand({ seed: 5, products: 60, days: 200 });
    for (const f of forecastAll(s, { horizon: 14, calendar: s.calendar })) {
      expect(f.forecast).toHaveLength(14);
      for (let i = 0; i < 14; i++) {
        expect(f.lower[i]).toBeGreaterThanOrEqual(0);
        expect(f.lower[i]).toBeLessThanOrEqual(f.forecast[i]!);
        expect(f.upper[i]).toBeGreaterThanOrEqual(f.forecast[i]!);
      }
    }
    const r = rng(9);
    const calm = Array.from({ length: 200 }, () => 20 + Math.round(r() * 2));
    const wild = Array.from({ length: 200 }, () => Math.round(r() * 40));
    const width = (y: number[]) => { const f = forecastSeries('x', y, START, { horizon: 7 }); return f.upper[0]! - f.lower[0]!; };
    expect(width(wild)).toBeGreaterThan(width(calm) * 2);
  });

  it('a SKU with one day, or none, gets a reasoned simple forecast instead of a crash', () => {
    const one = forecastSeries('ONE', [0, 0, 0, 4], START, { horizon: 5 });
    expect(one.method).toBe('short-history-mean (1 day)');
    expect(one.forecast).toEqual([4, 4, 4, 4, 4]);
    expect(one.upper[0]).toBeGreaterThanOrEqual(4);
    const none = forecastSeries('NONE', [0, 0], START, { horizon: 3 });
    expect(none).toMatchObject({ method: 'no-sales-yet', forecast: [0, 0, 0], lower: [0, 0, 0], upper: [0, 0, 0] });
    expect(forecastSeries('EMPTY', [], START, { horizon: 2 }).forecast).toEqual([0, 0]);
  });

  it('a promo in the calendar raises the forecast on its days, by the uplift learnt from past promos', () => {
    const n = 280;
    const promos: NonNullable<Calendar['promos']> = [];
    const isPromo = new Uint8Array(n + 14);
    for (let d = 20; d < n; d += 35) {
      promos.push({ sku: 'P', from: isoPlus(d), to: isoPlus(d + 4) });
      isPromo.fill(1, d, d + 5);
    }
    promos.push({ sku: 'P', from: isoPlus(n + 7), to: isoPlus(n + 9) }); // planned, in the horizon
    const r = rng(4);
    const y = Array.from({ length: n }, (_, t) => Math.round((10 + 4 * r()) * (isPromo[t] ? 2.5 : 1)));
    const withCal = forecastSeries('P', y, START, { horizon: 14, calendar: { promos } });
    const plain = forecastSeries('P', y, START, { horizon: 14 });
    expect(withCal.forecast[7]! / withCal.forecast[0]!).toBeGreaterThan(1.8);
    expect(withCal.forecast[9]! / withCal.forecast[2]!).toBeGreaterThan(1.8);
    expect(withCal.forecast[7]! / withCal.forecast[0]!).toBeLessThan(3.2);
    expect(plain.forecast[7]! / plain.forecast[0]!).toBeLessThan(1.3);
    // Deseasonalized history: past promos do not inflate the ordinary days.
    expect(withCal.forecast[0]).toBeLessThan(14);
    // Another product without promos is untouched by P's calendar.
    expect(forecastSeries('Q', y.map((v, t) => (isPromo[t] ? Math.round(v / 2.5) : v)), START, { horizon: 14, calendar: { promos } }).forecast[7]).toBeLessThan(15);
  });

  it('a bad calendar date is BAD_INPUT naming the entry', () => {
    expect(() => forecastSeries('x', [1, 2, 3], START, { horizon: 2, calendar: { holidays: ['2024-02-30'] } })).toThrow(/holidays\[0\] "2024-02-30" is not a date/);
  });
});

describe('backtest on the simulator', () => {
  it('the per-product choice beats the best baseline on held-out weeks, near the true-mean oracle', () => {
    const s = simulateDemand({ seed: 7, products: 120, days: 500, withMeans: true });
    const r = evaluate(s, 'sim', { horizon: 14, calendar: s.calendar, truth: s.means });
    expect(r.series).toBeGreaterThan(100);
    expect(r.rows.map((x) => x.method)).toEqual(expect.arrayContaining(['seasonal-naive', 'mean-28', 'weekday-mean-8w', 'holt-winters', 'weekday-profile', 'croston', 'sba', 'tsb', 'auto', 'oracle (true mean)']));
    expect(r.auto.meanMase).toBeLessThan(r.bestBaseline.meanMase);
    expect(r.auto.improvementPct).toBeGreaterThan(3);
    expect(r.autoP50.improvementPct).toBeGreaterThan(10);
    const oracle = r.rows.find((x) => x.kind === 'oracle')!.meanMase;
    expect(r.auto.meanMase).toBeLessThan(oracle * 1.05);
    // The calendar is worth having: without it, auto does worse.
    expect(r.auto.meanMase).toBeLessThan(r.rows.find((x) => x.method === 'auto (no calendar)')!.meanMase);
    expect(r.auto.coverage).toBeGreaterThan(0.7);
  });
});
