export { bridgeUrl, takeBridgeToken } from './bridgeAuth';
export { ClientError, describeError, isClientError } from './clientError';
export { createClient } from './createClient';
export { createElectronClient } from './electronClient';
export type { ConnectionListener, ConnectionState, HookbenchClient, Transport } from './types';
export { WebSocketClient, type WebSocketClientOptions } from './websocketClient';
