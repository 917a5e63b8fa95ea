import type { WebSocket } from 'ws';
import { type CommandResult, EVENTS, isCommandName, type WsServerFrame } from '../../shared/contract';
import { invokeCommand } from '../core/invoke';
import type { HookbenchCore } from '../core/types';

/**
 * Carries the contract over one WebSocket: command frames in, result and
 * event frames out. The same handlers Electron's IPC calls, nothing more.
 */
export function attachBridge(socket: WebSocket, core: HookbenchCore): void {
  const send = (frame: WsServerFrame) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
  };
  const unsubscribers = EVENTS.map((name) =>
    core.on(name, (payload) => send({ type: 'event', name, payload })),
  );
  // ws reports a bad frame (invalid UTF-8, over maxPayload, a reserved opcode) as an 'error' on the
  // socket and then closes it; unheard, that error would stop the whole process, receiver included.
  socket.on('error', () => {});
  socket.on('close', () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  });
  socket.on('message', (data, isBinary) => {
    if (isBinary) {
      socket.close(1003, 'Text frames only');
      return;
    }
    const frame = parseFrame(String(data));
    if (!frame) {
      socket.close(1008, 'Malformed frame');
      return;
    }
    if (!isCommandName(frame.name)) {
      send({ type: 'result', id: frame.id, result: unknownCommand(frame.name) });
      return;
    }
    void invokeCommand(core.handlers, frame.name, frame.request).then((result) =>
      send({ type: 'result', id: frame.id, result }),
    );
  });
}

function unknownCommand(name: unknown): CommandResult<unknown> {
  return { ok: false, error: { code: 'bad_request', message: `Unknown command ${JSON.stringify(name)}.` } };
}

function parseFrame(text: string): { id: number; name: unknown; request: unknown } | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const frame = value as Record<string, unknown>;
  if (frame.type !== 'command' || !Number.isSafeInteger(frame.id)) return null;
  return { id: frame.id as number, name: frame.name, request: frame.request };
}
