/// <reference types="vitest/config" />
/**
 * One Vite config, three builds (`vite build --mode main|preload`, plain
 * `vite build` for the renderer), and the Vitest projects:
 *   main     — Node, real SQLite, `electron` aliased to a stub (the binary
 *              cannot be downloaded on CI machines);
 *   package  — what electron-builder packs from `out/` (needs a build first);
 *   renderer — jsdom, React components against a fake bridge.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';

const fromRoot = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

const mainBuild: UserConfig = {
  build: {
    ssr: true,
    outDir: 'out/main',
    target: 'node22',
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      // The numbers-sync worker is its own entry: a worker thread loads it by file name.
      input: {
        index: fromRoot('electron/main/index.ts'),
        'numbers-sync-worker': fromRoot('electron/main/services/numbers-sync-worker.ts'),
      },
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
  ssr: { target: 'node' },
};

const preloadBuild: UserConfig = {
  build: {
    ssr: fromRoot('electron/preload/index.ts'),
    outDir: 'out/preload',
    target: 'node22',
    emptyOutDir: true,
    rollupOptions: { external: ['electron'], output: { format: 'cjs', entryFileNames: 'index.cjs' } },
  },
  // Sandboxed preloads cannot require modules: bundle everything but electron.
  ssr: { target: 'node', noExternal: true },
};

const rendererBuild: UserConfig = {
  root: fromRoot('renderer'),
  base: './',
  plugins: [react()],
  build: { outDir: fromRoot('out/renderer'), emptyOutDir: true, target: 'chrome130' },
  test: {
    root: fromRoot('.'),
    projects: [
      {
        test: {
          name: 'main',
          environment: 'node',
          include: [
            'electron/**/*.test.ts',
            'shared/**/*.test.ts',
            'test/main/**/*.test.ts',
            'test/security/**/*.test.ts',
            'tools/**/*.test.ts',
          ],
          alias: { electron: fromRoot('test/support/electron-stub.ts') },
        },
      },
      {
        // `npm run test:package`, after `npm run build`: what electron-builder packs from out/.
        test: { name: 'package', environment: 'node', include: ['test/packaging/**/*.test.ts'], testTimeout: 30_000 },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['renderer/**/*.test.{ts,tsx}', 'test/renderer/**/*.test.{ts,tsx}'],
          setupFiles: [fromRoot('test/renderer/support/setup.ts')],
        },
      },
    ],
  },
};

export default defineConfig(({ mode }) => {
  if (mode === 'main') return mainBuild;
  if (mode === 'preload') return preloadBuild;
  return rendererBuild;
});
