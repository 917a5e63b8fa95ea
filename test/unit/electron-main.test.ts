/**
 * The Electron shell, without Electron: `electron` is replaced by a stand-in
 * (importing the real package would try to download its binary), the core
 * factory by a fake core, and electron/main.ts is imported for real so the
 * wiring it does at startup can be observed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, type Mock, vi } from 'vitest';
import { readEnvOverrides } from '../../electron/shell/env';
import { forwardEvents } from '../../electron/shell/events';
import { isTrustedSender, REFUSED_SENDER_MESSAGE } from '../../electron/shell/ipc';
import { buildMenuTemplate } from '../../electron/shell/menu';
import {
  APP_ENTRY_URL,
  CONTENT_SECURITY_POLICY,
  createRendererHandler,
  resolveRendererFile,
} from '../../electron/shell/protocol';
import { COMMANDS, type CommandName, EVENTS, type EventName, ipcChannel } from '../../shared/contract';
import { tempDir } from '../helpers/temp-dir';

type Listener = (...args: never[]) => unknown;
type InvokeListener = (event: { senderFrame: { url: string } | null }, request: unknown) => Promise<unknown>;

const fake = vi.hoisted(() => {
  /** Just enough of Node's EventEmitter for `on`/`once` registrations and test-driven `emit`. */
  class Emitter {
    readonly listeners = new Map<string, Listener[]>();
    on(name: string, listener: Listener): this {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
      return this;
    }
    once(name: string, listener: Listener): this {
      return this.on(name, listener);
    }
    emit(name: string, ...args: unknown[]): void {
      for (const listener of this.listeners.get(name) ?? [])
        (listener as (...a: unknown[]) => unknown)(...args);
    }
  }

  class FakeWebContents extends Emitter {
    destroyed = false;
    readonly send = vi.fn<(channel: string, payload: unknown) => void>();
    windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
      this.windowOpenHandler = handler;
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
  }

  interface WindowOptions {
    width?: number;
    height?: number;
    minWidth?: number;
    minHeight?: number;
    title?: string;
    show?: boolean;
    webPreferences?: Record<string, unknown>;
  }

  const state = {
    paths: new Map<string, string>(),
    ipcHandlers: new Map<string, InvokeListener>(),
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    windows: [] as FakeBrowserWindow[],
    permissionRequestHandler: null as
      | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void)
      | null,
    permissionCheckHandler: null as ((contents: unknown, permission: string) => boolean) | null,
    storeOptions: [] as unknown[],
    lock: true,
  };

  class FakeBrowserWindow extends Emitter {
    readonly webContents = new FakeWebContents();
    readonly loadURL = vi.fn(async (_url: string) => {});
    readonly show = vi.fn();
    readonly focus = vi.fn();
    readonly restore = vi.fn();
    readonly isMinimized = vi.fn(() => false);
    readonly isDestroyed = vi.fn(() => false);
    constructor(readonly options: WindowOptions) {
      super();
      state.windows.push(this);
    }
  }

  const app = Object.assign(new Emitter(), {
    isPackaged: false,
    whenReady: vi.fn(() => Promise.resolve()),
    getPath: vi.fn((name: string) => state.paths.get(name) ?? `/nonexistent/${name}`),
    setPath: vi.fn((name: string, value: string) => {
      state.paths.set(name, value);
    }),
    requestSingleInstanceLock: vi.fn(() => state.lock),
    enableSandbox: vi.fn(),
    quit: vi.fn(),
    exit: vi.fn(),
  });

  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain: {
      handle: vi.fn((channel: string, listener: InvokeListener) => {
        state.ipcHandlers.set(channel, listener);
      }),
    },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(),
      handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) => {
        state.protocolHandlers.set(scheme, handler);
      }),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn((handler: typeof state.permissionRequestHandler) => {
          state.permissionRequestHandler = handler;
        }),
        setPermissionCheckHandler: vi.fn((handler: typeof state.permissionCheckHandler) => {
          state.permissionCheckHandler = handler;
        }),
      },
    },
    Menu: {
      buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
      setApplicationMenu: vi.fn(),
    },
    shell: { openExternal: vi.fn(async (_url: string) => {}) },
    dialog: { showErrorBox: vi.fn(), showMessageBox: vi.fn(async () => ({ response: 1 })) },
    net: { fetch: vi.fn() },
    // A reversible stand-in for the OS keychain, so the test can see secrets were sealed.
    safeStorage: {
      isEncryptionAvailable: vi.fn(() => true),
      encryptString: vi.fn((plain: string) => Buffer.from(`sealed(${plain})`)),
      decryptString: vi.fn((sealed: Buffer) => sealed.toString().replace(/^sealed\((.*)\)$/, '$1')),
    },
  };

  /** The fake core createHookbench resolves to; built per run (it needs the contract lists). */
  const core = {
    current: null as FakeCore | null,
    options: [] as Array<Record<string, unknown>>,
  };
  interface FakeCore {
    handlers: Record<string, Mock<(request: unknown) => Promise<unknown>>>;
    listeners: Map<string, Set<(payload: unknown) => void>>;
    on: Mock<(event: string, listener: (payload: unknown) => void) => () => void>;
    start: Mock<() => Promise<void>>;
    close: Mock<() => Promise<void>>;
  }
  const createHookbench = vi.fn(async (options: Record<string, unknown>) => {
    core.options.push(options);
    if (!core.current) throw new Error('test set-up: no fake core');
    return core.current;
  });

  function reset(): void {
    state.paths.clear();
    state.ipcHandlers.clear();
    state.protocolHandlers.clear();
    state.windows.length = 0;
    state.permissionRequestHandler = null;
    state.permissionCheckHandler = null;
    state.storeOptions.length = 0;
    state.lock = true;
    app.listeners.clear();
    core.current = null;
    core.options.length = 0;
  }

  return { state, electron, app, core, createHookbench, FakeWebContents, reset };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));
