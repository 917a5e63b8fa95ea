import { describe, expect, it, vi } from 'vitest';
import { ClientError } from '../../../renderer/client/clientError';
import { WebSocketClient } from '../../../renderer/client/websocketClient';
import { createAppRuntime } from '../../../renderer/state/appRuntime';
import { captureSummary, fakeClient, manualScheduler, tick } from './fakes';

const c = (id: number) => captureSummary(id);

describe('runtime', () => {
  it('merges events that race the initial load, batches per frame', async () => {
    const f = fakeClient();
    const s = manualScheduler();
    const rt = createAppRuntime(f.client as never, s.schedule);
    rt.start();
    const list = f.take('listCaptures');
    expect(list.request).toEqual({ limit: 200 });
    f.emit('capturesAdded', { items: [c(3), c(4)], total: 4 });
    f.emit('capturesAdded', { items: [c(5)], total: 5 });
    expect(rt.stores.captures.getState().items.length).toBe(0); // not flushed yet
    expect(s.queue.length).toBe(1);
    list.resolve({ items: [c(3), c(2), c(1)], total: 4, hasMore: false });
    await tick();
    const st = rt.stores.captures.getState();
    expect(st.items.map((x) => x.id)).toEqual([5, 4, 3, 2, 1]);
    expect(st.total).toBe(4); // page answered last
    expect(st.listStatus).toBe('ready');
    expect(s.queue.length).toBe(0);
    // live events after load
    f.emit('capturesAdded', { items: [c(6), c(7)], total: 7 });
    f.emit('capturesRemoved', { ids: [1], total: 6 });
    s.frame();
    expect(rt.stores.captures.getState().items.map((x) => x.id)).toEqual([7, 6, 5, 4, 3, 2]);
    expect(rt.stores.captures.getState().total).toBe(6);
  });

  it('selection, delete selects neighbour, clear all', async () => {
    const f = fakeClient();
    const s = manualScheduler();
    const rt = createAppRuntime(f.client as never, s.schedule);
    rt.start();
    f.take('listCaptures').resolve({ items: [c(3), c(2), c(1)], total: 3, hasMore: false });
    await tick();
    const st = () => rt.stores.captures.getState();
    st().select(2);
    f.take('getCapture').resolve({ ...c(2), headers: [], bodyBase64: '' });
    await tick();
    expect(st().detail?.id).toBe(2);
    const del = st().deleteSelected();
    const call = f.take('deleteCaptures');
    expect(call.request).toEqual({ ids: [2] });
    call.resolve({ total: 2 });
    await del;
    expect(st().items.map((x) => x.id)).toEqual([3, 1]);
    expect(st().selectedId).toBe(1);
    f.take('getCapture').resolve(null);
    await tick();
    expect(st().detailStatus).toBe('missing');
    const clr = st().clearAll();
    f.take('clearCaptures').resolve({ total: 0 });
    await clr;
    expect(st().items).toEqual([]);
    expect(st().selectedId).toBe(null);
    expect(st().total).toBe(0);
  });

  it('loads older pages with beforeId and reports errors in words', async () => {
    const f = fakeClient();
    const rt = createAppRuntime(f.client as never, manualScheduler().schedule);
    rt.start();
    f.take('listCaptures').resolve({ items: [c(300), c(299)], total: 400, hasMore: true });
    await tick();
    const p = rt.stores.captures.getState().loadOlder();
    const older = f.take('listCaptures');
    expect(older.request).toEqual({ beforeId: 299, limit: 2500 });
    older.reject(new ClientError('unavailable', 'Gone.'));
    await p;
    expect(rt.stores.captures.getState().olderError).toBe('Gone.');
    await rt.stores.captures.getState().loadOlder();
    expect(f.calls.filter((x) => x.name === 'listCaptures').length).toBe(0);
    const r = rt.stores.captures.getState().retryOlder();
    f.take('listCaptures').resolve({ items: [c(298)], total: 400, hasMore: false });
    await r;
    expect(rt.stores.captures.getState().items.map((x) => x.id)).toEqual([300, 299, 298]);
  });

  it('status event buffered before a restart answer does not regress it', async () => {
    const f = fakeClient();
    const s = manualScheduler();
    const rt = createAppRuntime(f.client as never, s.schedule);
    rt.start();
    const p = rt.stores.receiver.getState().restart();
    f.emit('receiverStatus', { state: 'starting', host: 'h', port: 1, url: null, error: null });
    f.take('restartReceiver').resolve({
      state: 'listening',
      host: 'h',
      port: 1,
      url: 'http://h:1/',
      error: null,
    });
    await p;
    s.frame();
    expect(rt.stores.receiver.getState().status?.state).toBe('listening');
  });
});

class FakeSocket {
  static instances: FakeSocket[] = [];
  readyState = 0;
  sent: string[] = [];
  private handlers = new Map<string, ((e: unknown) => void)[]>();
  constructor(public url: string) {
    FakeSocket.instances.push(this);
  }
  addEventListener(type: string, h: (e: unknown) => void) {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), h]);
  }
  send(t: string) {
    this.sent.push(t);
  }
  close() {
    this.fire('close', {});
  }
  fire(type: string, e: unknown) {
    if (type === 'open') this.readyState = 1;
    if (type === 'close') this.readyState = 3;
    for (const h of this.handlers.get(type) ?? []) h(e);
  }
}

