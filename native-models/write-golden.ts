// Runs: node (build step: `node --import tsx native-models/write-golden.ts <bundleDir>`), the
// last step of `npm run models:build`. Runs the bundle's fp32 and int8 graphs through the
// runtime's own onnxruntime-node sessions, checks tokenizer ids and fp32 embeddings against
// torch's numbers in golden.json, writes the int8 expectations and re-signs golden.json in
// manifest.json. Exits non-zero, saying what differs, on any mismatch.
import { writeInt8Golden } from '../electron/core/models/golden.ts';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node --import tsx native-models/write-golden.ts <bundleDir>');
  process.exit(2);
}
try {
  const report = await writeInt8Golden(dir);
  if (!report.ok) throw new Error(report.problems.join('\n  '));
  const fp32 = report.variants.fp32;
  const int8 = report.variants.int8;
  console.log(`golden OK for ${report.bundle}`);
  console.log(`  tokenizer ids: ${report.tokenizer.checked ? 'match torch' : 'not in golden.json (unchecked)'}`);
  if (fp32) console.log(`  fp32: max |diff| ${fp32.maxAbsDiff.toExponential(2)} (tolerance ${fp32.tolerance})`);
  if (int8) console.log(`  int8: written; max |diff| on re-check ${int8.maxAbsDiff.toExponential(2)} (tolerance ${int8.tolerance})`);
} catch (e) {
  console.error(`write-golden: ${(e as Error).message}`);
  process.exit(1);
}
