import { parseJsonPath, selectJsonPath } from '../../../shared/json-path';
import type { FieldCondition, RuleMatch, ValueTest } from '../../../shared/rules';
import { scalarText } from '../json/lossless';
import type { IncomingRequest } from './incoming';
import { matchPath } from './path-match';

export type MatchOutcome =
  | { matched: true; params: Record<string, string> }
  | { matched: false; reason: string };

/**
 * Checks every condition of a rule; all must hold. The reason names the first
 * condition that failed, for the editor's "would this rule answer?" preview.
 */
export function matchRule(match: RuleMatch, request: IncomingRequest): MatchOutcome {
  if (match.methods.length > 0 && !match.methods.includes(request.method)) {
    return no(`method ${request.method} is not ${match.methods.join(' or ')}`);
  }
  const params = matchPath(match.path, request.path);
  if (!params) return no(`path ${request.path} does not match ${describePath(match)}`);
  for (const condition of match.query) {
    if (!testValues(request.query.getAll(condition.name), condition)) {
      return no(`query parameter "${condition.name}" ${describeTest(condition)}`);
    }
  }
  for (const condition of match.headers) {
    if (!testValues(request.headerMap.get(condition.name.toLowerCase()) ?? [], condition)) {
      return no(`header "${condition.name}" ${describeTest(condition)}`);
    }
  }
  if (match.bodyJson.length > 0) {
    const json = request.json;
    if (json === undefined) return no('the body is not JSON');
    for (const condition of match.bodyJson) {
      const values = selectJsonPath(json, parseJsonPath(condition.path));
      const texts = values.map((value) => scalarText(value) ?? JSON.stringify(value));
      if (!testValues(texts, condition)) return no(`body ${condition.path} ${describeTest(condition)}`);
    }
  }
  if (match.bodyText) {
    const text = request.text ?? '';
    const ok =
      match.bodyText.test === 'contains'
        ? text.includes(match.bodyText.value)
        : safeRegex(match.bodyText.value).test(text);
    if (!ok)
      return no(
        `body does not ${match.bodyText.test === 'contains' ? 'contain' : 'match'} "${match.bodyText.value}"`,
      );
  }
  if (match.payloadKind && request.kind !== match.payloadKind) {
    return no(`payload is ${request.kind ?? 'not a recognised kind'}, not ${match.payloadKind}`);
  }
  return { matched: true, params };
}

function no(reason: string): MatchOutcome {
  return { matched: false, reason };
}

function testValues(values: readonly string[], condition: { test: ValueTest; value?: string }): boolean {
  if (condition.test === 'present') return values.length > 0;
  const expected = condition.value ?? '';
  switch (condition.test) {
    case 'equals':
      return values.some((value) => value === expected);
    case 'contains':
      return values.some((value) => value.includes(expected));
    case 'regex': {
      const pattern = safeRegex(expected);
      return values.some((value) => pattern.test(value));
    }
  }
}

const regexCache = new Map<string, RegExp>();

/** Rules are validated on save, so a bad pattern here means "matches nothing" rather than a crash. */
function safeRegex(source: string): RegExp {
  let pattern = regexCache.get(source);
  if (!pattern) {
    try {
      pattern = new RegExp(source);
    } catch {
      pattern = /$^/;
    }
    if (regexCache.size > 500) regexCache.clear();
    regexCache.set(source, pattern);
  }
  return pattern;
}

function describePath(match: RuleMatch): string {
  return match.path.kind === 'any' ? 'any path' : `${match.path.kind} ${match.path.value}`;
}

function describeTest(condition: FieldCondition | { test: ValueTest; value?: string }): string {
  if (condition.test === 'present') return 'is missing';
  return `does not ${condition.test === 'equals' ? 'equal' : condition.test === 'contains' ? 'contain' : 'match'} "${condition.value ?? ''}"`;
}
