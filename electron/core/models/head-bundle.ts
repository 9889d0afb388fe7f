// Runs: node (core and the central platform). An intent head as a signed-update artifact: a folder
// with head.json, golden.json (inputs and the labels the head gave them when it was published) and
// manifest.json of kind "intent-head" listing every file's sha256 and size, plus the encoder the
// head was trained on. The platform packs the folder (sync/pack.ts) and signs its length and sha256
// in the targets metadata; a terminal checks the manifest and the head before switching to it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parseHead, type HeadFile } from './head-file.ts';

export const HEAD_BUNDLE_KIND = 'intent-head';

export const headManifestSchema = z.object({
  name: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/),
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  created: z.string(),
  kind: z.literal(HEAD_BUNDLE_KIND),
  files: z.array(z.object({ path: z.string().min(1), sha256: z.string().regex(/^[0-9a-f]{64}$/), size: z.number().int().nonnegative() })).min(1),
  encoder: z.object({ name: z.string(), version: z.string() }),
  metrics: z.record(z.string(), z.unknown()).default({}),
});
export type HeadManifest = z.infer<typeof headManifestSchema>;

export const headGoldenSchema = z.object({ inputs: z.array(z.object({ text: z.string(), label: z.string() })).max(200) });

const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

/** Writes an intent-head bundle into `dir` (created); returns its manifest. */
export function writeHeadBundle(
  dir: string,
  head: HeadFile,
  o: { name: string; version: string; golden?: Array<{ text: string; label: string }>; metrics?: Record<string, unknown>; now?: Date },
): HeadManifest {
  fs.mkdirSync(dir, { recursive: true });
  // The folder a head was trained beside means nothing on a terminal: it binds to the encoder by name and version.
  const { dir: _trainedBeside, ...encoder } = head.encoder;
  void _trainedBeside;
  const files: Record<string, Buffer> = {
    'head.json': Buffer.from(JSON.stringify({ ...head, encoder }, null, 1)),
    'golden.json': Buffer.from(JSON.stringify(headGoldenSchema.parse({ inputs: o.golden ?? [] }))),
  };
  for (const [f, b] of Object.entries(files)) fs.writeFileSync(path.join(dir, f), b);
  const manifest = headManifestSchema.parse({
    name: o.name,
    version: o.version,
    created: (o.now ?? new Date()).toISOString(),
    kind: HEAD_BUNDLE_KIND,
    files: Object.entries(files).map(([p, b]) => ({ path: p, sha256: sha256(b), size: b.length })),
    encoder: { name: head.encoder.name, version: head.encoder.version },
    metrics: o.metrics ?? {},
  });
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return manifest;
}

/** The manifest's kind, or null when there is none (callers then treat the folder as an encoder). */
export function bundleKind(dir: string): string | null {
  try {
    return (JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { kind?: string }).kind ?? null;
  } catch {
    return null;
  }
}

/** Checks an unpacked intent-head bundle: manifest, every file's size and sha256, a valid head. */
export function verifyHeadBundle(dir: string): { ok: boolean; problems: string[]; manifest?: HeadManifest; head?: HeadFile } {
  const problems: string[] = [];
  let manifest: HeadManifest;
  try {
    manifest = headManifestSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')));
  } catch (e) {
    return { ok: false, problems: [`manifest.json: ${(e as Error).message.slice(0, 200)}`] };
  }
  for (const f of manifest.files) {
    const file = path.join(dir, ...f.path.split('/'));
    if (f.path.split('/').includes('..') || !fs.existsSync(file)) {
      problems.push(`${f.path} is missing`);
      continue;
    }
    const b = fs.readFileSync(file);
    if (b.length !== f.size || sha256(b) !== f.sha256) problems.push(`${f.path} does not match its manifest entry`);
  }
  if (!manifest.files.some((f) => f.path === 'head.json')) problems.push('the bundle has no head.json');
  if (problems.length) return { ok: false, problems, manifest };
  let head: HeadFile;
  try {
    head = parseHead(fs.readFileSync(path.join(dir, 'head.json'), 'utf8'), path.join(dir, 'head.json'));
  } catch (e) {
    return { ok: false, problems: [`head.json: ${(e as Error).message.slice(0, 300)}`], manifest };
  }
  if (head.encoder.name !== manifest.encoder.name || head.encoder.version !== manifest.encoder.version) {
    problems.push(`head.json was trained on ${head.encoder.name} ${head.encoder.version}; the manifest says ${manifest.encoder.name} ${manifest.encoder.version}`);
  }
  return { ok: problems.length === 0, problems, manifest, head };
}
