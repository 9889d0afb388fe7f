// Runs: node (central platform). Where the nightly feedback retrain finds its inputs on this
// machine: the encoder bundle terminals run (STOREMIND_CENTRAL_ENCODER_DIR, else the one shipped in
// native-models/bundles), the kiosk training set (project lines, plus the shared datasets when
// present), the validation lines the shipped head was calibrated on (dev + natural_val), and the
// held-out set the publish decision is made on: natural_val2, the clean validation set no head
// trains or calibrates on. The project's test.jsonl is never read here, so a platform decision
// never leans on the lines the project's accuracy figures are measured on. Null when there is no
// encoder to train on.
import fs from 'node:fs';
import path from 'node:path';
import { appRoot } from '../electron/core/paths.ts';
import { readJsonl } from '../electron/core/models/index.ts';
import { defaultDatasetsDir, kioskTrainingSet } from '../electron/core/assistant/training-set.ts';
import { DEFAULT_HEAD } from '../electron/core/assistant/model.ts';
import type { RetrainConfig } from './feedback.ts';

const SHIPPED_DEV = 'native-models/heads/kiosk-intent/dev.jsonl';

export function defaultRetrainConfig(log: (msg: string) => void, env: NodeJS.ProcessEnv = process.env): RetrainConfig | null {
  const encoderDir = path.resolve(env.STOREMIND_CENTRAL_ENCODER_DIR ?? path.join(appRoot(), 'native-models', 'bundles', 'storemind-bert-mini'));
  if (!fs.existsSync(path.join(encoderDir, 'manifest.json'))) return null;
  const dataDir = path.join(appRoot(), 'native-models', 'data', 'kiosk_intents');
  return {
    encoderDir,
    shippedHeadFile: path.join(appRoot(), DEFAULT_HEAD),
    baseTrain: () => kioskTrainingSet({ projectDir: dataDir, projectOnly: !fs.existsSync(defaultDatasetsDir(env)) }).map(({ text, intent }) => ({ text, intent })),
    calibration: async () => [...(await readJsonl(path.join(appRoot(), SHIPPED_DEV))), ...(await readJsonl(path.join(dataDir, 'natural_val.jsonl')))],
    heldOut: () => readJsonl(path.join(dataDir, 'natural_val2.jsonl')),
    log,
  };
}
