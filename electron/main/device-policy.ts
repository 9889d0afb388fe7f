// Runs: main (Electron) and node (tests). Which USB devices the till's page may open through
// WebHID and Web Serial: barcode scanners (HID usage page 0x8C, "Bar Code Scanner", or a serial
// port of a scanner maker), and nothing else — a page that can open any HID device can read a
// keyboard. Pure, so the rule is tested without Electron.
export interface DeviceInfo {
  vendorId?: number | string | null;
  productId?: number | string | null;
  /** HID collections' usage pages, when the device reports them. */
  usagePages?: readonly number[];
}

/** USB vendor ids of scanner makers whose devices show up as serial ports (CDC) or HID POS. */
export const SCANNER_VENDORS: Readonly<Record<number, string>> = {
  0x0c2e: 'Honeywell (Metrologic)',
  0x05e0: 'Zebra (Symbol)',
  0x05f9: 'Datalogic',
  0x1eab: 'Newland',
  0x0536: 'Hand Held Products',
  0x1a86: 'Scanner serial bridge (CH340)',
};

const HID_BARCODE_SCANNER_PAGE = 0x8c;

function vendor(d: DeviceInfo): number | null {
  if (d.vendorId === null || d.vendorId === undefined) return null;
  const n = typeof d.vendorId === 'number' ? d.vendorId : Number.parseInt(String(d.vendorId), 16);
  return Number.isFinite(n) ? n : null;
}

export function isScanner(kind: 'hid' | 'serial', d: DeviceInfo): boolean {
  if (kind === 'hid' && d.usagePages?.includes(HID_BARCODE_SCANNER_PAGE)) return true;
  const v = vendor(d);
  return v !== null && v in SCANNER_VENDORS;
}

/** Allowed only for our own page and only for scanners. */
export function allowDevice(origin: string, appOrigin: string, kind: string, d: DeviceInfo): boolean {
  if (origin !== appOrigin && !origin.startsWith(`${appOrigin}/`)) return false;
  if (kind !== 'hid' && kind !== 'serial') return false;
  return isScanner(kind, d);
}
