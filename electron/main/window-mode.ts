// Runs: main (Electron) and node (tests). The window mode from the command line:
// --surface=kiosk|pos|admin (default kiosk), --windowed (no fullscreen, for staff testing),
// --data-dir=DIR, --customer-display[=false]. Pure so it is testable without Electron.
export interface WindowMode {
  surface: 'kiosk' | 'pos' | 'admin';
  windowed: boolean;
  dataDir: string | null;
  /** A second window at #/display for the shopper: on for a till with a second screen, or --customer-display. */
  customerDisplay: boolean | null;
}

export function parseWindowMode(argv: readonly string[]): WindowMode {
  const mode: WindowMode = { surface: 'kiosk', windowed: false, dataDir: null, customerDisplay: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    if (flag === '--surface') {
      const v = inline ?? argv[++i];
      if (v === 'kiosk' || v === 'pos' || v === 'admin') mode.surface = v;
    } else if (flag === '--windowed') mode.windowed = true;
    else if (flag === '--data-dir') mode.dataDir = inline ?? argv[++i] ?? null;
    else if (flag === '--customer-display') mode.customerDisplay = inline !== 'false';
  }
  return mode;
}
