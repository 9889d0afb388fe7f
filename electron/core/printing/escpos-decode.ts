// Runs: node (core). Reads ESC/POS bytes back into what the paper would show: the lines of text
// with their alignment and style, the raster images, QR and barcode data, cuts, drawer pulses and
// status requests. It is the other half of the hardware test harness (loopback-printer.ts): tests
// and the receipt preview check what encode.ts really sends, not what the document said.
// It covers the subset a thermal receipt printer needs (and our encoder emits), and steps over
// any other command by its length, so unknown input never loops or throws.
import zlib from 'node:zlib';
import CodepageEncoder, { type Codepage } from '@point-of-sale/codepage-encoder';

export type DecodedAlign = 'left' | 'center' | 'right';

export interface DecodedSegment {
  text: string;
  bold: boolean;
  underline: boolean;
  /** Character width and height multipliers (GS ! / ESC !). */
  width: number;
  height: number;
}

export interface DecodedLine {
  /** The characters as printed, the spaces the encoder pads with included. */
  text: string;
  /**
   * Where the text sits: the printer's own alignment (ESC a) when it is not left, otherwise read
   * from the padding (our encoder centres and right-aligns with spaces, under ESC a 0).
   */
  align: DecodedAlign;
  /** The alignment the printer was told (ESC a). */
  printerAlign: DecodedAlign;
  /** The style of the first printed (non-space) character. */
  bold: boolean;
  underline: boolean;
  /** The largest width or height multiplier on the line (GS !), 1 for normal text. */
  size: number;
  /** Width in columns of font A (a double-width character takes two). */
  columns: number;
  /** Runs of text in one style, in order (a centred double-size line is padded at size 1). */
  segments: DecodedSegment[];
}

export interface DecodedImage {
  width: number;
  height: number;
  /** Row-major, 8 dots a byte, most significant bit first, 1 = black (as the printer takes it). */
  bits: Uint8Array;
  align: DecodedAlign;
}

export interface DecodedPulse {
  /** 0: drawer connector pin 2, 1: pin 5 (the m of ESC p / DLE DC4). */
  pin: number;
  onMs: number;
  offMs: number;
}

export interface DecodedCut {
  partial: boolean;
  /** Dots fed before the cut (GS V 65/66 n); 0 for a plain cut. */
  feed: number;
}

/** What came off the printer, in paper order (the arrays of DecodedJob list the same things by kind). */
export type DecodedItem =
  | { kind: 'line'; line: DecodedLine }
  | { kind: 'image'; image: DecodedImage }
  | { kind: 'qr'; data: string; align: DecodedAlign }
  | { kind: 'barcode'; data: string; align: DecodedAlign }
  | { kind: 'cut'; cut: DecodedCut }
  | { kind: 'pulse'; pulse: DecodedPulse };

export interface DecodedJob {
  lines: DecodedLine[];
  images: DecodedImage[];
  qr: string[];
  barcodes: string[];
  cuts: number;
  cutKinds: DecodedCut[];
  pulses: DecodedPulse[];
  statusRequests: number;
  /** Byte offsets of commands this decoder does not know (stepped over). */
  unknown: number[];
  /** Everything above, in the order it was printed. */
  flow: DecodedItem[];
  /** The code pages text was decoded with (ESC t), in order of first use. */
  codepages: string[];
}

/** ESC t n on Epson printers (the 'epson' mapping of receipt-printer-encoder, which our encoder uses). */
const EPSON_CODEPAGES: Record<number, string> = {
  0: 'cp437', 1: 'epson/katakana', 2: 'cp850', 3: 'cp860', 4: 'cp863', 5: 'cp865', 11: 'cp851', 12: 'cp853', 13: 'cp857', 14: 'cp737', 15: 'iso8859-7',
  16: 'windows1252', 17: 'cp866', 18: 'cp852', 19: 'cp858', 20: 'thai42', 21: 'thai11', 26: 'thai13', 30: 'tcvn3', 31: 'tcvn3capitals',
  32: 'cp720', 33: 'cp775', 34: 'cp855', 35: 'cp861', 36: 'cp862', 37: 'cp864', 38: 'cp869', 39: 'epson/iso8859-2', 40: 'iso8859-15', 41: 'cp1098',
  42: 'cp774', 43: 'cp772', 44: 'cp1125', 45: 'windows1250', 46: 'windows1251', 47: 'windows1253', 48: 'windows1254', 49: 'windows1255',
  50: 'windows1256', 51: 'windows1257', 52: 'windows1258', 53: 'rk1048',
};

