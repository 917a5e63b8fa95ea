import { describe, expect, it } from 'vitest';
import { RULE_SCHEMA } from '../../../electron/core/rules/rule-schema';
import { parseRule } from '../../../electron/core/rules/validate-rule';
import { problemsSummary, RULE_LIMITS, ruleProblems } from '../../../renderer/features/responders/ruleChecks';
import { createRulesStore, hasUnsavedRule } from '../../../renderer/state/rulesStore';
import { presetRule } from '../../../shared/presets';
import type { Rule, RuleState } from '../../../shared/rules';
import { fakeClient, tick } from './fakes';

const sms = presetRule('sms-ack', () => 'rule-sms');
const plain = presetRule('plain', () => 'rule-plain');
const ruleState = (rules: Rule[]): RuleState => ({
  rules,
  fallback: { status: 200, headers: [], body: '' },
  hits: {},
});

async function loadedStore(rules: Rule[]) {
  const f = fakeClient();
  const store = createRulesStore(f.client as never, () => {});
  const loading = store.getState().load();
  f.take('getRules').resolve(ruleState(rules));
  await loading;
  return { f, store };
}

describe('the rule draft in the rules store', () => {
  it('keeps the selection and the unsaved edits while the editor is gone', async () => {
    const { store } = await loadedStore([sms, plain]);
    const s = () => store.getState();
    expect(s().selectedId).toBe(null);
    expect(hasUnsavedRule(s())).toBe(false);

    s().selectRule(plain.id);
    s().editRule(plain, (draft) => ({ ...draft, name: 'Edited' }));
    s().editRule(plain, (draft) => ({
      ...draft,
      responder: { kind: 'responses', mode: 'sequential', responses: [] },
    }));
    // Nothing the editor held: the store has the whole draft and what it started from.
    expect(s().selectedId).toBe(plain.id);
    expect(s().editing?.ruleId).toBe(plain.id);
    expect(s().editing?.draft.name).toBe('Edited');
    expect(s().editing?.draft.responder).toEqual({ kind: 'responses', mode: 'sequential', responses: [] });
    expect(s().editing?.base).toBe(plain);
    expect(hasUnsavedRule(s())).toBe(true);

    // Events about rules (a hit count, another rule saved) keep the draft.
    s().applyState(ruleState([{ ...sms, name: 'Renamed elsewhere' }, plain]));
    expect(s().editing?.draft.name).toBe('Edited');
    expect(hasUnsavedRule(s())).toBe(true);

    // Choosing the same rule again keeps it; choosing another (after the screen asked) drops it.
    s().selectRule(plain.id);
    expect(hasUnsavedRule(s())).toBe(true);
    s().selectRule(sms.id);
    expect(s().editing).toBe(null);
    expect(s().selectedId).toBe(sms.id);
  });

  it('drops the draft of a deleted rule and on revert', async () => {
    const { f, store } = await loadedStore([sms, plain]);
    const s = () => store.getState();
    s().editRule(plain, (draft) => ({ ...draft, name: 'Edited' }));
    s().setRuleDraft(null);
    expect(hasUnsavedRule(s())).toBe(false);

    s().editRule(plain, (draft) => ({ ...draft, name: 'Edited' }));
    const deleting = s().deleteRule(plain.id);
    f.take('deleteRule').resolve(ruleState([sms]));
    await deleting;
    await tick();
    expect(s().editing).toBe(null);
  });
});

