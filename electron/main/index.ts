// Runs: main (Electron). Thin on purpose: picks the window mode, starts the core in a utility
// process, serves the renderer over app://, forwards the one IPC channel, and locks windows down.
// All domain logic lives in electron/core and is tested without Electron.
import path from 'node:path';
import { app, BrowserWindow, ipcMain, screen, session } from 'electron';
import { registerSchemesBeforeReady, serveRenderer } from './app-protocol.ts';
import { startCoreProcess } from './core-client.ts';
import { APP_ORIGIN, lockDownSession, lockDownWindow } from './window-policy.ts';
import { parseWindowMode } from './window-mode.ts';
import { databaseKeyFromKeychain } from './keychain.ts';

registerSchemesBeforeReady();
app.setName('StoreMind');
if (!app.requestSingleInstanceLock()) app.quit();

const mode = parseWindowMode(process.argv);

app.whenReady().then(() => {
  const dataDir = mode.dataDir ?? app.getPath('userData');
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    kiosk: mode.surface === 'kiosk' && !mode.windowed,
    fullscreen: mode.surface === 'kiosk' && !mode.windowed,
    autoHideMenuBar: true,
    backgroundColor: '#0b3d2e',
    webPreferences: {
      preload: path.join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webSecurity: true,
      devTools: mode.surface !== 'kiosk',
      spellcheck: false,
    },
  });
  // The customer display: the till's second screen (or --customer-display), fullscreen on it.
  const second = screen.getAllDisplays().find((d) => d.id !== screen.getPrimaryDisplay().id);
  const wantDisplay = mode.surface === 'pos' && (mode.customerDisplay ?? second !== undefined);
  const display = wantDisplay
    ? new BrowserWindow({
        ...(second ? { x: second.bounds.x, y: second.bounds.y, fullscreen: !mode.windowed } : { width: 1024, height: 600 }),
        autoHideMenuBar: true,
        backgroundColor: '#0b3d2e',
        webPreferences: { preload: path.join(import.meta.dirname, '../preload/index.cjs'), contextIsolation: true, nodeIntegration: false, sandbox: true, webSecurity: true, devTools: false, spellcheck: false },
      })
    : null;
  const windows = [win, ...(display ? [display] : [])];
  const dbKey = databaseKeyFromKeychain(dataDir);
  const core = startCoreProcess(path.join(import.meta.dirname, 'core-process.js'), dataDir, dbKey, (event, payload) => {
    for (const w of windows) if (!w.isDestroyed()) w.webContents.send('storemind:event', event, payload);
  });
  ipcMain.handle('storemind:invoke', (event, op: unknown, input: unknown, sessionToken: unknown) => {
    // Only our own page may call the core.
    if (!event.senderFrame?.url.startsWith(`${APP_ORIGIN}/`)) return { ok: false, error: { code: 'FORBIDDEN', message: 'Caller is not the StoreMind UI.' } };
    return core.invoke(op, input, sessionToken);
  });
  lockDownSession(session.defaultSession);
  serveRenderer(path.join(import.meta.dirname, '../renderer'));
  lockDownWindow(win, mode.surface === 'kiosk');
  void win.loadURL(`${APP_ORIGIN}/index.html#/${mode.surface}`);
  if (display) {
    lockDownWindow(display, true);
    void display.loadURL(`${APP_ORIGIN}/index.html#/display`);
  }
  app.on('before-quit', () => core.stop());
});

app.on('window-all-closed', () => app.quit());
