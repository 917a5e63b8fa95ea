import type {
  CommandName,
  CommandRequest,
  CommandResponse,
  EventListener,
  EventName,
  EventPayload,
  WsClientFrame,
  WsServerFrame,
} from '../../shared/contract';
import { WS_MAX_FRAME_BYTES } from '../../shared/contract';
import { ClientError } from './clientError';
import { parseServerFrame } from './frames';
import type { ConnectionListener, ConnectionState, HookbenchClient } from './types';

export interface WebSocketClientOptions {
  url: string;
  /** Injected by tests; defaults to the browser's WebSocket. */
  createSocket?: (url: string) => WebSocket;
  initialBackoffMs?: number;
  maxBackoffMs?: number;
}

interface PendingCall {
  resolve: (value: unknown) => void;
  reject: (error: ClientError) => void;
}

interface QueuedCall extends PendingCall {
  frame: WsClientFrame;
}

type AnyListener = (payload: unknown) => void;

const LOST_MESSAGE = 'The connection to Hookbench was lost. Reconnecting…';
const OFFLINE_MESSAGE = 'Not connected to Hookbench. Reconnecting…';

const utf8 = new TextEncoder();

/**
 * The frame's size in UTF-8 when it is over the bridge's limit, else null. A UTF-16 code unit is
 * at most 3 bytes of UTF-8, so only frames that could be over it are encoded to count them.
 */
function oversize(text: string): number | null {
  if (text.length * 3 <= WS_MAX_FRAME_BYTES) return null;
  const bytes = utf8.encode(text).byteLength;
  return bytes > WS_MAX_FRAME_BYTES ? bytes : null;
}

const mib = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;

function tooLargeMessage(bytes: number): string {
  return (
    `This is ${mib(bytes)} to send, and Hookbench in a browser takes at most ${mib(WS_MAX_FRAME_BYTES)} at a time. ` +
    'The desktop app and the CLI commands (hookbench import, send, diagnose) have no such limit.'
  );
}

/** The client for the headless host: commands and events over one JSON WebSocket. */
export class WebSocketClient implements HookbenchClient {
  readonly transport = 'websocket';

  private readonly url: string;
  private readonly createSocket: (url: string) => WebSocket;
  private readonly initialBackoffMs: number;
  private readonly maxBackoffMs: number;

  private socket: WebSocket | null = null;
  private state: ConnectionState = 'connecting';
  private nextId = 1;
  private failedAttempts = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;

  private readonly queued: QueuedCall[] = [];
  private readonly pending = new Map<number, PendingCall>();
  private readonly listeners = new Map<EventName, Set<AnyListener>>();
  private readonly connectionListeners = new Set<ConnectionListener>();

  constructor(options: WebSocketClientOptions) {
    this.url = options.url;
    this.createSocket = options.createSocket ?? ((url) => new WebSocket(url));
    this.initialBackoffMs = options.initialBackoffMs ?? 250;
    this.maxBackoffMs = options.maxBackoffMs ?? 5_000;
    this.connect();
  }

  call<K extends CommandName>(name: K, request: CommandRequest<K>): Promise<CommandResponse<K>> {
    if (this.disposed || this.state === 'closed') {
      // Failing at once beats hanging until the next reconnect attempt; stores resync on reopen.
      return Promise.reject(new ClientError('unavailable', OFFLINE_MESSAGE));
    }
    return new Promise<CommandResponse<K>>((resolve, reject) => {
      const frame: WsClientFrame = { type: 'command', id: this.nextId++, name, request };
      // The bridge answers with the response the contract declares for `name`.
      const call: PendingCall = { resolve: (value) => resolve(value as CommandResponse<K>), reject };
      if (this.state === 'open') this.send(frame, call);
      else this.queued.push({ ...call, frame });
    });
  }

  on<E extends EventName>(event: E, listener: EventListener<E>): () => void {
    // The bridge forwards each event with the payload the contract declares for its name.
    const wrapped: AnyListener = (payload) => listener(payload as EventPayload<E>);
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(wrapped);
    return () => {
      set.delete(wrapped);
    };
  }

