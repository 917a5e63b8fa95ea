import type {
  CommandName,
  CommandRequest,
  CommandResponse,
  EventListener,
  EventName,
} from '../../shared/contract';

export type Transport = 'electron' | 'websocket';

/** Only the WebSocket backing has a link that can drop; Electron's IPC is always there. */
export type ConnectionState = 'connecting' | 'open' | 'closed';

export type ConnectionListener = (state: ConnectionState) => void;

/**
 * The renderer's single way to reach the core. Components and stores depend on
 * this interface only, never on which backing sits behind it.
 */
export interface HookbenchClient {
  readonly transport: Transport;
  /** Resolves with the command's response; rejects with a `ClientError`. */
  call<K extends CommandName>(name: K, request: CommandRequest<K>): Promise<CommandResponse<K>>;
  /** Subscribes to one pushed event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: EventListener<E>): () => void;
  /** Current state of the link, for backings that have one. */
  connectionState?(): ConnectionState;
  /** Notifies every change of the link's state; returns the unsubscribe function. */
  onConnectionChange?(listener: ConnectionListener): () => void;
  /** Stops the client for good (closes sockets, cancels reconnects). */
  dispose?(): void;
}
