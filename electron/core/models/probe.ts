// Runs: node (core). Device capability probe and the runtime defaults that follow from it.
// The settings service passes user overrides; anything not overridden comes from the probe.
import os from 'node:os';
import { listSupportedBackends } from 'onnxruntime-node';
import { z } from 'zod';
import type { Variant } from './bundle.ts';

export interface DeviceProbe {
  cores: number;
  totalMemoryBytes: number;
  /** Execution providers onnxruntime-node lists, with whether they ship in the package. */
  backends: { name: string; bundled: boolean }[];
  /** GPU providers usable without extra installs (listed and bundled). */
  gpuProviders: string[];
}

export const runtimeOverridesSchema = z
  .object({
    variant: z.enum(['fp32', 'int8']).optional(),
    threads: z.number().int().min(1).max(256).optional(),
    executionProvider: z.string().min(1).optional(),
  })
  .strict();
export type RuntimeOverrides = z.infer<typeof runtimeOverridesSchema>;

export interface RuntimeChoice {
  variant: Variant;
  threads: number;
  executionProvider: string;
}

const GPU_PROVIDERS = new Set(['cuda', 'tensorrt', 'dml', 'coreml', 'webgpu', 'rocm', 'migraphx', 'qnn']);

export function probeDevice(): DeviceProbe {
  let backends: { name: string; bundled: boolean }[] = [];
  try {
    backends = listSupportedBackends().map((b) => ({ name: b.name, bundled: b.bundled }));
  } catch {
    backends = [{ name: 'cpu', bundled: true }]; // older bindings without the listing
  }
  return {
    cores: os.availableParallelism(),
    totalMemoryBytes: os.totalmem(),
    backends,
    gpuProviders: backends.filter((b) => b.bundled && GPU_PROVIDERS.has(b.name)).map((b) => b.name),
  };
}

/**
 * Defaults: CPU with the int8 graph (MatMulInteger is 2-4x faster than fp32 on CPU and the
 * accuracy cost is within golden tolerance). A GPU provider is never picked implicitly: the
 * kiosk must behave the same on every till, and a GPU is opted into in settings (then fp32,
 * because integer MatMul kernels are CPU-only in most providers). Threads: one core stays for the
 * UI and main process, at most 4 (a 4-layer encoder gains little past that). Measured on a busy
 * 2-core box with storemind-bert-mini int8: p50 0.25 ms either way, p95 2.3-2.9 ms on 1 thread vs
 * 4.4-8.2 ms on 2 (a descheduled pool thread stalls the whole run), hence 1 thread at <= 2 cores.
 */
export function chooseRuntime(probe: DeviceProbe, overrides: RuntimeOverrides = {}): RuntimeChoice {
  const o = runtimeOverridesSchema.parse(overrides);
  const executionProvider = o.executionProvider ?? 'cpu';
  const onCpu = executionProvider === 'cpu';
  const threads = o.threads ?? Math.max(1, Math.min(4, probe.cores - 1));
  return { variant: o.variant ?? (onCpu ? 'int8' : 'fp32'), threads, executionProvider };
}