describe('the rule editor’s own checks', () => {
  const withResponder = (responder: Rule['responder']): Rule => ({ ...plain, responder });

  it('names an out-of-range field in the core’s words, by its place in the rule', () => {
    expect(ruleProblems(sms)).toEqual([]);
    expect(ruleProblems(plain)).toEqual([]);
    expect(
      ruleProblems(withResponder({ kind: 'sms-ack', mode: 'percentage', ids: [], percentage: 150, seed: 1 })),
    ).toEqual([
      {
        field: 'responder.percentage',
        message: 'Percentage must be a number from 0 to 100, decimals allowed.',
      },
    ]);
    // A decimal is a percentage too, as the rule format has it; NaN is what a text not a number gives.
    const percentage = (value: number) =>
      ruleProblems(
        withResponder({ kind: 'sms-ack', mode: 'percentage', ids: [], percentage: value, seed: 1 }),
      );
    expect(percentage(12.5)).toEqual([]);
    expect(percentage(Number.NaN)).toEqual([
      {
        field: 'responder.percentage',
        message: 'Percentage must be a number from 0 to 100, decimals allowed.',
      },
    ]);
    // A percentage is not used (nor checked) unless the mode is a percentage.
    expect(
      ruleProblems(withResponder({ kind: 'sms-ack', mode: 'all', ids: [], percentage: 150, seed: 1 })),
    ).toEqual([]);

    const variant = (status: number) => ({
      status,
      headers: [],
      body: '',
      bodyMode: 'raw' as const,
      fault: null,
      weight: 1,
    });
    expect(
      ruleProblems(withResponder({ kind: 'responses', mode: 'sequential', responses: [variant(999)] })),
    ).toEqual([
      { field: 'responder.responses.0.status', message: 'Status must be a whole number from 100 to 599.' },
    ]);
    // NaN is what a status field holds while its text is not a number.
    const several = ruleProblems(
      withResponder({
        kind: 'responses',
        mode: 'sequential',
        responses: [variant(200), variant(Number.NaN)],
      }),
    );
    expect(several).toEqual([
      {
        field: 'responder.responses.1.status',
        message: 'Response 2 status must be a whole number from 100 to 599.',
      },
    ]);

    const problems = ruleProblems({
      ...plain,
      match: { ...plain.match, path: { kind: 'exact', value: 'hello' } },
      delay: { minMs: 500, maxMs: 100 },
      forward: { url: 'localhost:3000', rebase: true, passthrough: false, timeoutMs: 0 },
    });
    expect(problems.map((problem) => problem.field)).toEqual([
      'match.path.value',
      'delay.maxMs',
      'forward.url',
      'forward.timeoutMs',
    ]);
    expect(problemsSummary(problems)).toBe('Path value must start with "/". (3 more marked below)');
  });

  it('marks a condition whose regex or JSON path the core would refuse, in the core’s words', () => {
    const match = {
      ...plain.match,
      query: [
        { name: 'ok', test: 'regex' as const, value: '^a+$' },
        { name: 'q', test: 'regex' as const, value: '(' },
      ],
      headers: [{ name: 'X-Id', test: 'equals' as const, value: '(' }],
      bodyJson: [
        { path: '$.fine', test: 'present' as const },
        { path: 'campaign_name', test: 'regex' as const, value: '[' },
      ],
      bodyText: { test: 'regex' as const, value: '*' },
    };
    const problems = ruleProblems({ ...plain, match });
    expect(problems.map((problem) => problem.field)).toEqual([
      'match.query.1.value',
      'match.bodyJson.1.path',
      'match.bodyJson.1.value',
      'match.bodyText.value',
    ]);
    expect(problems[0]?.message).toMatch(/^The pattern \/\(\/ is not a valid regular expression \(.+\)\.$/);
    expect(problems[1]?.message).toBe(
      'A JSON path starts with "$", e.g. $.campaign_name (got "campaign_name").',
    );
    // The core refuses the same rule with the first of them, naming the rule.
    expect(() => parseRule({ ...plain, match })).toThrow(`Rule "${plain.name}": ${problems[0]?.message}`);
  });

  it('uses the same limits as the schema the core checks with', () => {
    // Follows a path of keys and indexes through the schema (its nested parts are not typed literally).
    const at = (...keys: (string | number)[]) =>
      keys.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], RULE_SCHEMA) as {
        minimum: number;
        maximum: number;
      };
    const limits = (schema: { minimum: number; maximum: number }) => ({
      min: schema.minimum,
      max: schema.maximum,
    });
    const responder = ['properties', 'responder', 'oneOf'];
    const variant = [...responder, 0, 'properties', 'responses', 'items', 'properties'];
    const trickle = [...variant, 'fault', 'anyOf', 1, 'oneOf', 1, 'properties'];
    const delay = ['properties', 'delay', 'anyOf', 1, 'properties'];
    expect(limits(at(...variant, 'status'))).toEqual(RULE_LIMITS.status);
    expect(limits(at(...responder, 1, 'properties', 'percentage'))).toEqual(RULE_LIMITS.percentage);
    expect(limits(at(...trickle, 'chunkBytes'))).toEqual(RULE_LIMITS.chunkBytes);
    expect(limits(at(...trickle, 'intervalMs'))).toEqual(RULE_LIMITS.intervalMs);
    expect(limits(at(...delay, 'minMs'))).toEqual(RULE_LIMITS.delayMs);
    expect(limits(at(...delay, 'maxMs'))).toEqual(RULE_LIMITS.delayMs);
    expect(limits(at('properties', 'forward', 'anyOf', 1, 'properties', 'timeoutMs'))).toEqual(
      RULE_LIMITS.timeoutMs,
    );
  });
});
