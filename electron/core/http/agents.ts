/**
 * Shared undici Agents, one per option set (today: TLS verification on or off), so bulk sends
 * (replay, simulators) reuse kept-alive connections and pay no per-request setup.
 *
 * How timings are measured — undici has no per-request timing API, so two documented hooks meet:
 * 1. The Agent's `connect` is undici's own `buildConnector` wrapped: the connector returns the
 *    socket it starts (documented), and its `lookup` / `connect` / `secureConnect` events give
 *    when DNS answered, TCP connected and TLS finished, kept per socket in a WeakMap.
 * 2. undici writes a request's headers right after calling the handler's `onRequestStart`, in
 *    the same synchronous step, and publishes `undici:client:sendHeaders` with the socket and
 *    the exact header block. The handler registers itself as the one being written; the
 *    subscriber hands it the socket (its phase times, whether it was reused) and the headers.
 *    Method, path and origin are compared too, so a request from any other undici user in the
 *    process (Node's own fetch publishes on the same channel) is never taken for ours.
 */
import { subscribe } from 'node:diagnostics_channel';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Agent, buildConnector } from 'undici';

/** When a connection's phases completed (performance.now() values), and how many requests it carried. */
export interface SocketPhases {
  created: number;
  lookup: number | null;
  connect: number | null;
  secure: number | null;
  requests: number;
}

/** What a send learns when its headers go on the wire. */
export interface WireObserver {
  readonly origin: string;
  readonly method: string;
  readonly path: string;
  onWire(phases: SocketPhases | null, reused: boolean, headerBlock: string): void;
}

/** Connection attempts longer than this fail; the send's own timeout usually ends them first. */
const CONNECT_TIMEOUT_MS = 30_000;

const phasesBySocket = new WeakMap<Socket, SocketPhases>();
let writing: WireObserver | null = null;

interface SendHeadersMessage {
  request: { origin?: unknown; method?: unknown; path?: unknown };
  headers: string;
  socket: Socket;
}

subscribe('undici:client:sendHeaders', (message) => {
  const observer = writing;
  if (observer === null) return;
  const { request, headers, socket } = message as SendHeadersMessage;
  if (
    String(request.origin) !== observer.origin ||
    request.method !== observer.method ||
    request.path !== observer.path
  )
    return;
  writing = null;
  const phases = phasesBySocket.get(socket) ?? null;
  if (phases) phases.requests += 1;
  observer.onWire(phases, phases === null ? false : phases.requests > 1, headers);
});

/**
 * Called from a handler's `onRequestStart`: its headers are the next ones undici writes. The
 * mark is dropped after the current synchronous step in case undici did not write (an abort).
 */
export function markWriting(observer: WireObserver): void {
  writing = observer;
  queueMicrotask(() => {
    if (writing === observer) writing = null;
  });
}

type StartingConnector = (
  options: buildConnector.Options,
  callback: buildConnector.Callback,
) => Socket | undefined;

function timedConnector(verifyTls: boolean): buildConnector.connector {
  // http/1.1 only: webhook receivers speak it, and the wire bytes shown are then exactly h1's.
  const base = buildConnector({
    rejectUnauthorized: verifyTls,
    allowH2: false,
    timeout: CONNECT_TIMEOUT_MS,
  }) as unknown as StartingConnector;
  return (options, callback) => {
    const phases: SocketPhases = {
      created: performance.now(),
      lookup: null,
      connect: null,
      secure: null,
      requests: 0,
    };
    const socket = base(options, callback);
    if (!socket) return;
    phasesBySocket.set(socket, phases);
    socket.once('lookup', () => {
      phases.lookup = performance.now();
    });
    socket.once('connect', () => {
      phases.connect = performance.now();
    });
    socket.once('secureConnect', () => {
      phases.secure = performance.now();
    });
  };
}

const agents = new Map<string, Agent>();

/** The shared Agent for these options; created on first use. */
export function agentFor(options: { verifyTls: boolean }): Agent {
  const key = options.verifyTls ? 'verify' : 'insecure';
  let agent = agents.get(key);
  if (agent === undefined) {
    agent = new Agent({ connect: timedConnector(options.verifyTls), allowH2: false });
    agents.set(key, agent);
  }
  return agent;
}

/** Closes every shared Agent (waiting for requests in flight); later sends create new ones. */
export async function closeHttpAgents(): Promise<void> {
  const all = [...agents.values()];
  agents.clear();
  await Promise.all(all.map((agent) => agent.close()));
}
