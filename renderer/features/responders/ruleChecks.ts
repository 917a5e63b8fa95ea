/**
 * What the rule editor can tell about a draft before the core sees it: the limits of the fields a
 * user types in, with the same words the core's validation uses (electron/core/rules), and the
 * conditions' regexes and JSON paths with the core's own check (shared/rule-conditions.ts), so a
 * field is marked where it is instead of the save failing with a message at the top of the form.
 */
import { conditionProblems } from '../../../shared/rule-conditions';
import type { FallbackResponse, Rule } from '../../../shared/rules';

/** `field` is the value's path in the rule, dot-separated: `responder.responses.1.status`. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** Ranges the schema of a rule sets (electron/core/rules/rule-schema.ts); a test keeps them equal. */
export const RULE_LIMITS = {
  status: { min: 100, max: 599 },
  percentage: { min: 0, max: 100 },
  chunkBytes: { min: 1, max: 65_536 },
  intervalMs: { min: 1, max: 60_000 },
  delayMs: { min: 0, max: 600_000 },
  timeoutMs: { min: 1, max: 600_000 },
} as const;

const numberFormat = new Intl.NumberFormat('en-US');

function wholeInRange(value: number, limits: { min: number; max: number }): boolean {
  return Number.isInteger(value) && value >= limits.min && value <= limits.max;
}

const wholeRange = (label: string, limits: { min: number; max: number }) =>
  `${label} must be a whole number from ${numberFormat.format(limits.min)} to ${numberFormat.format(limits.max)}.`;

/** Every problem of the draft's typed-in fields, in the order they appear in the form. */
export function ruleProblems(rule: Rule): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const check = (ok: boolean, field: string, message: string) => {
    if (!ok) problems.push({ field, message });
  };

  const path = rule.match.path;
  if (path.kind !== 'any')
    check(path.value.startsWith('/'), 'match.path.value', 'Path value must start with "/".');
  // Regexes and JSON paths: the core's own check, so the row is marked in the core's words.
  problems.push(...conditionProblems(rule.match));

  const responder = rule.responder;
  if (responder.kind === 'responses') {
    const several = responder.responses.length > 1;
    responder.responses.forEach((response, index) => {
      const field = `responder.responses.${index}`;
      const label = (name: string) => (several ? `Response ${index + 1} ${name.toLowerCase()}` : name);
      check(
        wholeInRange(response.status, RULE_LIMITS.status),
        `${field}.status`,
        wholeRange(label('Status'), RULE_LIMITS.status),
      );
      if (responder.mode === 'weighted')
        check(
          Number.isFinite(response.weight) && response.weight >= 0,
          `${field}.weight`,
          `${label('Weight')} must be a number of at least 0.`,
        );
      const fault = response.fault;
      if (fault?.kind === 'trickle') {
        check(
          wholeInRange(fault.chunkBytes, RULE_LIMITS.chunkBytes),
          `${field}.fault.chunkBytes`,
          wholeRange(label('Bytes per chunk'), RULE_LIMITS.chunkBytes),
        );
        check(
          wholeInRange(fault.intervalMs, RULE_LIMITS.intervalMs),
          `${field}.fault.intervalMs`,
          wholeRange(label('Trickle interval (ms)'), RULE_LIMITS.intervalMs),
        );
      }
    });
  }
  if (responder.kind === 'sms-ack' && responder.mode === 'percentage') {
    const { min, max } = RULE_LIMITS.percentage;
    check(
      Number.isFinite(responder.percentage) && responder.percentage >= min && responder.percentage <= max,
      'responder.percentage',
      `Percentage must be a number from ${min} to ${max}, decimals allowed.`,
    );
    check(Number.isInteger(responder.seed), 'responder.seed', 'Seed must be a whole number.');
  }

  const delay = rule.delay;
  if (delay) {
    const minOk = wholeInRange(delay.minMs, RULE_LIMITS.delayMs);
    const maxOk = wholeInRange(delay.maxMs, RULE_LIMITS.delayMs);
    check(minOk, 'delay.minMs', wholeRange('Minimum delay (ms)', RULE_LIMITS.delayMs));
    check(maxOk, 'delay.maxMs', wholeRange('Maximum delay (ms)', RULE_LIMITS.delayMs));
    if (minOk && maxOk)
      check(delay.maxMs >= delay.minMs, 'delay.maxMs', 'Maximum delay (ms) must not be below the minimum.');
  }

  const forward = rule.forward;
  if (forward) {
    check(
      /^https?:\/\//.test(forward.url),
      'forward.url',
      'Forwarding target URL must start with http:// or https://.',
    );
    check(
      wholeInRange(forward.timeoutMs, RULE_LIMITS.timeoutMs),
      'forward.timeoutMs',
      wholeRange('Forwarding timeout (ms)', RULE_LIMITS.timeoutMs),
    );
  }
  return problems;
}

/** The fallback response's typed-in fields, checked as the core checks them (field: `status`). */
export function fallbackProblems(fallback: FallbackResponse): FieldProblem[] {
  return wholeInRange(fallback.status, RULE_LIMITS.status)
    ? []
    : [{ field: 'status', message: wholeRange('Status', RULE_LIMITS.status) }];
}

/** The sentence for the top of the form: the first problem, and how many more are marked. */
export function problemsSummary(problems: readonly FieldProblem[]): string {
  const [first] = problems;
  if (!first) return '';
  const more = problems.length - 1;
  return more === 0 ? first.message : `${first.message} (${more} more marked below)`;
}
