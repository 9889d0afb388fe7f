// Runs: node (core). Public API of the on-device model runtime. Hosts and the CLI import from
// here; the modules behind it are free to change.
export { loadBundle, BundleError, manifestSchema, type Bundle, type Manifest, type Variant, type LoadBundleOptions } from './bundle.ts';
export { tokenizerFromJson, tokenizerFromVocabTxt, encodeBatch, DEFAULT_MAX_LENGTH, type Tokenizer, type EncodedBatch } from './tokenizer.ts';
export { probeDevice, chooseRuntime, runtimeOverridesSchema, type DeviceProbe, type RuntimeChoice, type RuntimeOverrides } from './probe.ts';
export { loadEncoder, type Encoder, type EncoderOptions, type ModelInfo } from './encoder.ts';
export { trainIntentHead, createIntentClassifier, headRecipe, recipeOptions, DEFAULT_RECIPE, type HeadRecipe, type IntentClassifier, type Prediction, type TrainHeadOptions, type TrainHeadResult } from './classifier.ts';
export { readHead, writeHead, parseHead, headFileSchema, type HeadFile } from './head-file.ts';
export { parseJsonl, readJsonl, stratifiedSplit, OOS_LABEL, type IntentExample } from './dataset.ts';
export { intentMetrics, type IntentMetrics } from './metrics.ts';
export { intentTrain, intentEval, type IntentTrainArgs, type IntentTrainResult, type IntentEvalArgs, type IntentEvalResult } from './cli.ts';
export { checkGolden, writeInt8Golden, type GoldenReport } from './golden.ts';
export { DEFAULT_LEXICAL, type LexicalConfig } from './features.ts';
