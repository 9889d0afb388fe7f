// Runs: node (core). Where a terminal keeps its data when no --data-dir is given: the same folder
// Electron uses as userData for the app name "StoreMind", so the CLI and the app share one store.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'StoreMind';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.STOREMIND_DATA_DIR) return path.resolve(env.STOREMIND_DATA_DIR);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME);
}

export function databasePath(dataDir: string): string {
  return path.join(dataDir, 'storemind.db');
}

/**
 * The repository (or packaged app) root: resources/ and native-models/ hang off it. In a packaged
 * app the code runs from app.asar, while the data folders are unpacked beside it (native code such
 * as onnxruntime cannot read inside an asar archive), so the unpacked copy is preferred.
 */
export function appRoot(): string {
  const root = path.resolve(import.meta.dirname, '..', '..');
  const unpacked = `${root}.unpacked`;
  return root.endsWith('app.asar') && fs.existsSync(path.join(unpacked, 'native-models')) ? unpacked : root;
}