const tables = new Map<string, string[]>();

/** The 256 characters of a code page; '\ufffd' where the page has none. */
function codepageTable(name: string): string[] {
  let t = tables.get(name);
  if (!t) {
    const points = CodepageEncoder.supports(name) ? CodepageEncoder.getEncoding(name as Codepage).codepoints : [];
    t = Array.from({ length: 256 }, (_, i) => {
      const cp = points[i];
      return typeof cp === 'number' ? String.fromCodePoint(cp) : i < 0x80 ? String.fromCharCode(i) : '\ufffd';
    });
    tables.set(name, t);
  }
  return t;
}

const ESC = 0x1b;
const GS = 0x1d;
const DLE = 0x10;
const FS = 0x1c;

/** ESC x and GS x commands of a fixed length: the number of parameter bytes after the two command bytes. */
const ESC_FIXED: Record<number, number> = {
  0x40: 0, 0x74: 1, 0x61: 1, 0x45: 1, 0x47: 1, 0x2d: 1, 0x21: 1, 0x4d: 1, 0x64: 1, 0x4a: 1, 0x65: 1, 0x70: 3,
  0x32: 0, 0x33: 1, 0x20: 1, 0x24: 2, 0x5c: 2, 0x52: 1, 0x56: 1, 0x7b: 1, 0x34: 1, 0x3d: 1, 0x69: 0, 0x6d: 0,
  0x4c: 0, 0x53: 0, 0x54: 1, 0x57: 8, 0x0c: 0, 0x25: 1, 0x3f: 1, 0x72: 1, 0x55: 1, 0x75: 1, 0x76: 0, 0x3c: 0,
};
const GS_FIXED: Record<number, number> = {
  0x21: 1, 0x42: 1, 0x68: 1, 0x77: 1, 0x48: 1, 0x66: 1, 0x4c: 2, 0x57: 2, 0x50: 2, 0x61: 1, 0x72: 1, 0x49: 1,
  0x62: 1, 0x2f: 1, 0x45: 1, 0x54: 1, 0x5e: 3, 0x3a: 0, 0x24: 2, 0x5c: 2, 0x6a: 1, 0x5a: 1, 0x63: 0, 0x3c: 0,
};
const FS_FIXED: Record<number, number> = { 0x2e: 0, 0x26: 0, 0x21: 1, 0x2d: 1, 0x43: 1, 0x53: 2, 0x57: 1, 0x70: 2, 0x3f: 2 };

export interface CommandSpan {
  /** Index just past the command (or the run of text) at `start`. */
  end: number;
  known: boolean;
}

/**
 * The extent of the command (or the single text byte) at `i`, or null when the bytes end before it
 * does: the loopback printer reads a connection as it arrives and waits for the rest. Every answer
 * moves forward by at least one byte.
 */
