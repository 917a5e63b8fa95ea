import { Ajv } from 'ajv';
import { conditionProblems } from '../../../shared/rule-conditions';
import type { FallbackResponse, Rule } from '../../../shared/rules';
import { CoreError } from '../errors';
import { describeRuleError, fallbackFieldLabel, ruleFieldLabel } from './rule-error-words';
import { FALLBACK_SCHEMA, RULE_SCHEMA } from './rule-schema';

// `discriminator`: a responder, fault or path condition is checked against the branch of its own
// `kind` only; `verbose`: each error carries its schema, so a range is said whole ("from 100 to 599").
const ajv = new Ajv({ allErrors: false, strict: false, discriminator: true, verbose: true });
const checkRule = ajv.compile<Rule>(RULE_SCHEMA);
const checkFallback = ajv.compile<FallbackResponse>(FALLBACK_SCHEMA);

/**
 * Checks a rule coming from the UI or an imported file. Shape errors come from
 * the schema; then what a schema cannot see: regexes compile and JSON paths parse
 * (shared/rule-conditions.ts, which the editor runs too, to mark the condition).
 * A template with errors is allowed (the editor shows them; the receiver answers 500). Throws a CoreError naming the rule and field.
 */
export function parseRule(input: unknown): Rule {
  if (!checkRule(input))
    throw new CoreError(
      'bad_request',
      describeRuleError(checkRule.errors, (path) => ruleFieldLabel(path, input)),
    );
  const rule = input;
  const label = `Rule "${rule.name || rule.id}"`;
  const [problem] = conditionProblems(rule.match);
  if (problem) throw new CoreError('bad_request', `${label}: ${problem.message}`);
  if (rule.delay && rule.delay.maxMs < rule.delay.minMs) {
    throw new CoreError('bad_request', `${label}: Maximum delay (ms) must not be below the minimum.`);
  }
  return rule;
}

export function parseFallback(input: unknown): FallbackResponse {
  if (!checkFallback(input))
    throw new CoreError(
      'bad_request',
      `Fallback response: ${describeRuleError(checkFallback.errors, fallbackFieldLabel)}`,
    );
  return input;
}
