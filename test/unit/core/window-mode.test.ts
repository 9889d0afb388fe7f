import { describe, expect, it } from 'vitest';
import { parseWindowMode } from '../../../electron/main/window-mode.ts';
import { defaultDataDir } from '../../../electron/core/paths.ts';

describe('Electron window mode (pure part of main)', () => {
  it('defaults to a fullscreen kiosk', () => {
    expect(parseWindowMode(['electron', '.'])).toEqual({ surface: 'kiosk', windowed: false, dataDir: null, customerDisplay: null });
  });
  it('takes --surface and --data-dir in both spellings', () => {
    expect(parseWindowMode(['--surface=pos', '--windowed', '--data-dir', '/d'])).toEqual({ surface: 'pos', windowed: true, dataDir: '/d', customerDisplay: null });
    expect(parseWindowMode(['--surface', 'admin']).surface).toBe('admin');
    expect(parseWindowMode(['--surface', 'hacker']).surface).toBe('kiosk');
  });
  it('opens the customer display on request, or keeps it shut with =false', () => {
    expect(parseWindowMode(['--surface=pos', '--customer-display']).customerDisplay).toBe(true);
    expect(parseWindowMode(['--surface=pos', '--customer-display=false']).customerDisplay).toBe(false);
  });
  it('uses the same data folder as Electron userData', () => {
    expect(defaultDataDir({ HOME: '/home/a', XDG_CONFIG_HOME: '/x' }, 'linux')).toBe('/x/StoreMind');
    expect(defaultDataDir({ STOREMIND_DATA_DIR: '/data' }, 'linux')).toBe('/data');
  });
});
