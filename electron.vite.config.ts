// Runs: node (build config). electron-vite builds the three Electron pieces: the main process
// (plus the core's utility-process entry), the sandboxed preload (CommonJS, as sandboxed preloads
// require) and the renderer. Native modules stay external and are unpacked from asar.
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'electron/main/index.ts'),
          'core-process': resolve(import.meta.dirname, 'electron/utility/core-process.ts'),
        },
        external: ['better-sqlite3', 'onnxruntime-node'],
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    build: { outDir: 'out/renderer', rollupOptions: { input: resolve(import.meta.dirname, 'renderer/index.html') } },
    plugins: [react()],
  },
});
