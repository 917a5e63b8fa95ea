import type { CommandHandlers, CommandName, CommandResult } from '../../shared/contract';
import { toCommandError } from './errors';

/**
 * Runs one contract command and wraps the outcome in the result envelope both
 * transports carry (IPC and WebSocket), so neither ever ships a stack trace.
 */
export async function invokeCommand(
  handlers: CommandHandlers,
  name: CommandName,
  request: unknown,
): Promise<CommandResult<unknown>> {
  try {
    const handler = handlers[name] as (request: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(request) };
  } catch (error) {
    return { ok: false, error: toCommandError(error) };
  }
}
