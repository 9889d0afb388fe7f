// Runs: node (vitest). The platform's nightly retrain reads the shipped head's calibration lines and
// decides on natural_val2; it never reads test.jsonl, the lines the project's accuracy is measured
// on, so no platform decision leans on them.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultRetrainConfig } from '../../../central/retrain-config.ts';
import { readJsonl } from '../../../electron/core/models/index.ts';
import { appRoot } from '../../../electron/core/paths.ts';

const DATA = path.join(appRoot(), 'native-models', 'data', 'kiosk_intents');
const norm = (t: string) => t.toLowerCase().replace(/\s+/g, ' ').trim();

describe('default retrain config', () => {
  it('calibrates on dev + natural_val, decides on natural_val2, and shares no line with the test set', async () => {
    const cfg = defaultRetrainConfig(() => {});
    expect(cfg).not.toBeNull();
    const heldOut = await cfg!.heldOut();
    const calibration = await cfg!.calibration!();
    expect(heldOut).toEqual(await readJsonl(path.join(DATA, 'natural_val2.jsonl')));
    const dev = await readJsonl(path.join(appRoot(), 'native-models', 'heads', 'kiosk-intent', 'dev.jsonl'));
    const naturalVal = await readJsonl(path.join(DATA, 'natural_val.jsonl'));
    expect(calibration).toEqual([...dev, ...naturalVal]);
    const test = new Set((await readJsonl(path.join(DATA, 'test.jsonl'))).map((r) => norm(r.text)));
    expect([...heldOut, ...calibration].filter((r) => test.has(norm(r.text)))).toEqual([]);
  });
});
