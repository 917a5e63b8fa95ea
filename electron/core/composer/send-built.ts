import type { HttpExchange } from '../../../shared/composer';
import { type HttpSendOptions, notSentExchange, sendHttp } from '../http/index';
import type { BuiltRequest } from './build';

/**
 * Sends one call of a stream, rendered anew for it. Helpers such as {{uuid}} or {{randomItem}}
 * make each render different, so a call can fail to render (or render a GET body that is not a
 * JSON object) even when the first one did: that call is not sent and counts as a failure, with
 * the reason, rather than going out without its fields.
 */
export function sendBuilt(built: BuiltRequest, options: HttpSendOptions): Promise<HttpExchange> {
  const request = { method: built.method, url: built.url, headers: built.headers, body: built.body };
  if (built.sendable) return sendHttp(request, options);
  const reason = built.problems.find((problem) => problem.severity === 'error')?.message ?? built.queryError;
  return Promise.resolve(
    notSentExchange(request, { code: 'bad-request', systemCode: null, message: `Not sent: ${reason}` }),
  );
}