vi.mock('electron-store', () => ({
  default: class FakeElectronStore {
    constructor(options: unknown) {
      fake.state.storeOptions.push(options);
    }
  },
}));
vi.mock('../../electron/core/index', () => ({ createHookbench: fake.createHookbench }));

function makeFakeCore(): NonNullable<typeof fake.core.current> {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const handlers = Object.fromEntries(
    COMMANDS.map((name) => [name, vi.fn(async (request: unknown) => ({ answeredBy: name, request }))]),
  );
  return {
    handlers,
    listeners,
    on: vi.fn((event: string, listener: (payload: unknown) => void) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    }),
    start: vi.fn(async () => {}),
    close: vi.fn(async () => {}),
  };
}

function emitCoreEvent(
  core: NonNullable<typeof fake.core.current>,
  event: EventName,
  payload: unknown,
): void {
  for (const listener of core.listeners.get(event) ?? []) listener(payload);
}

function ipcHandler(name: CommandName): InvokeListener {
  const handler = fake.state.ipcHandlers.get(ipcChannel.command(name));
  if (!handler) throw new Error(`no handler for ${name}`);
  return handler;
}

const APP_FRAME = { senderFrame: { url: APP_ENTRY_URL } };

async function importMainFresh(): Promise<void> {
  vi.resetModules();
  await import('../../electron/main');
}

/** What start-up did, copied out because Vitest clears mock calls before each test. */
interface StartupRecord {
  privilegedSchemes: unknown[][];
  sandboxEnabled: number;
  handledChannels: string[];
  loadedUrls: string[];
  menuTemplates: unknown[];
  menusSet: number;
  subscribedEvents: string[];
}

function recordStartup(core: NonNullable<typeof fake.core.current>): StartupRecord {
  const { protocol, ipcMain, Menu } = fake.electron;
  return {
    privilegedSchemes: protocol.registerSchemesAsPrivileged.mock.calls.map((args) => [...args]),
    sandboxEnabled: fake.app.enableSandbox.mock.calls.length,
    handledChannels: ipcMain.handle.mock.calls.map(([channel]) => channel),
    loadedUrls: fake.state.windows.flatMap((win) => win.loadURL.mock.calls.map(([url]) => url)),
    menuTemplates: Menu.buildFromTemplate.mock.calls.map(([template]) => template),
    menusSet: Menu.setApplicationMenu.mock.calls.length,
    subscribedEvents: core.on.mock.calls.map(([event]) => event),
  };
}

