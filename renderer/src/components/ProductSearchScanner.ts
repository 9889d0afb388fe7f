// Runs: dom (renderer). Tells a barcode scanner from a person. A USB/Bluetooth scanner is a keyboard
// that types the code's characters ~30 ms apart (digits, or a GS1 element string with parentheses
// and letters) and presses Enter or Tab; people average 100 ms+ per key even at 120 wpm, with only
// the odd fast digraph near 40–60 ms. So a scan is: at least 8 printable characters, no gap over
// SCAN_MAX_GAP_MS (a longer one starts over), a mean gap under SCAN_MEAN_GAP_MS, then Enter or Tab
// within the max gap. Both limits are measured against test/fixtures/scanner-timing.ts
// (`npm run bench -- --only scanner` reports detection and false positives).
import { useEffect, useRef } from 'react';

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

/**
 * Calls onScan(code) for every scan anywhere on the page while `enabled`. The Enter or Tab that
 * ends a scan is swallowed (it must not also submit whatever box had the focus, or move the
 * focus); the characters still land in a focused box, so the caller may want to take them back out.
 */
export function useBarcodeScanner(onScan: (code: string) => void, enabled = true): void {
  const onScanRef = useRef(onScan);
  useEffect(() => {
    onScanRef.current = onScan;
  }, [onScan]);

  useEffect(() => {
    if (!enabled) return;
    const detector = new ScanDetector();
    const onKey = (e: KeyboardEvent) => {
      if (e.repeat) return;
      // Ctrl+] is how a keyboard-wedge scanner types GS (FNC1) between GS1 fields.
      const gs = e.ctrlKey && !e.altKey && !e.metaKey && (e.key === ']' || e.code === 'BracketRight');
      if (!gs && (e.ctrlKey || e.metaKey || e.altKey)) return;
      const code = detector.key(gs ? GS : e.key, e.timeStamp);
      if (gs) e.preventDefault();
      if (code === null) return;
      e.preventDefault();
      e.stopPropagation();
      onScanRef.current(code);
    };
    // Capture on window: we see the keys before any focused box or React handler does.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [enabled]);
}

/**
 * A scan that arrived while a text box had the focus typed its characters into that box too: take
 * them back out (through the native setter and an input event, so React's state follows).
 */
export function takeBackScannedText(code: string): void {
  const el = document.activeElement;
  if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) || !code || !el.value.endsWith(code)) return;
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el) as object, 'value')?.set;
  setter?.call(el, el.value.slice(0, -code.length));
  el.dispatchEvent(new Event('input', { bubbles: true }));
}
