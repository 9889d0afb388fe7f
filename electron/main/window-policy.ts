// Runs: main (Electron). Lockdown for every window: no navigation away from the app, no new
// windows, no permission prompts, no downloads, no devtools in kiosk mode. Kept apart from
// index.ts so the rules are in one readable place.
import type { BrowserWindow, Session } from 'electron';
import { allowDevice } from './device-policy.ts';

export const APP_ORIGIN = 'app://storemind';

export function lockDownSession(session: Session): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
  // Barcode scanners that are not keyboards (HID POS, serial): our page may open those, nothing else.
  session.setDevicePermissionHandler((d) => allowDevice(d.origin, APP_ORIGIN, d.deviceType, d.device as { vendorId?: number }));
  session.on('select-hid-device', (event, details, callback) => {
    event.preventDefault();
    callback(details.deviceList.find((d) => allowDevice(APP_ORIGIN, APP_ORIGIN, 'hid', { vendorId: d.vendorId, usagePages: d.collections?.map((c) => c.usagePage) }))?.deviceId);
  });
  session.on('select-serial-port', (event, ports, _wc, callback) => {
    event.preventDefault();
    callback(ports.find((p) => allowDevice(APP_ORIGIN, APP_ORIGIN, 'serial', { vendorId: p.vendorId }))?.portId ?? '');
  });
  // Nothing remote: every request must be for the app's own protocol (or devtools in dev).
  session.webRequest.onBeforeRequest((details, callback) => {
    const ok = details.url.startsWith(`${APP_ORIGIN}/`) || details.url.startsWith('devtools://');
    callback({ cancel: !ok });
  });
}

export function lockDownWindow(win: BrowserWindow, kiosk: boolean): void {
  const wc = win.webContents;
  wc.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  wc.on('will-redirect', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  wc.setWindowOpenHandler(() => ({ action: 'deny' }));
  wc.on('will-attach-webview', (event) => event.preventDefault());
  if (kiosk) {
    wc.on('devtools-opened', () => wc.closeDevTools());
    wc.on('before-input-event', (event, input) => {
      // Block reload, devtools and zoom shortcuts a shopper could use to escape the kiosk.
      const key = input.key.toLowerCase();
      if ((input.control || input.meta) && ['r', 'i', 'j', 'u', 'p', 's', 'w', '+', '-', '0'].includes(key)) event.preventDefault();
      if (key === 'f5' || key === 'f11' || key === 'f12') event.preventDefault();
    });
  }
}
