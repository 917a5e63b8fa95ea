import {
  MAX_BODY_LIMIT_BYTES,
  type ReceiverSettings,
  type RetentionSettings,
  type Settings,
  type SettingsPatch,
} from '../../../shared/domain';
import { receiverHostProblem } from '../../../shared/host';
import { CoreError } from '../errors';
import { parseRetention } from '../store/retention';

const THEMES: ReadonlySet<string> = new Set(['system', 'light', 'dark']);

export { MAX_BODY_LIMIT_BYTES };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isValidPort(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 65535;
}

/** Checks a patch coming from the UI or a client; throws a user-facing error naming the field. */
export function parseSettingsPatch(input: unknown): SettingsPatch {
  if (!isRecord(input)) throw new CoreError('bad_request', 'Settings must be an object.');
  const patch: SettingsPatch = {};
  for (const key of Object.keys(input)) {
    if (key !== 'receiver' && key !== 'theme' && key !== 'retention')
      throw new CoreError('bad_request', `Unknown setting "${key}".`);
  }
  if (input.theme !== undefined) {
    if (typeof input.theme !== 'string' || !THEMES.has(input.theme)) {
      throw new CoreError('bad_request', 'Theme must be "system", "light" or "dark".');
    }
    patch.theme = input.theme as Settings['theme'];
  }
  if (input.retention !== undefined) {
    if (!isRecord(input.retention))
      throw new CoreError('bad_request', 'Retention settings must be an object.');
    const retention: Partial<RetentionSettings> = {};
    for (const [key, value] of Object.entries(input.retention)) {
      let checked: RetentionSettings;
      try {
        checked = parseRetention({ [key]: value });
      } catch (error) {
        throw new CoreError('bad_request', (error as Error).message);
      }
      retention[key as keyof RetentionSettings] = checked[key as keyof RetentionSettings];
    }
    patch.retention = retention;
  }
  if (input.receiver !== undefined) {
    if (!isRecord(input.receiver)) throw new CoreError('bad_request', 'Receiver settings must be an object.');
    const receiver: Partial<ReceiverSettings> = {};
    for (const [key, value] of Object.entries(input.receiver)) {
      switch (key) {
        case 'host': {
          const problem =
            typeof value === 'string'
              ? receiverHostProblem(value.trim())
              : 'It must be a host name or IP address.';
          if (problem !== null) throw new CoreError('bad_request', `Receiver host: ${problem}`);
          receiver.host = (value as string).trim();
          break;
        }
        case 'port':
          if (!isValidPort(value)) {
            throw new CoreError('bad_request', 'Receiver port must be a whole number from 0 to 65535.');
          }
          receiver.port = value;
          break;
        case 'bodyLimitBytes':
          if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > MAX_BODY_LIMIT_BYTES) {
            throw new CoreError(
              'bad_request',
              'Body limit must be a whole number of bytes from 1 byte to 1 GiB.',
            );
          }
          receiver.bodyLimitBytes = value as number;
          break;
        default:
          throw new CoreError('bad_request', `Unknown receiver setting "${key}".`);
      }
    }
    patch.receiver = receiver;
  }
  return patch;
}

/** Applies a checked patch; nested objects merge. */
export function applySettingsPatch(settings: Settings, patch: SettingsPatch): Settings {
  return {
    receiver: { ...settings.receiver, ...patch.receiver },
    retention: { ...settings.retention, ...patch.retention },
    theme: patch.theme ?? settings.theme,
  };
}