describe('WebSocketClient', () => {
  it('queues, resolves, rejects, reconnects', async () => {
    vi.useFakeTimers();
    FakeSocket.instances = [];
    const client = new WebSocketClient({
      url: 'ws://x/bridge',
      createSocket: (u) => new FakeSocket(u) as never,
    });
    const states: string[] = [];
    client.onConnectionChange((st) => states.push(st));
    const events: unknown[] = [];
    client.on('capturesAdded', (p) => events.push(p));
    const p1 = client.call('getSettings', undefined);
    const sock = FakeSocket.instances[0] as FakeSocket;
    expect(sock.sent).toEqual([]);
    sock.fire('open', {});
    expect(states).toEqual(['open']);
    expect(JSON.parse(sock.sent[0] as string)).toEqual({ type: 'command', id: 1, name: 'getSettings' });
    sock.fire('message', {
      data: JSON.stringify({ type: 'result', id: 1, result: { ok: true, value: { theme: 'dark' } } }),
    });
    await expect(p1).resolves.toEqual({ theme: 'dark' });
    const p2 = client.call('getCapture', { id: 9 });
    sock.fire('message', {
      data: JSON.stringify({
        type: 'result',
        id: 2,
        result: { ok: false, error: { code: 'not_found', message: 'No such capture.' } },
      }),
    });
    await expect(p2).rejects.toMatchObject({ code: 'not_found', message: 'No such capture.' });
    sock.fire('message', {
      data: JSON.stringify({ type: 'event', name: 'capturesAdded', payload: { items: [], total: 0 } }),
    });
    sock.fire('message', { data: 'garbage' });
    expect(events).toEqual([{ items: [], total: 0 }]);
    const p3 = client.call('getSettings', undefined);
    sock.fire('close', {});
    await expect(p3).rejects.toMatchObject({ code: 'unavailable' });
    await expect(client.call('getSettings', undefined)).rejects.toBeInstanceOf(ClientError);
    expect(states).toEqual(['open', 'closed']);
    vi.advanceTimersByTime(300);
    expect(states).toEqual(['open', 'closed', 'connecting']);
    expect(FakeSocket.instances.length).toBe(2);
    FakeSocket.instances[1]?.fire('close', {});
    vi.advanceTimersByTime(600);
    expect(FakeSocket.instances.length).toBe(3);
    FakeSocket.instances[2]?.fire('open', {});
    expect(states.at(-1)).toBe('open');
    client.dispose();
    expect(states.at(-1)).toBe('closed');
    vi.advanceTimersByTime(10000);
    expect(FakeSocket.instances.length).toBe(3);
    vi.useRealTimers();
  });

  it('a call sent before the connection dropped lost its answer; a queued one was never sent', async () => {
    vi.useFakeTimers();
    FakeSocket.instances = [];
    const client = new WebSocketClient({
      url: 'ws://x/bridge',
      createSocket: (u) => new FakeSocket(u) as never,
    });
    (FakeSocket.instances[0] as FakeSocket).fire('open', {});
    const sent = client.call('getSettings', undefined);
    (FakeSocket.instances[0] as FakeSocket).fire('close', {});
    await expect(sent).rejects.toMatchObject({ code: 'unavailable', answerLost: true });
    // Reconnecting: a call now waits in the queue, and fails unsent when that attempt fails.
    vi.advanceTimersByTime(300);
    expect(client.connectionState()).toBe('connecting');
    const queued = client.call('getSettings', undefined);
    (FakeSocket.instances[1] as FakeSocket).fire('close', {});
    await expect(queued).rejects.toMatchObject({ code: 'unavailable', answerLost: false });
    client.dispose();
    vi.useRealTimers();
  });

  it('refuses a command over the bridge frame limit, counted in UTF-8, and keeps the socket', async () => {
    FakeSocket.instances = [];
    const client = new WebSocketClient({
      url: 'ws://x/bridge',
      createSocket: (u) => new FakeSocket(u) as never,
    });
    const sock = FakeSocket.instances[0] as FakeSocket;
    sock.fire('open', {});
    const MiB = 1024 * 1024;
    // 9 Mi characters, 18 MiB once encoded: a count of characters would let it through.
    const accented = client.call('importCaptures', { text: 'é'.repeat(9 * MiB) });
    await expect(accented).rejects.toMatchObject({ code: 'bad_request' });
    await expect(accented).rejects.toThrow(/This is 18\.0 MiB to send.*at most 16\.0 MiB at a time/);
    expect(sock.sent).toEqual([]);
    expect(client.connectionState()).toBe('open');
    // Just under the limit: sent as any other command.
    const underLimit = client.call('importCaptures', { text: 'a'.repeat(16 * MiB - 100) });
    expect(sock.sent).toHaveLength(1);
    expect(new TextEncoder().encode(sock.sent[0]).byteLength).toBeLessThanOrEqual(16 * MiB);
    client.dispose();
    await expect(underLimit).rejects.toMatchObject({ code: 'unavailable' });
  });
});
