/**
 * Builds the parts of the core the bench imports directly (createHookbench, CaptureStore, the
 * filter parser, the template engine, rule presets, the replay service and its store, the HTTP
 * client's agents) into bench/.build/ as plain ESM, with a
 * programmatic Vite build: the repo's vite.config.ts only knows the app's four builds, and
 * there is no TypeScript loader to import the sources as they are.
 */
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { build } from 'vite';

export const ENTRIES = {
  core: 'electron/core/index.ts',
  store: 'electron/core/store/capture-store.ts',
  filter: 'shared/filter.ts',
  templates: 'electron/core/templates/index.ts',
  presets: 'shared/presets.ts',
  // Step 6 (bulk replay), assembled as electron/cli/replay.ts does it.
  replay: 'electron/core/replay/replay-service.ts',
  'replay-store': 'electron/core/replay/replay-store.ts',
  'replay-validate': 'electron/core/replay/validate.ts',
  http: 'electron/core/http/index.ts',
};

/** Builds every entry to `<outDir>/<name>.mjs`; dependencies and Node built-ins stay external. */
export async function buildCore(root, outDir) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const dependencies = Object.keys(pkg.dependencies ?? {});
  const builtins = new Set(builtinModules);
  const external = (id) =>
    id.startsWith('node:') ||
    builtins.has(id) ||
    dependencies.some((dep) => id === dep || id.startsWith(`${dep}/`));
  const input = Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, join(root, file)]));
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    mode: 'production',
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      target: 'node24',
      sourcemap: true,
      minify: false,
      rolldownOptions: {
        input,
        external,
        output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs' },
      },
    },
    ssr: { target: 'node' },
  });
}
