import { emptyMatch, plainResponder } from '../../shared/presets';
import type { Responder, ResponseVariant, Rule, RuleMatch } from '../../shared/rules';

let counter = 0;

/** A rule for tests: defaults filled in, any field overridable. */
export function testRule(
  overrides: Partial<Omit<Rule, 'match'>> & { match?: Partial<RuleMatch> } = {},
): Rule {
  counter += 1;
  const { match, ...rest } = overrides;
  return {
    id: `test-rule-${counter}`,
    name: `Test rule ${counter}`,
    enabled: true,
    delay: null,
    cors: false,
    responder: plainResponder(200, '{"ok":true}'),
    ...rest,
    match: { ...emptyMatch(), ...match },
  };
}

export function variant(overrides: Partial<ResponseVariant> = {}): ResponseVariant {
  return {
    status: 200,
    headers: [['Content-Type', 'application/json']],
    body: '{"ok":true}',
    bodyMode: 'json-safe',
    fault: null,
    weight: 1,
    ...overrides,
  };
}

export function responses(mode: 'sequential' | 'random' | 'weighted', ...list: ResponseVariant[]): Responder {
  return { kind: 'responses', mode, responses: list };
}
