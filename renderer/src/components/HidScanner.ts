// Runs: dom (renderer). Scanners in HID-POS mode (USB HID usage page 0x8C, "Bar Code Scanner"), which
// do not type like a keyboard: each scan arrives as an input report. Electron's main process grants
// our page such devices only (electron/main/device-policy.ts). The report is read the way the HID
// POS usage tables lay it out (and Honeywell, Zebra and Datalogic scanners send it): byte 0 the
// length of the code, bytes 1–3 its AIM symbology identifier, then the code. Parsing is pure (tested
// in Node); the hook opens every granted scanner and listens while mounted.
import { useEffect, useRef } from 'react';

/** The code in one HID-POS scanned-data report, or null for an empty or malformed one. */
export function hidPosCode(report: Uint8Array): string | null {
  if (report.length < 5) return null;
  const len = report[0]!;
  if (len === 0 || 4 + len > report.length) return null;
  const bytes = report.subarray(4, 4 + len);
  let out = '';
  for (const b of bytes) {
    if (b === 0x1d || (b >= 0x20 && b <= 0x7e)) out += String.fromCharCode(b);
    else if (b === 0x0d || b === 0x0a || b === 0) break;
    else return null; // not printable ASCII: not a code we ring up
  }
  return out.length >= 4 ? out : null;
}

interface HidDeviceLike {
  opened: boolean;
  collections?: Array<{ usagePage: number }>;
  open(): Promise<void>;
  close(): Promise<void>;
  addEventListener(type: 'inputreport', l: (e: { data: DataView }) => void): void;
  removeEventListener(type: 'inputreport', l: (e: { data: DataView }) => void): void;
}
interface HidLike {
  getDevices(): Promise<HidDeviceLike[]>;
}

const BARCODE_SCANNER_PAGE = 0x8c;

/** Calls onScan(code) for every scan from every granted HID-POS scanner while mounted. */
export function useHidScanners(onScan: (code: string) => void, enabled = true): void {
  const onScanRef = useRef(onScan);
  useEffect(() => {
    onScanRef.current = onScan;
  }, [onScan]);
  useEffect(() => {
    const hid = (navigator as unknown as { hid?: HidLike }).hid;
    if (!enabled || !hid) return;
    let live = true;
    const listening: Array<[HidDeviceLike, (e: { data: DataView }) => void]> = [];
    void hid.getDevices().then(async (devices) => {
      for (const d of devices.filter((x) => x.collections?.some((c) => c.usagePage === BARCODE_SCANNER_PAGE))) {
        try {
          if (!d.opened) await d.open();
        } catch {
          continue; // in use elsewhere, or unplugged
        }
        if (!live) break;
        const l = (e: { data: DataView }) => {
          const code = hidPosCode(new Uint8Array(e.data.buffer, e.data.byteOffset, e.data.byteLength));
          if (code) onScanRef.current(code);
        };
        d.addEventListener('inputreport', l);
        listening.push([d, l]);
      }
    });
    return () => {
      live = false;
      for (const [d, l] of listening) {
        d.removeEventListener('inputreport', l);
        void d.close().catch(() => undefined);
      }
    };
  }, [enabled]);
}
