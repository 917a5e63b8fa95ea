import type { IncomingRequest } from '../incoming';
import { jsonAnswer, type ResponderAnswer } from './types';

/**
 * The integrator's endpoint for the CRM platform's reverse integration: it
 * accepts POST JSON or GET query calls and answers 200. The payload's own
 * validation findings are recorded on every capture by recognition; this adds
 * the one thing recognition cannot say: that the call is not one at all.
 */
export function smarticoReverse(request: IncomingRequest): ResponderAnswer {
  if (request.kind === 'smartico-reverse') return jsonAnswer(200, { ok: true });
  return jsonAnswer(200, { ok: true }, [
    {
      severity: 'error',
      path: null,
      message:
        'This does not look like a reverse-integration call: expected login, time, view_url, channel and campaign_name as a JSON body (POST) or query parameters (GET).',
    },
  ]);
}
