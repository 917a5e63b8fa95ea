import { bridgeUrl, takeBridgeToken } from './bridgeAuth';
import { createElectronClient } from './electronClient';
import type { HookbenchClient } from './types';
import { WebSocketClient } from './websocketClient';

/** Electron when the preload exposed its API, otherwise the headless host's WebSocket bridge. */
export function createClient(): HookbenchClient {
  const api = window.hookbench;
  if (api) return createElectronClient(api);
  return new WebSocketClient({ url: bridgeUrl(window.location.href, takeBridgeToken()) });
}
