import { randomUUID } from 'node:crypto';
import type { Finding } from '../../../../shared/domain';
import { recognizePayload } from '../../recognition/recognize';
import type { IncomingRequest } from '../incoming';
import { jsonAnswer, type ResponderAnswer } from './types';

export type SdkStatusCode = '000' | '001' | '900' | '901' | '999';

/** The seed's status codes and their documented descriptions. */
export const SDK_STATUS_DESCRIPTIONS: Record<SdkStatusCode, string> = {
  '000': 'The request was completed successfully',
  '001': 'Delivery has been queued',
  '900': 'The delivery was not successful',
  '901': 'Request parameters turned out to be incorrect',
  '999': 'A critical error occurred while executing the request',
};

export interface SdkResponseConfig {
  statusCode: '000' | '001' | '900' | '999';
  bearerToken: string | null;
}

/**
 * Plays the integrator's webhook for the messaging SDK: answers in the
 * documented model (status_code, status_desc, error_message, delivery_id),
 * with 901 when the notification is not in the request model, whatever code
 * the rule is set to. The outcome travels in status_code; HTTP is 200 except
 * for a wrong access token (401), as docs/integrations.md describes.
 */
export function sdkResponse(config: SdkResponseConfig, request: IncomingRequest): ResponderAnswer {
  if (config.bearerToken !== null) {
    const auth = request.headerMap.get('authorization')?.[0] ?? '';
    if (bearerToken(auth) !== config.bearerToken) {
      return jsonAnswer(
        401,
        model('999', auth === '' ? 'Access token is missing.' : 'Access token is wrong.'),
        [
          {
            severity: 'error',
            path: 'Authorization',
            message: 'The request did not carry the expected bearer token.',
          },
        ],
      );
    }
  }
  const recognition = recognizePayload(
    {
      method: request.method,
      path: request.target,
      contentType: request.contentType,
      body: request.content,
    },
    () => request.plainJson,
  );
  const problems: Finding[] =
    recognition.kind === 'sdk-message'
      ? recognition.findings.filter((finding) => finding.severity === 'error')
      : [
          {
            severity: 'error',
            path: null,
            message: 'The body is not an SDK notification (a JSON object with type SMS or PUSH).',
          },
        ];
  if (problems.length > 0) {
    return jsonAnswer(200, model('901', problems.map((p) => p.message).join(' ')), problems);
  }
  const failed = config.statusCode === '900' || config.statusCode === '999';
  return jsonAnswer(
    200,
    model(
      config.statusCode,
      failed ? `${SDK_STATUS_DESCRIPTIONS[config.statusCode]} (answered by a Hookbench rule).` : '',
    ),
  );
}

/**
 * The token of an `Authorization: Bearer …` header. The scheme's case and the spaces after it are
 * free (RFC 9110 §11.1, RFC 6750 §2.1), so `bearer abc` carries the same token as `Bearer abc`.
 */
function bearerToken(authorization: string): string | null {
  const found = /^bearer +(.+)$/i.exec(authorization.trim());
  return found ? (found[1] as string) : null;
}

function model(code: SdkStatusCode, errorMessage: string) {
  const delivered = code === '000' || code === '001';
  return {
    status_code: code,
    status_desc: SDK_STATUS_DESCRIPTIONS[code],
    error_message: errorMessage,
    delivery_id: delivered ? randomUUID() : null,
  };
}
