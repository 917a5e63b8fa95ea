/**
 * The UI side of the body worker. One worker serves every body view; when it
 * cannot start (a host that refuses workers), the same code runs on this thread
 * instead, slower for huge bodies but never broken.
 */
import { base64ToBytes } from './base64';
import { type RenderRequest, type RenderResult, renderBody } from './bodyRender';
import type { BodyWorkerRequest, BodyWorkerResponse } from './bodyWorkerProtocol';

interface Pending {
  resolve: (response: BodyWorkerResponse) => void;
  /** Runs the request on this thread, when the worker died before answering. */
  inline: () => BodyWorkerResponse;
}

let worker: Worker | null | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

function runInline(message: BodyWorkerRequest): BodyWorkerResponse {
  try {
    if (message.type === 'decode') {
      return { id: message.id, ok: true, type: 'decoded', bytes: base64ToBytes(message.base64) };
    }
    return { id: message.id, ok: true, type: 'rendered', result: renderBody(message.request) };
  } catch (error) {
    return { id: message.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

function startWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    const started = new Worker(new URL('../workers/bodyWorker.ts', import.meta.url), { type: 'module' });
    started.onmessage = (event: MessageEvent<BodyWorkerResponse>) => {
      const entry = pending.get(event.data.id);
      if (!entry) return;
      pending.delete(event.data.id);
      entry.resolve(event.data);
    };
    started.onerror = (event) => {
      // A script that fails to load or crashes: finish what was asked here, and stop using it.
      event.preventDefault();
      worker = null;
      started.terminate();
      for (const [id, entry] of pending) {
        pending.delete(id);
        entry.resolve(entry.inline());
      }
    };
    worker = started;
  } catch {
    worker = null;
  }
  return worker;
}

function send(message: BodyWorkerRequest): Promise<BodyWorkerResponse> {
  const target = startWorker();
  if (!target) return Promise.resolve(runInline(message));
  return new Promise((resolve) => {
    pending.set(message.id, { resolve, inline: () => runInline(message) });
    target.postMessage(message);
  });
}

/** Base64 to bytes, off the UI thread: a 20 MB body is 27 MB of base64. */
export async function decodeBase64(base64: string): Promise<Uint8Array> {
  if (base64.length < 256 * 1024) return base64ToBytes(base64);
  const response = await send({ id: nextId++, type: 'decode', base64 });
  if (!response.ok) throw new Error(response.message);
  if (response.type !== 'decoded') throw new Error('The body worker answered the wrong request.');
  return response.bytes;
}

/** Renders one view of a body; `key` identifies the body so the worker can reuse its last work. */
export async function renderView(key: string, request: RenderRequest): Promise<RenderResult> {
  const response = await send({ id: nextId++, type: 'render', key, request });
  if (!response.ok) throw new Error(response.message);
  if (response.type !== 'rendered') throw new Error('The body worker answered the wrong request.');
  return response.result;
}