export function commandSpan(b: Uint8Array, i: number): CommandSpan | null {
  const n = b.length;
  const at = (k: number) => (i + k < n ? b[i + k]! : -1);
  const need = (len: number, known = true): CommandSpan | null => (i + len <= n ? { end: i + len, known } : null);
  const c = b[i]!;
  if (c === ESC) {
    const x = at(1);
    if (x < 0) return null;
    if (x in ESC_FIXED) return need(2 + ESC_FIXED[x]!);
    if (x === 0x63) return need(4); // ESC c 3/4/5 n
    if (x === 0x2a) {
      // ESC * m nL nH d1..dk: column bit image
      if (i + 5 > n) return null;
      const m = at(2);
      const cols = at(3) + at(4) * 256;
      return need(5 + cols * (m === 32 || m === 33 ? 3 : 1));
    }
    if (x === 0x44) {
      // ESC D n1..nk NUL: tab stops
      for (let k = i + 2; k < Math.min(n, i + 2 + 33); k++) if (b[k] === 0) return { end: k + 1, known: true };
      return i + 2 + 33 <= n ? { end: i + 2, known: false } : null;
    }
    if (x === 0x26) {
      // ESC & y c1 c2 [x1 d1..d(y*x1)]...: user-defined characters
      if (i + 5 > n) return null;
      const y = at(2);
      let k = i + 5;
      for (let ch = at(3); ch <= at(4); ch++) {
        if (k >= n) return null;
        k += 1 + y * b[k]!;
      }
      return k <= n ? { end: k, known: true } : null;
    }
    return { end: i + 2, known: false };
  }
  if (c === GS) {
    const x = at(1);
    if (x < 0) return null;
    if (x in GS_FIXED) return need(2 + GS_FIXED[x]!);
    if (x === 0x56) {
      // GS V m [n]
      const m = at(2);
      if (m < 0) return null;
      return need(m === 0x41 || m === 0x42 || m === 0x61 || m === 0x62 || m === 0x67 || m === 0x68 ? 4 : 3);
    }
    if (x === 0x76) {
      // GS v 0 m xL xH yL yH d1..dk: raster bit image
      if (i + 8 > n) return null;
      if (at(2) !== 0x30) return { end: i + 3, known: false };
      return need(8 + (at(4) + at(5) * 256) * (at(6) + at(7) * 256));
    }
    if (x === 0x28) {
      // GS ( fn pL pH d1..dk (QR, PDF417, graphics, real-time setup...)
      if (i + 5 > n) return null;
      return need(5 + at(3) + at(4) * 256);
    }
    if (x === 0x38) {
      // GS 8 L p1 p2 p3 p4 d1..dk: graphics with a 32-bit length
      if (i + 7 > n) return null;
      if (at(2) !== 0x4c) return { end: i + 3, known: false };
      return need(7 + at(3) + at(4) * 0x100 + at(5) * 0x10000 + at(6) * 0x1000000);
    }
    if (x === 0x6b) {
      // GS k m: function A ends with NUL, function B has a length byte
      const m = at(2);
      if (m < 0) return null;
      if (m <= 6) {
        for (let k = i + 3; k < n; k++) if (b[k] === 0) return { end: k + 1, known: true };
        return null;
      }
      if (i + 4 > n) return null;
      return need(4 + at(3));
    }
    if (x === 0x2a) {
      // GS * x y d1..d(x*y*8): downloaded bit image
      if (i + 4 > n) return null;
      return need(4 + at(2) * at(3) * 8);
    }
    if (x === 0x67) return need(5); // GS g 0/2 m nL nH
    if (x === 0x51) {
      // GS Q 0 m xL xH yL yH d: variable vertical size bit image
      if (i + 8 > n) return null;
      return need(8 + (at(4) + at(5) * 256) * (at(6) + at(7) * 256), false);
    }
    return { end: i + 2, known: false };
  }
  if (c === DLE) {
    const x = at(1);
    if (x < 0) return null;
    if (x === 0x04) {
      // DLE EOT n [a]
      const m = at(2);
      if (m < 0) return null;
      return need(m === 7 || m === 8 ? 4 : 3);
    }
    if (x === 0x05) return need(3); // DLE ENQ n
    if (x === 0x14) {
      // DLE DC4 fn ...
      const fn = at(2);
      if (fn < 0) return null;
      return need(fn === 1 || fn === 2 ? 5 : fn === 7 ? 4 : fn === 8 ? 10 : 3);
    }
    return { end: i + 1, known: false };
  }
  if (c === FS) {
    const x = at(1);
    if (x < 0) return null;
    if (x in FS_FIXED) return need(2 + FS_FIXED[x]!);
    if (x === 0x28) {
      if (i + 5 > n) return null;
      return need(5 + at(3) + at(4) * 256);
    }
    if (x === 0x32) return need(4 + 72); // FS 2 c1 c2 d1..d72: user-defined kanji
    if (x === 0x71) {
      // FS q n [xL xH yL yH d1..dk]...: define NV bit images
      if (i + 3 > n) return null;
      let k = i + 3;
      for (let img = 0; img < at(2); img++) {
        if (k + 4 > n) return null;
        k += 4 + (b[k]! + b[k + 1]! * 256) * (b[k + 2]! + b[k + 3]! * 256) * 8;
      }
      return k <= n ? { end: k, known: true } : null;
    }
    return { end: i + 2, known: false };
  }
  return { end: i + 1, known: c >= 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x18 };
}

