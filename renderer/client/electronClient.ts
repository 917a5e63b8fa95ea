import type {
  CommandName,
  CommandRequest,
  CommandResponse,
  CommandResult,
  EventListener,
  EventName,
  HookbenchApi,
} from '../../shared/contract';
import { ClientError } from './clientError';
import type { HookbenchClient } from './types';

/** The preload API's command half, spelled as a plain mapped type so a generic name indexes it soundly. */
type CommandFunctions = {
  [K in CommandName]: (request: CommandRequest<K>) => Promise<CommandResult<CommandResponse<K>>>;
};

/** The client backed by the preload's `window.hookbench` (Electron IPC). */
export function createElectronClient(api: HookbenchApi): HookbenchClient {
  return {
    transport: 'electron',

    async call<K extends CommandName>(name: K, request: CommandRequest<K>): Promise<CommandResponse<K>> {
      const commands: CommandFunctions = api;
      let result: CommandResult<CommandResponse<K>>;
      try {
        result = await commands[name](request);
      } catch {
        // Electron's invoke errors read like "Error invoking remote method …": not words for a user.
        throw new ClientError(
          'unavailable',
          'The Hookbench core did not answer. Try again, or restart Hookbench.',
        );
      }
      if (!result.ok) throw new ClientError(result.error.code, result.error.message);
      return result.value;
    },

    on<E extends EventName>(event: E, listener: EventListener<E>): () => void {
      return api.subscribe(event, listener);
    },
  };
}
