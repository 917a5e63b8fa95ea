/**
 * Rule presets: each builds an ordinary, editable rule. Shared by the UI's
 * "add from preset" menu and the core's starter workspace.
 */
import type { FallbackResponse, PathMatch, Responder, Rule, RuleMatch, SmsAckMode } from './rules';

export type PresetId = 'sms-ack' | 'sdk-response' | 'smartico-reverse' | 'plain';

export interface PresetInfo {
  id: PresetId;
  title: string;
  description: string;
}

export const PRESETS: readonly PresetInfo[] = [
  {
    id: 'sms-ack',
    title: 'SMS status acknowledgement',
    description:
      'Answers status batches [{"id_sms","time","state"}] with [{"id_sms":…}]; ids left out are re-sent by the gateway (5 attempts).',
  },
  {
    id: 'sdk-response',
    title: 'SDK messaging response',
    description:
      'Answers SMS/PUSH notifications with status_code, status_desc, error_message, delivery_id; 901 on bad input.',
  },
  {
    id: 'smartico-reverse',
    title: 'Reverse integration endpoint',
    description:
      'Accepts the CRM platform’s POST JSON or GET query calls, answers 200 and checks the fields.',
  },
  {
    id: 'plain',
    title: 'Plain response',
    description: 'A fixed status and body, with an optional CORS switch.',
  },
];

export const DEFAULT_FALLBACK: FallbackResponse = {
  status: 200,
  headers: [['Content-Type', 'application/json; charset=utf-8']],
  body: '{"ok":true}',
};

export function emptyMatch(path: PathMatch = { kind: 'any' }, methods: string[] = []): RuleMatch {
  return { methods, path, query: [], headers: [], bodyJson: [], bodyText: null, payloadKind: null };
}

export const SMS_ACK_MODES: readonly { mode: SmsAckMode; label: string }[] = [
  { mode: 'all', label: 'Acknowledge all' },
  { mode: 'none', label: 'Acknowledge none' },
  { mode: 'only-listed', label: 'Only the listed ids' },
  { mode: 'all-except-listed', label: 'All except the listed ids' },
  { mode: 'percentage', label: 'A seeded percentage' },
  { mode: 'final-states', label: 'Only final states' },
  { mode: 'wrong-shape-strings', label: 'All, with ids as strings (wrong shape)' },
  { mode: 'wrong-shape-object', label: 'All, as an object instead of an array (wrong shape)' },
];

/** Builds a preset rule; `newId` makes the id (the UI and core each have their own). */
export function presetRule(preset: PresetId, newId: () => string): Rule {
  const base = { id: newId(), enabled: true, delay: null, cors: false };
  switch (preset) {
    case 'sms-ack':
      return {
        ...base,
        name: 'SMS status: acknowledge all',
        match: emptyMatch({ kind: 'exact', value: '/sms/status' }, ['POST']),
        responder: { kind: 'sms-ack', mode: 'all', ids: [], percentage: 50, seed: 1 },
      };
    case 'sdk-response':
      return {
        ...base,
        name: 'SDK messages: success (000)',
        match: emptyMatch({ kind: 'exact', value: '/sdk/messages' }, ['POST']),
        responder: { kind: 'sdk-response', statusCode: '000', bearerToken: null },
      };
    case 'smartico-reverse':
      return {
        ...base,
        name: 'Reverse integration: 200 + field checks',
        match: emptyMatch({ kind: 'exact', value: '/smartico/reverse' }, []),
        responder: { kind: 'smartico-reverse' },
      };
    case 'plain':
      return {
        ...base,
        name: 'Plain response',
        match: emptyMatch({ kind: 'prefix', value: '/' }, []),
        responder: plainResponder(200, '{"ok":true}'),
      };
  }
}

export function plainResponder(status: number, body: string): Responder {
  return {
    kind: 'responses',
    mode: 'sequential',
    responses: [
      {
        status,
        headers: [['Content-Type', 'application/json; charset=utf-8']],
        body,
        bodyMode: 'json-safe',
        fault: null,
        weight: 1,
      },
    ],
  };
}

/** What a new data folder starts with, so a newcomer sees rules answer at once. */
export function starterRules(newId: () => string): Rule[] {
  return [
    presetRule('sms-ack', newId),
    presetRule('sdk-response', newId),
    presetRule('smartico-reverse', newId),
  ];
}
