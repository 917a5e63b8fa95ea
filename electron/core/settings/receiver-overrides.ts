import type { ReceiverSettings, Settings } from '../../../shared/domain';

/**
 * Receiver settings given for this run (e.g. `serve --port`): they win over the saved ones
 * without being saved, until the user sets that same setting, which then takes over. Everything
 * that shows or uses the settings sees them applied, so the Settings screen shows the port the
 * receiver really listens on.
 */
export class ReceiverOverrides {
  private readonly values: Partial<ReceiverSettings>;

  constructor(given: Partial<ReceiverSettings> = {}) {
    this.values = { ...given };
  }

  apply(settings: Settings): Settings {
    return { ...settings, receiver: { ...settings.receiver, ...this.values } };
  }

  /** The user saved these settings themselves: the run's flags for them stop applying. */
  release(keys: readonly string[]): void {
    for (const key of keys) delete this.values[key as keyof ReceiverSettings];
  }
}
