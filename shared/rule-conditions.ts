/**
 * What the rule schema cannot see in a rule's conditions: a regular expression must compile and a
 * JSON path must parse. Shared so the core refuses a rule with the same check and words the
 * editor uses to mark the condition's own field.
 */
import { JsonPathError, parseJsonPath } from './json-path';
import type { RuleMatch } from './rules';

/** `field` is the value's path in the rule, dot-separated, as the editor marks it: `match.query.0.value`. */
export interface ConditionProblem {
  field: string;
  message: string;
}

/** Every condition that cannot be used, in the order the form shows them. */
export function conditionProblems(match: RuleMatch): ConditionProblem[] {
  const problems: ConditionProblem[] = [];
  const checkPattern = (pattern: string, field: string) => {
    try {
      // Compiled as the matcher compiles it (electron/core/rules/match.ts): no flags.
      new RegExp(pattern);
    } catch (error) {
      problems.push({
        field,
        message: `The pattern /${pattern}/ is not a valid regular expression (${(error as Error).message}).`,
      });
    }
  };

  match.query.forEach((condition, index) => {
    if (condition.test === 'regex') checkPattern(condition.value ?? '', `match.query.${index}.value`);
  });
  match.headers.forEach((condition, index) => {
    if (condition.test === 'regex') checkPattern(condition.value ?? '', `match.headers.${index}.value`);
  });
  match.bodyJson.forEach((condition, index) => {
    try {
      parseJsonPath(condition.path);
    } catch (error) {
      if (!(error instanceof JsonPathError)) throw error;
      problems.push({ field: `match.bodyJson.${index}.path`, message: error.message });
    }
    if (condition.test === 'regex') checkPattern(condition.value ?? '', `match.bodyJson.${index}.value`);
  });
  if (match.bodyText?.test === 'regex') checkPattern(match.bodyText.value, 'match.bodyText.value');
  return problems;
}