/** True when `bytes` are nothing but real-time status requests (DLE EOT / DLE ENQ): no job to print. */
export function onlyStatusRequests(bytes: Uint8Array): boolean {
  let i = 0;
  while (i < bytes.length) {
    const s = commandSpan(bytes, i);
    if (!s) return false;
    if (!(bytes[i] === DLE && (bytes[i + 1] === 0x04 || bytes[i + 1] === 0x05))) return false;
    i = s.end;
  }
  return true;
}

interface Style {
  align: DecodedAlign;
  bold: boolean;
  underline: boolean;
  width: number;
  height: number;
}

const ALIGNS: DecodedAlign[] = ['left', 'center', 'right'];

/** Code 128 data as printed: the code set switches ({A {B {C) dropped, set C pairs as digits. */
function code128Text(bytes: Uint8Array): string {
  let set: 'A' | 'B' | 'C' = 'B';
  let out = '';
  for (let k = 0; k < bytes.length; k++) {
    const ch = bytes[k]!;
    if (ch === 0x7b && k + 1 < bytes.length) {
      const sel = String.fromCharCode(bytes[k + 1]!);
      k++;
      if (sel === 'A' || sel === 'B' || sel === 'C') set = sel;
      else if (sel === '{') out += '{';
      // {1 {2 {3 {4 {S: function characters and shift, nothing printed
      continue;
    }
    out += set === 'C' ? String(ch).padStart(2, '0') : String.fromCharCode(ch);
  }
  return out;
}

/** Where padded text sits on a line `columns` wide (our encoder aligns with spaces). */
function inferAlign(segments: DecodedSegment[], columns: number): DecodedAlign {
  let lead = 0;
  let used = 0;
  let content = '';
  for (const seg of segments) {
    for (const ch of seg.text) {
      if (!content && ch === ' ') lead += seg.width;
      else content += ch;
      used += seg.width;
    }
  }
  const body = content.replace(/ +$/, '');
  if (!body || lead === 0) return 'left';
  const trail = columns - (used - (content.length - body.length));
  // A line that starts indented and has gaps inside it (a pair like "  discount     -$1.00") is left.
  if (/ {2}/.test(body)) return 'left';
  if (Math.abs(lead - trail) <= 1) return 'center';
  if (trail <= 0) return 'right';
  return 'left';
}

export interface DecodeOptions {
  /** Characters a line of font A holds (48 on 80 mm paper); used to read alignment from padding. */
  columns?: number;
}

