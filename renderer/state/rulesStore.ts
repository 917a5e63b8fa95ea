import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CommandResponse } from '../../shared/contract';
import type { FallbackResponse, Rule, RuleHits, RulePreview, RuleState } from '../../shared/rules';
import type { HelperDescription, RenderMode, TemplateProblem } from '../../shared/templates';
import { describeError, type HookbenchClient } from '../client';
import { sameEdit } from '../features/responders/ruleFormat';

export type RulesStatus = 'idle' | 'loading' | 'ready' | 'error';

/**
 * The rule in the editor once the user changed it. Kept in the store rather than in the editor,
 * so leaving the Responders screen and coming back finds the same edits (as the Composer's draft).
 */
export interface RuleDraft {
  ruleId: string;
  /** What the editor shows. */
  draft: Rule;
  /** The saved rule the draft started from: the edits are unsaved while the draft differs from it. */
  base: Rule;
}

export interface RulesData {
  /** In answering order: the first enabled rule that matches answers. */
  rules: readonly Rule[];
  /** Null until the first load. */
  fallback: FallbackResponse | null;
  hits: RuleHits;
  status: RulesStatus;
  loadError: string | null;
  /** The template helpers, for the editors' help; null until asked for once. */
  helpers: readonly HelperDescription[] | null;
  /** The rule chosen in the list; null (or a rule since deleted) shows the first one. */
  selectedId: string | null;
  /** Null while the selected rule is shown as saved. */
  editing: RuleDraft | null;
  /** The fallback response being edited (what the editor shows, and the saved one it started from). */
  fallbackDraft: { draft: FallbackResponse; base: FallbackResponse } | null;
  /** The capture the rule preview answers, once the user chose one; kept across screens like the drafts. */
  previewCaptureId: number | null;
}

/**
 * Every action that changes rules resolves with nothing and rejects with a
 * `ClientError` whose message names the problem, for the caller to show inline.
 */
export interface RulesActions {
  load(): Promise<void>;
  /** The whole state, from a `rulesChanged` event or a command's answer. */
  applyState(state: RuleState): void;
  setHits(hits: RuleHits): void;
  saveRule(rule: Rule): Promise<RuleState>;
  /** Shows the switch's new state at once; puts the old one back if the core refuses it. */
  setEnabled(id: string, enabled: boolean): Promise<void>;
  deleteRule(id: string): Promise<void>;
  /** Shows the new order at once; puts the old one back if the core refuses it. */
  reorder(ids: readonly string[]): Promise<void>;
  setFallback(fallback: FallbackResponse): Promise<void>;
  exportRules(): Promise<{ fileName: string; text: string }>;
  importRules(text: string, replace: boolean): Promise<void>;
  /** How many rules a rules file holds; rejects with the core's words when it is not a good one. */
  /** How many rules a file holds and where they forward to; rejects when it would not import. */
  checkRulesFile(text: string): Promise<CommandResponse<'checkRulesFile'>>;
  preview(rule: Rule, captureId: number): Promise<RulePreview>;
  checkTemplate(source: string, mode: RenderMode): Promise<TemplateProblem[]>;
  /** Loads the helper descriptions once; later calls reuse them. */
  loadHelpers(): Promise<void>;
  /** Chooses the rule to edit; a draft of another rule is dropped (the screen asks first). */
  selectRule(id: string | null): void;
  /** Applies an edit to the draft of `saved`, starting one from it if there is none. */
  editRule(saved: Rule, update: (draft: Rule) => Rule): void;
  /** Replaces the draft; null shows the saved rule again (revert, saved, discarded). */
  setRuleDraft(editing: RuleDraft | null): void;
  /** Replaces the fallback's draft; null shows the saved fallback. */
  setFallbackDraft(draft: RulesData['fallbackDraft']): void;
  setPreviewCapture(id: number | null): void;
}

export type RulesStoreState = RulesData & RulesActions;
export type RulesStore = StoreApi<RulesStoreState>;

// Per draft object: hit counts update the store many times a second, the draft only on an edit.
const unsaved = new WeakMap<RuleDraft, boolean>();

/** Whether the rule in the editor has changes that are not saved. */
export function hasUnsavedRule(state: Pick<RulesData, 'editing'>): boolean {
  const { editing } = state;
  if (editing === null) return false;
  let result = unsaved.get(editing);
  if (result === undefined) {
    result = !sameEdit(editing.draft, editing.base);
    unsaved.set(editing, result);
  }
  return result;
}

