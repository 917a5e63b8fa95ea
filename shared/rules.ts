/**
 * Responder rules: how the receiver answers. Plain JSON data, edited in the UI,
 * saved in the workspace and exported/imported as one file.
 */
import type { HeaderPair } from './domain';

export type PathMatch =
  | { kind: 'any' }
  | { kind: 'exact'; value: string }
  | { kind: 'prefix'; value: string }
  /** Segments like `/sms/:account/status`; named params are exposed as `request.params`. */
  | { kind: 'pattern'; value: string };

/** `present`: the field exists; `equals` / `contains`: compares its text; `regex`: tests its text. */
export type ValueTest = 'present' | 'equals' | 'contains' | 'regex';

export interface FieldCondition {
  name: string;
  test: ValueTest;
  value?: string;
}

export interface BodyJsonCondition {
  /** A JSON path such as `$.campaign_name` or `$[*].id_sms`; matches when any selected value passes. */
  path: string;
  test: ValueTest;
  value?: string;
}

export type PayloadKind = 'sms-status-batch' | 'smartico-reverse' | 'sdk-message';

export interface RuleMatch {
  /** Upper-case methods; empty means any. */
  methods: string[];
  path: PathMatch;
  query: FieldCondition[];
  /** Header names match case-insensitively. */
  headers: FieldCondition[];
  bodyJson: BodyJsonCondition[];
  bodyText: { test: 'contains' | 'regex'; value: string } | null;
  payloadKind: PayloadKind | null;
}

export type Fault =
  | { kind: 'close' }
  | { kind: 'reset' }
  | { kind: 'hang' }
  /** Sends the response a few bytes at a time. */
  | { kind: 'trickle'; chunkBytes: number; intervalMs: number }
  /** Sends a JSON content type with a body that does not parse. */
  | { kind: 'invalid-json' };

export interface Delay {
  minMs: number;
  /** Equal to minMs for a fixed delay. */
  maxMs: number;
}

export type TemplateMode = 'json-safe' | 'raw';

/** One response a rule can give: a templated answer, or a fault instead of an answer. */
export interface ResponseVariant {
  status: number;
  headers: HeaderPair[];
  /** Handlebars template; sees `request.*` and the template helpers. */
  body: string;
  bodyMode: TemplateMode;
  fault: Fault | null;
  /** Used by the weighted mode. */
  weight: number;
}

export type SmsAckMode =
  | 'all'
  | 'none'
  | 'only-listed'
  | 'all-except-listed'
  | 'percentage'
  | 'final-states'
  | 'wrong-shape-strings'
  | 'wrong-shape-object';

/** What answers: the rule's own responses, or a preset that computes the answer from the request. */
export type Responder =
  | { kind: 'responses'; mode: 'sequential' | 'random' | 'weighted'; responses: ResponseVariant[] }
  | { kind: 'sms-ack'; mode: SmsAckMode; ids: string[]; percentage: number; seed: number }
  | {
      kind: 'sdk-response';
      statusCode: '000' | '001' | '900' | '999';
      /** When set, requests must carry `Authorization: Bearer <token>`. */
      bearerToken: string | null;
    }
  | { kind: 'smartico-reverse' };

export interface Rule {
  id: string;
  name: string;
  enabled: boolean;
  match: RuleMatch;
  responder: Responder;
  delay: Delay | null;
  /** Adds CORS headers and answers preflight (OPTIONS) requests itself. */
  cors: boolean;
  /** Also send every matching request to another server (like `stripe listen --forward-to`); absent or null: no. */
  forward?: ForwardTarget | null;
}

export interface ForwardTarget {
  /** Base URL; with `rebase`, the request's path and query are appended to its path. */
  url: string;
  rebase: boolean;
  /** true: the caller gets the target's answer; false: the rule's own answer, and the forward happens alongside. */
  passthrough: boolean;
  timeoutMs: number;
}

/** The answer when no rule matches. */
export interface FallbackResponse {
  status: number;
  headers: HeaderPair[];
  body: string;
}

export interface RuleSet {
  rules: Rule[];
  fallback: FallbackResponse;
}

export interface RuleHits {
  /** Rule id → requests it answered since the workspace was opened. */
  [ruleId: string]: number;
}

/** Which rule answered a capture, and how; stored with the capture. */
export interface ResponseOrigin {
  ruleId: string | null;
  ruleName: string | null;
  fault: Fault['kind'] | null;
  /** Plain-words problem while building the answer (a broken template), or null. */
  error: string | null;
}

/** The answer a rule would give to a captured request, without sending it. */
export interface RulePreview {
  matched: boolean;
  /** Why the rule did not match, in plain words, when matched is false. */
  reason: string | null;
  status: number;
  headers: HeaderPair[];
  bodyText: string;
  fault: Fault['kind'] | null;
  delayMs: number;
  error: string | null;
}

export const SMS_FINAL_STATES: readonly string[] = ['not_deliver', 'expired', 'read'];
export const SMS_STATES: readonly string[] = [
  'send',
  'not_deliver',
  'expired',
  'deliver',
  'read',
  'partly_deliver',
];

/** The rules as the UI sees them: the list, the fallback and the hit counts. */
export interface RuleState {
  rules: Rule[];
  fallback: FallbackResponse;
  hits: RuleHits;
}
