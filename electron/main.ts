/**
 * Electron main process: a thin shell that builds the core, serves the
 * renderer from the `hookbench://app` scheme, bridges contract commands and
 * events over IPC, and locks the window down. All behaviour lives in the core;
 * the wiring pieces live in ./shell so they can be tested without Electron.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Options as ConfOptions } from 'conf';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell } from 'electron';
import ElectronStore from 'electron-store';
import type { SecretBox } from './core/composer/secrets';
import { createHookbench } from './core/index';
import type { HookbenchCore, Logger, SettingsBackendFactory } from './core/types';
import { type EnvOverrides, readEnvOverrides } from './shell/env';
import { forwardEvents } from './shell/events';
import { isTrustedSender, registerContractHandlers } from './shell/ipc';
import { buildMenuTemplate } from './shell/menu';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, createRendererHandler } from './shell/protocol';
import { safeStorageBox } from './shell/secrets';
import { confirmWithDialog, denyAllPermissions, hardenWebContents } from './shell/security';

// Built layout: dist/main/main.js sits next to dist/preload/ and dist/renderer/.
const PRELOAD_PATH = path.join(import.meta.dirname, '../preload/preload.cjs');
const RENDERER_DIR = path.join(import.meta.dirname, '../renderer');

const logger: Logger = {
  info: (message) => console.log(`[hookbench] ${message}`),
  warn: (message) => console.warn(`[hookbench] ${message}`),
  error: (message) => console.error(`[hookbench] ${message}`),
};

const openExternal = (url: string): Promise<void> => shell.openExternal(url);
// Captured payloads carry arbitrary URLs (the reverse integration's view_url): the user confirms before one opens.
const confirmOpen = confirmWithDialog((options) => dialog.showMessageBox(options));

/** The app's own windows; events go to these and nothing else. */
const windows = new Set<BrowserWindow>();
let corePromise: Promise<HookbenchCore> | null = null;
let quitState: 'running' | 'closing' | 'closed' = 'running';

/**
 * electron-store is `conf` with Electron defaults; it names the file with
 * `name` instead of `configName` and has no use for conf's project options.
 */
function electronStoreBackend(dataDir: string): SettingsBackendFactory {
  return <T extends Record<string, unknown>>({
    configName,
    projectName: _projectName,
    projectSuffix: _projectSuffix,
    ...options
  }: ConfOptions<T>) =>
    new ElectronStore<T>({
      ...options,
      cwd: options.cwd ?? dataDir,
      ...(configName === undefined ? {} : { name: configName }),
    });
}

function withSecrets(box: SecretBox | undefined): { secrets?: SecretBox } {
  return box ? { secrets: box } : {};
}

function liveWindows(): BrowserWindow[] {
  return [...windows].filter((win) => !win.isDestroyed());
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 560,
    title: 'Hookbench',
    show: false, // shown on ready-to-show, so the user never sees a blank frame
    webPreferences: {
      preload: PRELOAD_PATH,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  hardenWebContents(win.webContents, openExternal, confirmOpen);
  windows.add(win);
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => windows.delete(win));
  win
    .loadURL(APP_ENTRY_URL)
    .catch((error: unknown) => logger.error(`Could not load the UI: ${String(error)}`));
  return win;
}

async function start(overrides: EnvOverrides): Promise<void> {
  await app.whenReady();
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(buildMenuTemplate({ isPackaged: app.isPackaged, platform: process.platform })),
  );
  denyAllPermissions(session.defaultSession);
  protocol.handle(APP_SCHEME, createRendererHandler(RENDERER_DIR));

  // Already redirected by HOOKBENCH_DATA_DIR (see the bottom of this file) when set.
  const dataDir = app.getPath('userData');
  corePromise = createHookbench({
    dataDir,
    settingsBackend: electronStoreBackend(dataDir),
    logger,
    ...withSecrets(safeStorageBox(safeStorage)),
    ...(overrides.receiverPort === undefined ? {} : { receiver: { port: overrides.receiverPort } }),
  });
  const core = await corePromise;
  if (quitState !== 'running') return; // quit while the core was opening; before-quit closes it

  registerContractHandlers(ipcMain, core, isTrustedSender, logger);
  forwardEvents(core, () => liveWindows().map((win) => win.webContents));
  createWindow();
  // Resolves whether the receiver listens or fails; a failure reaches the UI as a receiverStatus event.
  await core.start();
}

/** Closes the core so in-flight captures finish and the store is flushed. */
async function closeCore(): Promise<void> {
  if (corePromise === null) return;
  try {
    const core = await corePromise;
    await core.close();
  } catch (error) {
    logger.error(`Shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function fail(title: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  logger.error(`${title}: ${message}`);
  dialog.showErrorBox(title, message); // safe before ready, too
}

function main(): void {
  let overrides: EnvOverrides;
  try {
    overrides = readEnvOverrides(process.env);
  } catch (error) {
    fail('Hookbench could not start', error);
    app.exit(1);
    return;
  }
  // Before the lock: the single-instance lock and the Chromium profile both
  // live in userData, so an override also isolates them from the user's app.
  if (overrides.dataDir !== undefined) {
    mkdirSync(overrides.dataDir, { recursive: true }); // the lock file is created in it right below
    app.setPath('userData', overrides.dataDir);
  }

  if (!app.requestSingleInstanceLock()) {
    app.quit(); // the first instance gets 'second-instance' and comes forward
    return;
  }

  // Both must happen before 'ready'.
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  app.enableSandbox();

  app.on('second-instance', () => {
    const [win] = liveWindows();
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });

  // Covers any web contents besides the main window's (which is hardened on creation).
  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, openExternal, confirmOpen),
  );

  // Quit with the last window on every platform, macOS included: the receiver
  // holds a port, and an invisible app still swallowing webhooks would surprise.
  app.on('window-all-closed', () => app.quit());

  app.on('before-quit', (event) => {
    if (quitState === 'closed') return;
    event.preventDefault();
    if (quitState === 'closing') return;
    quitState = 'closing';
    void closeCore().finally(() => {
      quitState = 'closed';
      app.quit();
    });
  });

  start(overrides).catch((error: unknown) => {
    fail('Hookbench could not start', error);
    app.quit();
  });
}

main();
