import { type CaptureFilter, FilterSyntaxError, parseFilter } from '../../../shared/filter';
import { CoreError } from '../errors';

/** A filter expression from a client or the CLI, or a user-facing error saying where it is wrong. */
export function parseFilterOrThrow(text: unknown): CaptureFilter {
  if (text === undefined || text === '') return {};
  if (typeof text !== 'string') throw new CoreError('bad_request', 'filter must be text.');
  try {
    return parseFilter(text);
  } catch (error) {
    if (error instanceof FilterSyntaxError) throw new CoreError('bad_request', `Filter: ${error.message}`);
    throw error;
  }
}
