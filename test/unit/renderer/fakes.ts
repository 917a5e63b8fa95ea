import type { CaptureSummary } from '../../../shared/domain';

/** A command the fake client was asked, left pending until the test answers or fails it. */
export interface PendingCall {
  name: string;
  request: unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * A client whose every call waits for the test: `take` hands over a pending call to resolve or
 * reject, `emit` plays a core event to whoever listens.
 */
export function fakeClient() {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const calls: PendingCall[] = [];
  const client = {
    transport: 'electron' as const,
    call(name: string, request: unknown) {
      return new Promise((resolve, reject) => calls.push({ name, request, resolve, reject }));
    },
    on(event: string, listener: (payload: unknown) => void) {
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
      }
      set.add(listener);
      return () => set.delete(listener);
    },
  };
  const emit = (event: string, payload: unknown) => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };
  const takeAt = (name: string, index: number) => {
    if (index < 0) throw new Error(`no call ${name}`);
    const [call] = calls.splice(index, 1);
    if (!call) throw new Error(`no call ${name}`);
    return call;
  };
  /** The oldest pending call of that name. */
  const take = (name: string) =>
    takeAt(
      name,
      calls.findIndex((x) => x.name === name),
    );
  /** The latest pending call of that name (earlier ones, such as start-up loads, stay pending). */
  const takeLatest = (name: string) =>
    takeAt(
      name,
      calls.findLastIndex((x) => x.name === name),
    );
  const count = (name: string) => calls.filter((x) => x.name === name).length;
  return { client, emit, calls, take, takeLatest, count };
}

/** Animation frames on demand: `frame()` runs what was scheduled since the last one. */
export function manualScheduler() {
  const queue: (() => void)[] = [];
  return {
    schedule: (cb: () => void) => {
      queue.push(cb);
      return () => {
        const i = queue.indexOf(cb);
        if (i >= 0) queue.splice(i, 1);
      };
    },
    frame: () => {
      for (const cb of queue.splice(0)) cb();
    },
    queue,
  };
}

/** Lets pending promises (and timers of up to `ms`) settle. */
export const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

/** A capture's list row; `extra` overrides any field. */
export const captureSummary = (id: number, extra: Partial<CaptureSummary> = {}): CaptureSummary => ({
  id,
  receivedAt: '2025-01-01T00:00:00.000Z',
  method: 'POST',
  path: `/${id}`,
  status: 200,
  bodySize: 1,
  contentType: null,
  truncated: false,
  kind: null,
  valid: null,
  ruleName: null,
  fault: null,
  pinned: false,
  note: null,
  bucket: null,
  ...extra,
});
