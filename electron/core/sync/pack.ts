// Runs: node (core; also the platform CLI). A model bundle folder as one artifact file, so the
// platform can sign one length and sha256 and a terminal can resume one download. Format:
// "SMPACK1\n", a 4-byte big-endian length, a JSON index [{path, size}], then the files' bytes in
// index order. Unpacking refuses absolute paths, "..", duplicates and sizes that do not add up.
import fs from 'node:fs';
import path from 'node:path';

const MAGIC = Buffer.from('SMPACK1\n');

function listFiles(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return listFiles(full, base);
    if (e.isFile()) return [path.relative(base, full).split(path.sep).join('/')];
    return [];
  }).sort();
}

export function packDir(dir: string): Buffer {
  const files = listFiles(dir);
  const datas = files.map((f) => fs.readFileSync(path.join(dir, f)));
  const index = Buffer.from(JSON.stringify(files.map((f, i) => ({ path: f, size: datas[i]!.length }))));
  const len = Buffer.alloc(4);
  len.writeUInt32BE(index.length);
  return Buffer.concat([MAGIC, len, index, ...datas]);
}

export function unpackTo(buf: Buffer, dir: string): string[] {
  if (buf.length < MAGIC.length + 4 || !buf.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error('not a StoreMind model pack');
  const indexLen = buf.readUInt32BE(MAGIC.length);
  const start = MAGIC.length + 4;
  if (start + indexLen > buf.length) throw new Error('model pack index is truncated');
  let index: Array<{ path: string; size: number }>;
  try {
    index = JSON.parse(buf.subarray(start, start + indexLen).toString('utf8'));
  } catch {
    throw new Error('model pack index is not JSON');
  }
  if (!Array.isArray(index) || index.length > 10_000) throw new Error('model pack index is invalid');
  const seen = new Set<string>();
  let offset = start + indexLen;
  for (const f of index) {
    if (typeof f?.path !== 'string' || !Number.isInteger(f.size) || f.size < 0) throw new Error('model pack index entry is invalid');
    const parts = f.path.split('/');
    if (path.isAbsolute(f.path) || f.path.includes('\\') || parts.some((p) => p === '..' || p === '' || p === '.') || seen.has(f.path)) {
      throw new Error(`model pack path ${JSON.stringify(f.path).slice(0, 100)} is not allowed`);
    }
    seen.add(f.path);
    if (offset + f.size > buf.length) throw new Error(`model pack is truncated at ${f.path}`);
    offset += f.size;
  }
  if (offset !== buf.length) throw new Error('model pack has trailing bytes');
  offset = start + indexLen;
  for (const f of index) {
    const target = path.join(dir, ...f.path.split('/'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, buf.subarray(offset, offset + f.size));
    offset += f.size;
  }
  return index.map((f) => f.path);
}