/** Decodes one print job (all the bytes of one connection or file). */
export function decodeEscPos(bytes: Uint8Array, opts: DecodeOptions = {}): DecodedJob {
  const columns = opts.columns ?? 48;
  const job: DecodedJob = { lines: [], images: [], qr: [], barcodes: [], cuts: 0, cutKinds: [], pulses: [], statusRequests: 0, unknown: [], flow: [], codepages: [] };
  const init = (): Style => ({ align: 'left', bold: false, underline: false, width: 1, height: 1 });
  let style = init();
  let codepage = 'cp437';
  let table = codepageTable(codepage);
  let segments: DecodedSegment[] = [];
  /** The printer's alignment at the start of the line (ESC a only takes effect there). */
  let lineAlign: DecodedAlign | null = null;
  let qrData: string | null = null;
  let graphics: DecodedImage | null = null;

  const useCodepage = (name: string) => {
    codepage = name;
    table = codepageTable(name);
  };
  const addChar = (ch: string) => {
    if (lineAlign === null) lineAlign = style.align;
    const last = segments[segments.length - 1];
    if (last && last.bold === style.bold && last.underline === style.underline && last.width === style.width && last.height === style.height) last.text += ch;
    else segments.push({ text: ch, bold: style.bold, underline: style.underline, width: style.width, height: style.height });
  };
  const endLine = () => {
    const printerAlign = lineAlign ?? style.align;
    const text = segments.map((seg) => seg.text).join('');
    const first = segments.find((seg) => seg.text.trim()) ?? segments[0];
    const line: DecodedLine = {
      text,
      align: printerAlign !== 'left' ? printerAlign : inferAlign(segments, columns),
      printerAlign,
      bold: first?.bold ?? style.bold,
      underline: first?.underline ?? style.underline,
      size: segments.reduce((a, seg) => Math.max(a, seg.width, seg.height), segments.length ? 1 : Math.max(style.width, style.height)),
      columns: segments.reduce((a, seg) => a + [...seg.text].length * seg.width, 0),
      segments,
    };
    job.lines.push(line);
    job.flow.push({ kind: 'line', line });
    segments = [];
    lineAlign = null;
  };
  const flushPending = () => {
    if (segments.length) endLine();
  };
  const addImage = (width: number, height: number, bits: Uint8Array) => {
    flushPending();
    const image: DecodedImage = { width, height, bits, align: style.align };
    job.images.push(image);
    job.flow.push({ kind: 'image', image });
  };
  const cut = (partial: boolean, feed: number) => {
    flushPending();
    const c = { partial, feed };
    job.cuts++;
    job.cutKinds.push(c);
    job.flow.push({ kind: 'cut', cut: c });
  };
  const pulse = (pin: number, onMs: number, offMs: number) => {
    const p = { pin, onMs, offMs };
    job.pulses.push(p);
    job.flow.push({ kind: 'pulse', pulse: p });
  };

  let i = 0;
  while (i < bytes.length) {
    const span = commandSpan(bytes, i);
    if (!span) {
      // The job ends inside a command: note it and stop (nothing after it can be read).
      job.unknown.push(i);
      break;
    }
    const c = bytes[i]!;
    const x = bytes[i + 1] ?? -1;
    const p = (k: number) => bytes[i + k] ?? 0;
    if (!span.known) job.unknown.push(i);
    else if (c >= 0x20) {
      if (!job.codepages.includes(codepage)) job.codepages.push(codepage);
      addChar(table[c]!);
    } else if (c === 0x0a) endLine();
    else if (c === 0x09) {
      const at = segments.reduce((a, seg) => a + seg.text.length, 0);
      for (let k = at % 8; k < 8; k++) addChar(' ');
    }
    else if (c === 0x0c) flushPending();
    else if (c === ESC) {
      switch (x) {
        case 0x40: // ESC @
          flushPending();
          style = init();
          useCodepage('cp437');
          break;
        case 0x74: // ESC t n
          useCodepage(EPSON_CODEPAGES[p(2)] ?? 'cp437');
          break;
        case 0x61: // ESC a n
          style.align = ALIGNS[p(2) % 48] ?? 'left';
          break;
        case 0x45: // ESC E n
        case 0x47: // ESC G n (double strike prints as bold)
          style.bold = (p(2) & 1) === 1;
          break;
        case 0x2d: // ESC - n
          style.underline = (p(2) & 3) !== 0;
          break;
        case 0x21: {
          // ESC ! n: print modes
          const m = p(2);
          style.bold = (m & 0x08) !== 0;
          style.height = m & 0x10 ? 2 : 1;
          style.width = m & 0x20 ? 2 : 1;
          style.underline = (m & 0x80) !== 0;
          break;
        }
        case 0x64: {
          // ESC d n: print and feed n lines
          const lines = p(2);
          if (lines > 0 || segments.length) endLine();
          for (let k = 1; k < lines; k++) endLine();
          break;
        }
        case 0x4a: // ESC J n: print and feed n dots
          flushPending();
          break;
        case 0x70: // ESC p m t1 t2 (units of 2 ms)
          pulse(p(2) & 1, p(3) * 2, p(4) * 2);
          break;
        case 0x69: // ESC i / ESC m: legacy cuts
        case 0x6d:
          cut(x === 0x6d, 0);
          break;
        case 0x2a: {
          // ESC * m nL nH: one strip of a column image, turned into rows
          const m = p(2);
          const width = p(3) + p(4) * 256;
          const height = m === 32 || m === 33 ? 24 : 8;
          const perCol = height / 8;
          const rowBytes = Math.ceil(width / 8);
          const bits = new Uint8Array(rowBytes * height);
          for (let col = 0; col < width; col++) {
            for (let y = 0; y < height; y++) {
              const byte = bytes[i + 5 + col * perCol + (y >> 3)]!;
              if (byte & (0x80 >> (y & 7))) bits[y * rowBytes + (col >> 3)]! |= 0x80 >> (col & 7);
            }
          }
          addImage(rowBytes * 8, height, bits);
          break;
        }
        default:
          break;
      }
    } else if (c === GS) {
      switch (x) {
        case 0x21: // GS ! n
          style.width = ((p(2) >> 4) & 7) + 1;
          style.height = (p(2) & 7) + 1;
          break;
        case 0x56: {
          // GS V m [n]
          const m = p(2);
          const partial = m === 1 || m === 0x31 || m === 0x42 || m === 0x62 || m === 0x68;
          cut(partial, span.end - i === 4 ? p(3) : 0);
          break;
        }
        case 0x76: {
          // GS v 0 m xL xH yL yH
          const rowBytes = p(4) + p(5) * 256;
          const height = p(6) + p(7) * 256;
          addImage(rowBytes * 8, height, bytes.slice(i + 8, span.end));
          break;
        }
        case 0x28: {
          // GS ( k: QR (cn 49) store data / print; GS ( L: graphics
          const fn = p(2);
          const body = bytes.subarray(i + 5, span.end);
          if (fn === 0x6b && body[0] === 0x31) {
            if (body[1] === 0x50) qrData = Buffer.from(body.subarray(3)).toString('latin1');
            else if (body[1] === 0x51 && qrData !== null) {
              flushPending();
              job.qr.push(qrData);
              job.flow.push({ kind: 'qr', data: qrData, align: style.align });
            }
          } else if (fn === 0x4c) graphics = graphicsCommand(body, graphics, addImage);
          break;
        }
        case 0x38:
          // GS 8 L: the same graphics functions with a long length
          graphics = graphicsCommand(bytes.subarray(i + 7, span.end), graphics, addImage);
          break;
        case 0x6b: {
          // GS k m d1..dk NUL | GS k m n d1..dn
          const m = p(2);
          const data = m <= 6 ? bytes.subarray(i + 3, span.end - 1) : bytes.subarray(i + 4, span.end);
          const value = m === 0x49 ? code128Text(data) : Buffer.from(data).toString('latin1');
          flushPending();
          job.barcodes.push(value);
          job.flow.push({ kind: 'barcode', data: value, align: style.align });
          break;
        }
        default:
          break;
      }
    } else if (c === DLE) {
      if (x === 0x04) job.statusRequests++;
      else if (x === 0x14 && p(2) === 1) pulse(p(3) & 1, p(4) * 100, p(4) * 100); // DLE DC4 1 m t (units of 100 ms)
    }
    // CR, CAN, FS commands (kanji mode on/off and the like): nothing to show.
    i = span.end;
  }
  flushPending();
  return job;
}