export function createRulesStore(client: HookbenchClient, flushPendingEvents: () => void): RulesStore {
  // A reorder answered after a newer one must not put the older order back.
  let reorderGeneration = 0;
  let helpersRequest: Promise<void> | null = null;

  return createStore<RulesStoreState>()((set, get) => {
    // Events buffered before a command's answer are older than it, so they go first.
    const applyAnswer = (state: RuleState): RuleState => {
      flushPendingEvents();
      get().applyState(state);
      return state;
    };

    return {
      rules: [],
      fallback: null,
      hits: {},
      status: 'idle',
      loadError: null,
      helpers: null,
      selectedId: null,
      editing: null,
      fallbackDraft: null,
      previewCaptureId: null,

      async load() {
        if (get().status !== 'ready') set({ status: 'loading', loadError: null });
        try {
          applyAnswer(await client.call('getRules', undefined));
        } catch (error) {
          set({ status: 'error', loadError: describeError(error, 'Could not load the responder rules.') });
        }
      },

      applyState(state) {
        const { editing } = get();
        set({
          rules: state.rules,
          fallback: state.fallback,
          hits: state.hits,
          status: 'ready',
          loadError: null,
          // A deleted rule's draft has nothing left to be saved into.
          editing: editing && state.rules.some((rule) => rule.id === editing.ruleId) ? editing : null,
        });
      },

      setHits(hits) {
        set({ hits });
      },

      async saveRule(rule) {
        return applyAnswer(await client.call('saveRule', rule));
      },

      async setEnabled(id, enabled) {
        const rule = get().rules.find((candidate) => candidate.id === id);
        if (!rule || rule.enabled === enabled) return;
        // The switch flips at once; waiting for the core would make it snap back until the answer.
        const show = (value: boolean) =>
          set((state) => ({
            rules: state.rules.map((candidate) =>
              candidate.id === id ? { ...candidate, enabled: value } : candidate,
            ),
          }));
        show(enabled);
        try {
          applyAnswer(await client.call('saveRule', { ...rule, enabled }));
        } catch (error) {
          show(rule.enabled);
          throw error;
        }
      },

      async deleteRule(id) {
        applyAnswer(await client.call('deleteRule', { id }));
      },

      async reorder(ids) {
        const generation = ++reorderGeneration;
        const before = get().rules;
        const byId = new Map(before.map((rule) => [rule.id, rule]));
        const reordered = ids.map((id) => byId.get(id)).filter((rule): rule is Rule => rule !== undefined);
        if (reordered.length === before.length) set({ rules: reordered });
        try {
          const state = await client.call('reorderRules', { ids: [...ids] });
          flushPendingEvents();
          if (generation === reorderGeneration) get().applyState(state);
        } catch (error) {
          if (generation === reorderGeneration) set({ rules: before });
          throw error;
        }
      },

      async setFallback(fallback) {
        applyAnswer(await client.call('setFallback', fallback));
      },

      exportRules() {
        return client.call('exportRules', undefined);
      },

      async importRules(text, replace) {
        applyAnswer(await client.call('importRules', { text, replace }));
      },

      async checkRulesFile(text) {
        return client.call('checkRulesFile', { text });
      },

      preview(rule, captureId) {
        return client.call('previewRule', { rule, captureId });
      },

      async checkTemplate(source, mode) {
        return (await client.call('checkTemplate', { source, mode })).problems;
      },

      loadHelpers() {
        if (get().helpers !== null) return Promise.resolve();
        helpersRequest ??= client.call('listTemplateHelpers', undefined).then(
          (helpers) => set({ helpers }),
          () => {
            // The help is a convenience: without it the editor still works, so try again next time.
            helpersRequest = null;
          },
        );
        return helpersRequest;
      },

      selectRule(id) {
        const { editing } = get();
        set({ selectedId: id, editing: editing?.ruleId === id ? editing : null });
      },

      editRule(saved, update) {
        const { editing } = get();
        const current =
          editing?.ruleId === saved.id ? editing : { ruleId: saved.id, draft: saved, base: saved };
        set({ editing: { ...current, draft: update(current.draft) } });
      },

      setRuleDraft(editing) {
        set({ editing });
      },

      setFallbackDraft(fallbackDraft) {
        set({ fallbackDraft });
      },

      setPreviewCapture(previewCaptureId) {
        set({ previewCaptureId });
      },
    };
  });
}
