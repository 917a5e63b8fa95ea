import type { Finding, HeaderPair } from '../../../shared/domain';
import type {
  Fault,
  ForwardTarget,
  ResponseOrigin,
  Rule,
  RuleHits,
  RulePreview,
  RuleSet,
} from '../../../shared/rules';
import { forwardedByUs, loopFinding } from '../forward/loop-guard';
import type { PlannedResponse } from '../receiver/responses';
import { type IncomingRequest, templateContext } from './incoming';
import { type MatchOutcome, matchRule } from './match';
import { sdkResponse } from './responders/sdk-response';
import { smarticoReverse } from './responders/smartico-reverse';
import { smsAck } from './responders/sms-ack';
import type { ResponderAnswer } from './responders/types';
import { pickVariant, renderVariant } from './responders/variants';
import { TemplateCache } from './template-cache';

/** Everything the receiver needs to answer one request, decided before anything is sent. */
export interface RuleOutcome {
  response: PlannedResponse;
  fault: Fault | null;
  delayMs: number;
  origin: ResponseOrigin;
  findings: Finding[];
  /** Where the matched rule also sends the request, or null. */
  forward: ForwardTarget | null;
}

const CORS_HEADERS: HeaderPair[] = [
  ['Access-Control-Allow-Origin', '*'],
  ['Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE, OPTIONS'],
  ['Access-Control-Allow-Headers', '*'],
  ['Access-Control-Max-Age', '600'],
];

/** First match wins, in list order; disabled rules are skipped; the fallback answers the rest. */
export class RuleEngine {
  private readonly hits = new Map<string, number>();
  private readonly templates = new TemplateCache();

  constructor(
    private readonly ruleSet: () => RuleSet,
    private readonly random: () => number = Math.random,
  ) {}

  respond(request: IncomingRequest): RuleOutcome {
    const { rules, fallback } = this.ruleSet();
    if (isPreflight(request)) {
      const corsRule = rules.find(
        (rule) => rule.enabled && rule.cors && matchRule({ ...rule.match, methods: [] }, request).matched,
      );
      if (corsRule) {
        this.count(corsRule.id);
        return finish({ status: 204, headers: [...CORS_HEADERS], body: '' }, corsRule, null, 0);
      }
    }
    for (const rule of rules) {
      if (!rule.enabled) continue;
      const match = matchRule(rule.match, request);
      if (!match.matched) continue;
      const hitsSoFar = this.count(rule.id) - 1;
      return this.answer(rule, request, match, hitsSoFar);
    }
    return finish({ status: fallback.status, headers: fallback.headers, body: fallback.body }, null, null, 0);
  }

  /** What `rule` would answer to `request`, without counting a hit or advancing its sequence. */
  preview(rule: Rule, request: IncomingRequest): RulePreview {
    const match = matchRule(rule.match, request);
    const outcome = match.matched ? this.answer(rule, request, match, this.hits.get(rule.id) ?? 0) : null;
    return {
      matched: match.matched,
      reason: match.matched ? null : match.reason,
      status: outcome?.response.status ?? 0,
      headers: outcome?.response.headers ?? [],
      bodyText: outcome ? new TextDecoder().decode(outcome.response.body) : '',
      fault: outcome?.fault?.kind ?? null,
      delayMs: outcome?.delayMs ?? 0,
      error: outcome?.origin.error ?? null,
    };
  }

  hitCounts(): RuleHits {
    return Object.fromEntries(this.hits);
  }

  /** Call after the rules were edited: templates recompile, and removed or reset rules start over. */
  rulesChanged(keepHitsFor: ReadonlySet<string>): void {
    this.templates.clear();
    for (const id of this.hits.keys()) if (!keepHitsFor.has(id)) this.hits.delete(id);
  }

  private count(ruleId: string): number {
    const next = (this.hits.get(ruleId) ?? 0) + 1;
    this.hits.set(ruleId, next);
    return next;
  }

  private answer(
    rule: Rule,
    request: IncomingRequest,
    match: MatchOutcome & { matched: true },
    hitsSoFar: number,
  ): RuleOutcome {
    const responder = rule.responder;
    let answer: ResponderAnswer;
    let fault: Fault | null = null;
    switch (responder.kind) {
      case 'responses': {
        const variant = pickVariant(responder, hitsSoFar, this.random);
        if (!variant) {
          answer = {
            status: 500,
            headers: [],
            body: '',
            error: `Rule "${rule.name}" has no responses to give.`,
          };
          break;
        }
        fault = variant.fault;
        answer = renderVariant(variant, templateContext(request, match.params), this.templates, rule.name);
        break;
      }
      case 'sms-ack':
        answer = smsAck(responder, request);
        break;
      case 'sdk-response':
        answer = sdkResponse(responder, request);
        break;
      case 'smartico-reverse':
        answer = smarticoReverse(request);
        break;
    }
    if (rule.cors) answer = { ...answer, headers: [...answer.headers, ...CORS_HEADERS.slice(0, 1)] };
    const outcome = finish(answer, rule, answer.error ? null : fault, this.delay(rule));
    if (outcome.forward && forwardedByUs(request.headerMap)) {
      return { ...outcome, forward: null, findings: [...outcome.findings, loopFinding(outcome.forward.url)] };
    }
    return outcome;
  }

  private delay(rule: Rule): number {
    if (!rule.delay) return 0;
    const { minMs, maxMs } = rule.delay;
    return maxMs > minMs ? Math.round(minMs + this.random() * (maxMs - minMs)) : minMs;
  }
}

function isPreflight(request: IncomingRequest): boolean {
  return request.method === 'OPTIONS' && request.headerMap.has('access-control-request-method');
}

/** Turns an answer into the exact bytes to send, applying what a fault changes about them. */
function finish(
  answer: ResponderAnswer,
  rule: Rule | null,
  fault: Fault | null,
  delayMs: number,
): RuleOutcome {
  const origin: ResponseOrigin = {
    ruleId: rule?.id ?? null,
    ruleName: rule?.name ?? null,
    fault: fault?.kind ?? null,
    error: answer.error ?? null,
  };
  const findings = answer.findings ?? [];
  const forward = rule?.forward ?? null;
  if (fault && (fault.kind === 'close' || fault.kind === 'reset' || fault.kind === 'hang')) {
    return {
      response: { status: 0, headers: [], body: new Uint8Array() },
      fault,
      delayMs,
      origin,
      findings,
      forward,
    };
  }
  let body = answer.body;
  let headers = answer.headers;
  if (fault?.kind === 'invalid-json') {
    body = breakJson(body);
    headers = [
      ...headers.filter(([name]) => name.toLowerCase() !== 'content-type'),
      ['Content-Type', 'application/json'],
    ];
  }
  const bytes = Buffer.from(body, 'utf8');
  // The length is always ours: a template cannot make the framing lie.
  const framed = headers.filter(([name]) => !/^(content-length|transfer-encoding)$/i.test(name));
  framed.push(['Content-Length', String(bytes.byteLength)]);
  return {
    response: { status: answer.status, headers: framed, body: bytes },
    fault,
    delayMs,
    origin,
    findings,
    forward,
  };
}

/** Cuts a JSON answer short, so the sender meets a body that claims JSON and does not parse. */
function breakJson(body: string): string {
  const trimmed = body.trim();
  const cut =
    trimmed.length >= 4 ? trimmed.slice(0, Math.max(2, Math.floor(trimmed.length * 0.6))) : '{"ok": tru';
  try {
    JSON.parse(cut); // a number cut short is still a number
    return `${cut},`;
  } catch {
    return cut;
  }
}
