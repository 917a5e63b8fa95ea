/**
 * One config, four builds, picked by `--mode` (see `npm run build`):
 *   renderer — the React UI, shared by the Electron window and the headless host;
 *   main     — Electron's main process (ESM, Node target, dependencies external);
 *   preload  — the sandboxed preload: a single CommonJS file with only `electron` external,
 *              because sandboxed preloads cannot `require` anything else;
 *   cli      — the `hookbench` command and headless host (ESM, Node target).
 * Plain Vite library/SSR builds do this without a plugin, so the build does not
 * depend on an Electron-specific plugin keeping pace with Vite's majors.
 */
import { chmodSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import type { UserConfig } from 'vite';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

function nodeBuild(entry: string, outDir: string, fileName: string): UserConfig {
  return {
    build: {
      ssr: resolve(root, entry),
      outDir: resolve(root, outDir),
      emptyOutDir: true,
      target: 'node24',
      sourcemap: true,
      minify: false,
      rolldownOptions: {
        output: { format: 'es', entryFileNames: fileName },
      },
    },
    ssr: { target: 'node' },
  };
}

export default defineConfig(({ mode }): UserConfig => {
  switch (mode) {
    case 'test':
      // Vitest: unit and integration suites run in Node 24 against real files and sockets.
      return {
        test: {
          root,
          include: [
            'test/unit/**/*.test.ts',
            'test/integration/**/*.test.ts',
            'test/reliability/**/*.test.ts',
            'test/security/**/*.test.ts',
          ],
          environment: 'node',
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      } as UserConfig;
    case 'main':
      return nodeBuild('electron/main.ts', 'dist/main', 'main.js');
    case 'cli':
      return {
        ...nodeBuild('electron/cli/hookbench.ts', 'dist/cli', 'hookbench.js'),
        // npm links `bin` with the executable bit, but a fresh build run in place needs it too.
        plugins: [
          {
            name: 'executable-bin',
            writeBundle: () => chmodSync(resolve(root, 'dist/cli/hookbench.js'), 0o755),
          },
        ],
      };
    case 'preload':
      return {
        build: {
          outDir: resolve(root, 'dist/preload'),
          emptyOutDir: true,
          target: 'node24',
          sourcemap: true,
          minify: false,
          lib: {
            entry: resolve(root, 'electron/preload.ts'),
            formats: ['cjs'],
            fileName: () => 'preload.cjs',
          },
          rolldownOptions: { external: ['electron', ...nodeBuiltins] },
        },
      };
    default:
      return {
        root: resolve(root, 'renderer'),
        base: './',
        plugins: [react()],
        build: {
          outDir: resolve(root, 'dist/renderer'),
          emptyOutDir: true,
          target: 'chrome140',
          sourcemap: true,
        },
        server: { port: 5173, strictPort: true },
      };
  }
});
