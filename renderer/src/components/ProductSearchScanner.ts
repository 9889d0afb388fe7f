// Runs: dom (renderer). Listens for barcode scans anywhere on the page with ScanDetector
// (scan-detector.ts: how a scanner is told from a person) and hands each code to the screen.
import { useEffect, useRef } from 'react';
import { GS, ScanDetector } from './scan-detector.ts';

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
