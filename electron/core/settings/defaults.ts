import type { Settings } from '../../../shared/domain';

export const DEFAULT_SETTINGS: Settings = {
  receiver: {
    host: '127.0.0.1',
    port: 7700,
    bodyLimitBytes: 10 * 1024 * 1024,
  },
  retention: { maxCaptures: null, maxAgeDays: null, maxBytes: null },
  theme: 'system',
};

export const SETTINGS_FILE_NAME = 'settings';