describe('electron/main.ts wiring', () => {
  const userData = tempDir('hookbench-userdata-');
  let core: NonNullable<typeof fake.core.current>;
  let startup: StartupRecord;
  /** main.ts's own copy of the core's error class (its module graph was freshly loaded). */
  let CoreError: typeof import('../../electron/core/errors').CoreError;

  beforeAll(async () => {
    fake.reset();
    vi.clearAllMocks();
    delete process.env.HOOKBENCH_DATA_DIR;
    delete process.env.HOOKBENCH_RECEIVER_PORT;
    fake.state.paths.set('userData', userData.path);
    core = makeFakeCore();
    fake.core.current = core;
    await importMainFresh();
    await vi.waitFor(() => expect(core.start).toHaveBeenCalledTimes(1));
    startup = recordStartup(core);
    ({ CoreError } = await import('../../electron/core/errors'));
  });
  afterAll(() => userData.cleanup());

  it('registers the privileged scheme before ready and serves the renderer through it', () => {
    expect(startup.privilegedSchemes).toEqual([
      [[{ scheme: 'hookbench', privileges: { standard: true, secure: true, supportFetchAPI: true } }]],
    ]);
    expect(fake.state.protocolHandlers.has('hookbench')).toBe(true);
    expect(startup.sandboxEnabled).toBe(1);
  });

  it('builds the core on the userData folder with electron-store as the settings backend', () => {
    expect(fake.core.options).toHaveLength(1);
    const options = fake.core.options[0];
    expect(options?.dataDir).toBe(userData.path);
    expect(options?.receiver).toBeUndefined();
    expect(options?.logger).toBeTypeOf('object');

    const backend = options?.settingsBackend as (options: Record<string, unknown>) => unknown;
    backend({
      configName: 'settings',
      projectName: 'hookbench',
      projectSuffix: '',
      defaults: { theme: 'system' },
    });
    expect(fake.state.storeOptions).toEqual([
      { name: 'settings', cwd: userData.path, defaults: { theme: 'system' } },
    ]);
  });

  it('seals saved secrets with safeStorage, the OS keychain', () => {
    const secrets = fake.core.options[0]?.secrets as {
      encrypt(t: string): string;
      decrypt(t: string): string;
    };
    expect(secrets).toBeTypeOf('object');
    const sealed = secrets.encrypt('Bearer s3cret');
    expect(sealed).not.toContain('s3cret');
    expect(fake.electron.safeStorage.encryptString).toHaveBeenCalledWith('Bearer s3cret');
    expect(secrets.decrypt(sealed)).toBe('Bearer s3cret');
  });

  it('registers exactly one handler per contract command and no other channel', () => {
    const expected = COMMANDS.map(ipcChannel.command).sort();
    expect([...fake.state.ipcHandlers.keys()].sort()).toEqual(expected);
    expect(startup.handledChannels.sort()).toEqual(expected); // once each, none twice
  });

  it('passes a request from the app page to the core and wraps the answer', async () => {
    for (const name of COMMANDS) {
      const request = { probe: name };
      await expect(ipcHandler(name)(APP_FRAME, request)).resolves.toEqual({
        ok: true,
        value: { answeredBy: name, request },
      });
      expect(core.handlers[name]).toHaveBeenCalledWith(request);
    }
  });

  it('refuses senders that are not the app page, without calling the core', async () => {
    const refused = { ok: false, error: { code: 'bad_request', message: REFUSED_SENDER_MESSAGE } };
    const consoleWarn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const getCapture = core.handlers.getCapture;
    getCapture?.mockClear();
    const handler = ipcHandler('getCapture');
    await expect(handler({ senderFrame: { url: 'https://evil.example/' } }, { id: 1 })).resolves.toEqual(
      refused,
    );
    await expect(handler({ senderFrame: null }, { id: 1 })).resolves.toEqual(refused);
    await expect(
      handler({ senderFrame: { url: 'hookbench://evil/index.html' } }, { id: 1 }),
    ).resolves.toEqual(refused);
    await expect(handler({ senderFrame: { url: 'file:///index.html' } }, { id: 1 })).resolves.toEqual(
      refused,
    );
    expect(getCapture).not.toHaveBeenCalled();
    expect(String(consoleWarn.mock.calls[0]?.[0])).toContain('Refused getCapture from https://evil.example/');
    consoleWarn.mockRestore();
  });

  it('turns core errors into contract errors without a stack', async () => {
    core.handlers.getCapture?.mockRejectedValueOnce(new CoreError('not_found', 'No capture with id 9.'));
    const result = await ipcHandler('getCapture')(APP_FRAME, { id: 9 });
    expect(result).toEqual({ ok: false, error: { code: 'not_found', message: 'No capture with id 9.' } });

    core.handlers.listCaptures?.mockRejectedValueOnce(new TypeError('boom'));
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const internal = await ipcHandler('listCaptures')(APP_FRAME, {});
    expect(internal).toEqual({ ok: false, error: { code: 'internal', message: 'boom' } });
    expect(JSON.stringify(internal)).not.toMatch(/stack|\n\s+at /);
    // The stack goes to the main process log instead.
    expect(String(consoleError.mock.calls[0]?.[0])).toContain('TypeError: boom');
    consoleError.mockRestore();
  });

  it('creates a locked-down window that loads the app scheme', () => {
    expect(fake.state.windows).toHaveLength(1);
    const win = fake.state.windows[0];
    const prefs = win?.options.webPreferences;
    expect(prefs?.contextIsolation).toBe(true);
    expect(prefs?.sandbox).toBe(true);
    expect(prefs?.nodeIntegration).toBe(false);
    expect(prefs?.webSecurity).toBe(true);
    expect(prefs?.preload).toBe(path.resolve(import.meta.dirname, '../../preload/preload.cjs'));
    expect(win?.options).toMatchObject({
      width: 1280,
      height: 800,
      minWidth: 900,
      minHeight: 560,
      title: 'Hookbench',
    });
    expect(startup.loadedUrls).toEqual(['hookbench://app/index.html']);
    win?.emit('ready-to-show');
    expect(win?.show).toHaveBeenCalled();
  });

  it('denies new windows and hands web links to the browser only after the user confirms', async () => {
    const contents = fake.state.windows[0]?.webContents;
    const open = contents?.windowOpenHandler;
    expect(open).toBeTypeOf('function');
    fake.electron.shell.openExternal.mockClear();
    expect(open?.({ url: 'https://example.com/docs' })).toEqual({ action: 'deny' });
    await vi.waitFor(() =>
      expect(fake.electron.shell.openExternal).toHaveBeenCalledWith('https://example.com/docs'),
    );
    expect(fake.electron.dialog.showMessageBox).toHaveBeenCalledWith(
      expect.objectContaining({ detail: 'https://example.com/docs' }),
    );
    fake.electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 0 });
    expect(open?.({ url: 'https://example.com/cancelled' })).toEqual({ action: 'deny' });
    expect(open?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(open?.({ url: 'hookbench://app/index.html' })).toEqual({ action: 'deny' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(fake.electron.shell.openExternal).toHaveBeenCalledTimes(1);
  });

  it('blocks navigation away from the app scheme', () => {
    const contents = fake.state.windows[0]?.webContents;
    const away = { url: 'https://evil.example/', preventDefault: vi.fn() };
    contents?.emit('will-navigate', away, away.url);
    expect(away.preventDefault).toHaveBeenCalled();
    const inside = { url: 'hookbench://app/index.html#/captures', preventDefault: vi.fn() };
    contents?.emit('will-navigate', inside, inside.url);
    expect(inside.preventDefault).not.toHaveBeenCalled();
  });

  it('guards every other web contents, including webview attachment', () => {
    const other = new fake.FakeWebContents();
    fake.app.emit('web-contents-created', {}, other);
    const attach = { preventDefault: vi.fn() };
    other.emit('will-attach-webview', attach, {}, {});
    expect(attach.preventDefault).toHaveBeenCalled();
    expect(other.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('denies every permission request and check', () => {
    const callback = vi.fn();
    fake.state.permissionRequestHandler?.({}, 'media', callback);
    fake.state.permissionRequestHandler?.({}, 'notifications', callback);
    expect(callback.mock.calls).toEqual([[false], [false]]);
    expect(fake.state.permissionCheckHandler?.({}, 'clipboard-read')).toBe(false);
  });

  it('forwards every contract event to live windows only', () => {
    const win = fake.state.windows[0];
    if (!win) throw new Error('no window');
    expect(startup.subscribedEvents.sort()).toEqual([...EVENTS].sort());
    for (const event of EVENTS) {
      const payload = { event, n: 1 };
      emitCoreEvent(core, event, payload);
      expect(win.webContents.send).toHaveBeenLastCalledWith(ipcChannel.event(event), payload);
    }
    win.webContents.send.mockClear();
    win.isDestroyed.mockReturnValue(true);
    emitCoreEvent(core, 'capturesAdded', { items: [], total: 0 });
    expect(win.webContents.send).not.toHaveBeenCalled();
    win.isDestroyed.mockReturnValue(false);
  });

  it('installs an application menu with development items when not packaged', () => {
    expect(startup.menusSet).toBe(1);
    expect(JSON.stringify(startup.menuTemplates)).toContain('toggleDevTools');
  });

  it('brings the first window forward when a second instance starts', () => {
    const win = fake.state.windows[0];
    win?.focus.mockClear();
    fake.app.emit('second-instance', {}, [], '/');
    expect(win?.focus).toHaveBeenCalled();
  });

  it('quits when the last window closes', () => {
    fake.app.quit.mockClear();
    fake.app.emit('window-all-closed');
    expect(fake.app.quit).toHaveBeenCalledTimes(1);
  });

  it('closes the core before letting the app quit', async () => {
    fake.app.quit.mockClear();
    let finishClose: () => void = () => {};
    core.close.mockImplementationOnce(() => new Promise<void>((resolve) => (finishClose = resolve)));

    const first = { preventDefault: vi.fn() };
    fake.app.emit('before-quit', first);
    expect(first.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(core.close).toHaveBeenCalledTimes(1));

    const meanwhile = { preventDefault: vi.fn() };
    fake.app.emit('before-quit', meanwhile); // a second Cmd+Q while closing: still held, not closed twice
    expect(meanwhile.preventDefault).toHaveBeenCalled();
    expect(fake.app.quit).not.toHaveBeenCalled();

    finishClose();
    await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalledTimes(1));
    const last = { preventDefault: vi.fn() };
    fake.app.emit('before-quit', last);
    expect(last.preventDefault).not.toHaveBeenCalled();
    expect(core.close).toHaveBeenCalledTimes(1);
  });
});

describe('electron/main.ts start-up variants', () => {
  const dataDir = tempDir('hookbench-override-');
  afterAll(() => {
    dataDir.cleanup();
    delete process.env.HOOKBENCH_DATA_DIR;
    delete process.env.HOOKBENCH_RECEIVER_PORT;
  });

  it('honours HOOKBENCH_DATA_DIR and HOOKBENCH_RECEIVER_PORT', async () => {
    fake.reset();
    vi.clearAllMocks();
    const core = makeFakeCore();
    fake.core.current = core;
    process.env.HOOKBENCH_DATA_DIR = dataDir.path;
    process.env.HOOKBENCH_RECEIVER_PORT = '45123';
    await importMainFresh();
    await vi.waitFor(() => expect(core.start).toHaveBeenCalled());

    expect(fake.app.setPath).toHaveBeenCalledWith('userData', dataDir.path);
    // The lock lives in userData, so the override must come first.
    const setPathOrder = fake.app.setPath.mock.invocationCallOrder[0] ?? Number.POSITIVE_INFINITY;
    const lockOrder = fake.app.requestSingleInstanceLock.mock.invocationCallOrder[0] ?? 0;
    expect(setPathOrder).toBeLessThan(lockOrder);
    expect(fake.core.options[0]).toMatchObject({ dataDir: dataDir.path, receiver: { port: 45123 } });
  });

  it('leaves at once, wiring nothing, when another instance holds the lock', async () => {
    fake.reset();
    vi.clearAllMocks();
    delete process.env.HOOKBENCH_DATA_DIR;
    delete process.env.HOOKBENCH_RECEIVER_PORT;
    fake.core.current = makeFakeCore();
    fake.state.lock = false;
    await importMainFresh();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fake.app.quit).toHaveBeenCalled();
    expect(fake.createHookbench).not.toHaveBeenCalled();
    expect(fake.state.ipcHandlers.size).toBe(0);
    expect(fake.state.windows).toHaveLength(0);
  });
});

describe('shell helpers', () => {
  it('trusts only frames on hookbench://app/', () => {
    expect(isTrustedSender({ url: 'hookbench://app/index.html' })).toBe(true);
    expect(isTrustedSender({ url: 'hookbench://app/' })).toBe(true);
    expect(isTrustedSender({ url: 'hookbench://application/index.html' })).toBe(false);
    expect(isTrustedSender({ url: 'hookbench://app.evil/index.html' })).toBe(false);
    expect(isTrustedSender({ url: 'http://app/index.html' })).toBe(false);
    expect(isTrustedSender({ url: 'not a url' })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });

  it('forwards events and unsubscribes them all', () => {
    const core = makeFakeCore();
    const target = { isDestroyed: () => false, send: vi.fn() };
    const stop = forwardEvents(core, () => [target]);
    emitCoreEvent(core, 'settingsChanged', { theme: 'dark' });
    expect(target.send).toHaveBeenCalledWith(ipcChannel.event('settingsChanged'), { theme: 'dark' });
    stop();
    target.send.mockClear();
    for (const event of EVENTS) emitCoreEvent(core, event, {});
    expect(target.send).not.toHaveBeenCalled();
  });

  it('leaves reload and devtools out of the packaged menu', () => {
    const packaged = JSON.stringify(buildMenuTemplate({ isPackaged: true, platform: 'linux' }));
    expect(packaged).not.toContain('toggleDevTools');
    expect(packaged).not.toContain('reload');
    expect(JSON.stringify(buildMenuTemplate({ isPackaged: true, platform: 'darwin' }))).toContain('appMenu');
  });

  it('reads the environment overrides and rejects a bad port', () => {
    expect(readEnvOverrides({})).toEqual({});
    expect(readEnvOverrides({ HOOKBENCH_DATA_DIR: '/tmp/hb', HOOKBENCH_RECEIVER_PORT: '8080' })).toEqual({
      dataDir: path.resolve('/tmp/hb'),
      receiverPort: 8080,
    });
    expect(() => readEnvOverrides({ HOOKBENCH_RECEIVER_PORT: 'eighty' })).toThrow(/HOOKBENCH_RECEIVER_PORT/);
    expect(() => readEnvOverrides({ HOOKBENCH_RECEIVER_PORT: '70000' })).toThrow(/HOOKBENCH_RECEIVER_PORT/);
  });
});

describe('renderer protocol handler', () => {
  const dir = tempDir('hookbench-renderer-');
  const root = path.join(dir.path, 'renderer');
  const handler = createRendererHandler(root);
  const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

  beforeAll(() => {
    mkdirSync(path.join(root, 'assets'), { recursive: true });
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Hookbench</title>');
    writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    mkdirSync(path.join(dir.path, 'outside'));
    writeFileSync(path.join(dir.path, 'outside', 'secret.txt'), 'secret');
    writeFileSync(path.join(dir.path, 'renderer-secret.txt'), 'secret');
  });
  afterAll(() => dir.cleanup());

  it('serves index.html with the strict CSP', async () => {
    const response = await get('hookbench://app/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
    expect(CONTENT_SECURITY_POLICY).toBe(response.headers.get('content-security-policy'));
    expect(await response.text()).toContain('<title>Hookbench</title>');
    expect((await get('hookbench://app/')).status).toBe(200);
    const script = await get('hookbench://app/assets/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it.each([
    'hookbench://app/../../etc/passwd',
    'hookbench://app/../outside/secret.txt',
    'hookbench://app/%2e%2e/outside/secret.txt',
    'hookbench://app/%2E%2E/%2e%2e/etc/passwd',
    'hookbench://app/..%2foutside%2fsecret.txt',
    'hookbench://app/..%2F..%2Fetc%2Fpasswd',
    'hookbench://app/..%5coutside%5csecret.txt',
    'hookbench://app/%2e%2e%2frenderer-secret.txt',
    'hookbench://app/index.html%00.png',
    'hookbench://app/%E0%A4%A',
    'hookbench://other/index.html',
    'hookbench://app/missing.js',
    'hookbench://app/assets',
  ])('refuses %s with a 404 that still carries the CSP', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('secret');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('never maps a URL outside the root', () => {
    expect(resolveRendererFile(root, 'hookbench://app/..%2f..%2fetc%2fpasswd')).toBeNull();
    expect(resolveRendererFile(root, 'hookbench://app/assets/app.js')).toBe(
      path.join(root, 'assets', 'app.js'),
    );
  });

  it('answers only GET and HEAD', async () => {
    expect((await get('hookbench://app/index.html', 'POST')).status).toBe(405);
    const head = await get('hookbench://app/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
