// Runs: node (core). The kiosk intent model: the shipped head (native-models/heads/kiosk-intent/
// head.json) on the frozen on-device encoder it records. Paths come from options, then the
// environment (STOREMIND_KIOSK_HEAD, STOREMIND_ENCODER_DIR), then the defaults under the app root,
// so tests and other stores can point at another head without code changes.
import crypto from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createIntentClassifier, loadEncoder, parseHead, type Encoder, type IntentClassifier, type RuntimeOverrides } from '../models/index.ts';
import { CoreError } from '../db/errors.ts';
import { appRoot } from '../paths.ts';
import { isKioskIntent, type KioskIntent } from './intents.ts';

export interface IntentModelConfig {
  headFile?: string;
  /** Overrides the encoder folder the head records. */
  encoderDir?: string;
  runtime?: RuntimeOverrides;
  trustUnsigned?: boolean;
}

export interface IntentVerdict {
  label: KioskIntent;
  confidence: number;
  top: Array<{ label: string; p: number }>;
}

export interface IntentModel {
  /** "<encoder>@<version>+<head>@<sha256 prefix of the head file>", stored with every turn. */
  readonly version: string;
  readonly threshold: number;
  classify(text: string): Promise<IntentVerdict>;
  close(): Promise<void>;
}

export const DEFAULT_HEAD = 'native-models/heads/kiosk-intent/head.json';

export function resolveModelPaths(cfg: IntentModelConfig = {}, env: NodeJS.ProcessEnv = process.env): { headFile: string; encoderDir: string | undefined } {
  const headFile = path.resolve(cfg.headFile ?? env.STOREMIND_KIOSK_HEAD ?? path.join(appRoot(), DEFAULT_HEAD));
  const encoderDir = cfg.encoderDir ?? env.STOREMIND_ENCODER_DIR;
  return { headFile, encoderDir: encoderDir ? path.resolve(encoderDir) : undefined };
}

/**
 * Loads the head and binds it to an encoder: `shared` (the core's model service already holds the
 * encoder, and one copy in memory is enough) when it is the one the head was trained on and no
 * override names another folder; else the head's own encoder, loaded here and closed with it.
 */
export async function loadIntentModel(cfg: IntentModelConfig = {}, shared: Encoder | null = null): Promise<IntentModel> {
  const { headFile, encoderDir } = resolveModelPaths(cfg);
  if (!existsSync(headFile)) throw new CoreError('MODEL_INVALID', `The kiosk intent head ${headFile} is missing (train it with \`storemind intent train\`).`);
  const bytes = readFileSync(headFile);
  let head;
  try {
    head = parseHead(bytes.toString('utf8'), headFile);
  } catch (e) {
    throw new CoreError('MODEL_INVALID', `The kiosk intent head ${headFile} is not a valid head file: ${(e as Error).message}`);
  }
  const unknown = head.labels.filter((l) => !isKioskIntent(l));
  if (unknown.length) throw new CoreError('MODEL_INVALID', `The head ${headFile} has labels the kiosk does not know: ${unknown.join(', ')}.`);
  const dir = encoderDir ?? path.resolve(path.dirname(headFile), head.encoder.dir ?? '..');
  const useShared = shared !== null && !encoderDir && shared.modelInfo.name === head.encoder.name && shared.modelInfo.version === head.encoder.version;
  let encoder: Encoder;
  if (useShared) encoder = shared;
  else {
    try {
      encoder = await loadEncoder(dir, { trustUnsigned: cfg.trustUnsigned ?? false, ...(cfg.runtime ? { overrides: cfg.runtime } : {}) });
    } catch (e) {
      throw new CoreError('MODEL_INVALID', `The encoder for the kiosk head (${dir}) did not load: ${(e as Error).message}`);
    }
  }
  let clf: IntentClassifier;
  try {
    clf = createIntentClassifier(head, encoder);
  } catch (e) {
    if (!useShared) await encoder.close();
    throw new CoreError('MODEL_INVALID', (e as Error).message);
  }
  const sha = crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 12);
  const info = encoder.modelInfo;
  return {
    version: `${info.name}@${info.version}+${head.name}@${sha}`,
    threshold: head.threshold,
    async classify(text) {
      const [p] = await clf.classify([text], { topK: 3 });
      if (!p) throw new CoreError('INTERNAL', 'The intent classifier returned nothing.');
      return { label: isKioskIntent(p.label) ? p.label : 'out_of_scope', confidence: p.confidence, top: p.topK };
    },
    close: async () => {
      if (!useShared) await encoder.close();
    },
  };
}
