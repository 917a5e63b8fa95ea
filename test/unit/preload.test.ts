/**
 * The preload bridge, against a stand-in `electron` (the real package would
 * try to download its binary): what `window.hookbench` exposes and how each
 * piece reaches IPC.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { COMMANDS, EVENTS, type EventName, type HookbenchApi, ipcChannel } from '../../shared/contract';

type IpcListener = (event: unknown, ...args: unknown[]) => void;

const fake = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  const listeners = new Map<string, Set<IpcListener>>();
  const ipcRenderer = {
    invoke: vi.fn(async (channel: string, request: unknown) => ({ ok: true, value: { channel, request } })),
    on: vi.fn((channel: string, listener: IpcListener) => {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
      return ipcRenderer;
    }),
    removeListener: vi.fn((channel: string, listener: IpcListener) => {
      listeners.get(channel)?.delete(listener);
      return ipcRenderer;
    }),
    send: vi.fn(),
  };
  const contextBridge = {
    exposeInMainWorld: vi.fn((key: string, api: unknown) => {
      exposed.set(key, api);
    }),
  };
  /** Delivers a message the way Electron does: the IpcRendererEvent first, then the payload. */
  function deliver(channel: string, payload: unknown): void {
    const event = { sender: ipcRenderer, senderId: 0, ports: [] };
    for (const listener of listeners.get(channel) ?? []) listener(event, payload);
  }
  return { exposed, listeners, ipcRenderer, contextBridge, deliver };
});

vi.mock('electron', () => {
  const electron = { contextBridge: fake.contextBridge, ipcRenderer: fake.ipcRenderer };
  return { ...electron, default: electron };
});

describe('preload', () => {
  let api: HookbenchApi;

  beforeAll(async () => {
    await import('../../electron/preload');
    expect([...fake.exposed.keys()]).toEqual(['hookbench']);
    api = fake.exposed.get('hookbench') as HookbenchApi;
  });

  it('exposes exactly one function per command plus subscribe', () => {
    expect(Object.keys(api).sort()).toEqual([...COMMANDS, 'subscribe'].sort());
    for (const value of Object.values(api)) expect(value).toBeTypeOf('function');
    expect(Object.values(api)).not.toContain(fake.ipcRenderer);
  });

  it('sends each command on its own channel, request untouched', async () => {
    for (const name of COMMANDS) {
      fake.ipcRenderer.invoke.mockClear();
      const request = { probe: name };
      const call = api[name] as (request: unknown) => Promise<unknown>;
      await expect(call(request)).resolves.toEqual({
        ok: true,
        value: { channel: ipcChannel.command(name), request },
      });
      expect(fake.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(ipcChannel.command(name), request);
    }
    expect(fake.ipcRenderer.send).not.toHaveBeenCalled();
  });

  it('passes only the payload to subscribers, never the IPC event', () => {
    for (const event of EVENTS) {
      const listener = vi.fn();
      const unsubscribe = api.subscribe(event, listener);
      fake.deliver(ipcChannel.event(event), { event });
      expect(listener).toHaveBeenCalledExactlyOnceWith({ event });
      unsubscribe();
    }
  });

  it('unsubscribes exactly the listener it registered', () => {
    const channel = ipcChannel.event('capturesAdded');
    const first = vi.fn();
    const second = vi.fn();
    const stopFirst = api.subscribe('capturesAdded', first);
    api.subscribe('capturesAdded', second);
    expect(fake.listeners.get(channel)?.size).toBe(2);

    stopFirst();
    const registered = fake.ipcRenderer.on.mock.calls[0]?.[1];
    expect(fake.ipcRenderer.removeListener).toHaveBeenCalledExactlyOnceWith(channel, registered);
    fake.deliver(channel, { items: [], total: 0 });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledExactlyOnceWith({ items: [], total: 0 });
    expect(fake.listeners.get(channel)?.size).toBe(1);
  });

  it('rejects unknown event names without touching IPC', () => {
    for (const name of ['nope', 'toString', '__proto__', '']) {
      expect(() => api.subscribe(name as EventName, () => {})).toThrow(Error);
    }
    expect(fake.ipcRenderer.on).not.toHaveBeenCalled();
  });
});
