import { SMS_FINAL_STATES, type SmsAckMode } from '../../../../shared/rules';
import { scalarText } from '../../json/lossless';
import type { IncomingRequest } from '../incoming';
import { hashUnit } from '../random';
import { jsonAnswer, type ResponderAnswer } from './types';

export interface SmsAckConfig {
  mode: SmsAckMode;
  ids: string[];
  percentage: number;
  seed: number;
}

interface Status {
  /** As parsed: a number, a LosslessNumber (too long for a double) or a string, exactly as the gateway sent it. */
  id: unknown;
  idText: string;
  state: unknown;
}

/**
 * Answers an SMS status batch with the acknowledgement array the gateway
 * expects (`[{"id_sms":3234}]`); every status whose id is left out will be
 * re-sent by the gateway, up to 5 attempts. Ids are echoed with the exact
 * representation they arrived in.
 */
export function smsAck(config: SmsAckConfig, request: IncomingRequest): ResponderAnswer {
  const batch = request.json;
  if (!Array.isArray(batch)) {
    return jsonAnswer(
      200,
      [],
      [
        {
          severity: 'error',
          path: null,
          message:
            'The SMS acknowledgement rule expected a JSON array of statuses; nothing was acknowledged.',
        },
      ],
    );
  }
  const statuses: Status[] = [];
  for (const item of batch) {
    if (typeof item !== 'object' || item === null || !('id_sms' in item)) continue;
    const record = item as Record<string, unknown>;
    const idText = scalarText(record.id_sms);
    if (idText !== null) statuses.push({ id: record.id_sms, idText, state: record.state });
  }
  const listed = new Set(config.ids.map((id) => id.trim()).filter((id) => id !== ''));
  const chosen = statuses.filter((status) => acknowledges(config, listed, status));
  if (config.mode === 'wrong-shape-strings')
    return jsonAnswer(
      200,
      chosen.map((s) => ({ id_sms: s.idText })),
    );
  if (config.mode === 'wrong-shape-object') return jsonAnswer(200, { id_sms: chosen.map((s) => s.id) });
  return jsonAnswer(
    200,
    chosen.map((s) => ({ id_sms: s.id })),
  );
}

function acknowledges(config: SmsAckConfig, listed: ReadonlySet<string>, status: Status): boolean {
  switch (config.mode) {
    case 'all':
    case 'wrong-shape-strings':
    case 'wrong-shape-object':
      return true;
    case 'none':
      return false;
    case 'only-listed':
      return listed.has(status.idText);
    case 'all-except-listed':
      return !listed.has(status.idText);
    case 'percentage':
      // Decided per id, not per position, so a retried id gets the same answer on every attempt.
      return hashUnit(config.seed, status.idText) < config.percentage / 100;
    case 'final-states':
      return typeof status.state === 'string' && SMS_FINAL_STATES.includes(status.state);
  }
}
