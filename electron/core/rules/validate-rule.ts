import { Ajv, type ErrorObject } from 'ajv';
import type { FallbackResponse, Rule } from '../../../shared/rules';
import { CoreError } from '../errors';
import { JsonPathError, parseJsonPath } from '../json/json-path';
import { FALLBACK_SCHEMA, RULE_SCHEMA } from './rule-schema';

const ajv = new Ajv({ allErrors: false, strict: false });
const checkRule = ajv.compile<Rule>(RULE_SCHEMA);
const checkFallback = ajv.compile<FallbackResponse>(FALLBACK_SCHEMA);

/**
 * Checks a rule coming from the UI or an imported file. Shape errors come from
 * the schema; then what a schema cannot see: regexes compile and JSON paths parse.
 * A template with errors is allowed (the editor shows them; the receiver answers 500). Throws a CoreError naming the rule and field.
 */
export function parseRule(input: unknown): Rule {
  if (!checkRule(input))
    throw new CoreError('bad_request', `Rule is not valid: ${describe(checkRule.errors)}`);
  const rule = input;
  const label = `Rule "${rule.name || rule.id}"`;
  const regexes = [
    ...rule.match.query,
    ...rule.match.headers,
    ...rule.match.bodyJson,
    ...(rule.match.bodyText ? [rule.match.bodyText] : []),
  ].filter((c) => c.test === 'regex');
  for (const condition of regexes) {
    try {
      new RegExp(condition.value ?? '');
    } catch (error) {
      throw new CoreError(
        'bad_request',
        `${label}: the pattern /${condition.value}/ is not a valid regular expression (${(error as Error).message}).`,
      );
    }
  }
  for (const condition of rule.match.bodyJson) {
    try {
      parseJsonPath(condition.path);
    } catch (error) {
      if (error instanceof JsonPathError) throw new CoreError('bad_request', `${label}: ${error.message}`);
      throw error;
    }
  }
  if (rule.delay && rule.delay.maxMs < rule.delay.minMs) {
    throw new CoreError('bad_request', `${label}: the delay's maximum is below its minimum.`);
  }
  return rule;
}

export function parseFallback(input: unknown): FallbackResponse {
  if (!checkFallback(input))
    throw new CoreError('bad_request', `Fallback response is not valid: ${describe(checkFallback.errors)}`);
  return input;
}

function describe(errors: ErrorObject[] | null | undefined): string {
  const error = errors?.[0];
  if (!error) return 'unknown problem.';
  const where = error.instancePath === '' ? 'the rule' : error.instancePath.slice(1).replaceAll('/', '.');
  if (error.keyword === 'additionalProperties')
    return `${where} has an unknown field "${String(error.params.additionalProperty)}".`;
  if (error.keyword === 'required') return `${where} is missing "${String(error.params.missingProperty)}".`;
  return `${where} ${error.message ?? 'is not valid'}.`;
}
