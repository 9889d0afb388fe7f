// Runs: dom (renderer). Scanners that are not keyboards: a serial (USB CDC / RS-232) scanner sends
// the code and a CR or LF; Electron's main process grants our page scanner ports only
// (electron/main/device-policy.ts), so the till can read them through Web Serial. The framing is a
// pure function (tested in Node); the hook opens every granted port and reads until unmounted.
import { useEffect, useRef } from 'react';

const GS = String.fromCharCode(0x1d);

/** Splits the bytes a serial scanner sends into codes (CR, LF or CRLF ends one); returns the unfinished rest. */
export function serialCodes(buffered: string, chunk: string): { codes: string[]; rest: string } {
  const parts = (buffered + chunk).split(/\r\n|\r|\n/);
  const rest = parts.pop() ?? '';
  // A code is printable ASCII and GS (FNC1 in GS1 element strings); anything else is line noise.
  const codes = parts.map((p) => p.trim()).filter((p) => p.length >= 4 && [...p].every((ch) => ch === GS || (ch >= ' ' && ch <= '~')));
  return { codes, rest: rest.length > 512 ? '' : rest };
}

interface SerialPortLike {
  open(o: { baudRate: number }): Promise<void>;
  close(): Promise<void>;
  readable: ReadableStream<Uint8Array> | null;
}
interface SerialLike {
  getPorts(): Promise<SerialPortLike[]>;
  requestPort(): Promise<SerialPortLike>;
}

function serial(): SerialLike | null {
  return (navigator as unknown as { serial?: SerialLike }).serial ?? null;
}

/** True where the page can reach serial scanners (Electron; Chromium with Web Serial). */
export function serialScannersAvailable(): boolean {
  return serial() !== null;
}

/** Asks for one more scanner port (needs a click: a browser only opens the chooser on a user gesture). */
export async function addSerialScanner(): Promise<void> {
  await serial()?.requestPort();
}

/** Calls onScan(code) for every code from every granted serial scanner while mounted. */
export function useSerialScanners(onScan: (code: string) => void, enabled = true, generation = 0): void {
  const onScanRef = useRef(onScan);
  useEffect(() => {
    onScanRef.current = onScan;
  }, [onScan]);
  useEffect(() => {
    const s = serial();
    if (!enabled || !s) return;
    let live = true;
    const opened: SerialPortLike[] = [];
    const readers: Array<ReadableStreamDefaultReader<Uint8Array>> = [];
    void s.getPorts().then(async (ports) => {
      for (const port of ports) {
        try {
          await port.open({ baudRate: 9600 });
        } catch {
          continue; // already open elsewhere, or unplugged
        }
        if (!live || !port.readable) break;
        opened.push(port);
        const reader = port.readable.getReader();
        readers.push(reader);
        void (async () => {
          const text = new TextDecoder();
          let rest = '';
          for (;;) {
            const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
            if (done || !live) break;
            const r = serialCodes(rest, text.decode(value, { stream: true }));
            rest = r.rest;
            for (const code of r.codes) onScanRef.current(code);
          }
        })();
      }
    });
    return () => {
      live = false;
      for (const r of readers) void r.cancel().catch(() => undefined);
      for (const p of opened) void p.close().catch(() => undefined);
    };
  }, [enabled, generation]);
}
