// Runs: node (renderer build config). Builds the one renderer bundle that both hosts load: Electron's
// custom protocol and the loopback browser host (`storemind serve`) serve renderer/dist as-is.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// import.meta.dirname rather than node:url: lint bans node built-ins under renderer/, config included.
const root = import.meta.dirname;

export default defineConfig({
  root,
  // Relative asset URLs so the same dist works from file-like origins (Electron) and http://127.0.0.1.
  base: './',
  plugins: [react()],
  build: {
    outDir: 'dist', // relative to root
    emptyOutDir: true,
    // No inline module-preload polyfill: the strict CSP forbids inline script.
    modulePreload: { polyfill: false },
    target: 'es2022',
  },
  server: { host: '127.0.0.1', strictPort: true },
});
