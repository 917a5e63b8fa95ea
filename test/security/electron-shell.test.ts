/**
 * The Electron checklist items testable without the Electron binary: the CSP
 * of the renderer responses, navigation and window.open, permissions, IPC
 * sender checks, which URLs may leave the app (and the confirmation before
 * one does). The shell helpers are plain functions over Electron-shaped
 * objects, so fakes stand in for WebContents, Session and ipcMain.
 */
import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { HEADLESS_CSP } from '../../electron/host/headless-host';
import {
  type CommandListener,
  REFUSED_SENDER_MESSAGE,
  registerContractHandlers,
} from '../../electron/shell/ipc';
import { APP_ENTRY_URL, CONTENT_SECURITY_POLICY, createRendererHandler } from '../../electron/shell/protocol';
import {
  confirmWithDialog,
  denyAllPermissions,
  hardenWebContents,
  isExternalWebUrl,
  type ShowMessageBox,
} from '../../electron/shell/security';
import { COMMANDS, type CommandHandlers, ipcChannel } from '../../shared/contract';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name as string, values];
    }),
  );
}

describe('Content-Security-Policy of the renderer', () => {
  for (const [name, csp] of [
    ['Electron (hookbench://)', CONTENT_SECURITY_POLICY],
    ['headless host', HEADLESS_CSP],
  ] as const) {
    it(`${name}: self only, no inline or eval, no plugins, no framing`, () => {
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval|strict-dynamic/);
      const policy = directives(csp);
      expect(policy.get('default-src')).toEqual(["'self'"]);
      expect(policy.get('script-src')).toEqual(["'self'"]);
      expect(policy.get('object-src')).toEqual(["'none'"]);
      expect(policy.get('base-uri')).toEqual(["'none'"]);
      expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
      expect(policy.get('connect-src')).toEqual(["'self'"]);
      for (const values of policy.values()) expect(values).not.toContain('*');
    });
  }

  it('is sent on every response of the app scheme, errors included', async () => {
    const handler = createRendererHandler('/nonexistent-folder');
    for (const request of [
      new Request(APP_ENTRY_URL),
      new Request('hookbench://app/missing.js'),
      new Request('hookbench://app/index.html', { method: 'POST' }),
    ]) {
      const response = await handler(request);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });
});

/** Just enough of WebContents for hardenWebContents. */
function fakeContents() {
  const listeners = new Map<string, (event: { url: string; preventDefault: () => void }) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = {
    on: (name: string, listener: (event: { url: string; preventDefault: () => void }) => void) => {
      listeners.set(name, listener);
    },
    setWindowOpenHandler: (handler: (details: { url: string }) => { action: string }) => {
      openHandler = handler;
    },
  };
  return {
    contents: contents as unknown as WebContents,
    navigate(url: string): boolean {
      const event = { url, preventDefault: vi.fn() };
      listeners.get('will-navigate')?.(event);
      return event.preventDefault.mock.calls.length === 0;
    },
    open: (url: string) => openHandler?.({ url }),
    attachWebview(): boolean {
      const event = { url: '', preventDefault: vi.fn() };
      listeners.get('will-attach-webview')?.(event);
      return event.preventDefault.mock.calls.length === 0;
    },
  };
}

const HOSTILE_URLS = [
  'file:///etc/passwd',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'smb://attacker.example/share',
  '\\\\attacker.example\\share',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'ms-msdt:/id PCWDiagnostic',
  'search-ms:query=x',
  'mailto:someone@example.com',
  'ftp://example.com/',
  'chrome://settings',
  'about:blank',
  'not a url',
];

