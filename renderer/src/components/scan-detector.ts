// Runs: anywhere (the renderer's scan detection, also measured by bench/scanner.ts). Tells a barcode
// scanner from a person. A USB/Bluetooth scanner is a keyboard that types the code's characters
// ~30 ms apart (digits, or a GS1 element string with parentheses and letters) and presses Enter or Tab; people average 100 ms+ per key even at 120 wpm, with only
// the odd fast digraph near 40–60 ms. So a scan is: at least 8 printable characters, no gap over
// SCAN_MAX_GAP_MS (a longer one starts over), a mean gap under SCAN_MEAN_GAP_MS, then Enter or Tab
// within the max gap. Both limits are measured against test/fixtures/scanner-timing.ts
// (`npm run bench -- --only scanner` reports detection and false positives).

/** A longer pause between two keys is a person (or the start of a new burst). Bluetooth scanners stall up to ~70 ms between packets. */
export const SCAN_MAX_GAP_MS = 90;
/** Scanners average ~30 ms a key; a 120 wpm typist ~100 ms. */
export const SCAN_MEAN_GAP_MS = 50;
/** EAN-8 is the shortest code we accept; shorter bursts are more likely a fast typist. */
export const SCAN_MIN_DIGITS = 8;
/** The group separator (FNC1) of a raw GS1 element string; wedge scanners type it as Ctrl+]. */
export const GS = '\x1d';

/** Keys a scanner presses around the characters (Shift before a capital or a parenthesis). */
const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'NumLock']);

export class ScanDetector {
  private chars = '';
  private first = 0;
  private last = Number.NEGATIVE_INFINITY;
  private maxGap = 0;

  /** Feeds one key press (its KeyboardEvent.key and time); returns the code when Enter or Tab ends a scan. */
  key(key: string, at: number): string | null {
    if (MODIFIERS.has(key)) return null;
    const gap = at - this.last;
    if (key.length === 1 && (isPrintable(key) || key === GS)) {
      if (gap > SCAN_MAX_GAP_MS || this.chars.length === 0) {
        this.chars = key;
        this.first = at;
        this.maxGap = 0;
      } else {
        this.chars += key;
        this.maxGap = Math.max(this.maxGap, gap);
      }
      this.last = at;
      return null;
    }
    const code = this.chars;
    const meanGap = (at - this.first) / code.length; // the gaps between the characters and the terminator
    const maxGap = Math.max(this.maxGap, gap);
    this.chars = '';
    this.last = Number.NEGATIVE_INFINITY;
    if ((key === 'Enter' || key === 'Tab') && code.length >= SCAN_MIN_DIGITS && maxGap <= SCAN_MAX_GAP_MS && meanGap <= SCAN_MEAN_GAP_MS) return code;
    return null;
  }
}

function isPrintable(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c >= 0x20 && c <= 0x7e;
}