/** GS ( L / GS 8 L: fn 112 stores a raster graphic, fn 50 prints it (the other functions are settings). */
function graphicsCommand(body: Uint8Array, stored: DecodedImage | null, add: (w: number, h: number, bits: Uint8Array) => void): DecodedImage | null {
  const fn = body[1];
  if (fn === 0x70 && body.length >= 10) {
    // m fn a bx by c xL xH yL yH d1..dk
    const width = body[6]! + body[7]! * 256;
    const height = body[8]! + body[9]! * 256;
    const rowBytes = Math.ceil(width / 8);
    return { width: rowBytes * 8, height, bits: body.slice(10, 10 + rowBytes * height), align: 'left' };
  }
  if ((fn === 0x32 || fn === 0x02) && stored) {
    add(stored.width, stored.height, stored.bits);
    return null;
  }
  return stored;
}

/** The job as plain text, one printed line a line; images, codes and cuts as markers. */
export function receiptText(job: DecodedJob): string {
  const out: string[] = [];
  for (const item of job.flow) {
    if (item.kind === 'line') out.push(item.line.text.replace(/\s+$/, ''));
    else if (item.kind === 'image') out.push(`[image ${item.image.width}x${item.image.height}]`);
    else if (item.kind === 'qr') out.push(`[QR ${item.data}]`);
    else if (item.kind === 'barcode') out.push(`[barcode ${item.data}]`);
    else if (item.kind === 'cut') out.push(item.cut.partial ? '[partial cut]' : '[cut]');
  }
  return out.join('\n');
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A 1-bit greyscale PNG of a printer bitmap (1 = black dot). */
export function bitmapToPng(image: Pick<DecodedImage, 'width' | 'height' | 'bits'>): Buffer {
  const rowBytes = Math.ceil(image.width / 8);
  const raw = Buffer.alloc((rowBytes + 1) * image.height);
  for (let y = 0; y < image.height; y++) {
    raw[y * (rowBytes + 1)] = 0; // filter: none
    for (let k = 0; k < rowBytes; k++) raw[y * (rowBytes + 1) + 1 + k] = ~(image.bits[y * rowBytes + k] ?? 0) & 0xff; // PNG grey: 0 is black
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(image.width, 0);
  ihdr.writeUInt32BE(image.height, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', zlib.deflateSync(raw)),
    pngChunk('IEND', new Uint8Array(0)),
  ]);
}

/** Font size whose monospace advance (about 0.6 em) is one 12-dot column of font A. */
const CHAR_PX = 19.9;

const esc = (s: string) => s.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);

