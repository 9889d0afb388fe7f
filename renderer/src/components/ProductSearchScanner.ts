// Runs: dom (renderer). Tells a barcode scanner from a person. A USB/Bluetooth scanner is a keyboard
// that types the code's digits a few milliseconds apart and presses Enter; people take 100 ms+ per
// key. So: a burst of digits with every gap under 50 ms, ended by Enter, is a scan.
import { useEffect, useRef } from 'react';

export const SCAN_MAX_GAP_MS = 50;
/** EAN-8 is the shortest code we accept; shorter bursts are more likely a fast typist. */
export const SCAN_MIN_DIGITS = 8;

export class ScanDetector {
  private digits = '';
  private last = 0;

  /** Feeds one key press (its KeyboardEvent.key and time); returns the code when Enter ends a scan. */
  key(key: string, at: number): string | null {
    const fast = at - this.last < SCAN_MAX_GAP_MS;
    if (/^[0-9]$/.test(key)) {
      this.digits = fast ? this.digits + key : key;
      this.last = at;
      return null;
    }
    const code = this.digits;
    this.digits = '';
    if (key === 'Enter' && fast && code.length >= SCAN_MIN_DIGITS) return code;
    return null;
  }
}

/**
 * Calls onScan(code) for every scan anywhere on the page while `enabled`. The Enter that ends a scan
 * is swallowed (it must not also submit whatever box had the focus); the digits still land in a
 * focused box, so the caller may want to take them back out.
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
      if (e.ctrlKey || e.metaKey || e.altKey || e.repeat) return;
      const code = detector.key(e.key, e.timeStamp);
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
