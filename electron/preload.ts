/**
 * The sandboxed preload: exposes `window.hookbench`, one named function per
 * contract command plus `subscribe` for contract events, and nothing else. The
 * page never gets ipcRenderer or a generic send/invoke, so it can only ask for
 * what the contract declares. Sandboxed preloads can only require 'electron';
 * the contract module is bundled in (see vite.config.ts, mode "preload").
 */
import { contextBridge, type IpcRendererEvent, ipcRenderer } from 'electron';
import {
  COMMANDS,
  type CommandName,
  type EventListener,
  type EventName,
  type EventPayload,
  type HookbenchApi,
  ipcChannel,
  isEventName,
} from '../shared/contract';

type CommandFunctions = Pick<HookbenchApi, CommandName>;

// The request is structured-cloned by Electron; the main process answers with
// a CommandResult envelope, so the promise resolves even when a command fails.
function commandFunction(name: CommandName): (request: unknown) => Promise<unknown> {
  return (request) => ipcRenderer.invoke(ipcChannel.command(name), request);
}

function subscribe<E extends EventName>(event: E, listener: EventListener<E>): () => void {
  if (!isEventName(event)) throw new Error(`Unknown Hookbench event: ${String(event)}`);
  if (typeof listener !== 'function') throw new Error('subscribe needs a listener function');
  const channel = ipcChannel.event(event);
  // Only the payload crosses: the IpcRendererEvent would hand the page `sender` (ipcRenderer itself).
  const forward = (_event: IpcRendererEvent, payload: EventPayload<E>): void => listener(payload);
  ipcRenderer.on(channel, forward);
  return () => {
    ipcRenderer.removeListener(channel, forward);
  };
}

// Built from COMMANDS so a command added to the contract is exposed without
// touching this file; the cast is where the runtime list meets the static type.
const commands = Object.fromEntries(
  COMMANDS.map((name) => [name, commandFunction(name)]),
) as unknown as CommandFunctions;

const api: HookbenchApi = { ...commands, subscribe };

contextBridge.exposeInMainWorld('hookbench', api);
