import { expect } from 'vitest';
import { createHookbench, type HookbenchCore, type HookbenchOptions } from '../../../electron/core/index';
import type { CaptureDetail } from '../../../shared/domain';
import { sendRaw } from '../../helpers/http';
import { tempDir } from '../../helpers/temp-dir';

export { type RawResult, rawExchange, statusCodes } from './raw';

export interface RunningCore {
  core: HookbenchCore;
  /** Receiver base URL without the trailing slash. */
  base: string;
  port: number;
  dataDir: string;
  close: () => Promise<void>;
}

/** A core on a fresh data folder with its receiver on a free loopback port. */
export async function startCore(options: Partial<HookbenchOptions> = {}): Promise<RunningCore> {
  const dir = tempDir('hookbench-rel-');
  const core = await createHookbench({ dataDir: dir.path, receiver: { port: 0 }, ...options });
  await core.start();
  const status = await core.handlers.getReceiverStatus(undefined);
  expect(status.state).toBe('listening');
  return {
    core,
    base: (status.url as string).replace(/\/$/, ''),
    port: status.port,
    dataDir: dir.path,
    close: async () => {
      await core.close();
      dir.cleanup();
    },
  };
}

export async function latestCapture(core: HookbenchCore): Promise<CaptureDetail> {
  const page = await core.handlers.listCaptures({ limit: 1 });
  const id = page.items[0]?.id;
  if (id === undefined) throw new Error('no capture stored');
  return (await core.handlers.getCapture({ id })) as CaptureDetail;
}

export async function captureCount(core: HookbenchCore): Promise<number> {
  return (await core.handlers.listCaptures({ limit: 1 })).total;
}

/** The receiver still answers an ordinary request after whatever the test threw at it. */
export async function expectStillServing(base: string): Promise<void> {
  const res = await sendRaw(`${base}/still-serving`, { method: 'POST', body: '{"ok":1}' });
  expect(res.status).toBe(200);
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