export interface RenderOptions {
  /** Printable width in dots (48 columns of 12 dots on 80 mm paper); one dot is drawn as one CSS pixel. */
  widthDots?: number;
  title?: string;
}

/** A self-contained HTML page drawing the job as a strip of receipt paper (for previews and screenshots). */
export function renderReceiptHtml(job: DecodedJob, opts: RenderOptions = {}): string {
  const width = opts.widthDots ?? 576;
  const body: string[] = [];
  for (const item of job.flow) {
    if (item.kind === 'line') {
      const l = item.line;
      const tall = l.segments.reduce((a, seg) => Math.max(a, seg.height), 1);
      const spans = l.segments.map((seg) => {
        const css = [`font-size:${CHAR_PX * seg.height}px`];
        // A double-width character on a single-height line: stretched sideways, as the printer does.
        if (seg.width !== seg.height) css.push(`display:inline-block;transform-origin:left;transform:scaleX(${seg.width / seg.height});width:${(seg.width * [...seg.text].length * 12).toFixed(0)}px`);
        if (seg.bold) css.push('font-weight:700');
        if (seg.underline) css.push('text-decoration:underline');
        return `<span style="${css.join(';')}">${esc(seg.text)}</span>`;
      });
      body.push(`<div class="line" style="text-align:${l.printerAlign};line-height:${34 + 24 * (tall - 1)}px">${spans.join('') || '&#8203;'}</div>`);
    } else if (item.kind === 'image') {
      const img = item.image;
      const src = `data:image/png;base64,${bitmapToPng(img).toString('base64')}`;
      body.push(`<div class="img" style="text-align:${img.align}"><img alt="[image ${img.width}x${img.height}]" width="${img.width}" height="${img.height}" src="${src}"></div>`);
    } else if (item.kind === 'qr' || item.kind === 'barcode') {
      const label = item.kind === 'qr' ? 'QR' : 'BARCODE';
      body.push(`<div class="code" style="text-align:${item.align}"><div class="box ${item.kind}"><span class="label">${label}</span><span class="data">${esc(item.data)}</span></div></div>`);
    } else if (item.kind === 'cut') {
      body.push(`<div class="cut"><span>✂ ${item.cut.partial ? 'partial cut' : 'full cut'}</span></div>`);
    } else {
      body.push(`<div class="pulse">drawer pulse: pin ${item.pulse.pin === 0 ? 2 : 5}, ${item.pulse.onMs} ms on, ${item.pulse.offMs} ms off</div>`);
    }
  }
  const title = esc(opts.title ?? 'Receipt preview');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>
  html, body { margin: 0; background: #d9dce1; }
  body { padding: 32px 0; }
  .paper { width: ${width}px; margin: 0 auto; padding: 24px 20px 8px; background: #fffefa; color: #111;
    box-shadow: 0 2px 10px rgba(0,0,0,.25); font-family: 'DejaVu Sans Mono', 'Liberation Mono', 'Courier New', monospace; }
  .line { white-space: pre; font-size: ${CHAR_PX}px; }
  .img img { display: inline-block; image-rendering: pixelated; vertical-align: top; }
  .code { margin: 6px 0; }
  .box { display: inline-block; border: 3px solid #111; padding: 10px 14px; min-width: 150px; text-align: center; font-size: 18px; }
  .box.qr { min-height: 150px; display: inline-flex; flex-direction: column; justify-content: center; }
  .label { display: block; font-size: 13px; letter-spacing: .2em; color: #555; margin-bottom: 6px; }
  .data { word-break: break-all; }
  .cut { border-top: 2px dashed #777; margin: 18px -20px 10px; position: relative; height: 0; }
  .cut span { position: absolute; right: 8px; top: -11px; background: #fffefa; padding: 0 6px; font-size: 13px; color: #777; }
  .pulse { font-size: 12px; color: #888; text-align: center; border: 1px dotted #bbb; margin-bottom: 8px; }
</style></head>
<body><div class="paper">
${body.join('\n')}
</div></body></html>
`;
}
