import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { builtInClientIdsFromEnv } from './electron/contract/built-in-client';
import { preloadStartBundle } from './scripts/toolchain/preload-start-bundle';

// Main: ESM, dependencies stay external (shipped in the asar's node_modules).
// Preload: one self-contained CommonJS file, as a sandboxed preload requires.
// Renderer: the React app; it reaches the main process only through window.budgetly.
export default defineConfig({
  main: {
    // The build's client ids (BUDGETLY_CLIENT_ID…; public, never a secret) baked into the main bundle.
    define: { __BUDGETLY_CLIENT_IDS__: JSON.stringify(builtInClientIdsFromEnv(process.env)) },
    build: {
      outDir: 'out/main',
      rolldownOptions: { input: { index: resolve('electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    // The start-up bundle is loaded beside the small first module (see renderer/src/main.tsx).
    plugins: [react(), preloadStartBundle('renderer/src/boot.tsx')],
    build: {
      outDir: resolve('out/renderer'),
      // electron-vite leaves bundles unminified; the renderer's start-up parses every byte of it.
      minify: true,
      rolldownOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
