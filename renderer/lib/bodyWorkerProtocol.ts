/** Messages between the UI thread and the body worker (renderer/workers/bodyWorker.ts). */
import type { RenderRequest, RenderResult } from './bodyRender';

export type BodyWorkerRequest =
  | { id: number; type: 'decode'; base64: string }
  /** `key` names the body (capture, side, size), so the worker can reuse what it formatted last. */
  | { id: number; type: 'render'; key: string; request: RenderRequest };

export type BodyWorkerResponse =
  | { id: number; ok: true; type: 'decoded'; bytes: Uint8Array }
  | { id: number; ok: true; type: 'rendered'; result: RenderResult }
  | { id: number; ok: false; message: string };
