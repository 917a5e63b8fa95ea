import WebSocket from 'ws';
import type { CommandName, CommandRequest, CommandResponse, WsServerFrame } from '../../../shared/contract';

/** A contract client over the headless host's WebSocket, as the browser UI uses it. */
export interface Bridge {
  call<K extends CommandName>(name: K, request: CommandRequest<K>): Promise<CommandResponse<K>>;
  events: WsServerFrame[];
  close(): void;
}

/** Connects with the token of the UI address `serve` printed. */
export function openBridge(uiUrl: string): Promise<Bridge> {
  const url = new URL(uiUrl);
  const socket = new WebSocket(`ws://${url.host}/bridge?token=${url.searchParams.get('token') ?? ''}`, {
    origin: `http://${url.host}`,
  });
  const pending = new Map<number, (frame: WsServerFrame) => void>();
  const events: WsServerFrame[] = [];
  let nextId = 1;
  socket.on('message', (data) => {
    const frame = JSON.parse(String(data)) as WsServerFrame;
    if (frame.type === 'result') pending.get(frame.id)?.(frame);
    else events.push(frame);
  });
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.once('open', () =>
      resolve({
        events,
        close: () => socket.close(),
        call: (name, request) =>
          new Promise((done, fail) => {
            const id = nextId++;
            pending.set(id, (frame) => {
              pending.delete(id);
              if (frame.type !== 'result') return;
              if (frame.result.ok) done(frame.result.value as CommandResponse<typeof name>);
              else fail(new Error(frame.result.error.message));
            });
            socket.send(JSON.stringify({ type: 'command', id, name, request }));
          }),
      }),
    );
  });
}
