// Runs: node (tests). The keyboard-wedge scan detector against recorded-style timings: every
// scanner burst (30 ms a key, jitter, Bluetooth stalls, Enter or Tab) is a scan with exactly its
// characters; no typist at 80 or 120 wpm ever is, whatever they type.
import { describe, expect, it } from 'vitest';
import { SCAN_MAX_GAP_MS, SCAN_MEAN_GAP_MS, SCAN_MIN_DIGITS, ScanDetector } from '../../../renderer/src/components/scan-detector.ts';
import { SCANNED_CODES, SCANNER_FIXTURES, TYPED_TEXTS, TYPIST_FIXTURES, gapStats, scannerBurst, typistKeys, type KeyEvent } from '../../fixtures/scanner-timing.ts';

/** Every code the detector returned while fed `keys`, in order. */
function feed(keys: readonly KeyEvent[], detector = new ScanDetector()): string[] {
  const out: string[] = [];
  for (const k of keys) {
    const code = detector.key(k.key, k.at);
    if (code !== null) out.push(code);
  }
  return out;
}

describe('scan detector', () => {
  it('the fixtures are what they claim: scanners ~30 ms a key, typists 63 ms+ on average', () => {
    expect(SCANNER_FIXTURES).toHaveLength(96);
    expect(TYPIST_FIXTURES).toHaveLength(60);
    for (const f of SCANNER_FIXTURES) {
      const s = gapStats(f.keys);
      expect(s.mean, f.name).toBeGreaterThan(22);
      expect(s.mean, f.name).toBeLessThan(38);
    }
    for (const f of TYPIST_FIXTURES) {
      const s = gapStats(f.keys);
      const wpm = Number(f.name.split(' ')[0]);
      expect(s.mean, f.name).toBeGreaterThan(wpm === 80 ? 90 : 60);
      expect(s.min, f.name).toBeGreaterThanOrEqual(wpm === 80 ? 60 : 40); // fast digraphs are in there
    }
    // Both rules have room on either side of the fixtures.
    expect(Math.max(...SCANNER_FIXTURES.map((f) => gapStats(f.keys).mean))).toBeLessThan(SCAN_MEAN_GAP_MS);
    expect(Math.min(...TYPIST_FIXTURES.map((f) => gapStats(f.keys).mean))).toBeGreaterThan(SCAN_MEAN_GAP_MS);
    expect(Math.max(...SCANNER_FIXTURES.map((f) => gapStats(f.keys).max))).toBeLessThan(SCAN_MAX_GAP_MS);
  });

  it('detects every scanner fixture, with exactly the characters scanned', () => {
    for (const f of SCANNER_FIXTURES) expect(feed(f.keys), f.name).toEqual([f.expected]);
  });

  it('never detects a typist fixture', () => {
    for (const f of TYPIST_FIXTURES) expect(feed(f.keys), f.name).toEqual([]);
  });

  it('holds over thousands of generated sessions too', () => {
    let missed = 0;
    let falsePositives = 0;
    for (let s = 0; s < 2000; s++) {
      const c = SCANNED_CODES[s % SCANNED_CODES.length]!;
      if (feed(scannerBurst(c.text, 90_000 + s, { stall: s % 4 === 0, terminator: s % 3 === 0 ? 'Tab' : 'Enter' }))[0] !== c.text) missed++;
      for (const wpm of [80, 120]) if (feed(typistKeys(TYPED_TEXTS[s % TYPED_TEXTS.length]!, 190_000 + s * 2 + wpm, { wpm })).length) falsePositives++;
    }
    expect({ missed, falsePositives }).toEqual({ missed: 0, falsePositives: 0 });
  });

  it('one detector through a shift: typing, then a scan, then more typing, finds the scan only', () => {
    const d = new ScanDetector();
    const typed = typistKeys('oat milk', 7, { wpm: 120, start: 1000 });
    const scan = scannerBurst('(01)09501101530003(17)261231(10)AB12', 8, { start: 5000 });
    const typedAgain = typistKeys('4006381333931', 9, { wpm: 80, start: 9000 });
    expect(feed([...typed, ...scan, ...typedAgain], d)).toEqual(['(01)09501101530003(17)261231(10)AB12']);
  });

  it('needs 8 characters, a terminator within the gap, and no pause; other keys start over', () => {
    const burst = (text: string, gap = 30, t0 = 100) => [...text].map((key, i) => ({ key, at: t0 + i * gap }));
    expect(SCAN_MIN_DIGITS).toBe(8);
    expect(feed([...burst('1234567'), { key: 'Enter', at: 100 + 7 * 30 }])).toEqual([]);
    expect(feed([...burst('12345678'), { key: 'Enter', at: 100 + 8 * 30 }])).toEqual(['12345678']);
    expect(feed([...burst('12345678'), { key: 'Enter', at: 100 + 7 * 30 + SCAN_MAX_GAP_MS + 5 }])).toEqual([]); // Enter pressed by hand later
    expect(feed([...burst('12345678'), { key: 'Escape', at: 100 + 8 * 30 }])).toEqual([]);
    // A pause in the middle: only the part after it counts, and it is too short.
    const paused = [...burst('1234'), ...burst('5678', 30, 100 + 3 * 30 + 200), { key: 'Enter', at: 100 + 3 * 30 + 200 + 4 * 30 }];
    expect(feed(paused)).toEqual([]);
    // Backspace in the middle starts over.
    expect(feed([...burst('1234'), { key: 'Backspace', at: 220 }, ...burst('5678', 30, 250), { key: 'Enter', at: 370 }])).toEqual([]);
    // Shift and Control between characters are ignored; GS is kept.
    expect(feed([{ key: 'Shift', at: 98 }, ...burst('(01)0950'), { key: 'Control', at: 338 }, { key: '\x1d', at: 340 }, { key: 'Tab', at: 370 }])).toEqual(['(01)0950\x1d']);
    // Mean over the limit though every gap is under the max: a quick person, not a scanner.
    expect(feed([...burst('12345678', 70), { key: 'Enter', at: 100 + 8 * 70 }])).toEqual([]);
  });
});
