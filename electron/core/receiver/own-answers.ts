/** Answers the receiver gives itself, without consulting the rules (a body too large, a busy receiver, echo). */
import type { RuleOutcome } from '../rules/engine';
import { busyResponse, mebibytes, type PlannedResponse, tooLargeResponse } from './responses';

export function tooLargeOutcome(limit: number): RuleOutcome {
  return fixedOutcome(tooLargeResponse(limit));
}

export function busyOutcome(budget: number, kept: number): RuleOutcome {
  return {
    ...fixedOutcome(busyResponse(budget)),
    findings: [
      {
        severity: 'error',
        path: null,
        message: `Answered 503 after ${kept} bytes: the bodies of the requests arriving at the same time already held ${mebibytes(budget)}, the most the receiver keeps in memory at once. The sender may retry; a sender that sends this many large bodies at once needs fewer connections.`,
      },
    ],
  };
}

/** An answer the receiver gives itself, without consulting the rules. */
export function fixedOutcome(response: PlannedResponse): RuleOutcome {
  return {
    response,
    fault: null,
    delayMs: 0,
    origin: { ruleId: null, ruleName: null, fault: null, error: null },
    findings: [],
    forward: null,
  };
}
