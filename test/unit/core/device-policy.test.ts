import { describe, expect, it } from 'vitest';
import { allowDevice, isScanner } from '../../../electron/main/device-policy.ts';

const APP = 'app://storemind';

describe('till device policy', () => {
  it('lets our page open a HID barcode scanner (usage page 0x8C) and a scanner maker’s serial port', () => {
    expect(allowDevice(APP, APP, 'hid', { vendorId: 0x1234, usagePages: [0x8c] })).toBe(true);
    expect(allowDevice(`${APP}/index.html`, APP, 'serial', { vendorId: '0c2e' })).toBe(true);
  });
  it('refuses keyboards and unknown devices, other kinds and other origins', () => {
    expect(isScanner('hid', { vendorId: 0x046d, usagePages: [0x01] })).toBe(false); // a Logitech keyboard
    expect(allowDevice(APP, APP, 'usb', { vendorId: 0x0c2e })).toBe(false);
    expect(allowDevice('https://evil.example', APP, 'hid', { vendorId: 0x1234, usagePages: [0x8c] })).toBe(false);
    expect(allowDevice(APP, APP, 'serial', { vendorId: null })).toBe(false);
  });
});