describe('navigation, new windows and opening links', () => {
  it('only http(s) URLs may ever leave the app', () => {
    expect(isExternalWebUrl('https://example.com/x')).toBe(true);
    expect(isExternalWebUrl('http://127.0.0.1:7700/')).toBe(true);
    for (const url of HOSTILE_URLS) expect(isExternalWebUrl(url), url).toBe(false);
  });

  it('navigation away from the app is blocked; web links go to the browser, nothing else does', () => {
    const opened: string[] = [];
    const fake = fakeContents();
    hardenWebContents(fake.contents, async (url) => {
      opened.push(url);
    });
    expect(fake.navigate('hookbench://app/index.html#/captures')).toBe(true);
    expect(fake.navigate('https://evil.example/')).toBe(false);
    for (const url of HOSTILE_URLS) expect(fake.navigate(url), url).toBe(false);
    expect(opened).toEqual(['https://evil.example/']);
  });

  it('window.open is always denied, webviews never attach', () => {
    const opened: string[] = [];
    const fake = fakeContents();
    hardenWebContents(fake.contents, async (url) => {
      opened.push(url);
    });
    for (const url of ['https://example.com/', 'hookbench://app/index.html', ...HOSTILE_URLS])
      expect(fake.open(url), url).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://example.com/']);
    expect(fake.attachWebview()).toBe(false);
  });

  it('with a confirmation, a captured payload URL opens only after the user says yes', async () => {
    const opened: string[] = [];
    const answers = [false, true];
    const asked: string[] = [];
    const fake = fakeContents();
    hardenWebContents(
      fake.contents,
      async (url) => {
        opened.push(url);
      },
      async (url) => {
        asked.push(url);
        return answers.shift() ?? false;
      },
    );
    fake.open('https://payload.example/declined');
    fake.open('https://payload.example/accepted');
    fake.open('javascript:alert(1)'); // never even asked
    await vi.waitFor(() => expect(asked).toHaveLength(2));
    await vi.waitFor(() => expect(opened).toEqual(['https://payload.example/accepted']));
    expect(asked).toEqual(['https://payload.example/declined', 'https://payload.example/accepted']);
  });

  it('the confirmation dialog shows the address, defaults to Cancel, and clips a huge URL', async () => {
    const show = vi.fn<ShowMessageBox>(async () => ({ response: 0 }));
    const confirm = confirmWithDialog(show);
    expect(await confirm(`https://example.com/${'a'.repeat(5000)}`)).toBe(false);
    const options = show.mock.calls[0]?.[0];
    expect(options).toMatchObject({ buttons: ['Cancel', 'Open in browser'], defaultId: 0, cancelId: 0 });
    expect(options?.detail.length).toBeLessThanOrEqual(501);
    show.mockResolvedValueOnce({ response: 1 });
    expect(await confirm('https://example.com/')).toBe(true);
  });
});

describe('permissions', () => {
  it('every permission request is refused and every check answers no', () => {
    const installed: {
      request?: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
      check?: (contents: unknown, permission: string) => boolean;
    } = {};
    const session = {
      setPermissionRequestHandler: (handler: typeof installed.request) => {
        installed.request = handler;
      },
      setPermissionCheckHandler: (handler: typeof installed.check) => {
        installed.check = handler;
      },
    } as unknown as Session;
    denyAllPermissions(session);
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'hid',
    ]) {
      const callback = vi.fn();
      installed.request?.({}, permission, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(installed.check?.({}, permission)).toBe(false);
    }
  });
});

describe('IPC sender checks', () => {
  it('refuses every frame that is not the app page, before the core sees the request', async () => {
    const listeners = new Map<string, CommandListener>();
    const handlers = Object.fromEntries(COMMANDS.map((name) => [name, vi.fn(async () => 'answered')]));
    registerContractHandlers(
      { handle: (channel, listener) => listeners.set(channel, listener) },
      { handlers: handlers as unknown as CommandHandlers },
      undefined,
      { warn() {}, error() {} },
    );
    const call = listeners.get(ipcChannel.command('clearCaptures')) as CommandListener;
    for (const url of [
      'https://evil.example/',
      'http://127.0.0.1:7701/',
      'file:///index.html',
      'hookbench://evil/index.html',
      'hookbench://app@evil/index.html',
      'hookbench://app:8080/index.html',
      'about:blank',
      'devtools://devtools/bundled/inspector.html',
      '',
    ]) {
      await expect(call({ senderFrame: { url } }, undefined), url).resolves.toEqual({
        ok: false,
        error: { code: 'bad_request', message: REFUSED_SENDER_MESSAGE },
      });
    }
    await expect(call({ senderFrame: null }, undefined)).resolves.toMatchObject({ ok: false });
    expect(handlers.clearCaptures).not.toHaveBeenCalled();
    await expect(call({ senderFrame: { url: APP_ENTRY_URL } }, undefined)).resolves.toEqual({
      ok: true,
      value: 'answered',
    });
  });
});
