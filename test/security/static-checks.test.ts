/**
 * Static checks over the source: settings that would switch Electron's
 * isolation off, HTML sinks in the renderer, inline scripts in the page, and
 * opening URLs outside the one guarded place. They fail the build the moment
 * such a line appears anywhere under electron/ or renderer/.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { COMMANDS, type HookbenchApi, ipcChannel } from '../../shared/contract';
import { REPO_ROOT } from '../helpers/cli';

const SOURCE = /\.(ts|tsx|js|mjs|cjs|html)$/;

function sources(folder: string): { path: string; text: string }[] {
  const found: { path: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (SOURCE.test(name))
        found.push({ path: relative(REPO_ROOT, full), text: readFileSync(full, 'utf8') });
    }
  };
  walk(join(REPO_ROOT, folder));
  return found;
}

/** Lines matching a pattern, as `file:line: text`, so a failure points at the culprit. */
function offending(files: { path: string; text: string }[], pattern: RegExp): string[] {
  const hits: string[] = [];
  for (const { path, text } of files) {
    text.split('\n').forEach((line, i) => {
      if (pattern.test(line)) hits.push(`${path}:${i + 1}: ${line.trim()}`);
    });
  }
  return hits;
}

const shellAndUi = [...sources('electron'), ...sources('renderer')];

describe('static security checks', () => {
  it('never turns off Electron isolation (nodeIntegration, contextIsolation, sandbox, webSecurity, …)', () => {
    const quote = `['"]?`;
    const unsafe = [
      `nodeIntegration${quote}\\s*:\\s*true`,
      `nodeIntegrationInWorker${quote}\\s*:\\s*true`,
      `nodeIntegrationInSubFrames${quote}\\s*:\\s*true`,
      `contextIsolation${quote}\\s*:\\s*false`,
      `sandbox${quote}\\s*:\\s*false`,
      `webSecurity${quote}\\s*:\\s*false`,
      `allowRunningInsecureContent${quote}\\s*:\\s*true`,
      `webviewTag${quote}\\s*:\\s*true`,
      `experimentalFeatures${quote}\\s*:\\s*true`,
      `enableBlinkFeatures`,
      `disable-web-security`,
    ];
    expect(offending(shellAndUi, new RegExp(unsafe.join('|')))).toEqual([]);
  });

  it('the main window sets each of them explicitly to the safe value', () => {
    const main = readFileSync(join(REPO_ROOT, 'electron/main.ts'), 'utf8');
    for (const setting of [
      'contextIsolation: true',
      'sandbox: true',
      'nodeIntegration: false',
      'webSecurity: true',
    ])
      expect(main).toContain(setting);
    expect(main).toContain('app.enableSandbox()');
  });

  it('the packaged app cannot be run as Node, take NODE_OPTIONS or --inspect, or load outside app.asar', () => {
    const builder = readFileSync(join(REPO_ROOT, 'electron-builder.yml'), 'utf8');
    const fuses = /^electronFuses:\n((?: {2}.*\n)+)/m.exec(builder)?.[1] ?? '';
    expect(
      fuses
        .split('\n')
        .filter(Boolean)
        .map((line) => line.trim())
        .sort(),
    ).toEqual([
      'enableNodeCliInspectArguments: false',
      'enableNodeOptionsEnvironmentVariable: false',
      'onlyLoadAppFromAsar: true',
      'runAsNode: false',
    ]);
    expect(builder).toMatch(/^asar: true$/m);
  });

  it('the renderer never writes HTML from data (payloads are shown as text)', () => {
    const renderer = sources('renderer');
    const sinks =
      /dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write\(|\beval\(|new Function\(/;
    expect(offending(renderer, sinks)).toEqual([]);
  });

  it('the page has no inline script and carries its own CSP without unsafe sources', () => {
    const html = readFileSync(join(REPO_ROOT, 'renderer/index.html'), 'utf8');
    for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag).toMatch(/\bsrc=/);
    expect(html).not.toMatch(/\son[a-z]+=/i); // no inline event handlers
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it('URLs reach the OS only through the guarded opener in electron/main.ts', () => {
    expect(
      offending(shellAndUi, /shell\.openExternal\(|\.openPath\(|\.openItem\(/).map(
        (hit) => hit.split(':')[0],
      ),
    ).toEqual(['electron/main.ts']);
    // Every use of that opener goes through hardenWebContents, which refuses non-http(s) URLs.
    const main = readFileSync(join(REPO_ROOT, 'electron/main.ts'), 'utf8').split('\n');
    const uses = main.filter((line) => /\bopenExternal\b/.test(line) && !/^\s*(\/\/|\*)/.test(line));
    expect(uses.length).toBeGreaterThan(1);
    for (const line of uses)
      expect(line).toMatch(/const openExternal = .*shell\.openExternal\(url\)|hardenWebContents\(/);
  });
});

const fake = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoked: [] as string[],
  subscribed: [] as string[],
}));
vi.mock('electron', () => {
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api) },
    ipcRenderer: {
      invoke: async (channel: string) => {
        fake.invoked.push(channel);
        return { ok: true, value: null };
      },
      on: (channel: string) => fake.subscribed.push(channel),
      removeListener: () => {},
      send: () => {
        throw new Error('the preload must never send');
      },
    },
  };
  return { ...electron, default: electron };
});

describe('preload exposes only the named API', () => {
  it('one object, one function per contract command plus subscribe, each bound to its own channel', async () => {
    await import('../../electron/preload');
    expect([...fake.exposed.keys()]).toEqual(['hookbench']);
    const api = fake.exposed.get('hookbench') as HookbenchApi;
    expect(Object.keys(api).sort()).toEqual([...COMMANDS, 'subscribe'].sort());
    // A request cannot pick the channel: whatever it carries, each function calls its own.
    for (const name of COMMANDS) {
      await (api[name] as (request: unknown) => Promise<unknown>)({
        channel: 'hookbench:command:clearCaptures',
      });
    }
    expect(fake.invoked).toEqual(COMMANDS.map(ipcChannel.command));
    // Raw channel names and prototype keys are not events.
    for (const name of [
      'hookbench:event:settingsChanged',
      'hookbench:command:clearCaptures',
      'constructor',
      '__proto__',
    ])
      expect(() => api.subscribe(name as never, () => {}), name).toThrow();
    expect(fake.subscribed).toEqual([]);
  });
});
