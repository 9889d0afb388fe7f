// Runs: node (core). Draws a line of text as a bitmap for the printer, for the characters its code
// pages cannot show (a Chinese store name, a product in Thai): printed as an image, never as "?".
// pureimage is a canvas in plain JavaScript (no native build, runs on every till); the font is a
// system CJK font (Debian's fonts-droid-fallback, Apache-2.0), loaded once on first use.
import fs from 'node:fs';
import ImageData from '@canvas/image-data';
import * as PImage from 'pureimage';
import { CoreError } from '../db/errors.ts';

const FONT_CANDIDATES = [
  process.env.STOREMIND_RECEIPT_FONT ?? '',
  '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf',
  '/usr/share/fonts-droid-fallback/truetype/DroidSansFallback.ttf',
  '/usr/share/fonts/truetype/arphic/uming.ttf',
].filter(Boolean);

const FAMILY = 'storemind-receipt';
let loaded: boolean | null = null;

function ensureFont(): void {
  if (loaded) return;
  const file = FONT_CANDIDATES.find((f) => fs.existsSync(f));
  if (!file) throw new CoreError('INTERNAL', `No font for characters outside the printer's code pages: install fonts-droid-fallback or set STOREMIND_RECEIPT_FONT (looked in ${FONT_CANDIDATES.join(', ')}).`);
  PImage.registerFont(file, FAMILY).loadSync();
  loaded = true;
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
  ctx.font = `${22 * scale}px ${FAMILY}`;
  const baseline = 25 * scale;
  const w = (s: string) => ctx.measureText(s).width;
  if (line.right !== undefined) {
    ctx.fillText(line.left, 0, baseline);
    ctx.fillText(line.right, Math.max(0, widthDots - w(line.right)), baseline);
  } else {
    const x = line.align === 'center' ? (widthDots - w(line.left)) / 2 : line.align === 'right' ? widthDots - w(line.left) : 0;
    ctx.fillText(line.left, Math.max(0, x), baseline);
  }
  return new ImageData(new Uint8ClampedArray(img.data), widthDots, height);
}
