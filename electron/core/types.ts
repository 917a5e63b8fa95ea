import type Conf from 'conf';
import type { Options as ConfOptions } from 'conf';
import type { CommandHandlers, EventListener, EventName } from '../../shared/contract';
import type { ReceiverSettings } from '../../shared/domain';
import type { SecretBox } from './composer/secrets';

/** Where the core writes its diagnostics; the CLI prints them, Electron logs them. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/**
 * Builds a JSON-file store (settings, workspace). The core uses `conf` pointed
 * at the data folder; the Electron shell passes electron-store (a `Conf`
 * subclass) instead, so both run the same code with the same files.
 */
export type SettingsBackendFactory = <T extends Record<string, unknown>>(options: ConfOptions<T>) => Conf<T>;

export interface CreateHookbenchOptions {
  /** Folder holding the capture store and the settings file; created when missing. */
  dataDir: string;
  settingsBackend?: SettingsBackendFactory;
  /** Seals saved secrets at rest; the desktop app passes one built on safeStorage. */
  secrets?: SecretBox;
  /** Overrides for this run only (CLI flags); not written to the settings file. */
  receiver?: Partial<ReceiverSettings>;
  logger?: Logger;
}

/** The core: implements every contract command and emits every contract event. */
export interface HookbenchCore {
  readonly handlers: CommandHandlers;
  readonly dataDir: string;
  on<E extends EventName>(event: E, listener: EventListener<E>): () => void;
  /** Starts the receiver. Resolves once it listens or has failed (see getReceiverStatus). */
  start(): Promise<void>;
  /** Stops accepting requests, lets in-flight ones finish, flushes and closes the store. */
  close(): Promise<void>;
}
