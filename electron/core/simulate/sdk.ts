import type { SdkMessageReport, SdkSimulationOptions, SdkSimulationReport } from '../../../shared/replay';
import { sendHttp } from '../http/index';
import { SDK_STATUS_DESCRIPTIONS, type SdkStatusCode } from '../rules/responders/sdk-response';

/** A notification in Hookbench's SDK request model (docs/integrations.md). */
export function sdkMessage(type: 'SMS' | 'PUSH', index: number): Record<string, unknown> {
  const messageId = `msg-${Date.now()}-${index}`;
  return type === 'SMS'
    ? {
        type,
        message_id: messageId,
        phone: `+3706000${String(index).padStart(4, '0')}`,
        text: `Your code is ${1000 + index}`,
        sender: 'Hookbench',
      }
    : {
        type,
        message_id: messageId,
        device_token: `device-${index}`,
        title: 'Hookbench',
        text: `Notification ${index}`,
        platform: 'android',
      };
}

const MODEL_FIELDS = ['status_code', 'status_desc', 'error_message', 'delivery_id'];

/** Reads an answer against the documented response model and says what it means. */
export function interpretSdkAnswer(
  status: number,
  bodyText: string,
): Omit<SdkMessageReport, 'messageId' | 'error' | 'status'> {
  let value: unknown;
  try {
    value = JSON.parse(bodyText);
  } catch {
    return {
      statusCode: null,
      inModel: false,
      outcome: `HTTP ${status} with a body that is not JSON: not in the response model.`,
    };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      statusCode: null,
      inModel: false,
      outcome: 'The answer is not a JSON object: not in the response model.',
    };
  }
  const record = value as Record<string, unknown>;
  const missing = MODEL_FIELDS.filter((field) => !(field in record));
  const code = typeof record.status_code === 'string' ? record.status_code : null;
  if (code === null) {
    const hint =
      typeof record.status_code === 'number'
        ? ` (it is the number ${record.status_code}; the codes are strings like "000")`
        : '';
    return { statusCode: null, inModel: false, outcome: `status_code is missing or not text${hint}.` };
  }
  const meaning = SDK_STATUS_DESCRIPTIONS[code as SdkStatusCode];
  if (!meaning)
    return {
      statusCode: code,
      inModel: false,
      outcome: `status_code "${code}" is not one of 000, 001, 900, 901, 999.`,
    };
  if (missing.length > 0)
    return {
      statusCode: code,
      inModel: false,
      outcome: `${meaning}; but the answer lacks ${missing.join(', ')}.`,
    };
  return { statusCode: code, inModel: true, outcome: meaning };
}

/** Plays the messaging SDK (seed 003): posts notifications and interprets the status codes. */
export async function simulateSdk(
  options: SdkSimulationOptions,
  signal?: AbortSignal,
): Promise<SdkSimulationReport> {
  const messages: SdkMessageReport[] = [];
  for (let i = 0; i < options.count && !signal?.aborted; i++) {
    const message = sdkMessage(options.type, i);
    const headers: [string, string][] = [['Content-Type', 'application/json']];
    if (options.bearerToken) headers.push(['Authorization', `Bearer ${options.bearerToken}`]);
    const exchange = await sendHttp(
      { method: 'POST', url: options.targetUrl, headers, body: Buffer.from(JSON.stringify(message)) },
      { timeoutMs: options.timeoutMs, followRedirects: false, verifyTls: options.verifyTls !== false },
    );
    const messageId = String(message.message_id);
    if (!exchange.response) {
      messages.push({
        messageId,
        status: null,
        error: exchange.error?.message ?? 'No answer.',
        statusCode: null,
        outcome: 'No answer.',
        inModel: false,
      });
      continue;
    }
    const bodyText = Buffer.from(exchange.response.bodyBase64, 'base64').toString('utf8');
    const { status } = exchange.response;
    const answer = interpretSdkAnswer(status, bodyText);
    messages.push({
      messageId,
      status,
      error: null,
      ...(status >= 200 && status < 300
        ? answer
        : {
            ...answer,
            // The HTTP status decides first: a 500 saying "000" did not take the message.
            inModel: false,
            outcome: `The server answered HTTP ${status}, a failure whatever its body says (${answer.outcome})`,
          }),
    });
  }
  return {
    messages,
    ok:
      messages.length === options.count &&
      messages.every((m) => m.inModel && (m.statusCode === '000' || m.statusCode === '001')),
    cancelled: messages.length < options.count,
  };
}
