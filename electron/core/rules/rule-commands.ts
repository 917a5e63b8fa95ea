import type { CommandHandlers } from '../../../shared/contract';
import type { RuleState } from '../../../shared/rules';
import { CoreError } from '../errors';
import type { CoreEvents } from '../events';
import type { CaptureStore } from '../store/capture-store';
import { readRulesFile, type Workspace } from '../workspace/workspace';
import type { RuleEngine } from './engine';
import { incomingRequest } from './incoming';
import { parseRule } from './validate-rule';

type RuleCommands = Pick<
  CommandHandlers,
  | 'getRules'
  | 'saveRule'
  | 'deleteRule'
  | 'reorderRules'
  | 'setFallback'
  | 'previewRule'
  | 'exportRules'
  | 'importRules'
  | 'checkRulesFile'
>;

export interface RuleCommandDeps {
  workspace: Workspace;
  engine: RuleEngine;
  store: CaptureStore;
  events: CoreEvents;
}

/** The responder rules' commands; every change is saved, announced, and resets what it affects. */
export function createRuleCommands({ workspace, engine, store, events }: RuleCommandDeps): RuleCommands {
  const state = (): RuleState => ({ ...workspace.ruleSet, hits: engine.hitCounts() });
  const changed = (resetHitsOf: readonly string[] = []): RuleState => {
    const keep = new Set(workspace.ruleSet.rules.map((rule) => rule.id));
    for (const id of resetHitsOf) keep.delete(id);
    engine.rulesChanged(keep);
    const next = state();
    events.emit('rulesChanged', next);
    return next;
  };
  const text = (value: unknown, field: string): string => {
    if (typeof value !== 'string') throw new CoreError('bad_request', `${field} must be text.`);
    return value;
  };
  const args = (request: unknown): Record<string, unknown> => {
    if (typeof request !== 'object' || request === null)
      throw new CoreError('bad_request', 'The request must be an object.');
    return request as Record<string, unknown>;
  };

  return {
    getRules: async () => state(),
    // An edited rule starts its sequence over, so "fail twice, then succeed" can be replayed after a change.
    saveRule: async (rule) => changed([workspace.saveRule(rule).id]),
    deleteRule: async (request) => {
      workspace.deleteRule(text(args(request).id, 'id'));
      return changed();
    },
    reorderRules: async (request) => {
      const ids = args(request).ids;
      if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) {
        throw new CoreError('bad_request', 'ids must be a list of rule ids.');
      }
      workspace.reorder(ids);
      return changed();
    },
    setFallback: async (fallback) => {
      workspace.setFallback(fallback);
      return changed();
    },
    previewRule: async (request) => {
      const { rule, captureId } = args(request);
      const checked = parseRule(rule);
      if (!Number.isSafeInteger(captureId))
        throw new CoreError('bad_request', 'captureId must be a capture id.');
      const capture = store.get(captureId as number);
      if (!capture) throw new CoreError('not_found', `Capture ${String(captureId)} no longer exists.`);
      return engine.preview(
        checked,
        incomingRequest({
          method: capture.method,
          target: capture.path,
          headers: capture.headers,
          body: Buffer.from(capture.bodyBase64, 'base64'),
          contentType: capture.contentType,
          kind: capture.kind,
        }),
      );
    },
    exportRules: async () => ({ fileName: 'hookbench-rules.json', text: workspace.exportRules() }),
    importRules: async (request) => {
      const { text: fileText, replace } = args(request);
      workspace.importRules(text(fileText, 'text'), replace === true);
      // Added rules get fresh ids, so only a replace leaves counts that belong to other rules.
      return changed(replace === true ? workspace.ruleSet.rules.map((rule) => rule.id) : []);
    },
    checkRulesFile: async (request) => {
      const { rules } = readRulesFile(text(args(request).text, 'text'));
      // Each target once; enabled when any enabled rule forwards there.
      const targets = new Map<string, boolean>();
      for (const rule of rules)
        if (rule.forward)
          targets.set(rule.forward.url, (targets.get(rule.forward.url) ?? false) || rule.enabled);
      return {
        rules: rules.length,
        forwardTargets: [...targets].map(([url, enabled]) => ({ url, enabled })),
      };
    },
  };
}
