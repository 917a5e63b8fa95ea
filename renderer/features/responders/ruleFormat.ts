/**
 * Pure helpers of the Responders screen: summaries for the list, the method and
 * id text fields, ids for new rules and draft comparison.
 */
import type { HeaderPair } from '../../../shared/domain';
import { plainResponder } from '../../../shared/presets';
import type { PayloadKind, Responder, Rule, RuleMatch } from '../../../shared/rules';

export const PAYLOAD_KIND_LABELS: Record<PayloadKind, string> = {
  'sms-status-batch': 'SMS status batch',
  'smartico-reverse': 'Reverse integration call',
  'sdk-message': 'SDK message',
};

export const RESPONDER_KIND_LABELS: Record<Responder['kind'], string> = {
  responses: 'Responses',
  'sms-ack': 'SMS ack',
  'sdk-response': 'SDK',
  'smartico-reverse': 'Reverse',
};

/** One line for the rule list, e.g. `POST /sms/status` or `ANY prefix /` (+ extra conditions). */
export function matchSummary(match: RuleMatch): string {
  const methods = match.methods.length === 0 ? 'ANY' : match.methods.join(',');
  const path =
    match.path.kind === 'any'
      ? 'any path'
      : match.path.kind === 'exact'
        ? match.path.value
        : `${match.path.kind} ${match.path.value}`;
  const extras: string[] = [];
  const conditions =
    match.query.length + match.headers.length + match.bodyJson.length + (match.bodyText ? 1 : 0);
  if (match.payloadKind) extras.push(PAYLOAD_KIND_LABELS[match.payloadKind]);
  if (conditions > 0) extras.push(`${conditions} condition${conditions === 1 ? '' : 's'}`);
  return [`${methods} ${path}`, ...extras].join(' · ');
}

/** `post, get` or `POST GET` → `['POST', 'GET']`; duplicates dropped, order kept. */
export function parseMethods(text: string): string[] {
  const methods = text
    .split(/[\s,]+/)
    .map((method) => method.trim().toUpperCase())
    .filter((method) => method !== '');
  return [...new Set(methods)];
}

export function formatMethods(methods: readonly string[]): string {
  return methods.join(', ');
}

/** Ids as text, one per line or separated by commas or spaces; kept as text so big ids stay exact. */
export function parseIdList(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((id) => id.trim())
    .filter((id) => id !== '');
}

export function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

/**
 * A short random id. getRandomValues, unlike randomUUID, also works when the UI
 * is opened over plain http from another machine (not a secure context).
 */
export function newRuleId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(4));
  return `rule-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

/** The settings a responder kind starts with when the user switches to it. */
export function defaultResponder(kind: Responder['kind']): Responder {
  switch (kind) {
    case 'responses':
      return plainResponder(200, '{"ok":true}');
    case 'sms-ack':
      return { kind: 'sms-ack', mode: 'all', ids: [], percentage: 50, seed: 1 };
    case 'sdk-response':
      return { kind: 'sdk-response', statusCode: '000', bearerToken: null };
    case 'smartico-reverse':
      return { kind: 'smartico-reverse' };
  }
}

/** Header rows the user added and left empty are not headers; dropping them avoids a pointless error. */
export function withoutBlankHeaders(headers: readonly HeaderPair[]): HeaderPair[] {
  return headers.filter(([name, value]) => name.trim() !== '' || value.trim() !== '');
}

/** The rule as it will be saved: blank header rows removed. */
export function normaliseRule(rule: Rule): Rule {
  if (rule.responder.kind !== 'responses') return rule;
  return {
    ...rule,
    responder: {
      ...rule.responder,
      responses: rule.responder.responses.map((response) => ({
        ...response,
        headers: withoutBlankHeaders(response.headers),
      })),
    },
  };
}

/**
 * Whether two rules are the same edit. `enabled` is left out: the switch saves at
 * once from the list, so it never makes the editor's draft unsaved.
 */
export function sameEdit(a: Rule, b: Rule): boolean {
  return JSON.stringify({ ...a, enabled: true }) === JSON.stringify({ ...b, enabled: true });
}

/** Moves `id` to just before or after `targetId`; returns the new order. */
export function moveBeside(ids: readonly string[], id: string, targetId: string, after: boolean): string[] {
  if (id === targetId) return [...ids];
  const rest = ids.filter((candidate) => candidate !== id);
  const index = rest.indexOf(targetId);
  if (index === -1) return [...ids];
  rest.splice(after ? index + 1 : index, 0, id);
  return rest;
}

/** Moves `id` one place up (-1) or down (+1); returns null at either end. */
export function moveByOne(ids: readonly string[], id: string, step: -1 | 1): string[] | null {
  const index = ids.indexOf(id);
  const target = index + step;
  if (index === -1 || target < 0 || target >= ids.length) return null;
  const next = [...ids];
  [next[index], next[target]] = [next[target] as string, id];
  return next;
}
