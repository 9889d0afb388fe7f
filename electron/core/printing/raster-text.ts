// Runs: node (core). Draws a line of text as a bitmap for the printer, for the characters its code
// pages cannot show (a Chinese store name, a product in Thai): printed as an image, never as "?".
// pureimage is a canvas in plain JavaScript (no native build, runs on every till); the font is a
// system CJK font (Debian's fonts-droid-fallback, Apache-2.0), loaded once on first use.
import fs from 'node:fs';
import ImageData from '@canvas/image-data';
import * as PImage from 'pureimage';
import { CoreError } from '../db/errors.ts';

/** CJK (and other scripts' fallback): Droid Sans Fallback has no Latin letters or digits of its own. */
const CJK_FONTS = [
  process.env.STOREMIND_RECEIPT_FONT ?? '',
  '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf',
  '/usr/share/fonts-droid-fallback/truetype/DroidSansFallback.ttf',
  '/usr/share/fonts/truetype/arphic/uming.ttf',
].filter(Boolean);
/** Latin, Greek, Cyrillic, digits and signs in a drawn line (Debian's fonts-dejavu-core). */
const LATIN_FONTS = [process.env.STOREMIND_RECEIPT_LATIN_FONT ?? '', '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'].filter(Boolean);

const CJK = 'storemind-receipt-cjk';
const LATIN = 'storemind-receipt-latin';
let loaded = false;

function register(candidates: string[], family: string, pkg: string): void {
  const file = candidates.find((f) => fs.existsSync(f));
  if (!file) throw new CoreError('INTERNAL', `No font for printing text outside the printer's code pages: install ${pkg} (looked in ${candidates.join(', ')}).`);
  PImage.registerFont(file, family).loadSync();
}

function ensureFont(): void {
  if (loaded) return;
  register(CJK_FONTS, CJK, 'fonts-droid-fallback or set STOREMIND_RECEIPT_FONT');
  register(LATIN_FONTS, LATIN, 'fonts-dejavu-core');
  loaded = true;
}

/** Han, kana, hangul, CJK punctuation and full-width forms come from the CJK font; the rest from the Latin one. */
function isCjk(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  return (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xffef) || c >= 0x20000;
}

/** The text as runs of one font each. */
function runs(text: string): Array<{ text: string; family: string }> {
  const out: Array<{ text: string; family: string }> = [];
  for (const ch of text) {
    const family = isCjk(ch) ? CJK : LATIN;
    const last = out.at(-1);
    if (last && last.family === family) last.text += ch;
    else out.push({ text: ch, family });
  }
  return out;
}

export interface RasterLine {
  left: string;
  right?: string;
  align?: 'left' | 'center' | 'right';
  size?: 1 | 2;
}

/** One line of text as a black-on-white bitmap `widthDots` wide (a multiple of 8, as printers need). */
export function rasterLine(line: RasterLine, widthDots: number): ImageData {
  ensureFont();
  const scale = line.size ?? 1;
  const height = 32 * scale; // 24-dot text plus leading, a multiple of 8
  const img = PImage.make(widthDots, height);
  const ctx = img.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, widthDots, height);
  ctx.fillStyle = '#000000';
  const px = 22 * scale;
  const baseline = 25 * scale;
  const width = (text: string) =>
    runs(text).reduce((w, r) => {
      ctx.font = `${px}px ${r.family}`;
      return w + ctx.measureText(r.text).width;
    }, 0);
  const draw = (text: string, x: number) => {
    for (const r of runs(text)) {
      ctx.font = `${px}px ${r.family}`;
      ctx.fillText(r.text, x, baseline);
      x += ctx.measureText(r.text).width;
    }
  };
  if (line.right !== undefined) {
    draw(line.left, 0);
    draw(line.right, Math.max(0, widthDots - width(line.right)));
  } else {
    const w = width(line.left);
    const x = line.align === 'center' ? (widthDots - w) / 2 : line.align === 'right' ? widthDots - w : 0;
    draw(line.left, Math.max(0, x));
  }
  return new ImageData(new Uint8ClampedArray(img.data), widthDots, height);
}
