import type { CommandHandlers } from '../../../shared/contract';
import { CoreError } from '../errors';
import { compileTemplate } from './compile';
import { TEMPLATE_HELPERS } from './helpers';

const MODES = new Set(['json-safe', 'raw', 'text']);

/** Template commands for the editors: compile-time problems, and the helper reference. */
export const templateCommands: Pick<CommandHandlers, 'checkTemplate' | 'listTemplateHelpers'> = {
  checkTemplate: async (request) => {
    const { source, mode } = (request ?? {}) as { source?: unknown; mode?: unknown };
    if (typeof source !== 'string') throw new CoreError('bad_request', 'source must be the template text.');
    if (typeof mode !== 'string' || !MODES.has(mode)) {
      throw new CoreError('bad_request', 'mode must be "json-safe", "raw" or "text".');
    }
    return {
      problems: [...compileTemplate(source, { mode: mode as 'json-safe' | 'raw' | 'text' }).problems],
    };
  },
  listTemplateHelpers: async () => [...TEMPLATE_HELPERS],
};
