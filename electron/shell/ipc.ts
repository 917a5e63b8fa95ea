/**
 * Contract commands over Electron IPC: one `ipcMain.handle` per command,
 * each checking who is asking before the core sees the request, and each
 * answering with a `CommandResult` envelope (Electron would otherwise flatten
 * a thrown error into a generic message and lose its code).
 */
import {
  COMMANDS,
  type CommandHandlers,
  type CommandName,
  type CommandRequest,
  type CommandResponse,
  type CommandResult,
  ipcChannel,
} from '../../shared/contract';
// The same error mapping as the headless host's WebSocket bridge: contract
// codes from the core's CoreError, 'internal' otherwise, never a stack.
import { toCommandError } from '../core/errors';
import { isAppUrl } from './protocol';

/** The part of a frame the sender check reads (Electron's `WebFrameMain`). */
export interface SenderFrame {
  readonly url: string;
}

/** The part of `IpcMainInvokeEvent` the handlers read. */
export interface InvokeEvent {
  readonly senderFrame: SenderFrame | null;
}

export type CommandListener = (event: InvokeEvent, request: unknown) => Promise<CommandResult<unknown>>;

/** The part of `ipcMain` used here; Electron's `ipcMain` satisfies it. */
export interface HandleRegistrar {
  handle(channel: string, listener: CommandListener): void;
}

export interface ErrorLogger {
  warn(message: string): void;
  error(message: string): void;
}

export const REFUSED_SENDER_MESSAGE = 'Refused: request from an unexpected sender';

/**
 * Only the app's own page may call the core. A frame that has navigated away
 * or been destroyed (null) or that shows anything else is refused.
 */
export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  return frame != null && isAppUrl(frame.url);
}

// Generic over one name so `handlers[name]` keeps its own request type; the
// request itself is untrusted renderer data that the core validates.
function dispatch<K extends CommandName>(
  handlers: CommandHandlers,
  name: K,
  request: unknown,
): Promise<CommandResponse<K>> {
  const handler: (request: CommandRequest<K>) => Promise<CommandResponse<K>> = handlers[name];
  return handler(request as CommandRequest<K>);
}

/** Registers exactly one handler per contract command. */
export function registerContractHandlers(
  ipcMain: HandleRegistrar,
  core: { readonly handlers: CommandHandlers },
  isTrusted: (frame: SenderFrame | null) => boolean = isTrustedSender,
  logger?: ErrorLogger,
): void {
  for (const name of COMMANDS) {
    ipcMain.handle(ipcChannel.command(name), async (event, request) => {
      if (!isTrusted(event.senderFrame)) {
        logger?.warn(`Refused ${name} from ${event.senderFrame?.url ?? 'a frame that is gone'}`);
        return { ok: false, error: { code: 'bad_request', message: REFUSED_SENDER_MESSAGE } };
      }
      try {
        return { ok: true, value: await dispatch(core.handlers, name, request) };
      } catch (error) {
        const commandError = toCommandError(error);
        // The stack stays in the main process log; the renderer gets the message only.
        if (commandError.code === 'internal') {
          logger?.error(
            `${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
          );
        }
        return { ok: false, error: commandError };
      }
    });
  }
}
