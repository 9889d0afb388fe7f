// Runs: node (test helper). A real kiosk intent head for tests: a generated tiny BERT bundle (real
// ONNX) plus a head trained with the runtime on the project's own kiosk lines. The tiny encoder is
// random, so the head leans on its lexical features; tests pick questions it reliably gets.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadEncoder, trainIntentHead, writeHead } from '../../../../electron/core/models/index.ts';
import { kioskTrainingSet } from '../../../../electron/core/assistant/training-set.ts';
import { makeTinyBundle } from '../../../integration/models/helpers/tiny-bundle.ts';

export interface KioskHead {
  bundle: string;
  headFile: string;
  cleanup(): void;
}

export async function makeKioskHead(): Promise<KioskHead> {
  const bundle = makeTinyBundle({ style: 'storemind' });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'storemind-kiosk-head-'));
  const lines = kioskTrainingSet({ projectOnly: true });
  // Every 10th line validates (calibration and early stopping), the rest trains.
  const train = lines.filter((_, i) => i % 10 !== 0);
  const val = lines.filter((_, i) => i % 10 === 0);
  const encoder = await loadEncoder(bundle, { cacheSize: 0 });
  try {
    const { head } = await trainIntentHead({ train, val, encoder, name: 'kiosk-intent' });
    const headFile = path.join(dir, 'head.json');
    head.encoder.dir = path.relative(dir, bundle);
    await writeHead(headFile, head);
    return {
      bundle,
      headFile,
      cleanup: () => {
        rmSync(dir, { recursive: true, force: true });
        rmSync(bundle, { recursive: true, force: true });
      },
    };
  } finally {
    await encoder.close();
  }
}
