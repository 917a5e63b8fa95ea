/**
 * The body worker: decodes and formats bodies off the UI thread, so opening a
 * 20 MB JSON body never freezes the window. Loaded as a built file (the CSP
 * forbids blob: workers): `new Worker(new URL(…), { type: 'module' })`.
 */
import { base64ToBytes } from '../lib/base64';
import { RenderCache, renderBody } from '../lib/bodyRender';
import type { BodyWorkerRequest, BodyWorkerResponse } from '../lib/bodyWorkerProtocol';

// The renderer compiles against the DOM lib, which has no worker global scope type.
interface WorkerScope {
  onmessage: ((event: MessageEvent<BodyWorkerRequest>) => void) | null;
  postMessage(message: BodyWorkerResponse, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
const cache = new RenderCache();

scope.onmessage = (event) => {
  const message = event.data;
  try {
    if (message.type === 'decode') {
      const bytes = base64ToBytes(message.base64);
      // Transferred, not copied: the worker has no further use for them.
      scope.postMessage({ id: message.id, ok: true, type: 'decoded', bytes }, [bytes.buffer as ArrayBuffer]);
      return;
    }
    const result = renderBody(message.request, cache, message.key);
    scope.postMessage({ id: message.id, ok: true, type: 'rendered', result });
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    scope.postMessage({ id: message.id, ok: false, message: text });
  }
};