  connectionState(): ConnectionState {
    return this.state;
  }

  onConnectionChange(listener: ConnectionListener): () => void {
    this.connectionListeners.add(listener);
    return () => {
      this.connectionListeners.delete(listener);
    };
  }

  dispose(): void {
    this.disposed = true;
    if (this.reconnectTimer !== null) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    const socket = this.socket;
    this.socket = null;
    socket?.close();
    this.failAll(new ClientError('unavailable', 'The Hookbench window is closing.'));
    this.setState('closed');
  }

  private connect(): void {
    this.reconnectTimer = null;
    this.setState('connecting');
    let socket: WebSocket;
    try {
      socket = this.createSocket(this.url);
    } catch {
      this.handleClose();
      return;
    }
    this.socket = socket;
    socket.addEventListener('open', () => {
      if (this.socket !== socket) return;
      this.failedAttempts = 0;
      this.setState('open');
      for (const call of this.queued.splice(0)) this.send(call.frame, call);
    });
    socket.addEventListener('message', (event: MessageEvent<unknown>) => {
      if (this.socket === socket && typeof event.data === 'string') this.handleFrame(event.data);
    });
    // 'error' is always followed by 'close', which does the recovery.
    socket.addEventListener('close', () => {
      if (this.socket === socket) this.handleClose();
    });
  }

  private send(frame: WsClientFrame, call: PendingCall): void {
    const socket = this.socket;
    if (!socket || socket.readyState !== WebSocket.OPEN) {
      call.reject(new ClientError('unavailable', OFFLINE_MESSAGE));
      return;
    }
    let text: string;
    try {
      text = JSON.stringify(frame);
    } catch {
      call.reject(new ClientError('bad_request', 'The request could not be encoded.'));
      return;
    }
    const bytes = oversize(text);
    if (bytes !== null) {
      call.reject(new ClientError('bad_request', tooLargeMessage(bytes)));
      return;
    }
    this.pending.set(frame.id, call);
    socket.send(text);
  }

  private handleFrame(text: string): void {
    const frame = parseServerFrame(text);
    if (!frame) {
      console.warn('Hookbench bridge: ignored an unreadable frame');
      return;
    }
    if (frame.type === 'result') this.settle(frame);
    else this.dispatch(frame.name, frame.payload);
  }

  private settle(frame: Extract<WsServerFrame, { type: 'result' }>): void {
    const call = this.pending.get(frame.id);
    if (!call) return;
    this.pending.delete(frame.id);
    if (frame.result.ok) call.resolve(frame.result.value);
    else call.reject(new ClientError(frame.result.error.code, frame.result.error.message));
  }

  private dispatch(name: EventName, payload: unknown): void {
    const set = this.listeners.get(name);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        listener(payload);
      } catch (error) {
        // One faulty listener must not starve the others of the event.
        console.error('Hookbench bridge: an event listener failed', error);
      }
    }
  }

  private handleClose(): void {
    this.socket = null;
    this.failAll(new ClientError('unavailable', LOST_MESSAGE));
    this.setState('closed');
    if (!this.disposed) this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    const ceiling = Math.min(this.maxBackoffMs, this.initialBackoffMs * 2 ** this.failedAttempts);
    // Jitter keeps several open windows from hammering a restarting host in lockstep.
    const delay = ceiling / 2 + Math.random() * (ceiling / 2);
    this.failedAttempts += 1;
    this.reconnectTimer = setTimeout(() => this.connect(), delay);
  }

  private failAll(error: ClientError): void {
    // Calls already sent lost their answer; queued ones never left this window.
    const lost = new ClientError(error.code, error.message, { answerLost: true });
    for (const call of this.pending.values()) call.reject(lost);
    this.pending.clear();
    for (const call of this.queued.splice(0)) call.reject(error);
  }

  private setState(state: ConnectionState): void {
    if (this.state === state) return;
    this.state = state;
    for (const listener of [...this.connectionListeners]) listener(state);
  }
}
